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

    def __post_init__(self) -> None:
        index = {(name, w.value): w for name, words in self.words.items() for w in words}
        object.__setattr__(self, "_index", index)  # renderers ask for labels tens of thousands of times

    def __getitem__(self, name: str) -> tuple[Word, ...]:
        return self.words.get(name, ())

    def values(self, name: str) -> tuple[str, ...]:
        return tuple(w.value for w in self[name])

    def label(self, name: str, value: str) -> str:
        word = self._index.get((name, value))  # type: ignore[attr-defined]
        return word.label if word else value.replace("-", " ").capitalize()

    def meaning(self, name: str, value: str) -> str:
        word = self._index.get((name, value))  # type: ignore[attr-defined]
        return word.meaning if word else ""


EMPTY = Vocabulary({})
