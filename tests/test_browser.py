"""The built site in headless Chromium: filters, search (English and Chinese), copy buttons,
keyboard use, no third-party requests, the Content-Security-Policy, and axe-core checks."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT
from social_credit_archive.check.archive import load_archive

pytestmark = pytest.mark.browser

ARCHIVE = load_archive(ROOT)
AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"


def a_claim(**facets: str):  # type: ignore[no-untyped-def]
    return next(c for c in ARCHIVE.claims.values() if all(getattr(c, k) == v for k, v in facets.items()))


def page_types() -> dict[str, str]:
    claim = a_claim(kind="media", status="disputed")
    source = next(iter(ARCHIVE.sources))
    explainer = "learn/what-it-is/" if (ROOT / "docs" / "learn" / "what-it-is.md").exists() else "about/methodology/"
    return {
        "home": "",
        "explainer": explainer,
        "claim": f"claims/{claim.id}/",
        "all claims": "claims/",
        "policy index": "policy/",
        "media index": "media/",
        "by status": "status/",
        "by topic": "topics/",
        "articles": "media/articles/",
        "source": f"sources/{source}/",
        "bibliography": "sources/",
        "timeline": "timeline/",
        "glossary": "glossary/",
    }


def test_filters_narrow_the_claims_index(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_server + "claims/")
    disputed = sum(1 for c in ARCHIVE.claims.values() if c.status == "disputed")
    page.select_option("form.scs-filters select[name=status]", "disputed")
    assert page.locator("table.scs-claims tbody tr:visible").count() == disputed
    assert page.text_content(".scs-filter-count") == f"Showing {disputed} of {len(ARCHIVE.claims)} claims"
    media_disputed = sum(1 for c in ARCHIVE.claims.values() if c.status == "disputed" and c.kind == "media")
    page.select_option("form.scs-filters select[name=kind]", "media")
    assert page.locator("table.scs-claims tbody tr:visible").count() == media_disputed
    page.close()


def test_filters_work_from_the_keyboard(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_server + "policy/")
    page.focus("form.scs-filters select[name=status]")
    page.keyboard.press("ArrowDown")  # first option after "All": confirmed
    confirmed = sum(1 for c in ARCHIVE.claims.values() if c.status == "confirmed" and c.kind == "policy")
    assert page.locator("table.scs-claims tbody tr:visible").count() == confirmed
    page.close()


def test_filter_from_url_query(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    topic = "court-blacklists"
    page = browser.new_page()
    page.goto(site_server + f"claims/?topic={topic}")
    expected = sum(1 for c in ARCHIVE.claims.values() if topic in c.topics)
    assert page.locator("table.scs-claims tbody tr:visible").count() == expected
    page.close()


def test_without_javascript_the_index_is_a_full_list(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "claims/")
    assert page.locator("form.scs-filters").count() == 0
    assert page.locator("table.scs-claims tbody tr:visible").count() == len(ARCHIVE.claims)
    context.close()


def search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.click("label.md-search__icon, .md-search__input")
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


def test_search_finds_a_claim_by_words_of_its_statement(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_server)
    hits = search(page, "Sesame Credit")
    assert any("/claims/" in h for h in hits)
    page.close()


def test_search_finds_a_source_by_title(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    source = next(s for s in ARCHIVE.sources.values() if s.sourceclass == "official" and "Planning Outline" in s.title)
    page = browser.new_page()
    page.goto(site_server)
    hits = search(page, "Planning Outline")
    assert any(f"/sources/{source.key}/" in h or "/sources/" in h for h in hits)
    page.close()


@pytest.mark.parametrize("term", ["失信被执行人", "社会信用体系", "联合惩戒"])
def test_search_finds_chinese_terms_in_characters(browser, site_server: str, term: str) -> None:  # type: ignore[no-untyped-def]
    assert any(t.term == term for t in ARCHIVE.terms), "the glossary should carry the term"
    page = browser.new_page()
    page.goto(site_server)
    hits = search(page, term)
    assert hits, term
    assert any("/glossary/" in h or "/claims/" in h or "/sources/" in h for h in hits)
    page.close()


def test_copy_buttons_copy_the_citation(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    claim = a_claim(kind="policy", status="confirmed")
    origin = site_server.rstrip("/")
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.goto(site_server + f"claims/{claim.id}/")
    page.get_by_role("button", name="Copy bibtex").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"@online{{sca-{claim.id},")
    page.get_by_role("button", name="Copy permalink").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"/claims/{claim.id}/")
    assert "Copied." in page.text_content(".scs-copy-status")
    context.close()


@pytest.mark.parametrize("name", list(page_types()))
def test_pages_request_nothing_from_third_parties(browser, site_server: str, name: str) -> None:  # type: ignore[no-untyped-def]
    hosts: set[str] = set()
    csp_errors: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(site_server + page_types()[name], wait_until="networkidle")
    assert hosts == {urlparse(site_server).netloc}
    assert csp_errors == []
    page.close()


def test_csp_blocks_an_injected_inline_script(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_server)
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 1'; document.head.appendChild(s); }""")
    assert page.evaluate("window.__pwned") is None
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(page_types()))
def test_axe_reports_no_violations(browser, site_server: str, name: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_server + page_types()[name], wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    context.close()


def test_print_hides_navigation_and_writes_out_links(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in ARCHIVE.claims.values() if any(ARCHIVE.sources[e.source].url.startswith("https://") for e in c.evidence))
    page = browser.new_page()
    page.goto(site_server + f"claims/{claim.id}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".scs-copy"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    link = page.query_selector(".scs-reference a[href^='https://']")
    after = link.evaluate("e => getComputedStyle(e, '::after').content")  # type: ignore[union-attr]
    assert link.get_attribute("href") in after  # type: ignore[union-attr]
    page.close()


@pytest.mark.parametrize("query", ["shixin", "keeping faith"])
def test_glossary_is_found_by_toneless_pinyin_and_english(browser, site_server: str, query: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_server)
    hits = search(page, query)
    assert any("/glossary/" in h for h in hits), hits[:5]
    page.close()
