"""Golden tests: the Markdown each renderer writes for the fixture archive.

After a deliberate change to a renderer, regenerate with ``UPDATE_GOLDENS=1 pytest
tests/test_golden.py`` and review the diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from support import make_archive

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from social_credit_archive.build import Build

    root = make_archive(tmp_path_factory.mktemp("golden"))
    build = Build(root=root, docs_dir=root / "docs", site_url="https://archive.example/", repo_url="https://github.com/example/archive",
                  as_of=dt.date(2026, 12, 2))
    return build.pages()


def golden_names() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir()) if GOLDEN.is_dir() else []


def test_pages_match_goldens(pages: dict[str, str]) -> None:
    if os.environ.get("UPDATE_GOLDENS"):
        for old in GOLDEN.glob("*"):
            old.unlink()
        GOLDEN.mkdir(exist_ok=True)
        for uri, content in pages.items():
            (GOLDEN / uri.replace("/", "__")).write_text(content, encoding="utf-8")
    assert sorted(uri.replace("/", "__") for uri in pages) == golden_names()
    for uri, content in pages.items():
        assert content == (GOLDEN / uri.replace("/", "__")).read_text(encoding="utf-8"), uri
