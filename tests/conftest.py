"""Pytest fixtures: the real site built once, served on loopback, and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, ROOT, TODAY, build_site

os.environ.setdefault("ARCHIVE_TODAY", TODAY)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("REPO_URL", "https://github.com/example/social-credit-archive")
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="archive-test-cache-")  # check's file cache: per test run


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real archive, built once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    build_site(ROOT, site)
    return site


@pytest.fixture(scope="session")
def real_archive():  # type: ignore[no-untyped-def]
    from social_credit_archive.check.archive import load_archive

    return load_archive(ROOT)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_server(real_site: Path) -> Iterator[str]:
    """The built real site on a free loopback port: its base URL."""
    yield from serve(real_site)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Headless Chromium from Debian's package, driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (tests/run.sh does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
