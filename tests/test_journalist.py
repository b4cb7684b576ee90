"""The journalist's toolkit on the built site: ClaimReview, feed, downloads, provenance,
freshness, citations, checked against the data they come from."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

from conftest import ROOT, build_site, make_archive, site_project
from social_credit_archive.check.archive import load_archive
from social_credit_archive.dates import due_date
from social_credit_archive.site.cite import reference_text

ARCHIVE = load_archive(ROOT)
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def json_ld(html: str) -> list[dict]:  # type: ignore[type-arg]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


def test_each_claim_page_has_one_claim_review_matching_the_data(real_site: Path) -> None:
    for claim in ARCHIVE.claims.values():
        html = (real_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
        reviews = json_ld(html)
        assert len(reviews) == 1, claim.id
        review = reviews[0]
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.statement
        assert review["reviewRating"]["alternateName"] == claim.status.capitalize()
        assert review["datePublished"] == claim.history[0].date and review["dateModified"] == claim.reviewed
        assert review["author"]["name"] == "Social Credit Archive"
        assert review["url"].endswith(f"/claims/{claim.id}/")
        item = review["itemReviewed"]
        if claim.seen_in:
            first = ARCHIVE.sources[claim.seen_in[0].source]
            assert item["firstAppearance"]["name"] == first.title
            assert [a["name"] for a in item["appearance"]] == [ARCHIVE.sources[s.source].title for s in claim.seen_in]
        else:
            assert "appearance" not in item


def test_feed_lists_new_claims_and_status_changes_newest_first(real_site: Path) -> None:
    root = ET.parse(real_site / "feed.xml").getroot()
    entries = root.findall("a:entry", ATOM)
    assert len(entries) == sum(len(c.history) for c in ARCHIVE.claims.values())
    dates = [e.find("a:updated", ATOM).text for e in entries]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)
    assert root.find("a:updated", ATOM).text == dates[0]  # type: ignore[union-attr]
    changes = [c for c in ARCHIVE.claims.values() if len(c.history) > 1]
    for claim in changes:
        titles = [e.find("a:title", ATOM).text for e in entries if e.find("a:link", ATOM).get("href").endswith(f"/{claim.id}/")]  # type: ignore[union-attr]
        assert f"Status changed to {claim.status}: {claim.statement}" in titles


def test_corrections_log_lists_every_status_change(real_site: Path) -> None:
    html = (real_site / "corrections" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td><time>", html)
    assert len(rows) == sum(len(c.history) for c in ARCHIVE.claims.values())


def test_claims_json_and_csv_match_the_data(real_site: Path) -> None:
    data = json.loads((real_site / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    by_id = {c["id"]: c for c in data}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((real_site / "data/claims.csv").read_text(encoding="utf-8")))}
    for claim in ARCHIVE.claims.values():
        exported = by_id[claim.id]
        assert exported["statement"] == claim.statement and exported["status"] == claim.status
        assert [e["quote"] for e in exported["evidence"]] == [e.quote for e in claim.evidence]
        for item, ev in zip(exported["evidence"], claim.evidence):
            source = ARCHIVE.sources[ev.source]
            assert item["source"]["title"] == source.title and item["source"]["reference"] == reference_text(source)
        assert rows[claim.id]["status"] == claim.status and rows[claim.id]["statement"] == claim.statement
        assert rows[claim.id]["topics"].split(";") == list(claim.topics)


def test_downloads_are_the_files_check_uses(real_site: Path) -> None:
    assert (real_site / "data/references.bib").read_bytes() == (ROOT / "sources/references.bib").read_bytes()
    assert json.loads((real_site / "data/claim.schema.json").read_text()) == json.loads((ROOT / "sources/schema/claim.schema.json").read_text())
    csl = json.loads((real_site / "data/sources.json").read_text(encoding="utf-8"))
    assert {i["id"] for i in csl} == set(ARCHIVE.sources)
    for item in csl:
        assert item["title"] == ARCHIVE.sources[item["id"]].title and item["type"]
    for page in ("data", "claims", "policy", "media"):
        html = (real_site / page / "index.html").read_text(encoding="utf-8")
        for name in ("claims.json", "claims.csv", "references.bib", "sources.json", "claim.schema.json"):
            assert f"data/{name}\" download" in html, (page, name)


def test_same_input_gives_the_same_download_bytes(tmp_path: Path) -> None:
    digests = []
    for name in ("a", "b"):
        project = site_project(tmp_path / name, make_archive(tmp_path / name))
        build_site(project, tmp_path / f"{name}-site")
        digests.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((tmp_path / f"{name}-site" / "data").glob("*"))}
                       | {"feed.xml": hashlib.sha256((tmp_path / f"{name}-site" / "feed.xml").read_bytes()).hexdigest()})
    assert digests[0] == digests[1] and len(digests[0]) >= 6


def test_provenance_is_a_dated_chain_oldest_first(real_site: Path) -> None:
    claim = max((c for c in ARCHIVE.claims.values() if c.kind == "media"), key=lambda c: len(c.seen_in))
    html = (real_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
    chain = html[html.index('class="scs-provenance"'):]
    chain = chain[: chain.index("</ol>")]
    assert chain.count("<li>") == len(claim.seen_in)
    assert chain.index("First seen") < chain.index("Repeated") if len(claim.seen_in) > 1 else "First seen" in chain
    times = re.findall(r"<time>([^<]+)</time>", chain)
    dated = [t for t in times if t[:4].isdigit()]
    assert dated == sorted(dated)


def test_stale_claims_show_review_due_and_join_the_queue(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ARCHIVE_TODAY", "2028-05-01")  # base fixture claims were reviewed 2026-11-01: due 2028-05-01
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    build_site(project, tmp_path / "site")
    page = (tmp_path / "site/claims/scores-decide-dating/index.html").read_text(encoding="utf-8")
    assert "Review due:" in page and str(due_date("2026-11-01")) == "2028-05-01"
    queue = (tmp_path / "site/claims/review-queue/index.html").read_text(encoding="utf-8")
    assert queue.count('href="../scores-decide-dating/"') == 1 and "3 claims are due" in queue
    monkeypatch.setenv("ARCHIVE_TODAY", "2028-04-30")
    build_site(project, tmp_path / "site2")
    assert "Review due:" not in (tmp_path / "site2/claims/scores-decide-dating/index.html").read_text(encoding="utf-8")
    assert "No claim is due for review." in (tmp_path / "site2/claims/review-queue/index.html").read_text(encoding="utf-8")


def test_claim_and_source_pages_offer_permalink_reference_and_bibtex(real_site: Path) -> None:
    claim = next(iter(ARCHIVE.claims.values()))
    source = next(iter(ARCHIVE.sources.values()))
    for page in (real_site / "claims" / claim.id / "index.html", real_site / "sources" / source.key / "index.html"):
        html = page.read_text(encoding="utf-8")
        for kind in ("permalink", "text", "bibtex"):
            assert f'class="scs-copyable scs-cite-{kind}"' in html, (page, kind)
    html = (real_site / "sources" / source.key / "index.html").read_text(encoding="utf-8")
    assert f"@{source.entry_type}{{{source.key}," in html
