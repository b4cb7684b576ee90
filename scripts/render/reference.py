"""Timeline and glossary pages, rendered from ``sources/timeline.yaml`` and ``glossary.yaml``."""

from __future__ import annotations

import unicodedata

from ..cite import short_label
from ..markup import esc, text
from ..model import Archive
from ..urls import INDEXES, claim_uri, link, source_uri
from ..vocab import topic_label
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
    here = INDEXES["glossary"]
    out = [front_matter("Glossary", "Chinese terms of the social credit system: characters, pinyin, English, meaning."), "# Glossary\n\n"]
    out.append(html_block(
        f"<p>{len(archive.terms)} terms. Search this page (or the whole site) by characters, pinyin or English.</p>"
    ))
    rows = "".join(
        f'<tr><td lang="zh">{esc(t.term)}</td>'
        f'<td>{esc(t.pinyin)}<span class="scs-toneless"> ({esc(toneless(t.pinyin))})</span></td><td>{text(t.english)}</td>'
        f"<td>{text(t.meaning)} "
        f'<a href="{link(here, INDEXES["topics"], t.topic)}">{esc(topic_label(t.topic))}</a>; '
        f"{_source_links(archive, t.sources, here)}</td></tr>"
        for t in archive.terms
    )
    out.append(html_block(
        '<div class="scs-table-wrap"><table class="scs-glossary"><caption>Glossary of Chinese terms</caption>'
        '<thead><tr><th scope="col">Term</th><th scope="col">Pinyin</th><th scope="col">English</th><th scope="col">Meaning, topic and sources</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    ))
    return "".join(out)
