"""The journalist's toolkit on the built site: ClaimReview, feed, downloads in standard formats
(validated by their own schemas and tools), provenance, freshness, citations."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from support import ROOT, build_site, make_archive, site_project

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def json_ld(html: str) -> list[dict[str, Any]]:
    return [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_each_claim_page_has_one_claim_review_matching_the_data(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    for claim in real_archive.claims.values():
        reviews = json_ld((real_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8"))
        assert len(reviews) == 1, claim.id
        review = reviews[0]
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.statement
        assert review["reviewRating"]["alternateName"] == claim.status.capitalize()
        assert review["reviewRating"]["ratingExplanation"] == claim.summary
        assert review["datePublished"] == claim.history[0].date and review["dateModified"] == claim.reviewed
        assert review["url"].endswith(f"/claims/{claim.id}/")
        item = review["itemReviewed"]
        if claim.seen_in:
            first = real_archive.sources[claim.seen_in[0].source]
            assert item["firstAppearance"]["name"] == first.title
            assert [a["name"] for a in item["appearance"]] == [real_archive.sources[s.source].title for s in claim.seen_in]
            if first.authors or first.container:
                assert item["author"], claim.id
        else:
            assert "appearance" not in item


def test_feed_holds_the_newest_updates_with_their_bottom_line(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    root = ET.parse(real_site / "feed.xml").getroot()
    entries = root.findall("a:entry", ATOM)
    updates = real_archive.updates()
    assert len(entries) == min(100, len(updates))
    dates = [e.find("a:updated", ATOM).text for e in entries]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True) and root.find("a:updated", ATOM).text == dates[0]  # type: ignore[union-attr]
    first = updates[0]
    assert first.claim.summary in entries[0].find("a:summary", ATOM).text  # type: ignore[union-attr]


def test_feed_length_comes_from_config(tmp_path: Path) -> None:
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("feed_entries: 100", "feed_entries: 2"), encoding="utf-8")
    build_site(project, tmp_path / "site")
    assert len(ET.parse(tmp_path / "site" / "feed.xml").getroot().findall("a:entry", ATOM)) == 2
    changes = json.loads((tmp_path / "site" / "data" / "changes.json").read_text(encoding="utf-8"))["changes"]
    assert len(changes) == 4  # the full changelog: every history entry of the three claims


def test_corrections_log_lists_status_changes_and_folds_first_reviews(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    html = (real_site / "corrections" / "index.html").read_text(encoding="utf-8")
    changes = [u for u in real_archive.updates() if u.is_status_change]
    start = html.index("Status changes, newest first")
    table = html[start : html.index("</table>", start)]
    assert table.count("<tr><td data-label=\"Date\"><time") == len(changes)
    days = {u.change.date for u in real_archive.updates() if u.index == 0}
    assert html.count("reviewed for the first time") == len(days)


def test_claims_json_validates_against_its_published_schema(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads((real_site / "data" / "claims.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"].startswith("http") and schema["$id"].endswith("/data/claims.schema.json")
    data = json.loads((real_site / "data" / "claims.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = list(validator.iter_errors(data))
    assert errors == [], errors[:3]
    by_id = {c["id"]: c for c in data["claims"]}
    for claim in real_archive.claims.values():
        exported = by_id[claim.id]
        assert (exported["summary"], exported["status"], len(exported["parts"])) == (claim.summary, claim.status, len(claim.parts))
        numbers = [e["number"] for e in exported["evidence"]] + [e["number"] for p in exported["parts"] for e in p["evidence"]]
        assert numbers == list(range(1, len(claim.all_evidence) + 1))


def test_claims_json_schema_catches_a_wrong_export(real_site: Path) -> None:
    schema = json.loads((real_site / "data" / "claims.schema.json").read_text(encoding="utf-8"))
    data = json.loads((real_site / "data" / "claims.json").read_text(encoding="utf-8"))
    data["claims"][0]["status"] = "maybe"
    data["claims"][1]["evidence"].append({"source": "x"})
    assert len(list(jsonschema.Draft202012Validator(schema).iter_errors(data))) >= 2


def test_csv_opens_in_spreadsheets_with_chinese_intact(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    raw = (real_site / "data" / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    for claim in real_archive.claims.values():
        row = rows[claim.id]
        assert (row["status"], row["statement"], row["summary"]) == (claim.status, claim.statement, claim.summary)
        assert row["topics"].split(";") == list(claim.topics)


# The rules of CSL-JSON 1.0 (citation-style-language/schema, schemas/input/csl-data.json),
# restated: item types, the variables an item may carry, and the shapes of names and dates.
CSL_TYPES = (
    "article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset document entry "
    "entry-dictionary entry-encyclopedia figure graphic hearing interview legal_case legislation manuscript map motion_picture "
    "musical_score pamphlet paper-conference patent performance periodical personal_communication post post-weblog regulation report "
    "review review-book software song speech standard thesis treaty webpage"
).split()
CSL_NAMES = ("author chair collection-editor compiler composer container-author contributor curator director editor editorial-director "
             "executive-producer interviewer illustrator organizer original-author performer producer recipient reviewed-author translator").split()
CSL_DATES = "accessed available-date container event-date issued original-date submitted".split()
CSL_TEXT = (
    "abstract annote archive archive_collection archive_location archive-place authority call-number citation-label collection-title "
    "container-title container-title-short dimensions division DOI event event-place genre ISAN ISBN ISCI ISMN ISRC ISSN ISWC "
    "jurisdiction keyword language journalAbbreviation shortTitle medium note original-publisher original-publisher-place original-title "
    "part-title PMCID PMID publisher publisher-place references reviewed-title scale section source status title title-short "
    "translated-title translated-title-short URL version year-suffix"
).split()
CSL_NUMBERS = ("chapter-number citation-number collection-number edition first-reference-note-number issue locator number number-of-pages "
               "number-of-volumes page page-first part printing supplement volume").split()


def csl_schema() -> dict[str, Any]:
    name = {"type": "object", "additionalProperties": False, "properties": {
        k: {"type": "string"} for k in ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")}}
    date = {"type": "object", "additionalProperties": False, "properties": {
        "date-parts": {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": "array", "minItems": 1, "maxItems": 3,
                                                                               "items": {"type": ["string", "number"]}}},
        "literal": {"type": "string"}, "raw": {"type": "string"}, "season": {"type": ["string", "number"]}}}
    properties: dict[str, Any] = {"type": {"enum": CSL_TYPES}, "id": {"type": ["string", "number"]}, "categories": {"type": "array"},
                                  "custom": {"type": "object"}}
    properties |= {k: {"type": "array", "items": name} for k in CSL_NAMES}
    properties |= dict.fromkeys(CSL_DATES, date)
    properties |= {k: {"type": "string"} for k in CSL_TEXT}
    properties |= {k: {"type": ["string", "number"]} for k in CSL_NUMBERS}
    return {"type": "array", "items": {"type": "object", "required": ["type", "id"], "additionalProperties": False, "properties": properties}}


def test_sources_json_is_valid_csl_json_with_every_mapped_field(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    items = json.loads((real_site / "data" / "sources.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(csl_schema()).iter_errors(items))
    assert errors == [], errors[:3]
    by_id = {i["id"]: i for i in items}
    assert set(by_id) == set(real_archive.sources)
    for source in real_archive.sources.values():
        item = by_id[source.key]
        assert item["title"] == source.title
        if source.langid:
            assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", item["language"]), item["language"]
        for attribute, key in (("number", "number"), ("volume", "volume"), ("pages", "page"), ("genre", "genre")):
            if getattr(source, attribute):
                assert item[key] == getattr(source, attribute)
        if source.translator:
            assert item["translator"] == [{"literal": source.translator}]


def test_datapackage_describes_every_data_file_and_validates(real_site: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    package = json.loads((real_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in package["resources"]}
    assert described == {p.name for p in (real_site / "data").iterdir()} - {"datapackage.json", "index.html"}  # index: the data page
    for resource in package["resources"]:
        assert resource["licenses"][0]["name"] == "CC-BY-4.0"
        digest = hashlib.sha256((real_site / "data" / resource["path"]).read_bytes()).hexdigest()
        assert resource["hash"] == f"sha256:{digest}"
    report = frictionless.validate(str(real_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_data_page_links_every_file_and_states_the_licence(real_site: Path) -> None:
    html = (real_site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("claims.json", "claims.csv", "references.bib", "sources.json", "changes.json", "claims.schema.json", "datapackage.json"):
        assert f'data/{name}" download' in html, name
    assert "CC BY 4.0" in html and "byte-order mark" in html
    assert (real_site / "data/references.bib").read_bytes() == (ROOT / "sources/references.bib").read_bytes()


def test_same_input_gives_the_same_download_bytes(tmp_path: Path) -> None:
    digests = []
    for name in ("a", "b"):
        project = site_project(tmp_path / name, make_archive(tmp_path / name))
        build_site(project, tmp_path / f"{name}-site")
        folder = tmp_path / f"{name}-site"
        digests.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "data").glob("*"))}
                       | {"feed.xml": hashlib.sha256((folder / "feed.xml").read_bytes()).hexdigest()})
    assert digests[0] == digests[1] and len(digests[0]) >= 9


def test_provenance_is_a_dated_chain_oldest_first(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    claim = max((c for c in real_archive.claims.values() if c.kind == "media"), key=lambda c: len(c.seen_in))
    html = (real_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
    chain = html[html.index('class="scs-provenance"') :]
    chain = chain[: chain.index("</ol>")]
    assert chain.count("<li>") == len(claim.seen_in) and "First seen" in chain
    dated = [t for t in re.findall(r"<time>([^<]+)</time>", chain) if t[:4].isdigit()]
    assert dated == sorted(dated)


def test_stale_claims_show_review_due_and_join_the_queue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVE_TODAY", "2028-05-01")  # base fixture claims were reviewed 2026-11-01: due 2028-05-01
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    build_site(project, tmp_path / "site")
    page = (tmp_path / "site/claims/scores-decide-dating/index.html").read_text(encoding="utf-8")
    assert "Review due since 2028-05-01" in page
    queue = (tmp_path / "site/claims/review-queue/index.html").read_text(encoding="utf-8")
    assert queue.count('href="../scores-decide-dating/"') == 1 and "3 claims are due" in queue
    monkeypatch.setenv("ARCHIVE_TODAY", "2028-04-30")
    build_site(project, tmp_path / "site2")
    assert "Review due" not in (tmp_path / "site2/claims/scores-decide-dating/index.html").read_text(encoding="utf-8")
    assert "No claim is due for review." in (tmp_path / "site2/claims/review-queue/index.html").read_text(encoding="utf-8")


def test_claim_and_source_pages_offer_permalink_reference_bibtex_and_a_correction_link(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    claim = next(iter(real_archive.claims.values()))
    source = next(iter(real_archive.sources.values()))
    for page, record in ((real_site / "claims" / claim.id / "index.html", claim.id), (real_site / "sources" / source.key / "index.html", source.key)):
        html = page.read_text(encoding="utf-8")
        for kind in ("permalink", "text", "bibtex"):
            assert f'class="scs-copyable scs-cite-{kind}"' in html, (page, kind)
        assert "issues/new?template=dispute-a-claim.yml" in html and record in html
    html = (real_site / "sources" / source.key / "index.html").read_text(encoding="utf-8")
    assert f"@{source.entry_type}{{{source.key}," in html


def test_cite_this_source_shows_the_whole_entry(tmp_path: Path) -> None:
    """A multi-line note is written whole by bibtexparser's writer (no slicing of lines)."""
    from social_credit_archive.check.archive import load_archive

    archive = make_archive(tmp_path)
    bib = archive / "sources" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace(
        "  sourceclass  = {news},\n}", "  sourceclass  = {news},\n  note         = {First line.\n    Second line.\n    Third line.},\n}"
    ), encoding="utf-8")
    from social_credit_archive.site.cite import source_bibtex

    raw = source_bibtex(load_archive(archive).sources["reporter2016news"])
    assert "Third line.}" in raw and raw.startswith("@online{reporter2016news,") and raw.rstrip().endswith("}")
