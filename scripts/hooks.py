"""MkDocs glue: the only module that imports MkDocs.

It loads and validates the archive once per build, refuses to build on any error (with the
same ``path:line: message`` lines as ``python -m scripts check``), adds the generated pages
in memory, and resolves citations and markers in hand-written pages.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from social_credit_archive.check.archive import check_archive
from social_credit_archive.check import docs as docrefs
from social_credit_archive.dates import build_date
from social_credit_archive.model import Archive
from social_credit_archive.site import registry as pages
from social_credit_archive.site.cite import short_label

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.archive")
_state: dict[str, Archive] = {}
_lifted: dict[str, list[str]] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    result = check_archive(root, Path(config.docs_dir))
    for problem in result.warnings:
        log.info(str(problem))
    if result.archive is None:
        raise PluginError("the archive has errors; nothing was built:\n" + "\n".join(str(p) for p in result.errors))
    _state["archive"] = result.archive
    site_url = config.site_url or ""
    generated = pages.generate_pages(result.archive, site_url, build_date())
    generated.update(pages.generate_data(result.archive, site_url, root))
    if (contributing := root / "CONTRIBUTING.md").exists():  # one text for GitHub and the site
        generated["about/contributing.md"] = contributing.read_text(encoding="utf-8")
    for uri, content in generated.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"{uri}: a hand-written file has the path of a generated one")
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is not None:
        markdown, _lifted[page.file.src_uri] = pages.lift_html(markdown)
        return markdown
    archive = _state["archive"]
    markdown = pages.expand_markers(markdown, archive)
    return docrefs.resolve_citations(markdown, page.file.src_uri, lambda key: short_label(archive.sources[key]))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    blocks = _lifted.pop(page.file.src_uri, None)
    return pages.restore_html(html, blocks) if blocks else html
