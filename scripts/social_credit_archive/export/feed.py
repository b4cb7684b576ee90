"""The Atom feed of the newest claims and status changes (bounded; the full log is changes.json)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..model import Archive, Update
from ..site.cite import ARCHIVE_NAME
from ..site.urls import claim_uri, permalink

ATOM = "http://www.w3.org/2005/Atom"
DEFAULT_ENTRIES = 100


def _title(update: Update) -> str:
    heading = update.claim.heading
    if update.index == 0:
        return f"New claim ({update.change.status}): {heading}"
    return f"Rating changed to {update.change.status}: {heading}"


def atom_feed(archive: Archive, site_url: str, limit: int = DEFAULT_ENTRIES) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    items = archive.updates()[: max(limit, 1)]
    newest = items[0].change.date if items else "1970-01-01"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{ARCHIVE_NAME}: new claims and status changes"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = site_url.rstrip("/") + "/feed.xml"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url.rstrip("/") + "/feed.xml", rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url)
    ET.SubElement(feed, f"{{{ATOM}}}rights").text = "Text and data: CC BY 4.0"
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = ARCHIVE_NAME
    for update in items:
        url = permalink(site_url, claim_uri(update.claim.id))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _title(update)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{url}#history-{update.index}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=url)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{update.change.date}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = f"{update.claim.summary} ({update.change.note})"
        ET.SubElement(entry, f"{{{ATOM}}}category", term=update.change.status)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
