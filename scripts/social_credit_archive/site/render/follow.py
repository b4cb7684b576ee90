"""Pages for following the archive: the corrections log, the review queue and the data page."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ...dates import due_date, is_due
from ...model import Archive
from ..markup import esc, text
from ..urls import INDEXES, claim_uri, file_link, link
from .common import front_matter, html_block, status_badge

DATA_LICENCE = "CC BY 4.0"
DOWNLOADS = (
    ("data/claims.json", "claims.json", "Every claim with its parts, evidence and sources resolved (JSON; described by claims.schema.json)."),
    ("data/claims.csv", "claims.csv", "One row per claim (CSV, UTF-8 with a byte-order mark so that spreadsheet programs show Chinese correctly)."),
    ("data/references.bib", "references.bib", "Every source (BibTeX, UTF-8)."),
    ("data/sources.json", "sources.json", "Every source in CSL-JSON, for citation managers (Zotero, Pandoc)."),
    ("data/changes.json", "changes.json", "Every first review and status change, newest first (the full changelog)."),
    ("data/claims.schema.json", "claims.schema.json", "JSON Schema of claims.json."),
    ("data/claim.schema.json", "claim.schema.json", "JSON Schema of the claim files contributors write."),
    ("data/datapackage.json", "datapackage.json", "Frictionless Data Package describing every file here."),
    ("feed.xml", "feed.xml", "Atom feed of the newest claims and status changes."),
)


def downloads_html(here: str) -> str:
    """Links to the data files, relative to the page ``here``, with the licence."""
    items = "".join(f'<li><a href="{file_link(here, path)}" download>{name}</a>: {esc(what)}</li>' for path, name, what in DOWNLOADS)
    return (
        f'<ul class="scs-downloads">{items}</ul>'
        f'<p class="scs-licence">Text and data: {DATA_LICENCE} (credit "Social Credit Archive" and link the claim). '
        "Quotations remain their authors' and are used for criticism and review.</p>"
    )


def render_corrections(archive: Archive) -> str:
    """Status changes first, each with its reason; first reviews folded into one line per day."""
    here = INDEXES["corrections"]
    vocab = archive.vocabulary
    changes, firsts = [], defaultdict(list)
    for update in archive.updates():
        if update.index == 0:
            firsts[update.change.date].append(update.claim)
        elif update.is_status_change:
            changes.append(update)
    rows = "".join(
        f'<tr><td data-label="Date"><time datetime="{esc(u.change.date)}">{esc(u.change.date)}</time></td>'
        f'<td data-label="Claim"><a href="{link(here, claim_uri(u.claim.id))}">{text(u.claim.heading)}</a></td>'
        f'<td data-label="From">{status_badge(u.previous, here, vocab)}</td><td data-label="To">{status_badge(u.change.status, here, vocab)}</td>'
        f'<td data-label="Why">{text(u.change.note)}</td></tr>'
        for u in changes
    )
    table = (
        '<div class="scs-table-wrap"><table class="scs-history scs-stack"><caption>Status changes, newest first</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">Claim</th><th scope="col">From</th>'
        '<th scope="col">To</th><th scope="col">Why</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        if changes
        else '<p class="scs-empty">No claim has changed status yet.</p>'
    )
    first_items = "".join(
        f'<li><time datetime="{esc(day)}">{esc(day)}</time>: {len(claims)} claims reviewed for the first time</li>'
        for day, claims in sorted(firsts.items(), reverse=True)
    )
    return (
        front_matter("Corrections log", "Every change of rating across the archive, newest first, with the reason.")
        + "# Corrections log\n\n"
        + html_block(f"<p>{len(changes)} changes of rating, newest first, each with its reason. "
                     "A claim's own page shows its full history; the data page has the complete changelog as JSON.</p>")
        + html_block(table)
        + "## First reviews {#first-reviews}\n"
        + html_block(f'<ul class="scs-first-reviews">{first_items}</ul>')
    )


def render_review_queue(archive: Archive, as_of: dt.date) -> str:
    here = INDEXES["review"]
    vocab = archive.vocabulary
    due = sorted((c for c in archive.claims.values() if is_due(c.reviewed, as_of)), key=lambda c: (c.reviewed, c.id))
    rows = "".join(
        f'<tr><td data-label="Last reviewed"><time>{esc(c.reviewed)}</time></td><td data-label="Due"><time>{due_date(c.reviewed).isoformat()}</time></td>'
        f'<td data-label="Status">{status_badge(c.status, here, vocab)}</td><td data-label="Claim"><a href="{link(here, claim_uri(c.id))}">{text(c.heading)}</a></td></tr>'
        for c in due
    )
    body = (
        '<div class="scs-table-wrap"><table class="scs-history scs-stack"><caption>Claims due for review</caption>'
        '<thead><tr><th scope="col">Last reviewed</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Claim</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        if due
        else '<p class="scs-empty">No claim is due for review.</p>'
    )
    return (
        front_matter("Review queue", "Claims not reviewed for 18 months.")
        + "# Review queue\n\n"
        + html_block(f"<p>Claims are re-reviewed every 18 months. As of {as_of.isoformat()}, {len(due)} claims are due, oldest first.</p>")
        + html_block(body)
    )


def render_data_page(archive: Archive) -> str:
    here = INDEXES["data"]
    return (
        front_matter("Data", "Download the archive's claims and sources.")
        + "# Data\n\n"
        + html_block(
            f"<p>The archive as data: {len(archive.claims)} claims and {len(archive.sources)} sources, "
            "regenerated on every build from the files in the repository. The same input always gives the same bytes.</p>"
        )
        + html_block(downloads_html(here))
        + html_block(
            "<p>Opening claims.csv in a spreadsheet: the file starts with a UTF-8 byte-order mark, so Excel and LibreOffice "
            "read its Chinese text correctly; choose comma as the separator if asked. Lists inside a cell are separated by semicolons.</p>",
            f'<p>Claims are also listed on the <a href="{link(here, INDEXES["claims"])}">claims index</a>.</p>',
        )
    )
