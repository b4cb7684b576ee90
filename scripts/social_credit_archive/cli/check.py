"""``archive check [ROOT]``: check the archive and summarise it, or list every problem."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from ..check.archive import check_archive
from ..dates import ClockError
from ..model import Archive


def summary(archive: Archive) -> str:
    claims = archive.claims.values()
    kinds = Counter(c.kind for c in claims)
    statuses = Counter(c.status for c in claims)
    classes = Counter(s.sourceclass for s in archive.sources.values())
    by_kind = ", ".join(f"{kinds[k]} {k}" for k in sorted(kinds))
    by_status = ", ".join(f"{statuses[s]} {s}" for s in sorted(statuses))
    by_class = ", ".join(f"{classes[c]} {c}" for c in sorted(classes))
    extra = f"; {len(archive.events)} timeline events; {len(archive.terms)} glossary terms"
    extra += f"; {len(archive.survey)} survey entries; {len(archive.entities)} entities"
    return f"ok: {len(archive.claims)} claims ({by_kind}; {by_status}); {len(archive.sources)} sources ({by_class}){extra}"


def run(root: Path) -> int:
    if not (root / "sources").is_dir():
        print(f"{root}: no sources/ folder here; run from the repository root or pass ROOT", file=sys.stderr)
        return 1
    try:
        result = check_archive(root)
    except ClockError as exc:
        print(f"environment:1: {exc}", file=sys.stderr)
        return 1
    for problem in result.warnings:
        print(problem, file=sys.stderr)
    if result.archive is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"{len(result.errors)} error(s); nothing was published", file=sys.stderr)
        return 1
    print(summary(result.archive))
    return 0
