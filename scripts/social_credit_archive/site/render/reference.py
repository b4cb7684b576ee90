"""Timeline and glossary pages, rendered from ``sources/timeline.yaml`` and ``glossary.yaml``."""

from __future__ import annotations

import unicodedata

from ..cite import short_label
from ..markup import esc, text
from ...model import Archive
from ..urls import INDEXES, claim_uri, link, source_uri
from ...vocab import topic_label
from .common import front_matter, html_block


def _source_links(archive: Archive, keys: tuple[str, ...], here: str) -> str:
    return "; ".join(f'<a href="{link(here, source_uri(k))}">{text(short_label(archive.sources[k]))}</a>' for k in keys)


def render_timeline(archive: Archive) -> str:
    here = INDEXES["timeline"]
    out = [front_matter("Timeline", "Dated events in the history of China's social credit system, each sourced."), "# Timeline\n\n"]
    out.append(html_block(f"<p>{len(archive.events)} dated events, oldest first. Each rests on the sources named with it.</p>"))
    items = []
    for event in archive.events:
        claims = "".join(
            f' <a class="scs-event-claim" href="{link(here, claim_uri(c))}">claim</a>' for c in event.claims if c in archive.claims
        )
        items.append(
            f'<li class="scs-event"><time>{esc(event.date)}</time> <strong>{text(event.title)}</strong>'
            f"<p>{text(event.text)} <span class=\"scs-event-sources\">({_source_links(archive, event.sources, here)})</span>{claims}</p></li>"
        )
    out.append(html_block(f'<ol class="scs-timeline">{"".join(items)}</ol>'))
    return "".join(out)


def toneless(pinyin: str) -> str:
    """``shīxìn`` -> ``shixin``: how most readers type pinyin into a search box."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def render_glossary(archive: Archive) -> str:
    """One short section per term, so that site search finds a term by its characters, its
    pinyin (with or without tones) or its English rendering and lands on that term."""
    here = INDEXES["glossary"]
    out = [front_matter("Glossary", "Chinese terms of the social credit system: characters, pinyin, English, meaning."), "# Glossary\n\n"]
    out.append(html_block(
        f"<p>{len(archive.terms)} terms, in pinyin order. Search the site by characters, pinyin (tone marks optional) or English.</p>"
    ))
    used: set[str] = set()
    for t in archive.terms:
        anchor = base = "term-" + "-".join(toneless(t.pinyin).lower().replace(",", " ").split())
        n = 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        out.append(html_block(
            f'<section class="scs-term"><h2 id="{esc(anchor)}"><span lang="zh">{esc(t.term)}</span> '
            f'<span class="scs-pinyin">{esc(t.pinyin)}</span> <span class="scs-toneless">({esc(toneless(t.pinyin))})</span></h2>',
            f"<p><strong>English:</strong> {text(t.english)}</p>",
            f"<p>{text(t.meaning)} Topic: "
            f'<a href="{link(here, INDEXES["topics"], t.topic)}">{esc(topic_label(t.topic))}</a>. '
            f"Sources: {_source_links(archive, t.sources, here)}.</p></section>",
        ))
    return "".join(out)
