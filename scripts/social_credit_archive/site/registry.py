"""Every generated page of the site, as ``{src_uri: markdown}``. Pure: no MkDocs, no I/O.

The build (``social_credit_archive.build``) turns this mapping into MkDocs files, the
``generate`` command writes it to a folder, and the tests call it directly.
"""

from __future__ import annotations

import datetime as dt

from ..model import Archive, Claim
from .context import SiteContext
from .render.claim import render_claim
from .render.entities import render_entity, render_entity_index
from .render.follow import render_corrections, render_data_page, render_review_queue
from .render.indexes import (
    render_articles,
    render_bibliography,
    render_claims_index,
    render_kind_index,
    render_status_index,
    render_topic_index,
)
from .render.reference import render_glossary, render_timeline
from .render.source import render_source
from .render.survey import render_survey
from .urls import INDEXES, claim_uri, entity_uri, source_uri


def generate_pages(archive: Archive, context: SiteContext) -> dict[str, str]:
    pages = {
        INDEXES["claims"]: render_claims_index(archive),
        INDEXES["policy"]: render_kind_index(archive, "policy"),
        INDEXES["media"]: render_kind_index(archive, "media"),
        INDEXES["status"]: render_status_index(archive),
        INDEXES["topics"]: render_topic_index(archive),
        INDEXES["sources"]: render_bibliography(archive),
        INDEXES["articles"]: render_articles(archive),
        INDEXES["timeline"]: render_timeline(archive),
        INDEXES["glossary"]: render_glossary(archive),
        INDEXES["corrections"]: render_corrections(archive),
        INDEXES["review"]: render_review_queue(archive, context.as_of),
        INDEXES["data"]: render_data_page(archive),
        INDEXES["survey"]: render_survey(archive),
        INDEXES["entities"]: render_entity_index(archive),
    }
    settings = (context.site_url, context.as_of, context.repo_url, archive.vocabulary)
    if _SETTINGS != [settings]:
        _CLAIM_PAGES.clear()
        _SETTINGS[:] = [settings]
    for claim in archive.claims.values():
        pages[claim_uri(claim.id)] = _claim_page(claim, archive, context)
    for source in archive.sources.values():
        pages[source_uri(source.key)] = render_source(source, archive, context)
    for entity in archive.entities.values():
        pages[entity_uri(entity.id)] = render_entity(entity, archive)
    return pages


# Claim pages by claim id, with what they were rendered from. Within one build every page is
# rendered; `serve` rebuilds in the same process after each edit, and an unchanged claim whose
# sources, related claims and entities are unchanged gives the same page. Records are immutable
# and reused by the loader while their files are unchanged, so identity stands for "unchanged".
_CLAIM_PAGES: dict[str, tuple[tuple[object, ...], str]] = {}
_SETTINGS: list[tuple[str, dt.date, str, object]] = []


def _claim_page(claim: Claim, archive: Archive, context: SiteContext) -> str:
    inputs = (*archive.inputs_of(claim), context.claim_scripts.get(claim.id))
    hit = _CLAIM_PAGES.get(claim.id)
    if hit is not None and hit[0] == inputs:
        return hit[1]
    page = render_claim(claim, archive, context)
    _CLAIM_PAGES[claim.id] = (inputs, page)
    return page
