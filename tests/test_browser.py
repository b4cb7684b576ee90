"""The built site in headless Chromium (Debian's), at 390 x 844 and 1366 x 900: search that finds
claims, the bottom line on the first screen, phone-first lists with filters in the address,
no overflow, no third-party requests, the CSP, copy buttons, print, and axe in both schemes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

#: What journalists type, and the claim that must be among the first three results.
QUERIES = [
    ("dog", "jinan-dog-owner-credit-points"),
    ("flight ban", "restricted-ticket-tally-2013-2018-counts-purchases"),
    ("失信", "spc-defaulters-list-2013-provisions"),
    ("shixin", "slogan-yichu-shixin-chuchu-shouxian"),
    ("Sesame", "sesame-uses-government-data-sources"),
    ("Rongcheng", "rongcheng-credit-points-scale"),
    ("Tencent Credit", "tencent-credit-score-pulled-2018"),
    ("blood donation", "volunteering-and-blood-donation-improve-records"),
    ("credit repair", "credit-china-unified-window-credit-repair"),
    ("11.14 million", "ndrc-2018-05-restricted-ticket-tally"),
    ("法释〔2013〕17号", "spc-defaulters-list-2013-provisions"),
    ("single score every citizen", "china-gives-every-citizen-a-single-social-credit-score"),
    ("Baihang", "baihang-credit-first-personal-licence-2018"),
    ("Liu Hu", "liu-hu-defaulter-list-after-defamation-case"),
    ("Jia Yueting", "jia-yueting-defaulter-list-2017"),
    ("Pence", "pence-2018-hudson-social-credit-remark"),
]


def page_types(archive) -> dict[str, str]:  # type: ignore[no-untyped-def]
    claim = next(c for c in archive.claims.values() if c.kind == "media" and c.status == "disputed")
    parts = next((c for c in archive.claims.values() if c.parts), claim)
    entity = next(iter(archive.entities), None)
    types = {
        "home": "", "explainer": "learn/what-it-is/", "blacklists explainer": "learn/blacklists/", "claim": f"claims/{claim.id}/",
        "claim in parts": f"claims/{parts.id}/", "all claims": "claims/", "media index": "media/", "policy index": "policy/",
        "by status": "status/", "by topic": "topics/", "articles": "media/articles/", "source": f"sources/{next(iter(archive.sources))}/",
        "bibliography": "sources/", "timeline": "timeline/", "glossary": "glossary/", "survey": "survey/", "entities": "entities/",
        "search": "search/?q=credit", "about": "about/", "methodology": "about/methodology/", "corrections": "corrections/", "data": "data/",
    }
    if entity:
        types["entity"] = f"entities/{entity}/"
    return types


def search_results(page, base: str, query: str, address: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(base + "search/" + address)
    page.fill("#scs-search-q", query)
    page.wait_for_selector("ol.scs-results li", timeout=20_000)
    page.wait_for_timeout(300)
    return [a.get_attribute("href") or "" for a in page.query_selector_all("ol.scs-results li .scs-result-title a")]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_journalist_queries_find_the_claim_in_the_top_three(browser, site_server: str, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    hits = search_results(page, site_server, query)
    top = [urlparse(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hits[:3]]
    assert expected in top, (query, hits[:6])
    assert page.query_selector("ol.scs-results li .scs-badge") is not None  # the rating shows in results
    page.close()


def test_search_shows_claims_first_with_rating_kind_and_summary(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    search_results(page, site_server, "credit")
    first = page.query_selector("ol.scs-results li")
    assert "Claim" in first.inner_text()  # type: ignore[union-attr]
    summary = first.query_selector(".scs-result-summary").inner_text()  # type: ignore[union-attr]
    # the bottom line, or, where the title already is the bottom line, the claim it rates
    shown = {c.summary for c in real_archive.claims.values()} | {"Claim: " + c.statement for c in real_archive.claims.values()}
    assert summary in shown or (summary.startswith("Claim: ") and summary.endswith("…"))
    page.select_option("select[name=type]", "Source")
    page.wait_for_timeout(800)
    assert all("Source" in li.inner_text() for li in page.query_selector_all("ol.scs-results li")[:5])
    assert "type=Source" in page.url and "q=credit" in page.url
    page.close()


def test_search_loads_no_large_index(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    sizes: list[int] = []
    page.on("response", lambda r: sizes.append(len(r.body())) if r.request.resource_type != "document" else None)
    search_results(page, site_server, "flight ban")
    assert sum(sizes) < 2_000_000  # theme assets included; the search itself is measured by the bench
    assert not any("search_index.json" in r for r in [])
    page.close()


def test_every_claim_shows_rating_and_bottom_line_on_a_phone_first_screen(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    late = []
    for claim in real_archive.claims.values():
        page.goto(site_server + f"claims/{claim.id}/", wait_until="domcontentloaded")
        rating = page.query_selector(".scs-rating .scs-badge").bounding_box()  # type: ignore[union-attr]
        summary = page.query_selector(".scs-summary, h1.scs-title").bounding_box()  # type: ignore[union-attr]
        if not (rating and summary and rating["y"] + rating["height"] <= PHONE["height"] and summary["y"] + summary["height"] <= PHONE["height"]):
            late.append(claim.id)
    assert late == []
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_page_type_overflows_sideways(browser, site_server: str, real_archive, viewport: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    wide = []
    for name, path in page_types(real_archive).items():
        page.goto(site_server + path, wait_until="networkidle")
        if page.evaluate("document.documentElement.scrollWidth") > viewport["width"]:
            wide.append(name)
    assert wide == []
    context.close()


def test_claim_lists_are_cards_on_a_phone(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_server + "claims/")
    widths = page.eval_on_selector_all("ul.scs-cards > li .scs-card-title", "els => els.slice(0, 20).map(e => e.getBoundingClientRect().width)")
    assert min(widths) > 250
    context.close()


def test_tables_of_changes_and_parts_are_readable_on_a_phone(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    """The corrections log, review queue, status histories and parts tables: each row a card,
    no cell so narrow that words break mid-word, nothing scrolled out of sight."""
    with_parts = next(c.id for c in real_archive.claims.values() if c.parts)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ("corrections/", f"claims/{with_parts}/"):
        page.goto(site_server + path)
        widths = page.eval_on_selector_all("table.scs-stack td", "els => els.map(e => e.getBoundingClientRect().width)")
        assert widths and min(widths) > 300, path
        hidden = page.eval_on_selector_all(".scs-table-wrap", "els => els.filter(e => e.scrollWidth > e.clientWidth).length")
        assert hidden == 0, path
    context.close()


def test_filters_write_the_address_and_survive_back_and_forward(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_server + "claims/")
    disputed = sum(1 for c in real_archive.claims.values() if c.status == "disputed")
    page.select_option("form.scs-filters select[name=status]", "disputed")
    assert "status=disputed" in page.url
    assert page.locator("ul.scs-cards > li:visible").count() == disputed
    assert page.text_content(".scs-filter-count") == f"Showing {disputed} of {len(real_archive.claims)} claims"
    page.select_option("form.scs-filters select[name=sort]", "title")
    titles = page.eval_on_selector_all("ul.scs-cards > li:not([hidden])", "els => els.map(e => e.dataset.title)")
    assert titles == sorted(titles)
    shared = page.url
    page.goto(site_server + "about/")
    page.go_back()
    page.wait_for_timeout(300)
    assert page.url == shared
    assert page.eval_on_selector("form.scs-filters select[name=status]", "e => e.value") == "disputed"
    assert page.locator("ul.scs-cards > li:visible").count() == disputed
    fresh = browser.new_page()
    fresh.goto(shared)
    assert fresh.locator("ul.scs-cards > li:visible").count() == disputed
    fresh.close()
    page.close()


def test_without_javascript_every_list_is_complete(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "claims/?status=disputed")
    assert page.locator("ul.scs-cards > li").count() == len(real_archive.claims)
    assert page.query_selector("form.scs-filters") is None
    context.close()


def test_pages_request_nothing_from_third_parties_and_break_no_csp_rule(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    hosts: set[str] = set()
    errors: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    for path in page_types(real_archive).values():
        page.goto(site_server + path, wait_until="networkidle")
    assert hosts == {urlparse(site_server).netloc}
    assert errors == []
    page.close()


def test_csp_blocks_scripts_that_are_not_the_archive_s_own(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    """Markup that reached a page (the threat the CSP guards against) runs nothing: an inline
    script, a script file, an event handler, each as the HTML parser meets them."""
    injected = (
        "<script>window.__pwned = 1</script>"
        '<script src="data:text/javascript,window.__pwned2=1"></script>'
        '<script src="assets/x.js"></script>'
        '<img src="x" onerror="window.__pwned3 = 1">'
    )

    def tampered(route):  # type: ignore[no-untyped-def]
        if route.request.url.endswith("/assets/x.js"):
            route.fulfill(status=200, content_type="text/javascript", body="window.__pwned4 = 1")
            return
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("<body", injected + "<body", 1).replace("</main>", injected + "</main>", 1))

    page = browser.new_page()
    page.route("**/*", tampered)
    page.goto(site_server, wait_until="networkidle")
    for flag in ("__pwned", "__pwned2", "__pwned3", "__pwned4"):
        assert page.evaluate(f"window.{flag}") is None, flag
    assert page.evaluate("typeof window.document$") == "object"  # while the theme's own bundle ran
    page.close()


def test_copy_buttons_copy_the_citation(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in real_archive.claims.values() if c.kind == "policy")
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    page = context.new_page()
    page.goto(site_server + f"claims/{claim.id}/")
    page.get_by_role("button", name="Copy bibtex").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith(f"@online{{sca-{claim.id},")
    page.get_by_role("button", name="Copy permalink").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"/claims/{claim.id}/")
    context.close()


def test_evidence_markers_link_to_the_evidence_and_back(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in real_archive.claims.values() if len(c.all_evidence) > 1)
    page = browser.new_page()
    page.goto(site_server + f"claims/{claim.id}/")
    page.click(".scs-verdict .scs-cites a >> nth=0")
    assert page.evaluate("location.hash").startswith("#evidence-")
    target = page.evaluate("location.hash")
    back = page.query_selector(f"{target} .scs-backlinks a")
    assert back is not None
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_reports_no_violations(browser, site_server: str, real_archive, scheme: str, viewport: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport=viewport)
    page = context.new_page()
    found = {}
    for name, path in page_types(real_archive).items():
        page.goto(site_server + path, wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:2]) for v in result["violations"]]
        if violations:
            found[name] = violations
    assert found == {}
    context.close()


def test_print_hides_navigation_and_writes_out_links(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in real_archive.claims.values() if any(real_archive.sources[e.source].url.startswith("https://") for e in c.all_evidence))
    page = browser.new_page()
    page.goto(site_server + f"claims/{claim.id}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".scs-copy"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    link = page.query_selector(".scs-reference a[href^='https://']")
    assert link.get_attribute("href") in link.evaluate("e => getComputedStyle(e, '::after').content")  # type: ignore[union-attr]
    page.close()


def test_glossary_is_found_by_characters_toneless_pinyin_and_english(browser, site_server: str, real_archive) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    term = next(t for t in real_archive.terms if "shī" in t.pinyin)
    toneless = "".join(ch for ch in unicodedata.normalize("NFD", term.pinyin) if not unicodedata.combining(ch))
    page = browser.new_page()
    for query in (term.term, toneless, term.english.split(";")[0].split(",")[0]):
        hits = search_results(page, site_server, query, "?type=Page")  # pages, after the claims
        assert any("/glossary/" in h for h in hits[:5]), (query, hits[:5])
    page.close()
