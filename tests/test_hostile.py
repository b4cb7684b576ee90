"""Hostile input that cannot live in a fixture folder (FIFOs, permissions, environment,
concurrency, sizes), and the network fence of the link checker."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from support import FIXTURES, build_site, error_lines, make_archive, run_cli, site_project


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    os.mkfifo(archive / "sources" / "claims" / "pipe.yaml")
    os.mkfifo(archive / "docs" / "pipe.md")
    started = time.monotonic()
    result = run_cli("check", str(archive))
    assert time.monotonic() - started < 10
    assert error_lines(result) == [
        "docs/pipe.md:1: is not a regular file (a FIFO, socket or device); the archive reads only regular files",
        "sources/claims/pipe.yaml:1: is not a regular file (a FIFO, socket or device); the archive reads only regular files",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file: permissions cannot be tested as root")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    archive = make_archive(tmp_path)
    target = archive / "sources" / "claims" / "scores-decide-dating.yaml"
    target.chmod(0)
    try:
        assert error_lines(run_cli("check", str(archive))) == [
            "sources/claims/scores-decide-dating.yaml:1: cannot be read (Permission denied)"
        ]
    finally:
        target.chmod(0o644)


def test_empty_and_missing_claim_folders_are_refused(tmp_path: Path) -> None:
    empty = make_archive(tmp_path / "empty")
    for claim in (empty / "sources" / "claims").iterdir():
        claim.unlink()
    assert "sources/claims:1: holds no claim files: the archive needs at least one claim" in error_lines(run_cli("check", str(empty)))
    missing = make_archive(tmp_path / "missing")
    shutil.rmtree(missing / "sources" / "claims")
    assert "sources/claims:1: folder not found: the archive needs at least one claim" in error_lines(run_cli("check", str(missing)))


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SOURCE_DATE_EPOCH", "yesterday", "environment:1: SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds since 1970-01-01"),
        ("SOURCE_DATE_EPOCH", "99999999999", "environment:1: SOURCE_DATE_EPOCH='99999999999' is out of range"),
        ("ARCHIVE_TODAY", "2026-13-01", "environment:1: ARCHIVE_TODAY='2026-13-01' is not a date written YYYY-MM-DD"),
    ],
)
def test_bad_clock_settings_are_reported(
    name: str, value: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("ARCHIVE_TODAY", raising=False)
    monkeypatch.setenv(name, value)
    result = run_cli("check", str(make_archive(tmp_path)))
    assert (result.code, result.stderr.strip()) == (1, message)
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    with pytest.raises((PluginError, Abort)):
        build_site(project, tmp_path / "site")
    assert message in caplog.text


WORST_CASES = {
    "tags": "<a" * 4_000_000,
    "comments": "<!-" * 2_700_000,
    "brackets": "[" * 8_000_000,
    "links": "](" * 4_000_000,
    "markers": "[1, " * 2_000_000,
    "sentences": "No. " * 2_000_000,
    "dashes": "-" * 8_000_000,
}


@pytest.mark.parametrize("name", sorted(WORST_CASES))
def test_text_rules_take_linear_time_on_8_mb_worst_cases(name: str) -> None:
    """Each rule runs in well under a few seconds on 8 MB built to make backtracking regexes explode."""
    from social_credit_archive.check.text import text_problems
    from social_credit_archive.handpages import mask_code
    from social_credit_archive.load.strict_yaml import nesting_problem
    from social_credit_archive.sentences import sentences

    value = WORST_CASES[name]
    started = time.monotonic()
    list(text_problems(value))
    nesting_problem(value)
    mask_code(value)
    sentences(value[:400_000])  # verdicts are capped at 5,000 characters by the schema
    assert time.monotonic() - started < 8, name


@pytest.mark.parametrize("payload", ["@online{" * 700_000, "{" * 8_000_000, "@online{k,\n  title = {" + "a{" * 3_000_000 + "}\n"])
def test_bibtex_worst_cases_finish_in_seconds(payload: str, tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    (archive / "sources" / "references.bib").write_text(payload[: 8 * 1024 * 1024 - 1], encoding="utf-8")
    started = time.monotonic()
    result = run_cli("check", str(archive))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert time.monotonic() - started < 30


def test_hand_pages_worst_case_finishes_in_seconds(tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    (archive / "docs" / "big.md").write_text("[x](" * 120_000 + "\n" + "<a" * 100_000, encoding="utf-8")
    started = time.monotonic()
    result = run_cli("check", str(archive))
    assert result.code == 1
    assert time.monotonic() - started < 20


def test_citations_and_markers_in_code_are_left_alone(tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    page = archive / "docs" / "code.md"
    page.write_text(
        "# Code\n\nWrite `[@unknownkey]` or `<!-- archive:nothing -->` to cite.\n\n"
        "```\n[@council2014outline] <!-- archive:counts -->\n```\n\nCited: [@council2014outline, p. 5].\n",
        encoding="utf-8",
    )
    assert run_cli("check", str(archive)).code == 0
    project = site_project(tmp_path / "p", archive)
    build_site(project, tmp_path / "site")
    html = (tmp_path / "site" / "code" / "index.html").read_text(encoding="utf-8")
    assert "<code>[@unknownkey]</code>" in html and "&lt;!-- archive:nothing --&gt;" in html
    assert "[@council2014outline] &lt;!-- archive:counts --&gt;" in html
    assert 'class="scs-citation" href="../sources/council2014outline/">Example State Council 2014</a>, p. 5' in html


def test_markup_in_a_cited_author_reaches_the_page_as_text(tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    bib = archive / "sources" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace(
        "author      = {{Example State Council}}", 'author      = {{Example "State" Council & co}}'
    ), encoding="utf-8")
    project = site_project(tmp_path / "p", archive)
    build_site(project, tmp_path / "site")
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Example &quot;State&quot; Council &amp; co 2014" in html


def test_use_directory_urls_false_is_refused(tmp_path: Path) -> None:
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    with pytest.raises((PluginError, Abort)):
        build_site(project, tmp_path / "site", use_directory_urls=False)
    assert not (tmp_path / "site").exists()


def test_concurrent_builds_leave_one_complete_site(tmp_path: Path) -> None:
    """Two ``mkdocs build`` processes into one folder: the folder ends up one complete site."""
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    reference = tmp_path / "reference"
    build_site(project, reference)

    def files(folder: Path) -> dict[str, bytes]:  # Pagefind names its index files by hash-map order: compare pages
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file() and "pagefind" not in p.parts}

    assert files(site) == files(reference)
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.") and p.name != ".site.lock"]


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:9/secret")
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<p>By 2020, the basic structures shall be in place.</p>")

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_link_checker_fetches_only_public_hosts() -> None:
    from social_credit_archive.cli.links import fetch

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        for url in (f"http://127.0.0.1:{port}/", f"http://localhost:{port}/", "http://169.254.169.254/latest/meta-data/",
                    "http://10.0.0.1/", "https://good.example@127.0.0.1/", "http://[::1]/"):
            page = fetch(url, 2)
            assert page.status is None and page.error.startswith("not fetched"), url
        allowed = frozenset({"127.0.0.1"})
        assert fetch(f"http://127.0.0.1:{port}/", 2, allow=allowed).alive
        redirected = fetch(f"http://127.0.0.1:{port}/redirect", 2, allow=frozenset())
        assert redirected.error.startswith("not fetched")
    finally:
        server.shutdown()


def test_link_checker_shows_idn_hosts_in_punycode() -> None:
    from social_credit_archive.cli.links import fetch

    page = fetch("https://exаmple.org/", 2)
    assert "xn--exmple-4nf.org" in page.error


def test_symlinked_claim_prints_nothing_of_its_target(tmp_path: Path) -> None:
    archive = make_archive(tmp_path, FIXTURES / "fail" / "symlink-claim")
    result = run_cli("check", str(archive))
    assert "root:" not in result.stderr and "/bin/" not in result.stderr


def test_hook_refuses_build_when_generated_page_collides(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    archive = make_archive(tmp_path / "p")
    (archive / "docs" / "timeline.md").write_text("# My timeline\n", encoding="utf-8")
    project = site_project(tmp_path / "p", archive)
    with pytest.raises((PluginError, Abort)):
        build_site(project, tmp_path / "site")
    assert "docs/timeline.md:1: a hand-written file has the path of a generated one" in caplog.text


@pytest.mark.parametrize(
    ("value", "refused"),
    [("[a](HTTPS://example.org/x)", False), ("[a](Https://example.org/x)", False), ("[a](JAVASCRIPT:alert(1))", True),
     ("[a](jav&#x09;ascript:alert(1))", True), ("<JavaScript:alert(1)>", True), ("[a](//evil.example/x)", True)],
)
def test_link_schemes_are_compared_without_case(value: str, refused: bool) -> None:
    """The allow-list of schemes ignores case (as browsers do), in both directions."""
    from social_credit_archive.check.text import text_problems

    assert bool(list(text_problems(value, markdown=True))) is refused
