"""The Atom feed of new claims and status changes, built from the claims' histories."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..site.cite import ARCHIVE_NAME
from ..model import Archive, Change, Claim
from ..site.urls import claim_uri, permalink

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Update:
    claim: Claim
    change: Change
    index: int

    @property
    def title(self) -> str:
        if self.index == 0:
            return f"New claim ({self.change.status}): {self.claim.statement}"
        return f"Status changed to {self.change.status}: {self.claim.statement}"


def updates(archive: Archive) -> list[Update]:
    """Every history entry across the archive, newest first (ties broken by claim id)."""
    items = [Update(c, h, i) for c in archive.claims.values() for i, h in enumerate(c.history)]
    return sorted(items, key=lambda u: (u.change.date, u.claim.id, u.index), reverse=True)


def atom_feed(archive: Archive, site_url: str) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    items = updates(archive)
    newest = items[0].change.date if items else "1970-01-01"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{ARCHIVE_NAME}: new claims and status changes"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = site_url.rstrip("/") + "/feed.xml"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url.rstrip("/") + "/feed.xml", rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = ARCHIVE_NAME
    for update in items:
        url = permalink(site_url, claim_uri(update.claim.id))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = update.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{url}#history-{update.index}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=url)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{update.change.date}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = update.change.note
        ET.SubElement(entry, f"{{{ATOM}}}category", term=update.claim.status)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
