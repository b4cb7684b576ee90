"""Every fault in tests/fixtures/fail is reported at its file and line, with exit 1 and no
traceback, and the strict build refuses it without touching the site folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from support import FIXTURES, ROOT, build_site, error_lines, make_archive, run_cli, site_project

FAIL_CASES = sorted(p.name for p in (FIXTURES / "fail").iterdir())


def expected_lines(case: str) -> list[str]:
    return (FIXTURES / "fail" / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_base_fixture_passes(tmp_path: Path) -> None:
    result = run_cli("check", str(make_archive(tmp_path)))
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("ok: 3 claims (2 media, 1 policy; 1 confirmed, 1 disputed, 1 unverified); 3 sources")


def test_every_fail_case_says_what_it_tests() -> None:
    for case in FAIL_CASES:
        assert (FIXTURES / "fail" / case / "expected.txt").read_text(encoding="utf-8").strip(), case
    assert len(FAIL_CASES) >= 80


@pytest.mark.parametrize("case", FAIL_CASES)
def test_check_reports_fault_at_its_line(case: str, tmp_path: Path) -> None:
    result = run_cli("check", str(make_archive(tmp_path, FIXTURES / "fail" / case)))
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert error_lines(result) == expected_lines(case)
    assert result.stderr.splitlines()[-1].endswith("error(s); nothing was published")


@pytest.mark.parametrize("case", ["bib-syntax-error", "raw-html-in-verdict", "verdict-sentence-without-evidence", "symlink-claim"])
def test_strict_build_refuses_fault_and_keeps_the_old_site(case: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = site_project(tmp_path / "project", make_archive(tmp_path / "project", FIXTURES / "fail" / case))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    with pytest.raises((PluginError, Abort)):
        build_site(project, site)
    for line in expected_lines(case):
        assert line in caplog.text
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site.building-")]


def test_the_command_line_contract(tmp_path: Path) -> None:
    """From the repository root: ``python -m scripts check ROOT`` exits 1 with problems on stderr."""
    archive = make_archive(tmp_path, FIXTURES / "fail" / "raw-html-in-verdict")
    done = subprocess.run([sys.executable, "-m", "scripts", "check", str(archive)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert expected_lines("raw-html-in-verdict")[0] in done.stderr
    ok = subprocess.run([sys.executable, "-m", "scripts", "check", str(make_archive(tmp_path / "ok"))], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and ok.stdout.startswith("ok: ")
