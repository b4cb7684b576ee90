"""schema.org ClaimReview for a claim page, as JSON-LD that cannot close its script element."""

from __future__ import annotations

import json
from typing import Any

from ..model import Archive, Claim, Person, Source
from ..site.cite import ARCHIVE_NAME
from ..site.urls import claim_uri, permalink

#: schema.org ratings: 1 = false ... 5 = true; an unverified claim has no numeric rating.
RATING_VALUES = {"confirmed": 5, "disputed": 1}


def _agent(person: Person) -> dict[str, str]:
    return {"@type": "Organization" if person.corporate else "Person", "name": person.natural}


def _work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = source.url
    if source.date[:4].isdigit():
        work["datePublished"] = source.date
    if source.authors:
        work["author"] = [_agent(p) for p in source.authors]
    elif source.container:
        work["author"] = [{"@type": "Organization", "name": source.container}]
    if source.container:
        work["publisher"] = {"@type": "Organization", "name": source.container}
    return work


def claim_review(claim: Claim, archive: Archive, site_url: str) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "name": claim.statement}
    appearances = [_work(archive.sources[a.source]) for a in claim.seen_in]
    if appearances:
        first = appearances[0]
        item["firstAppearance"] = first
        item["appearance"] = appearances
        if "author" in first:
            item["author"] = first["author"][0] if len(first["author"]) == 1 else first["author"]
        if "datePublished" in first:
            item["datePublished"] = first["datePublished"]
    else:  # a policy claim: what documents state; the documents are its author
        documents = [archive.sources[e.source] for e in claim.all_evidence if archive.sources[e.source].sourceclass in ("official", "court")]
        if documents and documents[0].authors:
            item["author"] = _agent(documents[0].authors[0])
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": archive.vocabulary.label("status", claim.status),
        "ratingExplanation": claim.summary,
    }
    if claim.status in RATING_VALUES:
        rating.update(ratingValue=RATING_VALUES[claim.status], bestRating=5, worstRating=1)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": permalink(site_url, claim_uri(claim.id)),
        "claimReviewed": claim.statement,
        "datePublished": claim.first_reviewed,
        "dateModified": claim.reviewed,
        "author": {"@type": "Organization", "name": ARCHIVE_NAME, "url": site_url},
        "reviewRating": rating,
        "itemReviewed": item,
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }


def script_json(data: Any) -> str:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` escaped so text cannot end it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def claim_review_script(claim: Claim, archive: Archive, site_url: str) -> str:
    return f'<script type="application/ld+json">{script_json(claim_review(claim, archive, site_url))}</script>'


def claim_review_scripts(archive: Archive, site_url: str) -> dict[str, str]:
    return {claim.id: claim_review_script(claim, archive, site_url) for claim in archive.claims.values()}
