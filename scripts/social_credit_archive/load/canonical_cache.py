"""Remembers which file contents are already in canonical form, so ``check`` re-formats only
files that changed since the last run (as linters such as ruff cache their results).

The cache is a list of SHA-256 digests in ``.cache/scsarchive/canonical-<rules>.txt`` under the
archive root, where ``<rules>`` is a digest of ``canonical.py``: a change to the canonical form
starts a fresh cache. It is never read for validity, only for the canonical-form warning, and a
folder that cannot be written simply gets no cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_RULES = hashlib.sha256((Path(__file__).parent / "canonical.py").read_bytes()).hexdigest()[:16]


class CanonicalCache:
    def __init__(self, root: Path) -> None:
        self.path = root / ".cache" / "scsarchive" / f"canonical-{_RULES}.txt"
        try:
            self.known = set(self.path.read_text(encoding="ascii").split())
        except (OSError, UnicodeDecodeError):
            self.known = set()
        self.seen: set[str] = set()

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def is_known(self, text: str) -> bool:
        return self.digest(text) in self.known

    def add(self, text: str) -> None:
        self.seen.add(self.digest(text))

    def save(self) -> None:
        """Keep the digests of files canonical in this run (and those already known)."""
        if self.seen <= self.known:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text("\n".join(sorted(self.known | self.seen)) + "\n", encoding="ascii")
        except OSError:
            pass
