"""Trust under hostile input and time: sanitising, no script from data, reproducible builds,
and the same counts everywhere."""

from __future__ import annotations

import csv
import hashlib
import html.parser
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import markdown
import pytest

from conftest import ROOT, build_site
from social_credit_archive.check.archive import load_archive
from social_credit_archive.site.markup import rich

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<a href='JaVaScRiPt:alert(1)'>x</a>",
    '<svg onload="alert(1)"></svg>',
    "<iframe src=\"https://evil.example/\"></iframe>",
    '<a href="https://ok.example/" onclick="alert(1)">ok</a>',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitiser_strips_scripts_handlers_and_bad_urls(payload: str) -> None:
    out = rich(f"Verdict text. {payload} More text.").lower()
    assert "<script" not in out and "<iframe" not in out and "<svg" not in out
    assert not re.search(r"\son\w+\s*=", out)
    assert "javascript:" not in out and "data:" not in out


class _Scan(html.parser.HTMLParser):
    """Collects what could run: scripts, event-handler attributes, javascript:/data: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.handlers: list[str] = []
        self.bad_urls: list[str] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("href", "src", "action", "formaction") and value and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.bad_urls.append(value)
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


ALLOWED_SRC = re.compile(r"^(/|(\.\./)*)assets/(javascripts/bundle\.[0-9a-f]+\.min\.js|archive\.js)$")


def scan_site(site: Path) -> _Scan:
    scan = _Scan()
    for page in sorted(site.rglob("*.html")):
        scan.feed(page.read_text(encoding="utf-8"))
    return scan


def csp_hashes() -> set[str]:
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    return set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", template))


def test_no_script_from_the_data_reaches_a_page(real_site: Path) -> None:
    scan = scan_site(real_site)
    assert scan.handlers == [] and scan.bad_urls == []
    allowed = csp_hashes()
    for attrs, text in scan.scripts:
        kind = attrs.get("type")
        if attrs.get("src"):
            assert ALLOWED_SRC.match(attrs["src"] or ""), attrs
        elif kind == "application/ld+json":
            json.loads(text)  # data, never code
            assert "</" not in text
        elif kind == "application/json":
            assert attrs.get("id") == "__config"
        else:
            digest = "sha256-" + __import__("base64").b64encode(hashlib.sha256(text.encode()).digest()).decode()
            assert digest in allowed, text[:80]


def test_csp_hashes_match_the_theme_inline_scripts(real_site: Path) -> None:
    """Fails when a Material upgrade changes its inline scripts: update overrides/main.html."""
    used = set()
    for attrs, text in scan_site(real_site).scripts:
        if not attrs.get("src") and attrs.get("type") is None:
            used.add("sha256-" + __import__("base64").b64encode(hashlib.sha256(text.encode()).digest()).decode())
    assert used == csp_hashes()


def test_script_close_tag_in_data_cannot_break_out_of_json_ld() -> None:
    """Defence in depth: even text that check would refuse stays inside the JSON-LD."""
    from dataclasses import replace

    from conftest import FIXTURES
    from social_credit_archive.export.claimreview import claim_review_script

    archive = load_archive(FIXTURES / "base")
    claim = replace(archive.claims["scores-decide-dating"], statement='</script><script>alert("x")</script> & more')
    block = claim_review_script(claim, archive, "https://archive.example/")
    assert block.count("</script>") == 1 and block.endswith("</script>")
    data = json.loads(block[block.index(">") + 1 : -len("</script>")])
    assert data["claimReviewed"] == claim.statement


def test_generated_pages_escape_payloads_that_skip_the_checker() -> None:
    """Render a claim whose fields hold payloads (bypassing check) as MkDocs would, then scan."""
    import datetime as dt
    from dataclasses import replace

    from conftest import FIXTURES
    from social_credit_archive.site.registry import generate_pages

    archive = load_archive(FIXTURES / "base")
    bad = " ".join(PAYLOADS) + "\n---\nhide: [navigation]\n--8<-- \".git/config\"\n<!-- material/tags -->"
    claim = replace(archive.claims["every-citizen-gets-one-score"], statement=bad, verdict=bad)
    archive = replace(archive, claims={**archive.claims, claim.id: claim})
    page = generate_pages(archive, "https://archive.example/", dt.date(2026, 11, 21))[f"claims/{claim.id}.md"]
    front, body = page.split("---\n", 2)[1:]
    assert "hide" not in front and "navigation" not in front
    rendered = markdown.markdown(body, extensions=["attr_list", "tables", "toc"])
    scan = _Scan()
    scan.feed(rendered)
    assert [a for a, _ in scan.scripts if a.get("type") != "application/ld+json"] == []
    assert scan.handlers == [] and scan.bad_urls == []
    assert "<iframe" not in rendered and "<svg" not in rendered


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    commit_time = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", commit_time or "1763683200")  # the last commit's time, as in deploy
    monkeypatch.delenv("ARCHIVE_TODAY", raising=False)
    trees = []
    for name in ("one", "two"):
        build_site(ROOT, tmp_path / name)
        trees.append({p.relative_to(tmp_path / name).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                      for p in sorted((tmp_path / name).rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert "sitemap.xml" in trees[0]


def test_counts_agree_everywhere(real_site: Path) -> None:
    archive = load_archive(ROOT)
    claim_files = {p.stem for p in (ROOT / "sources/claims").glob("*.yaml")}
    bib_keys = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "sources/references.bib").read_text(encoding="utf-8"), re.M))
    pages = {p.parent.name for p in (real_site / "claims").glob("*/index.html")} - {"review-queue"}
    source_pages = {p.parent.name for p in (real_site / "sources").glob("*/index.html")}
    as_json = {c["id"] for c in json.loads((real_site / "data/claims.json").read_text(encoding="utf-8"))["claims"]}
    as_csv = {row["id"] for row in csv.DictReader(io.StringIO((real_site / "data/claims.csv").read_text(encoding="utf-8")))}
    csl = {item["id"] for item in json.loads((real_site / "data/sources.json").read_text(encoding="utf-8"))}
    feed = ET.parse(real_site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    in_feed = {e.find("a:link", ns).get("href").rstrip("/").rsplit("/", 1)[-1] for e in feed.findall("a:entry", ns)}  # type: ignore[union-attr]
    assert claim_files == set(archive.claims) == pages == as_json == as_csv == in_feed
    assert bib_keys == set(archive.sources) == source_pages == csl
