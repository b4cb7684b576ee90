"""Maintainer workflow: new, fmt, the canonical-form report, Zotero imports, workflows, links."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest
import yaml
from social_credit_archive.check.rules import source_problems
from social_credit_archive.check.rules import today as rules_today

from conftest import FIXTURES, ROOT, make_archive, run_cli
from social_credit_archive.load.bibtex import load_bibliography
from social_credit_archive.load.strict_yaml import load_yaml


def test_new_writes_an_explained_skeleton(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    result = run_cli("new", "tickets-not-people", "--root", str(root))
    assert result.returncode == 0, result.stderr
    text = (root / "sources/claims/tickets-not-people.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/claim.schema.json\n")
    for field in ("statement", "kind", "status", "verdict", "evidence", "seen_in", "history"):
        assert f"# {field}" in text, field
    data, _ = load_yaml(text)
    assert data["id"] == "tickets-not-people"
    check = run_cli("check", str(root))  # the skeleton's TODOs are what check asks to fill in
    assert check.returncode == 1
    assert "sources/claims/tickets-not-people.yaml:27: evidence[0].source: unknown source key 'TODO-bibtex-key'" in check.stderr


@pytest.mark.parametrize("claim_id, message", [
    ("Not A Slug", "is not a valid id"),
    ("../escape", "is not a valid id"),
    ("outline-sets-2020-target", "exists already"),
])
def test_new_refuses_bad_or_existing_ids(tmp_path: Path, claim_id: str, message: str) -> None:
    root = make_archive(tmp_path)
    before = sorted(p.name for p in (root / "sources/claims").iterdir())
    result = run_cli("new", claim_id, "--root", str(root))
    assert result.returncode == 1 and message in result.stderr
    assert sorted(p.name for p in (root / "sources/claims").iterdir()) == before


def test_check_reports_non_canonical_files_and_fmt_fixes_them(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    before = {p.name: load_yaml(p.read_text())[0] for p in (root / "sources/claims").glob("*.yaml")}
    check = run_cli("check", str(root))
    assert check.returncode == 0
    assert "sources/claims/every-citizen-gets-one-score.yaml:1: warning: not in canonical form; run: python -m scripts fmt" in check.stderr
    assert run_cli("fmt", "--check", "--root", str(root)).returncode == 1
    assert run_cli("fmt", "--root", str(root)).returncode == 0
    assert run_cli("fmt", "--check", "--root", str(root)).returncode == 0
    after = {p.name: load_yaml(p.read_text())[0] for p in (root / "sources/claims").glob("*.yaml")}
    for name, data in before.items():  # only form changed: the same data, verdict whitespace aside
        data["verdict"] = data["verdict"].strip()
        after[name]["verdict"] = after[name]["verdict"].strip()
        assert after[name] == data
    assert "canonical" not in run_cli("check", str(root)).stderr


def test_the_real_archive_is_canonical() -> None:
    result = run_cli("fmt", "--check")
    assert result.returncode == 0, result.stdout


def test_zotero_better_biblatex_export_loads_without_loss() -> None:
    raw = (FIXTURES / "zotero" / "references.bib").read_bytes()
    sources, problems = load_bibliography("references.bib", raw)
    assert problems == []
    assert set(sources) == {"exampleoffice2020OpinionsFurther", "examplechamber2019DigitalHand", "wang2018ShehuiXinyong"}
    office = sources["exampleoffice2020OpinionsFurther"]
    assert office.title == "关于进一步完善失信约束制度构建诚信建设长效机制的指导意见"
    assert [a.display for a in office.authors] == ["General Office of the Example Council"] and office.authors[0].corporate
    assert office.get("file").endswith("text/html") and office.get("keywords") == "blacklists,credit repair"
    chamber = sources["examplechamber2019DigitalHand"]
    assert chamber.title == "The Digital Hand: How China’s Corporate Social Credit System Conditions Market Actors"
    assert [a.display for a in chamber.authors] == ["Example Chamber of Commerce", "Example Consultancy"]
    assert [a.display for a in sources["wang2018ShehuiXinyong"].authors] == ["Wang, Xiaoming", "Müller, Jürgen"]


def test_zotero_export_lacks_only_what_check_asks_for() -> None:
    raw = (FIXTURES / "zotero" / "references.bib").read_bytes()
    sources, _ = load_bibliography("references.bib", raw)
    messages = [str(p) for p in sorted(p for s in sources.values() for p in source_problems(s, rules_today()))]
    assert messages == [
        "references.bib:2: exampleoffice2020OpinionsFurther: sourceclass is missing (one of 'official', 'court', 'scholarly', 'report', 'news', 'opinion')",
        "references.bib:14: examplechamber2019DigitalHand: sourceclass is missing (one of 'official', 'court', 'scholarly', 'report', 'news', 'opinion')",
        "references.bib:26: wang2018ShehuiXinyong: sourceclass is missing (one of 'official', 'court', 'scholarly', 'report', 'news', 'opinion')",
    ]


def test_github_files_are_valid_and_safe() -> None:
    checks = [
        ("vendor.github-workflows", sorted((ROOT / ".github/workflows").glob("*.yml"))),
        ("vendor.github-issue-forms", [p for p in sorted((ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml")) if p.name != "config.yml"]),
        ("vendor.github-issue-config", [ROOT / ".github/ISSUE_TEMPLATE/config.yml"]),
    ]
    import subprocess
    import sys

    for schema, files in checks:
        assert files
        result = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
            capture_output=True, text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    for path in (ROOT / ".github/workflows").glob("*.yml"):
        workflow = yaml.safe_load(path.read_text())
        assert "pull_request_target" not in workflow[True], path  # PyYAML reads the key 'on' as True
        assert workflow["permissions"] == {"contents": "read"}, path
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False, path
    assert (ROOT / ".github/PULL_REQUEST_TEMPLATE.md").exists() and (ROOT / ".github/CODEOWNERS").exists()


class _FixtureSite(http.server.SimpleHTTPRequestHandler):
    """/live has the quote, /changed no longer does, /gone is 404, /moved redirects to /live."""

    def do_GET(self) -> None:
        pages = {
            "/live": "<html><body><p>By 2020, the <b>basic</b> structures   shall be in place.</p></body></html>",
            "/changed": "<html><body><p>This page was rewritten.</p></body></html>",
        }
        if self.path.startswith("/wayback"):
            body = json.dumps({"archived_snapshots": {"closest": {"available": True, "url": "http://web.archive.example/web/2019/gone"}}})
            self._send(200, body, "application/json")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/live")
            self.end_headers()
        elif self.path in pages:
            self._send(200, pages[self.path], "text/html; charset=utf-8")
        else:
            self._send(404, "not here", "text/plain")

    def _send(self, code: int, body: str, kind: str) -> None:
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def fixture_site():  # type: ignore[no-untyped-def]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FixtureSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_links_reports_dead_links_redirects_and_changed_quotes(tmp_path: Path, fixture_site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_archive(tmp_path)
    bib = root / "sources/references.bib"
    text = bib.read_text()
    text = text.replace("https://example.org/outline", f"{fixture_site}/live")
    text = text.replace("https://example.org/news", f"{fixture_site}/gone")
    text = text.replace("http://example.org/blog", f"{fixture_site}/moved")
    bib.write_text(text)
    changed = root / "sources/claims/every-citizen-gets-one-score.yaml"
    changed.write_text(changed.read_text().replace("source: council2014outline", "source: blogger2018post"))
    env_run = functools.partial(run_cli, "links", "--quotes", "--timeout", "5", "--root", str(root))
    monkeypatch.setenv("WAYBACK_API", f"{fixture_site}/wayback")
    result = env_run()
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert f"sources/references.bib:17: reporter2016news: dead link (404 Not Found): {fixture_site}/gone; try http://web.archive.example/web/2019/gone" in out
    assert f"sources/references.bib:26: blogger2018post: redirects to {fixture_site}/live" in out
    # The outline quote is on /live (after normalising case, spacing and tags): not reported.
    assert not any("outline-sets-2020-target" in line for line in out)
    # /moved now lands on /live, which has the quote: also fine. Point a quote at a changed page:
    text = bib.read_text().replace(f"{fixture_site}/moved", f"{fixture_site}/changed")
    bib.write_text(text)
    out = env_run().stdout.splitlines()
    assert any(line.startswith("sources/claims/every-citizen-gets-one-score.yaml:") and "quote not found" in line for line in out)
    assert out[-1] == "3 links checked; 2 to look at (a report: nothing fails on it)"
