"""Rules for claim files beyond their schema: ids, dates, history, provenance, references,
the bottom line, and the evidence markers of every verdict sentence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from ..dates import date_problem
from ..model import Claim, Evidence, Source
from ..problems import Problem, Where, did_you_mean
from ..sentences import MARKER, opening, sentences
from .rating import claim_rating_problems
from .text import quote_problem

MAX_SUMMARY_WORDS = 30


def claim_problems(
    claim: Claim, sources: Mapping[str, Source], claim_ids: set[str], entity_ids: set[str], stem: str, reserved: set[str], now: dt.date
) -> Iterator[Problem]:
    where = claim.where
    if claim.id in reserved:
        yield where.problem(("id",), f"'{claim.id}' is the name of a generated page; choose another id")
    elif claim.id != stem:
        yield where.problem(("id",), f"'{claim.id}' must equal the file name '{stem}'")
    yield from _summary_problems(claim)
    if why := date_problem(claim.reviewed, now):
        yield where.problem(("reviewed",), why)
    yield from _history_problems(claim, now)
    for i, item in enumerate(claim.evidence):
        yield from _evidence_problems(where, ("evidence", i), item, sources)
    for p, part in enumerate(claim.parts):
        for i, item in enumerate(part.evidence):
            yield from _evidence_problems(where, ("parts", p, "evidence", i), item, sources)
    for i, seen in enumerate(claim.seen_in):
        if seen.source not in sources:
            yield where.problem(("seen_in", i, "source"), f"unknown source key '{seen.source}'{did_you_mean(seen.source, sources)}")
        if (seen.quote or ("seen_in", i, "quote") in where.lines) and (why := quote_problem(seen.quote)):
            yield where.problem(("seen_in", i, "quote"), why)
    yield from _provenance_order(claim, sources)
    if claim.kind == "media":
        if not claim.seen_in:
            yield where.problem(("kind",), "a media claim needs seen_in: where the claim appeared")
        if not claim.family:
            yield where.problem(("kind",), "a media claim needs family: which family of circulating claims it belongs to")
    for i, other in enumerate(claim.related):
        if other == claim.id:
            yield where.problem(("related", i), "a claim cannot be related to itself")
        elif other not in claim_ids:
            yield where.problem(("related", i), f"unknown claim '{other}'{did_you_mean(other, claim_ids)}")
    for i, entity in enumerate(claim.about):
        if entity not in entity_ids:
            yield where.problem(("about", i), f"unknown entity '{entity}'{did_you_mean(entity, entity_ids)}")
    if claim.verdict:
        yield from marker_problems(where, ("verdict",), claim.verdict, claim.evidence, sources)
    elif claim.evidence:
        yield where.problem(("evidence",), "claim-level evidence needs a verdict that cites it")
    for p, part in enumerate(claim.parts):
        yield from marker_problems(where, ("parts", p, "verdict"), part.verdict, part.evidence, sources)
    if all(e.source in sources for e in claim.all_evidence):
        yield from claim_rating_problems(claim, sources)


def _summary_problems(claim: Claim) -> Iterator[Problem]:
    where = claim.where
    words = len(claim.summary.split())
    if words > MAX_SUMMARY_WORDS:
        yield where.problem(("summary",), f"{words} words; the bottom line is one sentence of at most {MAX_SUMMARY_WORDS} words")
    if MARKER.search(claim.summary):
        yield where.problem(("summary",), "cites evidence; the summary restates the verdict, whose sentences carry the markers")
    elif len(sentences(claim.summary)) > 1:
        yield where.problem(("summary",), "has more than one sentence; the bottom line is one sentence")


def _evidence_problems(where: Where, at: tuple[str | int, ...], item: Evidence, sources: Mapping[str, Source]) -> Iterator[Problem]:
    if item.source not in sources:
        yield where.problem(at + ("source",), f"unknown source key '{item.source}'{did_you_mean(item.source, sources)}")
    present = (where.prefix + at + ("quote",)) in where.lines
    if (item.quote or present) and (why := quote_problem(item.quote)):
        yield where.problem(at + ("quote",), why)


def marker_problems(
    where: Where, field: tuple[str | int, ...], verdict: str, evidence: tuple[Evidence, ...], sources: Mapping[str, Source]
) -> Iterator[Problem]:
    """Each sentence cites evidence in its scope (or says what is missing); each item is cited."""
    first_line = where.line(*field, "$value") if (where.prefix + field + ("$value",)) in where.lines else where.line(*field)
    keys = {e.source for e in evidence}
    used: set[int] = set()
    for n, sentence in enumerate(sentences(verdict), 1):
        line = first_line + verdict.count("\n", 0, sentence.start)
        if not sentence.refs and not sentence.says_missing:
            yield Problem(
                where.path, line,
                f"{where.name(*field)}: sentence {n} ('{opening(sentence.text)}') cites no evidence; end it with the number of "
                "the evidence it rests on, e.g. [1], or start it with 'No' if it says what is missing",
            )
        for ref in sentence.refs:
            if ref.startswith("@"):
                key = ref[1:]
                if key not in keys:
                    hint = "" if key in sources else did_you_mean(key, keys)
                    yield Problem(where.path, line, f"{where.name(*field)}: marker [{ref}] names a source that is not in this evidence list{hint}")
                used.update(i for i, e in enumerate(evidence) if e.source == key)
            else:
                index = int(ref) - 1
                if not 0 <= index < len(evidence):
                    yield Problem(where.path, line, f"{where.name(*field)}: marker [{ref}] points to no evidence item (this list has {len(evidence)})")
                used.add(index)
    evidence_field = field[:-1] + ("evidence",)
    for i, item in enumerate(evidence):
        if i not in used:
            yield where.problem(evidence_field + (i,), f"item {i + 1} ({item.source}) is cited by no sentence of {where.name(*field)}; cite it as [{i + 1}] or remove it")


def _history_problems(claim: Claim, now: dt.date) -> Iterator[Problem]:
    where = claim.where
    previous = ""
    for i, change in enumerate(claim.history):
        if why := date_problem(change.date, now):
            yield where.problem(("history", i, "date"), why)
        elif previous and change.date < previous:
            yield where.problem(("history", i, "date"), f"{change.date} is before the entry above ({previous}); history runs oldest first")
        previous = max(previous, change.date)
    last = claim.history[-1]
    if last.status != claim.status:
        yield where.problem(("status",), f"'{claim.status}' differs from the last history entry ('{last.status}'); add a history entry for the change")
    if claim.reviewed < last.date and not date_problem(claim.reviewed, now):
        yield where.problem(("reviewed",), f"{claim.reviewed} is before the last history entry ({last.date})")


def _provenance_order(claim: Claim, sources: Mapping[str, Source]) -> Iterator[Problem]:
    previous = ""
    for i, item in enumerate(claim.seen_in):
        source = sources.get(item.source)
        date = source.date if source else ""
        if not date[:4].isdigit():
            continue
        if previous and date < previous:
            yield claim.where.problem(("seen_in", i), f"'{item.source}' ({date}) is older than the entry above ({previous}); list appearances oldest first")
        previous = max(previous, date)
