"""One build of the site, as the engine sees it: check the archive, then produce every
generated page and data file, and prepare hand-written pages.

The MkDocs hook holds one ``Build``; the ``generate`` command and the benchmark use the same
object, so what they write is what the hook hands to MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from .check.archive import Result, check_archive
from .dates import build_date
from .export import data_files
from .export.claimreview import claim_review_scripts
from .export.feed import DEFAULT_ENTRIES
from .load.reader import TreeReader
from .model import Archive
from .problems import ArchiveError
from .site.citations import resolve_citations
from .site.context import SiteContext
from .site.markers import expand_markers
from .site.registry import generate_pages

CONTRIBUTING_URI = "about/contributing.md"


@dataclass
class Build:
    root: Path
    docs_dir: Path
    site_url: str = ""
    repo_url: str = ""
    feed_entries: int = DEFAULT_ENTRIES
    as_of: dt.date = field(default_factory=build_date)
    result: Result | None = None

    def check(self) -> Result:
        self.result = check_archive(self.root, self.docs_dir, self.as_of)
        return self.result

    @property
    def archive(self) -> Archive:
        if self.result is None:
            self.check()
        assert self.result is not None
        if self.result.archive is None:
            raise ArchiveError(self.result.errors)
        return self.result.archive

    def context(self) -> SiteContext:
        return SiteContext(self.site_url, self.as_of, self.repo_url, claim_review_scripts(self.archive, self.site_url))

    def pages(self) -> dict[str, str]:
        """Every generated Markdown page, by its path under docs/."""
        pages = generate_pages(self.archive, self.context())
        contributing = self.root / "CONTRIBUTING.md"
        if contributing.exists():
            reader = TreeReader(self.root)
            text = reader.read_text(contributing, 512 * 1024)
            if text is not None:  # check vetted it; one text for GitHub and the site
                pages[CONTRIBUTING_URI] = text
        return pages

    def data(self) -> dict[str, str]:
        """Every data file, by its path in the site."""
        bib = TreeReader(self.root).read_text(self.root / "sources" / "references.bib", 8 * 1024 * 1024) or ""
        assert self.result is not None and self.result.schemas is not None
        claim_schema = json.dumps(self.result.schemas.documents["claim"], ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        return data_files(self.archive, self.site_url, bib, claim_schema, self.feed_entries)

    def abbreviations(self) -> dict[str, str]:
        """Short names of bodies and documents (``NDRC``), with what they stand for."""
        return {e.short: e.name for e in self.archive.entities.values() if e.short and " " not in e.short and len(e.short) >= 2}

    def hand_page(self, markdown: str, page_uri: str) -> str:
        """A hand-written page with its markers expanded and citations linked."""
        markdown = expand_markers(markdown, self.archive, page_uri)
        return resolve_citations(markdown, page_uri, self.archive.sources)
