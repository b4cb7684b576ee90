"""The archive's controlled vocabulary, as read from ``sources/schema/vocabulary.schema.json``.

There is no second list in code: statuses, kinds, stances, topics, families, source classes
and entity types, with their labels and meanings, all come from that file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """One controlled word: its value, its label and what it means."""

    value: str
    label: str
    meaning: str


@dataclass(frozen=True)
class Vocabulary:
    words: dict[str, tuple[Word, ...]]

    def __getitem__(self, name: str) -> tuple[Word, ...]:
        return self.words.get(name, ())

    def values(self, name: str) -> tuple[str, ...]:
        return tuple(w.value for w in self[name])

    def label(self, name: str, value: str) -> str:
        return next((w.label for w in self[name] if w.value == value), value.replace("-", " ").capitalize())

    def meaning(self, name: str, value: str) -> str:
        return next((w.meaning for w in self[name] if w.value == value), "")


EMPTY = Vocabulary({})
