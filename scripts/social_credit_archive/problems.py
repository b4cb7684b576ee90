"""Problems found in the archive's data, reported as ``path:line: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


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


class ArchiveError(Exception):
    """Raised with every error found, so that callers report them all at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=sort_key))
        super().__init__("\n".join(str(p) for p in self.problems))


def sort_key(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line, problem.message)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(f"'{c}'" for c in choices)
