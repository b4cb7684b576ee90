"""Helpers the tests share: fixture archives, in-process builds and CLI runs, HTML scans."""

from __future__ import annotations

import contextlib
import html.parser
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-12-02"  # frozen 'now' for the date rules, so fixtures do not age

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def make_archive(tmp: Path, overlay: Path | None = None) -> Path:
    """A fixture archive: the valid base and the real schemas, with ``overlay``'s files laid over it."""
    shutil.copytree(FIXTURES / "base", tmp, dirs_exist_ok=True)
    shutil.copytree(ROOT / "sources" / "schema", tmp / "sources" / "schema", dirs_exist_ok=True)
    if overlay is not None:
        for path in sorted(overlay.rglob("*")):
            if path.name in ("expected.txt", "README.md") and path.parent == overlay:
                continue
            target = tmp / path.relative_to(overlay)
            if path.is_symlink():
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists() or target.is_symlink():
                    target.unlink()
                target.symlink_to(path.readlink())
            elif path.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
            elif path.is_dir():
                target.mkdir(parents=True, exist_ok=True)
    return tmp


def site_project(tmp: Path, archive: Path | None = None) -> Path:
    """The real site's config, theme overrides and assets around an archive, ready to build."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "mkdocs.yml").write_text(config[: config.index("\nnav:")] + "\n", encoding="utf-8")  # fixtures: automatic nav
    (tmp / "scripts").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "scripts" / "hooks.py", tmp / "scripts" / "hooks.py")
    shutil.copytree(ROOT / "overrides", tmp / "overrides", dirs_exist_ok=True)
    shutil.copytree(ROOT / "sources" / "schema", tmp / "sources" / "schema", dirs_exist_ok=True)
    # The pages every page's header and footer link to (search, about, methodology): the site's shell.
    shutil.copytree(ROOT / "docs" / "about", tmp / "docs" / "about", dirs_exist_ok=True)
    shutil.copyfile(ROOT / "docs" / "search.md", tmp / "docs" / "search.md")
    shutil.copyfile(ROOT / "CONTRIBUTING.md", tmp / "CONTRIBUTING.md")
    if archive is not None and archive != tmp:
        shutil.copytree(archive, tmp, dirs_exist_ok=True)
    (tmp / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    for asset in (ROOT / "docs" / "assets").iterdir():
        shutil.copyfile(asset, tmp / "docs" / "assets" / asset.name)
    return tmp


def build_site(project: Path, site_dir: Path, **overrides: object) -> None:
    """Build in-process with the project's mkdocs.yml, strict, as ``mkdocs build --strict``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True, **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Run:
    """The command line, in-process: exit code and what it printed."""
    from social_credit_archive.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse errors
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def error_lines(run: Run) -> list[str]:
    """The problems ``check`` reported (warnings and the summary line left out)."""
    return [line for line in run.stderr.splitlines() if ": warning: " not in line and not line.endswith("nothing was published")]


class Elements(html.parser.HTMLParser):
    """Every element of a page: (tag, attributes), and the text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts[-1] = (self.scripts[-1][0], self.scripts[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def elements(page_html: str) -> Elements:
    parser = Elements()
    parser.feed(page_html)
    return parser
