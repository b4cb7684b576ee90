"""Downloadable data files, by site path. Deterministic: same archive, same bytes."""

from __future__ import annotations

from ..model import Archive
from .claims import changes_json, claims_csv, claims_json
from .csl import sources_csl_json
from .datapackage import datapackage
from .feed import DEFAULT_ENTRIES, atom_feed
from .schema import claims_schema_json


def data_files(archive: Archive, site_url: str, bibliography: str, claim_schema: str, feed_entries: int = DEFAULT_ENTRIES) -> dict[str, str]:
    data = {
        "data/claims.json": claims_json(archive, site_url),
        "data/claims.csv": claims_csv(archive, site_url),
        "data/references.bib": bibliography,
        "data/sources.json": sources_csl_json(archive),
        "data/changes.json": changes_json(archive, site_url),
        "data/claims.schema.json": claims_schema_json(site_url, archive.vocabulary),
        "data/claim.schema.json": claim_schema,
    }
    data["data/datapackage.json"] = datapackage(data, site_url)
    data["feed.xml"] = atom_feed(archive, site_url, feed_entries)
    return data
