"""Claims as JSON and CSV: every field a reader sees on a claim page, sources resolved.

Deterministic: the same archive gives the same bytes (sorted keys, no timestamps).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model import Archive, Claim, Evidence, Source
from ..site.cite import reference_text
from ..site.urls import claim_uri, entity_uri, permalink, source_uri

CSV_COLUMNS = (
    "id", "url", "title", "summary", "statement", "kind", "family", "status", "topics", "parts", "reviewed", "first_reviewed",
    "evidence_sources", "seen_in_sources", "related", "entities", "missing", "verdict",
)
LICENCE = "CC-BY-4.0"


def dump(value: Any) -> str:
    """Compact JSON (C encoder: an indented dump is five times slower at 10,000 claims)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


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


def _evidence(items: tuple[Evidence, ...], archive: Archive, site_url: str, start: int) -> list[dict[str, Any]]:
    return [
        {
            "number": start + i,
            "source": source_record(archive.sources[e.source], site_url),
            "stance": e.stance,
            "locator": e.locator,
            "quote": e.quote,
            "translation": e.translation,
            "translated_by": e.translated_by,
        }
        for i, e in enumerate(items, 1)
    ]


def claim_record(claim: Claim, archive: Archive, site_url: str) -> dict[str, Any]:
    offset = len(claim.evidence)
    parts = []
    for part in claim.parts:
        parts.append({
            "statement": part.statement,
            "status": part.status,
            "material": part.material,
            "verdict": part.verdict,
            "missing": part.missing,
            "evidence": _evidence(part.evidence, archive, site_url, offset),
        })
        offset += len(part.evidence)
    return {
        "id": claim.id,
        "url": permalink(site_url, claim_uri(claim.id)),
        "title": claim.heading,
        "summary": claim.summary,
        "statement": claim.statement,
        "kind": claim.kind,
        "family": claim.family,
        "status": claim.status,
        "topics": list(claim.topics),
        "parts": parts,
        "verdict": claim.verdict,
        "missing": claim.missing,
        "evidence": _evidence(claim.evidence, archive, site_url, 0),
        "seen_in": [{"source": source_record(archive.sources[a.source], site_url), "locator": a.locator, "quote": a.quote} for a in claim.seen_in],
        "related": list(archive.related_to.get(claim.id, ())),
        "entities": [
            {"id": e, "name": archive.entities[e].name, "type": archive.entities[e].type, "url": permalink(site_url, entity_uri(e))}
            for e in archive.claim_entities.get(claim.id, ())
        ],
        "reviewed": claim.reviewed,
        "history": [{"date": h.date, "status": h.status, "note": h.note} for h in claim.history],
    }


_WRITTEN: dict[str, tuple[tuple[Any, ...], str]] = {}


def _claim_json(claim: Claim, archive: Archive, site_url: str) -> str:
    """One claim's record as JSON, remembered while the claim, its sources, related claims and
    entities are unchanged (a preview rebuild rewrites the export after every edit)."""
    inputs = (*archive.inputs_of(claim), site_url)
    hit = _WRITTEN.get(claim.id)
    if hit is not None and hit[0] == inputs:
        return hit[1]
    written = json.dumps(claim_record(claim, archive, site_url), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    _WRITTEN[claim.id] = (inputs, written)
    return written


def claims_json(archive: Archive, site_url: str) -> str:
    """The same bytes as ``dump`` of the whole document (keys in sorted order), built from
    per-claim pieces."""
    schema = site_url.rstrip("/") + "/data/claims.schema.json"
    claims = ",".join(_claim_json(c, archive, site_url) for c in archive.claims.values())
    return (
        f'{{"$schema":{json.dumps(schema, ensure_ascii=False)},"claims":[{claims}],'
        f'"licence":{json.dumps(LICENCE, ensure_ascii=False)},"publisher":"Social Credit Archive"}}\n'
    )


def claims_csv(archive: Archive, site_url: str) -> str:
    """One row per claim. Starts with a UTF-8 byte-order mark: without it Excel reads the file
    as the machine's legacy code page and garbles every Chinese character."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for claim in archive.claims.values():
        writer.writerow([
            claim.id,
            permalink(site_url, claim_uri(claim.id)),
            claim.heading,
            claim.summary,
            claim.statement,
            claim.kind,
            claim.family,
            claim.status,
            ";".join(claim.topics),
            " | ".join(f"{p.status}: {p.statement}" for p in claim.parts),
            claim.reviewed,
            claim.first_reviewed,
            ";".join(dict.fromkeys(e.source for e in claim.all_evidence)),
            ";".join(a.source for a in claim.seen_in),
            ";".join(archive.related_to.get(claim.id, ())),
            ";".join(archive.claim_entities.get(claim.id, ())),
            " ".join(claim.missing_texts),
            claim.verdict,
        ])
    return "\ufeff" + out.getvalue()


def changes_json(archive: Archive, site_url: str) -> str:
    """The full changelog: every first review and status change, newest first."""
    return dump({
        "licence": LICENCE,
        "changes": [
            {
                "date": u.change.date,
                "claim": u.claim.id,
                "url": permalink(site_url, claim_uri(u.claim.id)),
                "from": u.previous,
                "to": u.change.status,
                "note": u.change.note,
            }
            for u in archive.updates()
        ],
    })
