"""The archive's content meets its promises: enough documented policy, a timeline and a glossary,
every seed article checked, and explainers whose every paragraph rests on a claim or a source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from social_credit_archive.check.archive import load_archive
from support import ROOT, run_cli

ARCHIVE = load_archive(ROOT)
# index.md (a reading order) and reading-a-claim.md (how this site works) state no facts about
# social credit; every other page in docs/learn/ does, paragraph by paragraph.
LEARN = sorted(p for p in (ROOT / "docs" / "learn").glob("*.md") if p.name not in ("index.md", "reading-a-claim.md"))
EVIDENCE_LINK = re.compile(r"\]\((\.\./)?claims/[a-z0-9-]+\.md(#[^)]*)?\)|\[@[A-Za-z0-9_-]+")


def test_check_summary_shows_the_promised_counts() -> None:
    summary = run_cli("check").stdout
    policy = int(re.search(r"(\d+) policy", summary).group(1))  # type: ignore[union-attr]
    events = int(re.search(r"(\d+) timeline events", summary).group(1))  # type: ignore[union-attr]
    terms = int(re.search(r"(\d+) glossary terms", summary).group(1))  # type: ignore[union-attr]
    assert policy >= 40 and events >= 30 and terms >= 30


def test_timeline_spans_the_1990s_or_2000s_to_recent_years() -> None:
    years = sorted(int(e.date[:4]) for e in ARCHIVE.events)
    assert years[0] <= 2007 and years[-1] >= 2024


def test_every_seed_article_is_a_source_with_rated_claims() -> None:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/seeds is not beside this checkout")
    articles = {a.source for c in ARCHIVE.claims.values() for a in c.seen_in}
    noted = [s for s in ARCHIVE.sources.values() if s.key in articles and s.sourceclass in ("opinion", "news")]
    assert len(noted) >= len(seeds)
    media = [c for c in ARCHIVE.claims.values() if c.kind == "media"]
    assert len(media) >= 45


@pytest.mark.parametrize("topic, at_least", [("individual-cases", 15), ("figures", 15), ("foreign-responses", 15), ("local-pilots", 20)])
def test_the_questions_journalists_bring_have_claim_pages(topic: str, at_least: int) -> None:
    assert sum(1 for c in ARCHIVE.claims.values() if topic in c.topics) >= at_least


@pytest.mark.parametrize("entity_type, at_least", [("document", 20), ("place", 10), ("body", 10), ("company", 8)])
def test_entity_pages_cover_documents_places_bodies_and_companies(entity_type: str, at_least: int) -> None:
    entities = [e for e in ARCHIVE.entities.values() if e.type == entity_type]
    assert len(entities) >= at_least
    assert all(ARCHIVE.entity_claims.get(e.id) for e in entities), "every entity page lists at least one claim"


@pytest.mark.parametrize("page", LEARN, ids=lambda p: p.name)
def test_every_explainer_paragraph_rests_on_a_claim_or_source(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert re.search(r'^!!! abstract "Summary"', text, re.M), "each explainer opens with a summary"
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.strip().splitlines() if line.strip()]
        if not lines or lines[0].startswith(("#", "!!!", "|", "```")):
            continue
        prose = " ".join(lines)
        if len(prose.split()) < 12 or prose.rstrip().endswith(":"):
            continue  # headings, short signposts and lead-ins to a list carry no fact of their own
        assert EVIDENCE_LINK.search(prose), f"{page.name}: paragraph without a claim link or citation: {prose[:120]}"
