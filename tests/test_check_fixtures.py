"""Every fixture fault is reported at its file and line, with exit 1 and no traceback,
and the strict build refuses it without writing a partial site."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import FIXTURES, build_site, make_archive, run_cli, site_project

FAIL_CASES = sorted(p.name for p in (FIXTURES / "fail").iterdir())


def expected_lines(case: str) -> list[str]:
    return (FIXTURES / "fail" / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_base_fixture_passes(tmp_path: Path) -> None:
    result = run_cli("check", str(make_archive(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 3 claims (2 media, 1 policy; 1 confirmed, 1 disputed, 1 unverified); 3 sources")


def test_there_are_at_least_thirty_fail_cases() -> None:
    assert len(FAIL_CASES) >= 30


@pytest.mark.parametrize("case", FAIL_CASES)
def test_check_reports_fault_at_its_line(case: str, tmp_path: Path) -> None:
    archive = make_archive(tmp_path, FIXTURES / "fail" / case)
    result = run_cli("check", str(archive))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line][:-1]
    assert errors == expected_lines(case)
    assert result.stderr.splitlines()[-1].endswith("error(s); nothing was published")


@pytest.mark.parametrize("case", FAIL_CASES)
def test_strict_build_refuses_fault(case: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    archive = make_archive(tmp_path / "project", FIXTURES / "fail" / case)
    project = site_project(tmp_path / "project", archive)
    site = tmp_path / "site"
    with pytest.raises((PluginError, Abort)):
        build_site(project, site)
    for line in expected_lines(case):
        assert line in caplog.text
    assert not (site / "index.html").exists()
