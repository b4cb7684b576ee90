"""A Frictionless Data Package (``datapackage.json``) describing every file in ``data/``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from ..site.cite import ARCHIVE_NAME

LICENCES = [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}]
_CSV_FIELDS = {
    "id": "string", "url": "string", "title": "string", "summary": "string", "statement": "string", "kind": "string",
    "family": "string", "status": "string", "topics": "string", "parts": "string", "reviewed": "date", "first_reviewed": "date",
    "evidence_sources": "string", "seen_in_sources": "string", "related": "string", "entities": "string", "missing": "string",
    "verdict": "string",
}
_DESCRIPTIONS = {
    "claims.json": "Every claim with parts, evidence and sources resolved.",
    "claims.csv": "One row per claim (UTF-8 with byte-order mark; lists separated by semicolons).",
    "references.bib": "Every source, BibTeX.",
    "sources.json": "Every source, CSL-JSON.",
    "changes.json": "Every first review and status change, newest first.",
    "claims.schema.json": "JSON Schema of claims.json.",
    "claim.schema.json": "JSON Schema of the claim files in the repository.",
}
_FORMATS = {"json": ("json", "application/json"), "csv": ("csv", "text/csv"), "bib": ("bib", "application/x-bibtex")}
#: Frictionless resource types: a JSON document is not a table (its keys are not columns).
_TYPES = {"json": "json", "csv": "table", "bib": "text"}


def datapackage(files: Mapping[str, str | bytes], site_url: str) -> str:
    """Describe ``files`` (data/ paths -> content); hashes and sizes make the package verifiable."""
    resources = []
    for path in sorted(files):
        name = path.rsplit("/", 1)[-1]
        content = files[path]
        raw = content.encode("utf-8") if isinstance(content, str) else content
        extension = name.rsplit(".", 1)[-1]
        fmt, media = _FORMATS.get(extension, (extension, "application/octet-stream"))
        resource: dict[str, object] = {
            "name": name.replace(".", "-").lower(),
            "type": _TYPES.get(extension, "file"),
            "path": name,
            "title": name,
            "description": _DESCRIPTIONS.get(name, name),
            "format": fmt,
            "mediatype": media,
            "encoding": "utf-8-sig" if name.endswith(".csv") else "utf-8",
            "bytes": len(raw),
            "hash": "sha256:" + hashlib.sha256(raw).hexdigest(),
            "licenses": LICENCES,
        }
        if name.endswith(".csv"):
            resource["profile"] = "tabular-data-resource"
            resource["schema"] = {"fields": [{"name": n, "type": t} for n, t in _CSV_FIELDS.items()], "primaryKey": ["id"]}
            resource["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "header": True}
        resources.append(resource)
    package = {
        "name": "social-credit-archive",
        "title": ARCHIVE_NAME,
        "description": "Claims about social credit systems, rated against the evidence, with their sources.",
        "homepage": site_url,
        "licenses": LICENCES,
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
