"""``archive generate OUT``: every page the hook would generate, as files, for any engine.

An engine without MkDocs hooks (Zensical, or ProperDocs without them) can build the site
from ``OUT``: it holds the hand-written pages with markers and citations resolved, every
generated page (their HTML inline, as Markdown allows), the data files and the assets.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ..build import Build
from ..load.reader import TreeReader
from ..site.lift import strip_sentinels


def generated_files(root: Path, site_url: str, repo_url: str = "") -> dict[str, str]:
    """``{path under docs/: content}`` exactly as the hook hands them to MkDocs (before lifting)."""
    build = Build(root=root, docs_dir=root / "docs", site_url=site_url, repo_url=repo_url)
    result = build.check()
    if result.archive is None:
        raise SystemExit("\n".join(str(p) for p in result.errors))
    files = {**build.pages(), **build.data()}
    docs = root / "docs"
    reader = TreeReader(root)
    for page in reader.walk(docs):
        if page.suffix == ".md" and (text := reader.read_text(page, 512 * 1024)) is not None:
            uri = page.relative_to(docs).as_posix()
            files[uri] = build.hand_page(text, uri)
    return files


def run(root: Path, out: Path, site_url: str, repo_url: str = "") -> int:
    root = root.resolve()
    try:
        files = generated_files(root, site_url, repo_url)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 1
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / "docs", out, ignore=shutil.ignore_patterns("*.md"), symlinks=True)
    for uri, content in files.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(strip_sentinels(content) if uri.endswith(".md") else content, encoding="utf-8", newline="")
    print(f"wrote {len(files)} pages and data files to {out}")
    return 0
