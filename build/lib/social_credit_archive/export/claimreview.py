"""schema.org ClaimReview for a claim page, as JSON-LD that cannot close its script element."""

from __future__ import annotations

import json
from typing import Any

from ..site.cite import ARCHIVE_NAME
from ..model import Archive, Claim, Source
from ..site.urls import claim_uri, permalink


def _appearance(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = source.url
    if source.date[:4].isdigit():
        work["datePublished"] = source.date
    if source.authors:
        work["author"] = [
            {"@type": "Organization" if p.corporate else "Person", "name": p.family if p.corporate else f"{p.given} {p.family}".strip()}
            for p in source.authors
        ]
    return work


def claim_review(claim: Claim, archive: Archive, site_url: str) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "name": claim.statement}
    appearances = [_appearance(archive.sources[a.source]) for a in claim.seen_in]
    if appearances:
        item["firstAppearance"] = appearances[0]
        item["appearance"] = appearances
        if "datePublished" in appearances[0]:
            item["datePublished"] = appearances[0]["datePublished"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": permalink(site_url, claim_uri(claim.id)),
        "claimReviewed": claim.statement,
        "datePublished": claim.first_reviewed,
        "dateModified": claim.reviewed,
        "author": {"@type": "Organization", "name": ARCHIVE_NAME, "url": site_url},
        "reviewRating": {"@type": "Rating", "alternateName": claim.status.capitalize()},
        "itemReviewed": item,
    }


def script_json(data: Any) -> str:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` escaped so text cannot end it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def claim_review_script(claim: Claim, archive: Archive, site_url: str) -> str:
    return f'<script type="application/ld+json">{script_json(claim_review(claim, archive, site_url))}</script>'
