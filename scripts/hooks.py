"""MkDocs adapter: the only module that imports MkDocs. It holds one ``Build`` and hands its
pages and data to MkDocs; everything else happens in the engine (``social_credit_archive``).

- ``on_config``: refuses settings the engine cannot honour; a ``build`` writes into a fresh
  temporary folder that replaces the site folder only when the strict build succeeded.
- ``on_files``: checks the archive (errors stop the build with ``path:line: message``) and
  adds the generated pages and data files.
- ``on_page_markdown`` / ``on_page_content``: lifts generated HTML past Markdown, sanitises
  hand-written pages, restores the lifted HTML, registers its anchors and validates its links
  with MkDocs, and marks Chinese text ``lang="zh"``.
- ``on_post_build``: builds the Pagefind search index and moves the finished site into place.
"""

from __future__ import annotations

import html
import logging
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from watchdog.observers.polling import PollingObserver

from social_credit_archive.build import Build
from social_credit_archive.dates import ClockError
from social_credit_archive.publish import PreviewStore, SiteSwap, index_search, strict_warnings, template_cache
from social_credit_archive.site import lift
from social_credit_archive.site.markup import expand_abbreviations, mark_chinese
from social_credit_archive.site.sanitise import sanitise_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.archive")
_state: dict[str, Any] = {"command": "build"}
_lifted: dict[str, list[str]] = {}
PREVIEW_POLL_SECONDS = 0.1


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: use_directory_urls: false is not supported; the archive's links are directory URLs")
    # One value: the repository address decides the edit links too.
    config.edit_uri = ("edit/main/docs/" if config.repo_url else "") if not config.edit_uri else config.edit_uri
    root = Path(config.config_file_path).resolve().parent
    settings: dict[str, Any] = dict(config.extra.get("archive") or {})
    try:
        _state["build"] = Build(
            root=root,
            docs_dir=Path(config.docs_dir),
            site_url=config.site_url or "",
            repo_url=config.repo_url or "",
            feed_entries=int(settings.get("feed_entries", 100)),
        )
    except ClockError as exc:
        raise PluginError(f"environment:1: {exc}") from None
    if _state["command"] == "build":
        _state["swap"] = SiteSwap.begin(Path(config.site_dir))
        config.site_dir = str(_state["swap"].staging)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build: Build = _state["build"]
    result = build.check()
    for problem in result.warnings:
        log.info(str(problem))
    if result.archive is None:
        raise PluginError("the archive has errors; nothing was built:\n" + "\n".join(str(p) for p in result.errors))
    generated: dict[str, str] = {**build.pages(), **build.data()}
    _state["generated"] = generated
    preview = _state.setdefault("preview", PreviewStore.for_root(build.root)) if _state["command"] == "serve" else None
    for uri, content in generated.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri}:1: a hand-written file has the path of a generated one")
        if preview is not None:  # unchanged pages keep their file and mtime: `serve --dirty` skips them
            file = File.generated(config, uri, abs_src_path=str(preview.path_for(uri, content)))
        else:
            file = File.generated(config, uri, content=content)
        if uri.startswith("claims/") and uri.count("/") == 1 and not uri.endswith(("index.md", "review-queue.md")):
            file.edit_uri = f"../sources/claims/{uri.split('/', 1)[1][:-3]}.yaml"
        files.append(file)
    _state["urls"] = {f.url: f for f in files}
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is None:
        build: Build = _state["build"]
        markdown = build.hand_page(markdown, page.file.src_uri)
        if page.title:  # front matter is printed raw in every page's navigation
            page.title = html.escape(html.unescape(str(page.title)))
            page.meta["title"] = page.title
    markdown, _lifted[page.file.src_uri] = lift.lift(markdown)
    return markdown


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is None:
        content = sanitise_page(content)
    # The page's own Markdown text; lifted blocks were marked when they were rendered, and are
    # still placeholders here, so this walks a short text even for the largest index.
    content = mark_chinese(content)
    blocks = _lifted.pop(page.file.src_uri, [])
    if blocks:
        content = lift.restore(content, blocks)
        _register(page, blocks)
    build: Build = _state["build"]
    return expand_abbreviations(content, build.abbreviations())


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The theme's own text (header title, navigation, table of contents) gets lang="zh" too.

    A preview (``serve``) skips the article, whose own text ``on_page_content`` marked: walking
    the whole page again is most of a preview rebuild's cost on large index pages. The real
    build marks the whole body.
    """
    body = output.find("<body")
    if body < 0:
        return output
    if _state["command"] != "serve":
        return output[:body] + mark_chinese(output[body:])
    start = output.find('<article class="md-content__inner', body)
    end = output.find("</article>", start) if start >= 0 else -1
    if end < 0:
        return output[:body] + mark_chinese(output[body:])
    return output[:body] + mark_chinese(output[body:start]) + output[start:end] + mark_chinese(output[end:])


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Look for edits every 0.1 s instead of MkDocs' 0.5 s, still by polling (which works on
    every file system, as MkDocs intends): a preview is then fresh within 2 s of an edit."""
    watched = list(getattr(server, "_watched_paths", {}))
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=PREVIEW_POLL_SECONDS)
    for path in watched:
        server.watch(path)
    return server


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Compiled templates are cached on disk: ``serve`` builds a fresh theme for every rebuild."""
    env.bytecode_cache = FileSystemBytecodeCache(str(template_cache()))
    return env


def _register(page: Page, blocks: list[str]) -> None:
    """Tell MkDocs about the ids in restored blocks, and validate their links as it does."""
    page.present_anchor_ids = (page.present_anchor_ids or set()) | lift.anchors(blocks)
    if page.links_to_anchors is None:
        page.links_to_anchors = {}
    urls: dict[str, File] = _state.get("urls", {})
    for href in lift.links(blocks):
        if ":" in href or href.startswith("//"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            path, fragment = parts.path, parts.fragment
        else:  # a relative address (nearly all of them): no need for the full parser
            path, _, fragment = href.partition("#")
            path = path.partition("?")[0]
        target = page.file if not path else _target(page.file.url, path, urls)
        if target is None:
            log.warning(f"Doc file '{page.file.src_uri}' contains a link '{href}', but no page or file of the site has that address.")
            continue
        if fragment:
            page.links_to_anchors.setdefault(target, {}).setdefault(fragment, href)


def _target(here: str, path: str, urls: dict[str, File]) -> File | None:
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined.startswith(".."):
        return None
    joined = "" if joined == "." else joined
    for candidate in (joined + "/", joined) if path.endswith("/") else (joined, joined + "/"):
        if candidate in urls:
            return urls[candidate]
    return urls.get("") if joined == "" else None


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if _state["command"] == "build" and strict_warnings(config):
        return  # the strict build is about to abort: the old site stays as it was
    if not (_state["command"] == "serve" and _state.get("dirty") and (site / "pagefind").is_dir()):
        index_search(site)  # a dirty preview keeps the index of its first build
    swap: SiteSwap | None = _state.pop("swap", None)
    if swap is not None:
        swap.commit()


def on_shutdown() -> None:
    swap: SiteSwap | None = _state.pop("swap", None)
    if swap is not None:
        swap.abandon()
