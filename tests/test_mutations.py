"""Mutation check: delete each sanitising or validation rule in turn and show that a test fails.

Each case copies the engine, applies one textual mutation that disables one rule, and runs the
tests that should notice with the mutated copy first on ``sys.path``. A mutation that no test
notices is a rule nothing protects.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "scripts" / "social_credit_archive"

# (name, file in the package, text to replace, replacement, tests that must fail)
MUTATIONS = [
    ("front-matter escaping", "site/render/common.py",
     '    meta: dict[str, str] = {"title": esc(shorten(title, 110))}',
     '    meta: dict[str, str] = {"title": shorten(title, 110)}',
     "tests/test_trust.py::test_generated_pages_escape_payloads_that_skip_the_checker"),
    ("case-insensitive scheme check", "check/text.py",
     "scheme.group(1).lower() not in allowed", "scheme.group(1) not in allowed",
     "tests/test_hostile.py::test_link_schemes_are_compared_without_case"),
    ("scheme allow-list", "check/text.py",
     'allowed = ("http", "https", "mailto") if relative_ok else ("http", "https")',
     'allowed = ("http", "https", "mailto", "javascript") if relative_ok else ("http", "https", "javascript")',
     "tests/test_check_fixtures.py::test_check_reports_fault_at_its_line[javascript-link-in-verdict]"),
    ("locator text check", "load/schema.py",
     "                yield from properties.get(key, _any_text)(value, path + (key,))\n",
     "                if key != 'locator':\n                    yield from properties.get(key, _any_text)(value, path + (key,))\n",
     "tests/test_check_fixtures.py::test_check_reports_fault_at_its_line[html-in-provenance-locator]"),
    ("code-fence awareness", "handpages.py",
     '    """``markdown`` with the content of code blocks and code spans replaced by spaces."""\n',
     '    """``markdown`` with the content of code blocks and code spans replaced by spaces."""\n    return markdown\n',
     "tests/test_hostile.py::test_citations_and_markers_in_code_are_left_alone"),
    ("glossary and timeline text checks", "check/archive.py",
     "        self.text_rules(schema, data, Where(rel, lines))\n        return data, lines\n",
     "        if schema not in ('timeline', 'glossary'):\n            self.text_rules(schema, data, Where(rel, lines))\n        return data, lines\n",
     "tests/test_check_fixtures.py::test_check_reports_fault_at_its_line[timeline-text-markup]"),
    ("hand-page sanitiser", "site/sanitise.py",
     "def sanitise_page(page_html: str) -> str:\n",
     "def sanitise_page(page_html: str) -> str:\n    return page_html\n",
     "tests/test_trust.py::test_hand_page_sanitiser_is_the_backstop"),
    ("symlink refusal", "load/reader.py",
     "            if stat.S_ISLNK(info.st_mode):\n",
     "            if False:\n",
     "tests/test_check_fixtures.py::test_check_reports_fault_at_its_line[symlink-claim]"),
]


@pytest.mark.parametrize(("name", "module", "old", "new", "tests"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_deleting_a_rule_makes_a_test_fail(name: str, module: str, old: str, new: str, tests: str, tmp_path: Path) -> None:
    copy = tmp_path / "scripts" / "social_credit_archive"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the mutation for {name!r} no longer matches {module}: update it"
    target.write_text(text.replace(old, new), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path / 'scripts'}{os.pathsep}{ROOT / 'tests'}"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", tests],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 1, f"no test noticed the mutation {name!r}:\n{done.stdout[-1500:]}"
    assert " passed" not in done.stdout.splitlines()[-1] or "failed" in done.stdout.splitlines()[-1]


def test_the_unmutated_engine_passes_the_same_tests(tmp_path: Path) -> None:
    """The control: without a mutation, the tests above pass (so each failure is the mutation's)."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'scripts'}{os.pathsep}{ROOT / 'tests'}"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *sorted({m[4] for m in MUTATIONS})],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
