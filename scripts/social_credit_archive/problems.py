"""Problems found in the archive's data, reported as ``path:line: message``.

Every check receives a ``Where``: the file, the line of every value in it, and the label
that prefixes messages (a record id, a BibTeX key). Rules ask it for the line of a field
instead of rebuilding that context at each call site, as congress-legislators' validator
passes its ``error(context, message)`` context down.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

FieldPath = tuple[str | int, ...]
LineMap = Mapping[FieldPath, int]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) at a place in a file."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


def dotted(where: FieldPath) -> str:
    """``("evidence", 0, "quote")`` -> ``evidence[0].quote``."""
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True, slots=True)
class Where:
    """A record's place: its file, the line of each of its values, and a message label.

    ``prefix`` locates the record inside its file (``(3,)`` for the fourth timeline event), so
    ``line("title")`` finds that event's title; ``label`` starts each message (``key: ``).
    """

    path: str
    lines: LineMap = field(default_factory=lambda: MappingProxyType({}))
    prefix: FieldPath = ()
    label: str = ""
    default_line: int = 1

    def line(self, *where: str | int) -> int:
        """The line of a field, or of the nearest enclosing value that has one."""
        full = self.prefix + where
        while full and full not in self.lines:
            full = full[:-1]
        return self.lines.get(full, self.default_line)

    def inside(self, *where: str | int) -> Where:
        """The context of a nested value (a part, an evidence item)."""
        return Where(self.path, self.lines, self.prefix + where, self.label, self.default_line)

    def name(self, *where: str | int) -> str:
        """How messages name a field: ``evidence[0].quote`` (relative to the record)."""
        return dotted(self.prefix[1:] + where if self._list_record else self.prefix + where)

    @property
    def _list_record(self) -> bool:
        # Records that are items of a list file (timeline, glossary, survey, entities) are
        # named by their label, not their index.
        return bool(self.prefix) and isinstance(self.prefix[0], int)

    def problem(self, where: FieldPath, message: str, *, warning: bool = False) -> Problem:
        """``path:line: [label: ][field: ]message`` at the line of ``where``."""
        parts = [p for p in (self.label, self.name(*where)) if p]
        head = ": ".join(parts)
        return Problem(self.path, self.line(*where), f"{head}: {message}" if head else message, warning)


class ArchiveError(Exception):
    """Raised with every error found, so that callers report them all at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(f"'{c}'" for c in choices)
