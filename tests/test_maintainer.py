"""Maintainer workflow: new, fmt, the canonical-form report, Zotero imports, workflows, links."""

from __future__ import annotations

import dataclasses
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from social_credit_archive.check.archive import check_archive
from social_credit_archive.cli.links import report
from social_credit_archive.load.strict_yaml import load_yaml
from support import FIXTURES, ROOT, error_lines, make_archive, run_cli


def test_new_writes_an_explained_skeleton_that_check_asks_to_finish(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    result = run_cli("new", "tickets-not-people", "--root", str(root))
    assert result.code == 0, result.stderr
    text = (root / "sources/claims/tickets-not-people.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/claim.schema.json\n")
    for field in ("statement", "summary", "kind", "family", "status", "verdict", "evidence", "missing", "parts", "seen_in", "history"):
        assert f"# {field}" in text, field
    data, _ = load_yaml(text)
    assert data["id"] == "tickets-not-people"
    check = run_cli("check", str(root))
    assert check.code == 1
    assert error_lines(check)[:2] == [
        "sources/claims/tickets-not-people.yaml:33: evidence[0].source: unknown source key 'replace-with-a-bibtex-key'",
        "sources/claims/tickets-not-people.yaml:40: seen_in[0].source: unknown source key 'replace-with-a-bibtex-key'",
    ]


@pytest.mark.parametrize("claim_id, message", [
    ("Not A Slug", "is not a valid id"),
    ("../escape", "is not a valid id"),
    ("outline-sets-2020-target", "exists already"),
])
def test_new_refuses_bad_or_existing_ids(tmp_path: Path, claim_id: str, message: str) -> None:
    root = make_archive(tmp_path)
    before = {p.name: p.read_bytes() for p in (root / "sources/claims").iterdir()}
    result = run_cli("new", claim_id, "--root", str(root))
    assert result.code == 1 and message in result.stderr
    assert {p.name: p.read_bytes() for p in (root / "sources/claims").iterdir()} == before
    assert not (tmp_path.parent / "escape.yaml").exists()


def test_check_reports_non_canonical_files_and_fmt_fixes_only_their_form(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    claim = root / "sources/claims/every-citizen-gets-one-score.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("\nid:", "\nid:   ", 1), encoding="utf-8")
    before = {p.name: load_yaml(p.read_text(encoding="utf-8"))[0] for p in (root / "sources/claims").glob("*.yaml")}
    check = run_cli("check", str(root))
    assert check.code == 0, check.stderr
    assert "sources/claims/every-citizen-gets-one-score.yaml:1: warning: not in canonical form; run: python -m scripts fmt" in check.stderr
    assert run_cli("fmt", "--check", "--root", str(root)).code == 1
    assert run_cli("fmt", "--root", str(root)).code == 0
    assert run_cli("fmt", "--check", "--root", str(root)).code == 0
    after = {p.name: load_yaml(p.read_text(encoding="utf-8"))[0] for p in (root / "sources/claims").glob("*.yaml")}
    assert after == before
    assert "canonical" not in run_cli("check", str(root)).stderr


def _check_process(root: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """``archive check`` as a maintainer runs it: a fresh process, with its cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "social_credit_archive.cli.main", "check", str(root)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_a_second_check_reads_its_cache_and_answers_as_the_first(tmp_path: Path) -> None:
    root = make_archive(tmp_path / "archive")
    bib = root / "sources/references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("title       = {Scores everywhere}", "title = {Scores everywhere}"), encoding="utf-8")
    cache = tmp_path / "cache"
    first, second = _check_process(root, cache), _check_process(root, cache)
    assert first.returncode == second.returncode == 0, first.stderr
    assert "references.bib:1: warning: not in canonical form" in first.stderr
    assert (second.stdout, second.stderr) == (first.stdout, first.stderr)
    assert list(cache.rglob("*.json")), "check kept no cache"
    # An edit after a clean run is seen: the cache is by content, not by file name.
    bib.write_text(bib.read_text(encoding="utf-8").replace("{Blogger, Bob}", "{Blogger, Bob \\'e}"), encoding="utf-8")
    edited = _check_process(root, cache)
    assert edited.returncode == 1
    assert "references.bib:23: blogger2018post: author: LaTeX macro" in edited.stderr


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    root = make_archive(tmp_path / "archive")
    cache = tmp_path / "cache"
    clean = _check_process(root, cache)
    assert clean.returncode == 0, clean.stderr
    for path in cache.rglob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        for entry in document["files"].values():
            if isinstance(entry, dict):
                entry.update(lines=[10**6, 3, 1], sources=[{"key": 7}])
        path.write_text(json.dumps(document), encoding="utf-8")
    damaged = _check_process(root, cache)
    assert (damaged.returncode, damaged.stdout) == (0, clean.stdout), damaged.stderr
    for path in cache.rglob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    assert _check_process(root, cache).stdout == clean.stdout


def test_the_real_archive_is_canonical() -> None:
    result = run_cli("fmt", "--check", "--root", str(ROOT))
    assert result.code == 0, result.stdout + result.stderr


def _with_zotero_export(tmp_path: Path) -> Path:
    root = make_archive(tmp_path)
    bib = root / "sources/references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + (FIXTURES / "zotero/references.bib").read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_a_zotero_export_lacks_only_what_check_asks_for(tmp_path: Path) -> None:
    root = _with_zotero_export(tmp_path)
    problems = error_lines(run_cli("check", str(root)))
    assert problems == [
        "sources/references.bib:32: exampleoffice2020OpinionsFurther: sourceclass: required field is missing",
        "sources/references.bib:41: exampleoffice2020OpinionsFurther: file: a path on the exporter's computer "
        "(Zotero adds it when exporting files); delete the field",
        "sources/references.bib:44: examplechamber2019DigitalHand: sourceclass: required field is missing",
        "sources/references.bib:56: wang2018ShehuiXinyong: sourceclass: required field is missing",
    ]


def test_a_completed_zotero_export_loads_without_loss(tmp_path: Path) -> None:
    root = _with_zotero_export(tmp_path)
    bib = root / "sources/references.bib"
    text = bib.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("file ="))
    for key, sourceclass in (("OpinionsFurther", "official"), ("DigitalHand", "report"), ("ShehuiXinyong", "scholarly")):
        start = text.index(key)
        text = text[:start] + text[start:].replace("\n", f"\n  sourceclass = {{{sourceclass}}},\n", 1)
    bib.write_text(text, encoding="utf-8")
    result = check_archive(root)
    assert not result.errors, result.errors
    assert result.archive is not None
    sources = result.archive.sources
    office = sources["exampleoffice2020OpinionsFurther"]
    assert office.title == "关于进一步完善失信约束制度构建诚信建设长效机制的指导意见"
    assert [a.display for a in office.authors] == ["General Office of the Example Council"] and office.authors[0].corporate
    assert office.shorttitle == "完善失信约束制度"
    chamber = sources["examplechamber2019DigitalHand"]
    assert chamber.title == "The Digital Hand: How China’s Corporate Social Credit System Conditions Market Actors"
    assert [a.display for a in chamber.authors] == ["Example Chamber of Commerce", "Example Consultancy"]
    assert [a.display for a in sources["wang2018ShehuiXinyong"].authors] == ["Wang, Xiaoming", "Müller, Jürgen"]


def test_github_files_are_valid_and_safe() -> None:
    checks = [
        ("vendor.github-workflows", sorted((ROOT / ".github/workflows").glob("*.yml"))),
        ("vendor.github-issue-forms", [p for p in sorted((ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml")) if p.name != "config.yml"]),
        ("vendor.github-issue-config", [ROOT / ".github/ISSUE_TEMPLATE/config.yml"]),
        ("vendor.dependabot", [ROOT / ".github/dependabot.yml"]),
    ]
    for schema, files in checks:
        assert files
        result = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
            capture_output=True, text=True, check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    for path in (ROOT / ".github/workflows").glob("*.yml"):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert "pull_request_target" not in workflow[True], path  # PyYAML reads the key 'on' as True
        assert workflow.get("permissions") == {"contents": "read"}, path
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                uses = str(step.get("uses", ""))
                if uses and not uses.startswith("./"):
                    assert len(uses.partition("@")[2]) == 40, f"{path.name}: {uses} is not pinned to a commit"
                if uses.startswith("actions/checkout"):
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
def fixture_site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FixtureSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _links(root: Path, addresses: dict[str, str], *, allow: frozenset[str] = frozenset({"127.0.0.1"})) -> list[str]:
    """``links`` on the archive, its sources' addresses replaced (check refuses loopback ones)."""
    result = check_archive(root)
    assert result.archive is not None, result.errors
    sources = {key: dataclasses.replace(s, url=addresses.get(s.url, s.url)) for key, s in result.archive.sources.items()}
    archive = dataclasses.replace(result.archive, sources=sources)
    return report(archive, quotes=True, timeout=5, allow=allow)


def test_links_reports_dead_links_redirects_and_changed_quotes(tmp_path: Path, fixture_site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_archive(tmp_path)
    monkeypatch.setattr("social_credit_archive.cli.links.WAYBACK_API", f"{fixture_site}/wayback")
    addresses = {
        "https://example.org/outline": f"{fixture_site}/live",
        "https://example.org/news": f"{fixture_site}/gone",
        "http://example.org/blog": f"{fixture_site}/moved",
    }
    out = _links(root, addresses)
    assert f"sources/references.bib:17: reporter2016news: dead link (404 Not Found): {fixture_site}/gone; try http://web.archive.example/web/2019/gone" in out
    assert f"sources/references.bib:26: blogger2018post: redirects to {fixture_site}/live" in out
    # The outline's quote is on /live once case, spacing and tags are normalised: not reported.
    assert not any("outline-sets-2020-target" in line for line in out), out
    out = _links(root, addresses | {"https://example.org/outline": f"{fixture_site}/changed"})
    assert any(line.startswith("sources/claims/outline-sets-2020-target.yaml:") and "quote not found" in line for line in out), out


def test_links_never_fetches_private_addresses(tmp_path: Path, fixture_site: str) -> None:
    root = make_archive(tmp_path)
    out = _links(root, {"https://example.org/outline": f"{fixture_site}/live"}, allow=frozenset())
    assert any("council2014outline" in line and "not fetched" in line for line in out), out
