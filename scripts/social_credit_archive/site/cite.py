"""The house citation style (author-date) and BibTeX entries for sources and claims."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache

from ..load.canonical import write_entries
from ..model import Claim, Person, Source
from .markup import esc, text

ARCHIVE_NAME = "Social Credit Archive"
_LABELS: list[tuple[Mapping[str, Source], dict[str, str]]] = []  # (the sources they label, labels)


def names(people: tuple[Person, ...]) -> str:
    shown = [p.display for p in people]
    if len(shown) > 3:
        return f"{shown[0]} et al."
    return " and ".join(shown) if len(shown) < 3 else f"{shown[0]}, {shown[1]} and {shown[2]}"


def _who(source: Source) -> str:
    people = source.authors
    if not people:
        who = source.container or source.title
        return who if len(who) <= 40 else who[:37] + "…"
    if len(people) == 1:
        return people[0].family
    if len(people) == 2:
        return f"{people[0].family} and {people[1].family}"
    return f"{people[0].family} et al."


def short_labels(sources: Mapping[str, Source]) -> dict[str, str]:
    """``Denyer 2016``, and ``Supreme People's Court 2017a`` / ``2017b`` where author and year
    coincide (ordered by date, then title), so that sibling sources never share a label."""
    if _LABELS and _LABELS[0][0] is sources:
        return _LABELS[0][1]
    groups: dict[tuple[str, str], list[Source]] = defaultdict(list)
    for source in sources.values():
        groups[(_who(source), source.year)].append(source)
    labels: dict[str, str] = {}
    for (who, year), members in groups.items():
        members.sort(key=lambda s: (s.date, s.title.casefold(), s.key))
        for i, source in enumerate(members):
            suffix = chr(ord("a") + i) if len(members) > 1 and i < 26 else (str(i + 1) if len(members) > 1 else "")
            labels[source.key] = f"{who} {year}{suffix}"
    _LABELS[:] = [(sources, labels)]
    return labels


def short_label(source: Source, sources: Mapping[str, Source] | None = None) -> str:
    """The in-text form of a citation; give ``sources`` to tell siblings apart."""
    if sources is not None:
        return short_labels(sources).get(source.key, f"{_who(source)} {source.year}")
    return f"{_who(source)} {source.year}"


def _parts(source: Source) -> list[tuple[str, str]]:
    """(kind, value) pieces of a reference, in order; kind picks the HTML treatment."""
    parts: list[tuple[str, str]] = []
    who = names(source.authors) or source.container
    parts.append(("plain", f"{who} ({source.year})." if who else f"({source.year})."))
    standalone = source.entry_type in {"book", "report", "legislation", "techreport", "manual", "standard", "jurisdiction"}
    parts.append(("title" if standalone else "quoted", source.title))
    if source.origtitle:
        parts.append(("plain", f"[{source.origtitle}]."))
    if source.container and source.container != who:
        parts.append(("container", source.container))
    if source.number:
        parts.append(("plain", f"{source.number}."))
    if source.url:
        parts.append(("url", source.url))
        if source.urldate:
            parts.append(("plain", f"(accessed {source.urldate})"))
    return parts


def reference_text(source: Source) -> str:
    """The formatted reference as plain text, for copying."""
    out = []
    for kind, value in _parts(source):
        if kind == "quoted":
            out.append(f"“{value.rstrip('.')}.”")
        elif kind in ("title", "container"):
            out.append(f"{value.rstrip('.')}.")
        else:
            out.append(value)
    return " ".join(out)


@lru_cache(maxsize=65536)
def reference_html(source: Source) -> str:
    """The formatted reference as HTML (escaped), with the URL linked."""
    out = []
    for kind, value in _parts(source):
        if kind == "quoted":
            out.append(f"“{text(value.rstrip('.'))}.”")
        elif kind in ("title", "container"):
            out.append(f"<em>{text(value.rstrip('.'))}</em>.")
        elif kind == "url":
            out.append(f'<a class="scs-url" href="{esc(value)}" rel="noopener noreferrer">{esc(value)}</a>')
        else:
            out.append(text(value))
    return " ".join(out)


_BIBTEX: dict[str, tuple[Source, str]] = {}


def source_bibtex(source: Source) -> str:
    """The source's entry as BibTeX, written by bibtexparser's writer in the archive's style.

    Remembered per source object: a preview rebuild reuses the unchanged bibliography's
    sources, and the writer is the slowest step of a source page.
    """
    hit = _BIBTEX.get(source.key)
    if hit is not None and hit[0] is source:
        return hit[1]
    written = write_entries([source.entry]) if source.entry is not None else ""
    _BIBTEX[source.key] = (source, written)
    return written


def claim_reference_text(claim: Claim, permalink: str) -> str:
    return (
        f"{ARCHIVE_NAME} ({claim.reviewed[:4]}). “{claim.statement.rstrip('.')}.” Claim {claim.id}, {claim.status}, "
        f"last reviewed {claim.reviewed}. {permalink}"
    )


def _bib_value(value: str) -> str:
    return value.replace("{", "(").replace("}", ")")


def claim_bibtex(claim: Claim, permalink: str) -> str:
    """A ``@online`` entry citing the claim's page in the archive."""
    fields = [
        ("author", "{" + ARCHIVE_NAME + "}"),
        ("title", _bib_value(claim.statement)),
        ("date", claim.reviewed),
        ("url", permalink),
        ("note", f"Claim {claim.id}; status: {claim.status}; last reviewed {claim.reviewed}"),
        ("organization", ARCHIVE_NAME),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{sca-{claim.id},\n{body}\n}}"
