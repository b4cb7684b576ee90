"""Timeline and glossary pages, rendered from ``sources/timeline.yaml`` and ``glossary.yaml``."""

from __future__ import annotations

import re
import unicodedata

from ...model import Archive, Event, Term
from ..cite import short_label
from ..markup import esc, text
from ..urls import INDEXES, claim_uri, entity_uri, link, source_uri
from .charts import timeline_chart
from .common import front_matter, html_block, search_terms

_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def _source_links(archive: Archive, keys: tuple[str, ...], here: str) -> str:
    return "; ".join(f'<a href="{link(here, source_uri(k))}">{text(short_label(archive.sources[k], archive.sources))}</a>' for k in keys)


def _entity_links(archive: Archive, ids: tuple[str, ...], here: str) -> str:
    return ", ".join(f'<a href="{link(here, entity_uri(e))}">{text(archive.entities[e].name)}</a>' for e in ids if e in archive.entities)


def event_anchor(event: Event, used: set[str]) -> str:
    base = "event-" + event.date + "-" + "-".join(re.findall(r"[a-z0-9]+", event.title.lower())[:5])
    anchor, n = base, 1
    while anchor in used:
        n += 1
        anchor = f"{base}-{n}"
    used.add(anchor)
    return anchor


def render_timeline(archive: Archive) -> str:
    here = INDEXES["timeline"]
    out = [front_matter("Timeline", "Dated events in the history of China's social credit system, each sourced."), "# Timeline\n\n"]
    used: set[str] = set()
    anchors = [event_anchor(e, used) for e in archive.events]
    out.append(html_block(f"<p>{len(archive.events)} dated events, oldest first. Each rests on the sources named with it.</p>"))
    out.append(html_block(timeline_chart(archive.events, anchors)))
    items = []
    for event, anchor in zip(archive.events, anchors, strict=True):
        claims = [archive.claims[c] for c in event.claims if c in archive.claims]
        claim_links = "".join(
            f'<li><a class="scs-event-claim" href="{link(here, claim_uri(c.id))}">{text(c.heading)}</a></li>' for c in claims
        )
        about = _entity_links(archive, event.about, here)
        items.append(
            f'<li class="scs-event" id="{esc(anchor)}"><p class="scs-event-head"><time datetime="{esc(event.date)}">{esc(event.date)}</time> '
            f"<strong>{text(event.title)}</strong></p>"
            f'<p>{text(event.text)} <span class="scs-event-sources">({_source_links(archive, event.sources, here)})</span></p>'
            + (f'<p class="scs-event-about">About: {about}</p>' if about else "")
            + (f'<ul class="scs-event-claims" aria-label="Claims on this event">{claim_links}</ul>' if claim_links else "")
            + "</li>"
        )
    out.append(html_block(f'<ol class="scs-timeline">{"".join(items)}</ol>'))
    return "".join(out)


def toneless(pinyin: str) -> str:
    """``shīxìn`` -> ``shixin``: how most readers type pinyin into a search box."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def pinyin_key(term: Term) -> tuple[str, tuple[int, ...], str]:
    """Alphabetical by toneless pinyin (case ignored), then by tones 1-4, then by characters."""
    decomposed = unicodedata.normalize("NFD", term.pinyin)
    tones = tuple(_TONES[c] for c in decomposed if c in _TONES)
    return (toneless(term.pinyin).casefold().replace(" ", ""), tones, term.term)


def render_glossary(archive: Archive) -> str:
    """One short section per term, so that search finds a term by its characters, its pinyin
    (with or without tones) or its English rendering and lands on that term."""
    here = INDEXES["glossary"]
    vocab = archive.vocabulary
    terms = sorted(archive.terms, key=pinyin_key)
    out = [front_matter("Glossary", "Chinese terms of the social credit system: characters, pinyin, English, meaning."), "# Glossary\n\n"]
    letters: dict[str, str] = {}
    used: set[str] = set()
    sections = []
    for t in terms:
        anchor = base = "term-" + "-".join(toneless(t.pinyin).lower().replace(",", " ").split())
        n = 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        letter = toneless(t.pinyin)[:1].upper()
        letters.setdefault(letter, anchor)
        about = _entity_links(archive, t.about, here)
        sections.append(html_block(
            f'<section class="scs-term" id="{esc(anchor)}"><h2><span lang="zh">{esc(t.term)}</span> '
            f'<span class="scs-pinyin">{esc(t.pinyin)}</span> <span class="scs-toneless">({esc(toneless(t.pinyin))})</span></h2>',
            search_terms(toneless(t.pinyin), toneless(t.pinyin).replace(" ", "")),
            f"<p><strong>English:</strong> {text(t.english)}</p>",
            f"<p>{text(t.meaning)} Topic: "
            f'<a href="{link(here, INDEXES["topics"], t.topic)}">{esc(vocab.label("topic", t.topic))}</a>. '
            f"Sources: {_source_links(archive, t.sources, here)}."
            + (f" See also: {about}." if about else "")
            + "</p></section>",
        ))
    jump = " ".join(f'<a href="#{esc(a)}">{esc(letter)}</a>' for letter, a in letters.items())
    out.append(html_block(
        f"<p>{len(terms)} terms in alphabetical order of their pinyin (tones ignored). "
        "Search finds a term by its characters, its pinyin (tone marks optional) or its English rendering.</p>",
        f'<nav class="scs-az" aria-label="Jump to a letter">{jump}</nav>',
    ))
    out.extend(sections)
    return "".join(out)
