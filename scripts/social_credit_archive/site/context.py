"""What page renderers need to know about the site beyond the archive itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode


@dataclass(frozen=True)
class SiteContext:
    site_url: str
    as_of: dt.date
    repo_url: str = ""
    #: Structured data for a claim page's head, by claim id (built by ``export.claimreview``).
    claim_scripts: Mapping[str, str] = field(default_factory=dict)

    def correction_url(self, kind: str, record_id: str, title: str) -> str:
        """The repository's "Dispute a claim" issue form, pre-filled for one record."""
        if not self.repo_url:
            return ""
        label = "Claim" if kind == "claim" else "Source"
        query = urlencode({"template": "dispute-a-claim.yml", "title": f"Dispute: {title[:80]}", "claim": f"{label} {record_id}"})
        return self.repo_url.rstrip("/") + "/issues/new?" + query
