"""Downloadable data: claims as JSON and CSV, sources as CSL-JSON, the BibTeX file, the schema.

Deterministic: the same archive gives the same bytes (sorted keys, no timestamps).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..site.cite import reference_text
from ..model import Archive, Claim, Source
from ..site.urls import claim_uri, permalink, source_uri

CSV_COLUMNS = (
    "id", "url", "statement", "kind", "status", "topics", "reviewed", "first_reviewed",
    "evidence_sources", "seen_in_sources", "related", "verdict",
)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def source_record(source: Source, site_url: str) -> dict[str, Any]:
    return {
        "key": source.key,
        "title": source.title,
        "authors": [p.display for p in source.authors],
        "date": source.date,
        "class": source.sourceclass,
        "url": source.url,
        "reference": reference_text(source),
        "page": permalink(site_url, source_uri(source.key)),
    }


def claim_record(claim: Claim, archive: Archive, site_url: str) -> dict[str, Any]:
    def src(key: str) -> dict[str, Any]:
        return source_record(archive.sources[key], site_url)

    return {
        "id": claim.id,
        "url": permalink(site_url, claim_uri(claim.id)),
        "statement": claim.statement,
        "kind": claim.kind,
        "status": claim.status,
        "topics": list(claim.topics),
        "verdict": claim.verdict,
        "evidence": [
            {
                "source": src(e.source),
                "stance": e.stance,
                "locator": e.locator,
                "quote": e.quote,
                "translation": e.translation,
                "translated_by": e.translated_by,
            }
            for e in claim.evidence
        ],
        "seen_in": [{"source": src(a.source), "locator": a.locator, "quote": a.quote} for a in claim.seen_in],
        "related": list(archive.related_to.get(claim.id, ())),
        "reviewed": claim.reviewed,
        "history": [{"date": h.date, "status": h.status, "note": h.note} for h in claim.history],
    }


def claims_json(archive: Archive, site_url: str) -> str:
    return _dump({"claims": [claim_record(c, archive, site_url) for c in archive.claims.values()]})


def claims_csv(archive: Archive, site_url: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in archive.claims.values():
        writer.writerow([
            claim.id,
            permalink(site_url, claim_uri(claim.id)),
            claim.statement,
            claim.kind,
            claim.status,
            ";".join(claim.topics),
            claim.reviewed,
            claim.first_reviewed,
            ";".join(dict.fromkeys(e.source for e in claim.evidence)),
            ";".join(a.source for a in claim.seen_in),
            ";".join(archive.related_to.get(claim.id, ())),
            claim.verdict,
        ])
    return out.getvalue()


_CSL_TYPES = {
    "online": "webpage", "article": "article-journal", "report": "report", "techreport": "report",
    "legislation": "legislation", "book": "book", "inbook": "chapter", "incollection": "chapter",
    "inproceedings": "paper-conference", "thesis": "thesis", "phdthesis": "thesis", "jurisdiction": "legal_case",
}


def _date_parts(value: str) -> dict[str, Any] | None:
    parts = value.split("-")
    if not parts[0].isdigit():
        return None
    return {"date-parts": [[int(p) for p in parts if p.isdigit()]]}


def csl_item(source: Source) -> dict[str, Any]:
    item: dict[str, Any] = {"id": source.key, "type": _CSL_TYPES.get(source.entry_type, "document"), "title": source.title}
    if source.authors:
        item["author"] = [
            {"literal": p.family} if p.corporate or not p.given else {"family": p.family, "given": p.given} for p in source.authors
        ]
    if (issued := _date_parts(source.date)) is not None:
        item["issued"] = issued
    if source.url:
        item["URL"] = source.url
    if (accessed := _date_parts(source.get("urldate"))) is not None:
        item["accessed"] = accessed
    if source.container:
        item["container-title" if source.entry_type in ("online", "article") else "publisher"] = source.container
    for field, csl in (("number", "number"), ("origtitle", "original-title"), ("note", "note"), ("langid", "language")):
        if source.get(field):
            item[csl] = source.get(field)
    return item


def sources_csl_json(archive: Archive) -> str:
    return _dump([csl_item(s) for s in archive.sources.values()])
