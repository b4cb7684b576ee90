"""The built site: a page for every record, every internal link and anchor resolves, the
``generate`` command writes what the hook hands MkDocs, and a second engine builds it."""

from __future__ import annotations

import html
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import ROOT, build_site, elements, make_archive, site_project


def crawl(site: Path) -> list[str]:
    """Every internal href (and #anchor) on every built page that points nowhere."""
    ids: dict[str, set[str]] = {}
    pages: dict[str, str] = {}
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        text = page.read_text(encoding="utf-8")
        pages[rel] = text
        ids[rel] = {html.unescape(m) for m in re.findall(r'\sid="([^"]+)"', text)} | {html.unescape(m) for m in re.findall(r'\sname="([^"]+)"', text)}
    broken = []
    for rel, text in pages.items():
        for tag, attrs in elements(text).elements:
            href = attrs.get("href") if tag in ("a", "link") else None
            if not href or tag == "link" and attrs.get("rel") in ("alternate",):
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "#__")):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root (site_url's path is /)
                target = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
            else:
                target = rel if not parts.path else posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if parts.path.endswith("/") or (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if target.startswith("..") or not (site / target).exists():
                broken.append(f"{rel}: {href}")
                continue
            if parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in ids.get(target, set()):
                broken.append(f"{rel}: {href} (no such anchor)")
    return sorted(set(broken))


def test_every_internal_link_and_anchor_resolves_on_the_real_site(real_site: Path) -> None:
    assert crawl(real_site) == []


def test_every_internal_link_and_anchor_resolves_on_a_fixture_site(tmp_path: Path) -> None:
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    build_site(project, tmp_path / "site")
    assert crawl(tmp_path / "site") == []


def test_a_hand_link_to_a_generated_anchor_builds_and_a_broken_one_fails(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort

    archive = make_archive(tmp_path / "p")
    page = archive / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the evidence](claims/outline-sets-2020-target.md#evidence-1).\n", encoding="utf-8")
    project = site_project(tmp_path / "p", archive)
    build_site(project, tmp_path / "site")
    page.write_text(page.read_text(encoding="utf-8") + "\nAnd [nothing](claims/outline-sets-2020-target.md#evidence-9).\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site2")
    assert "does not contain an anchor '#evidence-9'" in caplog.text


def test_a_broken_link_inside_generated_html_fails_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import Abort

    from social_credit_archive.site import urls
    from social_credit_archive.site.render import common

    # every rating badge now links to a page that does not exist (the status page itself stays put)
    monkeypatch.setattr(common, "INDEXES", {**urls.INDEXES, "status": "stati.md"})
    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    assert "but no page or file of the site has that address" in caplog.text or "does not contain an anchor" in caplog.text


def test_every_record_has_its_page(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    for claim_id in real_archive.claims:
        assert (real_site / "claims" / claim_id / "index.html").is_file(), claim_id
    for key in real_archive.sources:
        assert (real_site / "sources" / key / "index.html").is_file(), key
    for entity_id in real_archive.entities:
        assert (real_site / "entities" / entity_id / "index.html").is_file(), entity_id
    for page in ("claims", "policy", "media", "media/articles", "status", "topics", "sources", "timeline", "glossary", "survey",
                 "entities", "search", "about", "about/methodology", "corrections", "data"):
        assert (real_site / page / "index.html").is_file(), page


def test_record_pages_stay_out_of_the_navigation(real_site: Path) -> None:
    home = (real_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') : home.index("md-sidebar--secondary")]
    assert 'href="claims/"' in nav and 'href="policy/"' in nav
    assert not re.search(r'href="(claims|sources|entities)/(?!review-queue/)[A-Za-z0-9_-]+/"', nav)


def test_generate_writes_what_the_hook_hands_mkdocs(tmp_path: Path) -> None:
    """Build with the hook, keep what it generated; then ``generate``: the same pages and data."""
    from social_credit_archive.cli.generate import generated_files
    from social_credit_archive.site.lift import strip_sentinels

    archive = make_archive(tmp_path / "p")
    project = site_project(tmp_path / "p", archive)
    build_site(project, tmp_path / "site")
    hook = next(m for name, m in sys.modules.items() if name.endswith("hooks.py") or name == "hooks")
    handed = hook._state["generated"]
    files = generated_files(project, "http://127.0.0.1:8000/", repo_url=hook._state["build"].repo_url)
    assert {k for k in files if not k.endswith(".md") or k in handed} >= set(handed)
    for uri, content in handed.items():
        assert files[uri] == content, uri
    out = tmp_path / "generated"
    from support import run_cli

    assert run_cli("generate", str(out), "--root", str(project)).code == 0
    for uri, content in handed.items():
        written = (out / uri).read_bytes().decode("utf-8")  # as written: the CSV keeps its CRLF
        assert written == (strip_sentinels(content) if uri.endswith(".md") else content), uri
    assert (out / "index.md").is_file() and (out / "assets" / "archive.css").is_file()


def test_the_generated_folder_builds_without_the_hook(tmp_path: Path) -> None:
    """An engine without hooks builds the site from ``generate``'s folder (here MkDocs itself,
    with the hook removed from the config: what ProperDocs or Zensical would be given)."""
    from support import run_cli

    project = site_project(tmp_path / "p", make_archive(tmp_path / "p"))
    out = project / "generated"
    assert run_cli("generate", str(out), "--root", str(project)).code == 0
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n  - scripts/hooks.py\n", "\n", config) + "docs_dir: generated\n"
    config = config.replace("strict: true", "strict: false")
    (project / "plain.yml").write_text(config, encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(project / "plain.yml"), site_dir=str(tmp_path / "plain-site"))
    build(cfg)
    page = (tmp_path / "plain-site" / "claims" / "every-citizen-gets-one-score" / "index.html").read_text(encoding="utf-8")
    assert "scs-badge--disputed" in page and 'id="evidence-1"' in page


@pytest.mark.parametrize("engine", ["properdocs"])
def test_second_engine_builds_the_site(engine: str, tmp_path: Path) -> None:
    """ProperDocs (a maintained fork of MkDocs 1.6) builds the real site, hook included.
    CI installs it in a separate environment; here it runs only where it is installed."""
    pytest.importorskip(engine)
    import subprocess

    done = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "s" / "claims" / "index.html").is_file()


def test_every_run_of_chinese_is_marked_lang_zh(real_site: Path) -> None:
    """Screen readers and fonts need lang="zh" on Chinese text, in generated and hand-written pages."""
    from social_credit_archive.site.markup import mark_chinese

    unmarked = []
    for page in sorted(real_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        body = text[text.index("<body") :]
        if mark_chinese(body) != body:
            unmarked.append(page.relative_to(real_site).as_posix())
    assert unmarked == []


def test_pages_carry_social_cards_with_title_summary_and_rating(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    from social_credit_archive.site.markup import esc

    claim = next(iter(real_archive.claims.values()))
    html = (real_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
    rating = real_archive.vocabulary.label("status", claim.status)
    assert f'<meta property="og:description" content="Rating: {rating}. ' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert f'<meta name="twitter:data1" content="{rating}">' in html
    assert esc(claim.heading)[:60] in html[html.index('property="og:title"') :][:400]
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:type" content="website">' in home


def test_every_entity_page_is_linked_from_the_pages_that_name_it(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    """Each entity is reachable from every claim that mentions it (and from its index)."""
    index = (real_site / "entities" / "index.html").read_text(encoding="utf-8")
    for entity_id, claims in real_archive.entity_claims.items():
        assert f'href="{entity_id}/"' in index, entity_id
        for claim_id in claims:
            page = (real_site / "claims" / claim_id / "index.html").read_text(encoding="utf-8")
            assert f'href="../../entities/{entity_id}/"' in page, (claim_id, entity_id)
    for entity_id in real_archive.entities:
        assert real_archive.entity_claims.get(entity_id), f"{entity_id}: no claim names it"


def test_every_claim_page_shows_bottom_line_parts_and_linked_markers(real_site: Path, real_archive) -> None:  # type: ignore[no-untyped-def]
    from social_credit_archive.sentences import sentences

    for claim in real_archive.claims.values():
        html = (real_site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
        head = html.index('class="scs-claim-head"')
        assert head < html.index('id="verdict"'), claim.id  # the bottom line comes first
        assert ("scs-parts" in html) == bool(claim.parts), claim.id
        expected_links = 0
        for text, scope_evidence in [(claim.verdict, claim.evidence), *((p.verdict, p.evidence) for p in claim.parts)]:
            for sentence in sentences(text) if text else []:
                for ref in sentence.refs:
                    expected_links += sum(1 for e in scope_evidence if e.source == ref[1:]) if ref.startswith("@") else 1
        links = re.findall(r'<a href="#(evidence-\d+)" id="cite-\d+"', html)
        assert len(links) == expected_links, claim.id
        ids = set(re.findall(r'id="(evidence-\d+)"', html))
        assert set(links) <= ids and len(ids) == len(claim.all_evidence), claim.id
        if claim.parts:  # the one-line reasons lose their markers without leaving " ," behind
            table = html[html.index('class="scs-parts'):html.index("</table>", html.index('class="scs-parts'))]
            assert not re.search(r"\s[,.;:]", re.sub(r"<[^>]+>", "", table)), claim.id


def test_a_citation_at_the_start_of_a_line_stays_in_its_sentence(real_site: Path) -> None:
    """A ``[@key]`` that opens a source line must not end the paragraph (it once did, leaving
    "(Label)" and "; the glossary ..." as paragraphs of their own)."""
    stranded = []
    for page in (real_site / "learn").rglob("index.html"):
        for paragraph in re.findall(r"<p>(.*?)</p>", page.read_text(encoding="utf-8"), re.S):
            if re.fullmatch(r'\s*\(<a class="scs-citation".*\)\s*', paragraph) or re.match(r"\s*[;,.]", paragraph):
                stranded.append(f"{page.relative_to(real_site)}: {paragraph[:80]}")
    assert not stranded
