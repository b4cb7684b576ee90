"""What ``check`` remembers between runs: the files it already found sound, by content digest.

Linters cache their results per file (ruff, mypy); so does ``check``. For each claim file that
had no problem of its own, it keeps the parsed data and the line of every value, and whether
the file was in canonical form; for a references.bib without problems, its sources (parsing
BibTeX is the slowest step of a check). A file whose bytes are unchanged is then not parsed, validated
against its schema, text-checked or re-formatted again; every rule that spans files still runs
on every run. The key includes a digest of the engine's code and schemas, so any change to a
rule starts a fresh cache.

The cache lives in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``), never in the
repository: a pull request cannot plant entries. It is JSON (never pickle), and a cache that
cannot be read or written is simply not used.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..problems import FieldPath

_PACKAGE = Path(__file__).resolve().parent.parent
# The cache file as this process last read or wrote it, by path, with its (mtime, size): `serve`
# checks the archive after every edit, and reading the file again is most of a re-check.
_IN_MEMORY: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=8)
def _engine_digest(extra: str) -> str:
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_home() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "social-credit-archive"


class FileCache:
    """Sound files by the SHA-256 of their text.

    On disk: ``{"paths": [[field, ...], ...], "files": {digest: entry}}``, where a claim's entry
    is ``{"data", "lines", "canonical"}`` and references.bib's is ``{"sources", "canonical"}``.
    Every value's line is kept as a pair (index into ``paths``, line) in one flat list of
    integers: most files share the same field paths, and a list of integers is read back many
    times faster than a list of small lists.
    """

    def __init__(self, root: Path, schemas_text: str) -> None:
        where = hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:12]
        self.path = cache_home() / f"files-{where}-{_engine_digest(schemas_text)}.json"
        stamp, remembered = _stamp(self.path), _IN_MEMORY.get(self.path)
        if stamp is not None and remembered is not None and remembered[0] == stamp:
            document = remembered[1]
        else:
            try:
                document = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(document.get("files"), dict) or not isinstance(document.get("paths"), list):
                    raise ValueError("not this engine's cache")
                document["paths"] = [tuple(p) for p in document["paths"]]
            except (OSError, ValueError, AttributeError, TypeError):
                document = {"paths": [], "files": {}}
            if stamp is not None:
                _IN_MEMORY[self.path] = (stamp, document)
        self.known: dict[str, Any] = document["files"]
        self.paths: list[FieldPath] = list(document["paths"])
        self.index: dict[FieldPath, int] = {p: i for i, p in enumerate(self.paths)}
        self.used: dict[str, Any] = {}
        self.changed = False

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _encode(self, lines: Mapping[FieldPath, int]) -> list[int]:
        flat: list[int] = []
        for path, line in lines.items():
            if (i := self.index.get(path)) is None:
                i = self.index[path] = len(self.paths)
                self.paths.append(path)
            flat += (i, line)
        return flat

    def _decode(self, flat: list[int]) -> dict[FieldPath, int]:
        return dict(zip(map(self.paths.__getitem__, flat[::2]), flat[1::2], strict=True))

    def get(self, text: str) -> tuple[Any, dict[FieldPath, int], bool] | None:
        key = self.digest(text)
        entry = self.known.get(key)
        if not isinstance(entry, dict) or "data" not in entry:
            return None
        try:
            found = entry["data"], self._decode(entry["lines"]), bool(entry["canonical"])
        except (KeyError, IndexError, TypeError, ValueError):  # damaged: parse the file afresh
            return None
        self.used[key] = entry
        return found

    def put(self, text: str, data: Any, lines: Mapping[FieldPath, int], canonical: bool) -> None:
        key = self.digest(text)
        self.used[key] = {"data": data, "lines": self._encode(lines), "canonical": canonical}
        self.changed = True

    def is_canonical(self, text: str) -> bool:
        """For a references.bib with problems (parsed whole each run): only the canonical form is cached."""
        entry = self.known.get(self.digest(text))
        if entry == "canonical":
            self.used[self.digest(text)] = entry
            return True
        return False

    def mark_canonical(self, text: str) -> None:
        self.used[self.digest(text)] = "canonical"
        self.changed = True

    def sources(self, text: str) -> tuple[list[dict[str, Any]], bool] | None:
        """The source records of a references.bib that had no problem at all (``lines`` decoded),
        and whether it was in canonical form."""
        key = self.digest(text)
        entry = self.known.get(key)
        if not isinstance(entry, dict) or "sources" not in entry:
            return None
        try:
            records = [{**record, "lines": self._decode(record["lines"])} for record in entry["sources"]]
        except (KeyError, IndexError, TypeError, ValueError):
            return None
        self.used[key] = entry
        return records, bool(entry["canonical"])

    def put_sources(self, text: str, records: list[dict[str, Any]], canonical: bool) -> None:
        encoded = [{**record, "lines": self._encode(record["lines"])} for record in records]
        self.used[self.digest(text)] = {"sources": encoded, "canonical": canonical}
        self.changed = True

    def save(self) -> None:
        """Keep the entries of this run's files (so the cache does not grow without bound)."""
        if not self.changed and self.used.keys() == self.known.keys():
            return
        document = {"paths": self.paths, "files": self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            return
        if (stamp := _stamp(self.path)) is not None:
            _IN_MEMORY[self.path] = (stamp, {"paths": list(self.paths), "files": self.used})
