"""Shared helpers: the repository root, fixture archives, and in-process site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-21"  # frozen 'now' for the date rules, so fixtures do not age

os.environ.setdefault("ARCHIVE_TODAY", TODAY)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def make_archive(tmp: Path, overlay: Path | None = None) -> Path:
    """A fixture archive: the valid base, with the files of ``overlay`` laid over it."""
    shutil.copytree(FIXTURES / "base", tmp, dirs_exist_ok=True)
    if overlay is not None:
        for path in overlay.rglob("*"):
            if path.is_file() and path.name != "expected.txt":
                target = tmp / path.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    return tmp


def site_project(tmp: Path, archive: Path | None = None) -> Path:
    """A copy of the real site's config and engine around an archive, ready to build."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp / "mkdocs.yml").write_text(config[: config.index("\nnav:")] + "\n", encoding="utf-8")  # fixtures: automatic nav
    shutil.copytree(ROOT / "scripts", tmp / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    shutil.copytree(ROOT / "sources" / "schema", tmp / "sources" / "schema", dirs_exist_ok=True)
    if archive is not None and archive != tmp:
        shutil.copytree(archive, tmp, dirs_exist_ok=True)
    (tmp / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "docs" / "assets" / "archive.css", tmp / "docs" / "assets" / "archive.css")
    return tmp


def build_site(project: Path, site_dir: Path) -> None:
    """Build in-process with the project's mkdocs.yml, strict, as ``mkdocs build --strict``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real archive, built once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("real-site")
    build_site(ROOT, site)
    return site


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def site_server(real_site: Path):  # type: ignore[no-untyped-def]
    """The built real site served on a free loopback port: yields its base URL."""
    import functools
    import http.server
    import threading

    handler = functools.partial(QuietHandler, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


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
