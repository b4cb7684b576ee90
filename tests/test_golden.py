"""Golden tests: the Markdown each renderer writes for the fixture archive.

After a deliberate change to a renderer, regenerate with ``UPDATE_GOLDENS=1 pytest
tests/test_golden.py`` and review the diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from conftest import FIXTURES
from social_credit_archive.check.archive import load_archive
from social_credit_archive.site.registry import generate_pages

GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = generate_pages(load_archive(FIXTURES / "base"), "https://archive.example/", dt.date(2026, 11, 21))


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_page_matches_golden(uri: str) -> None:
    golden = GOLDEN / (uri.replace("/", "__"))
    if os.environ.get("UPDATE_GOLDENS"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(PAGES[uri], encoding="utf-8")
    assert PAGES[uri] == golden.read_text(encoding="utf-8")


def test_no_stale_goldens() -> None:
    assert {p.name for p in GOLDEN.iterdir()} == {uri.replace("/", "__") for uri in PAGES}
