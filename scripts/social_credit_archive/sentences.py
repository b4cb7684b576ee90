"""Verdict sentences and the evidence markers that tie each one to the evidence.

A verdict sentence ends with the markers of the evidence it rests on: ``[1]``, ``[2, 3]``
(numbers in the claim's, or the part's, evidence list) or ``[@key]`` (every item from that
source). A sentence that says what is *missing* cites nothing and starts with "No", "None",
"Nothing" or "Neither". ``sentences`` is shared by the checker and the page renderer, so the
page links exactly the markers the checker accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"\[\s*((?:\d{1,3}|@[A-Za-z0-9][A-Za-z0-9_-]*)(?:\s*[,;]\s*(?:\d{1,3}|@[A-Za-z0-9][A-Za-z0-9_-]*))*)\s*\](?![(:\[])")
_REF = re.compile(r"\d{1,3}|@[A-Za-z0-9][A-Za-z0-9_-]*")
MISSING_OPENERS = ("No", "None", "Nothing", "Neither")
_OPENER = re.compile(r"^[\s*_>\-\"“‘(]*(" + "|".join(MISSING_OPENERS) + r")\b")
ABBREVIATIONS = frozenset(
    "no nos art arts para paras p pp e.g i.e cf vs mr mrs ms dr st u.s u.k u.n e.u co ltd inc corp jan feb mar apr jun jul aug "
    "sep sept oct nov dec fig vol ed eds al approx gen gov sen rep ch sec ibid op cit prof govt dept est".split()
)
# A sentence ends at . ! ? (then optional closing quotes or brackets) followed by space and
# an opening character, or at a Chinese full stop; paragraphs and list items end sentences too.
_END = re.compile(r"([.!?])([\"”’')\]]*)(\s+)(?=[A-Z0-9“\"‘(\[*_])|([。！？])")
_BLOCK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset in the verdict
    refs: tuple[str, ...]  # "3" or "@key", in order

    @property
    def says_missing(self) -> bool:
        return bool(_OPENER.match(self.text))


def sentences(verdict: str) -> list[Sentence]:
    """The verdict's sentences; a run of markers after a full stop belongs to the sentence before."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(verdict):
        start = block_start
        for match in _END.finditer(verdict, block_start, block_end):
            if match.group(1):
                before = verdict[max(start, match.start(1) - 24):match.start(1)]  # a bounded look-back keeps this linear
                word = re.search(r"([A-Za-z.]+)$", before)
                token = word.group(1).lower().rstrip(".") if word else ""
                if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
                end = match.end(2)
            else:
                end = match.end(4)
            if verdict[start:end].strip():
                spans.append((start, end))
            start = end
        if verdict[start:block_end].strip():
            spans.append((start, block_end))
    out: list[Sentence] = []
    for start, end in spans:
        text = verdict[start:end]
        refs = tuple(r for m in MARKER.finditer(text) for r in _REF.findall(m.group(1)))
        if out and not MARKER.sub("", text).strip(" .;,\n\t"):
            last = out[-1]
            out[-1] = Sentence(verdict[last.start:end].strip(), last.start, last.refs + refs)
            continue
        lead = len(text) - len(text.lstrip())
        out.append(Sentence(text.strip(), start + lead, refs))
    return out


def _blocks(verdict: str) -> list[tuple[int, int]]:
    blocks, start = [], 0
    for match in _BLOCK.finditer(verdict):
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(verdict)))
    return blocks


def opening(text: str, words: int = 8) -> str:
    """The first words of a sentence, for messages."""
    parts = MARKER.sub("", text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
