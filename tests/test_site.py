"""The real archive builds strictly, and every record in sources/ has its page."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from social_credit_archive.check.archive import load_archive


def test_every_claim_and_source_has_a_page(real_site: Path) -> None:
    archive = load_archive(ROOT)
    for claim_id in archive.claims:
        page = real_site / "claims" / claim_id / "index.html"
        assert page.is_file(), claim_id
    for key in archive.sources:
        assert (real_site / "sources" / key / "index.html").is_file(), key
    built_claims = {p.parent.name for p in (real_site / "claims").glob("*/index.html")} - {"review-queue"}
    assert built_claims == set(archive.claims)


def test_index_pages_exist(real_site: Path) -> None:
    for page in ("claims", "policy", "media", "media/articles", "status", "topics", "sources", "timeline", "glossary"):
        assert (real_site / page / "index.html").is_file(), page


def test_claim_pages_stay_out_of_the_navigation(real_site: Path) -> None:
    home = (real_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') : home.index("md-sidebar--secondary")]
    assert 'href="claims/"' in nav and 'href="policy/"' in nav
    assert not re.search(r'href="claims/(?!review-queue/)[a-z0-9-]+/"', nav)
    assert not re.search(r'href="sources/[A-Za-z0-9_-]+/"', nav)


def test_claim_page_shows_status_verdict_evidence_history(real_site: Path) -> None:
    archive = load_archive(ROOT)
    claim = next(c for c in archive.claims.values() if c.kind == "media" and c.seen_in and c.evidence and c.status == "disputed")
    html = (real_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
    assert f"scs-badge--{claim.status}" in html
    for heading in ("Verdict", "Evidence", "Where this claim appeared", "Review", "Cite this claim"):
        assert f">{heading}<" in html, heading
    assert html.count('class="scs-evidence-item"') == len(claim.evidence)
    assert claim.reviewed in html


def test_home_page_shows_live_counts(real_site: Path) -> None:
    archive = load_archive(ROOT)
    html = (real_site / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"<td>Claims</td>\s*<td>{len(archive.claims)}</td>", html)
    assert re.search(rf"<td>Sources</td>\s*<td>{len(archive.sources)}</td>", html)


def test_citations_in_hand_written_pages_link_to_source_pages(tmp_path: Path) -> None:
    from conftest import FIXTURES, build_site, make_archive, site_project

    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    build_site(project, tmp_path / "site")
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="sources/council2014outline/"' in html
    assert "Example State Council 2014" in html
    assert (FIXTURES / "base" / "docs" / "index.md").read_text().count("[@") == 1
