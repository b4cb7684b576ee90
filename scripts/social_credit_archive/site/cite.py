"""The house citation style (author-date) and BibTeX entries for sources and claims."""

from __future__ import annotations

from .markup import esc, text
from ..model import Claim, Person, Source

ARCHIVE_NAME = "Social Credit Archive"


def names(people: tuple[Person, ...]) -> str:
    shown = [p.display for p in people]
    if len(shown) > 3:
        return f"{shown[0]} et al."
    return " and ".join(shown) if len(shown) < 3 else f"{shown[0]}, {shown[1]} and {shown[2]}"


def short_label(source: Source) -> str:
    """``Denyer 2016`` / ``State Council 2014``: the in-text form of a citation."""
    people = source.authors
    if not people:
        who = source.container or source.title
        who = who if len(who) <= 40 else who[:37] + "…"
    elif len(people) == 1:
        who = people[0].family
    elif len(people) == 2:
        who = f"{people[0].family} and {people[1].family}"
    else:
        who = f"{people[0].family} et al."
    return f"{who} {source.year}"


def _parts(source: Source) -> list[tuple[str, str]]:
    """(kind, value) pieces of a reference, in order; kind picks the HTML treatment."""
    parts: list[tuple[str, str]] = []
    who = names(source.authors) or source.container
    parts.append(("plain", f"{who} ({source.year})." if who else f"({source.year})."))
    standalone = source.entry_type in {"book", "report", "legislation", "techreport", "manual", "standard", "jurisdiction"}
    parts.append(("title" if standalone else "quoted", source.title))
    if source.get("origtitle"):
        parts.append(("plain", f"[{source.get('origtitle')}]."))
    if source.container and source.container != who:
        parts.append(("container", source.container))
    if source.get("number"):
        parts.append(("plain", f"{source.get('number')}."))
    if source.url:
        parts.append(("url", source.url))
        if source.get("urldate"):
            parts.append(("plain", f"(accessed {source.get('urldate')})"))
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


def reference_html(source: Source) -> str:
    """The formatted reference as HTML (escaped), with the URL linked."""
    out = []
    for kind, value in _parts(source):
        if kind == "quoted":
            out.append(f"“{text(value.rstrip('.'))}.”")
        elif kind in ("title", "container"):
            out.append(f"<em>{text(value.rstrip('.'))}</em>.")
        elif kind == "url":
            out.append(f'<a href="{esc(value)}" rel="noopener noreferrer">{esc(value)}</a>')
        else:
            out.append(text(value))
    return " ".join(out)


def claim_reference_text(claim: Claim, permalink: str) -> str:
    return f"{ARCHIVE_NAME} ({claim.reviewed[:4]}). “{claim.statement.rstrip('.')}.” Claim {claim.id}, {claim.status}, last reviewed {claim.reviewed}. {permalink}"


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
