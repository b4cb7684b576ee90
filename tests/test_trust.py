"""Trust under hostile input and time: sanitising, only hashed scripts run, the CSP matches the
files, JSON-LD cannot be broken out of, reproducible builds, the same counts everywhere."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import re
import subprocess
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from support import ROOT, build_site, elements, make_archive

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<a href='JaVaScRiPt:alert(1)'>x</a>",
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example/"></iframe>',
    '<a href="https://ok.example/" onclick="alert(1)">ok</a>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
]


def sha(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitiser_strips_scripts_handlers_and_bad_urls(payload: str) -> None:
    from social_credit_archive.site.markup import rich

    out = rich(f"Verdict text. {payload} More text.").lower()
    assert "<script" not in out and "<iframe" not in out and "<svg" not in out and "<meta" not in out
    assert not re.search(r"\son\w+\s*=", out)
    assert "javascript:" not in out and "data:" not in out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hand_page_sanitiser_is_the_backstop(payload: str) -> None:
    from social_credit_archive.site.sanitise import sanitise_page

    out = sanitise_page(f"<p>Text {payload}</p><!--scs-lifted-0-->")
    for tag, attrs in elements(out).elements:
        assert tag not in ("script", "iframe", "svg", "meta", "img"), tag
        assert not [a for a in attrs if a.startswith("on")]
        assert not (attrs.get("href") or "").lower().startswith(("javascript:", "data:"))
    assert "<!--scs-lifted-0-->" in out


def csp(template: str) -> dict[str, list[str]]:
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', template)
    assert meta is not None
    return {part.split()[0]: part.split()[1:] for part in meta.group(1).split("; ")}


def test_committed_script_hashes_match_the_files() -> None:
    """Fails when an archive script changes without its hash in mkdocs.yml (review both)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 - no tags resolved
    scripts = config["extra"]["archive"]["scripts"]
    assert {s["path"] for s in scripts} == {"assets/archive.js", "assets/search.js"}
    for script in scripts:
        assert script["sha256"] == sha((ROOT / "docs" / script["path"]).read_bytes()), script["path"]


def test_only_hashed_scripts_run_on_any_page(real_site: Path) -> None:
    """Every script element is JSON data or matches a hash in the page's own CSP; no handlers,
    no javascript: URLs, no meta refresh; and the CSP has no 'self' or host wildcard for scripts."""
    from social_credit_archive.site.markup import esc  # noqa: F401 - the package imports

    for page in sorted(real_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        policy = csp(html)
        sources = policy["script-src"]
        assert "'self'" not in sources and not any(s.startswith(("http", "*")) for s in sources), page
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
        allowed = {s.strip("'") for s in sources}
        found = elements(html)
        for tag, attrs in found.elements:
            assert not [a for a in attrs if a.startswith("on")], (page, tag, attrs)
            for name in ("href", "src", "action", "formaction"):
                value = (attrs.get(name) or "").strip().lower().replace("\t", "")
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (page, tag, attrs)
            if tag == "meta":
                assert (attrs.get("http-equiv") or "").lower() != "refresh", page
        for attrs, text in found.scripts:
            kind = attrs.get("type")
            if attrs.get("src"):
                assert attrs.get("integrity") in allowed, (page, attrs)
                src = str(attrs["src"])  # 404.html links from the site root
                target = (real_site / src.lstrip("/") if src.startswith("/") else page.parent / src).resolve()
                assert sha(target.read_bytes()) == attrs["integrity"], (page, attrs)
            elif kind == "application/ld+json":
                json.loads(text)
                assert "</" not in text
            elif kind == "application/json":
                assert attrs.get("id") == "__config"
            else:
                assert sha(text.encode()) in allowed, (page, text[:80])


def test_theme_inline_script_hashes_are_all_used(real_site: Path) -> None:
    """Fails when a Material upgrade changes its inline scripts: update overrides/main.html."""
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(sha256-[A-Za-z0-9+/=]+)"', template[template.index("inline_hashes") : template.index("archive_scripts")]))
    used = set()
    for page in real_site.rglob("*.html"):
        for attrs, text in elements(page.read_text(encoding="utf-8")).scripts:
            if not attrs.get("src") and attrs.get("type") is None:
                used.add(sha(text.encode()))
    assert used <= listed and used, (used - listed)


def test_script_close_tag_in_data_cannot_break_out_of_json_ld(tmp_path: Path) -> None:
    from social_credit_archive.check.archive import load_archive
    from social_credit_archive.export.claimreview import claim_review_script

    archive = load_archive(make_archive(tmp_path))
    claim = replace(archive.claims["scores-decide-dating"], statement='</script><script>alert("x")</script> & more')
    block = claim_review_script(claim, archive, "https://archive.example/")
    assert block.count("</script>") == 1 and block.endswith("</script>")
    assert json.loads(block[block.index(">") + 1 : -len("</script>")])["claimReviewed"] == claim.statement


def test_generated_pages_escape_payloads_that_skip_the_checker(tmp_path: Path) -> None:
    """Render records whose fields hold payloads (bypassing check); no element or attribute
    outside the archive's own survives in the HTML."""
    from social_credit_archive.check.archive import load_archive
    from social_credit_archive.site.context import SiteContext
    from social_credit_archive.site.registry import generate_pages

    archive = load_archive(make_archive(tmp_path))
    bad = " ".join(PAYLOADS) + "\n---\nhide: [navigation]\n--8<-- \".git/config\"\n<!-- material/tags -->"
    claim = replace(archive.claims["every-citizen-gets-one-score"], statement=bad, summary=bad, verdict=bad, title=bad)
    source = replace(archive.sources["reporter2016news"], title=bad, journaltitle=bad, note=bad)
    archive = replace(archive, claims={**archive.claims, claim.id: claim}, sources={**archive.sources, source.key: source})
    pages = generate_pages(archive, SiteContext("https://archive.example/", dt.date(2026, 12, 2)))
    for uri, page in pages.items():
        front, body = page.split("---\n", 2)[1:]
        meta = yaml.safe_load(front)
        assert "hide" not in meta, uri
        assert "<" not in meta["title"] and "<" not in meta.get("description", ""), uri  # themes print these raw
        found = elements(body)
        for tag, attrs in found.elements:
            assert tag not in ("iframe", "meta", "img", "object", "embed"), (uri, tag)
            if tag == "script":
                assert attrs.get("type") == "application/ld+json", uri
            assert not [a for a in attrs if a.startswith("on")], (uri, tag)
            assert not (attrs.get("href") or "").lower().startswith("javascript:"), uri


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same input, same output: every file but the search index's (Pagefind writes its filter
    files in hash-map order, so their bytes and names vary while their content does not)."""
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", done.stdout.strip() or "1764633600")  # the last commit's time, as in deploy
    monkeypatch.delenv("ARCHIVE_TODAY", raising=False)
    trees = []
    for name in ("one", "two"):
        build_site(ROOT, tmp_path / name)
        trees.append({p.relative_to(tmp_path / name).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                      for p in sorted((tmp_path / name).rglob("*")) if p.is_file() and "pagefind" not in p.parts})
    assert trees[0] == trees[1]
    assert "sitemap.xml" in trees[0] and "data/claims.json" in trees[0]


def test_counts_agree_everywhere(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    claim_files = {p.stem for p in (ROOT / "sources/claims").glob("*.yaml")}
    bib_keys = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "sources/references.bib").read_text(encoding="utf-8"), re.MULTILINE))
    pages = {p.parent.name for p in (real_site / "claims").glob("*/index.html")} - {"review-queue"}
    source_pages = {p.parent.name for p in (real_site / "sources").glob("*/index.html")}
    entity_pages = {p.parent.name for p in (real_site / "entities").glob("*/index.html")}
    as_json = {c["id"] for c in json.loads((real_site / "data/claims.json").read_text(encoding="utf-8"))["claims"]}
    as_csv = {row["id"] for row in csv.DictReader(io.StringIO((real_site / "data/claims.csv").read_text(encoding="utf-8-sig")))}
    csl = {item["id"] for item in json.loads((real_site / "data/sources.json").read_text(encoding="utf-8"))}
    changes = {c["claim"] for c in json.loads((real_site / "data/changes.json").read_text(encoding="utf-8"))["changes"]}
    assert claim_files == set(real_archive.claims) == pages == as_json == as_csv == changes
    assert bib_keys == set(real_archive.sources) == source_pages == csl
    assert entity_pages == set(real_archive.entities)
    feed = ET.parse(real_site / "feed.xml").getroot()
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == min(100, sum(len(c.history) for c in real_archive.claims.values()))
