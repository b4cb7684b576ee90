"""Rules for the list files: timeline events, glossary terms, the survey and the entities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from ..dates import date_problem
from ..model import Claim, Entity, Event, Source, SurveyEntry, Term
from ..problems import Problem, Where, did_you_mean


def _keys(where: Where, field: str, keys: Iterable[str], known: Mapping[str, object] | set[str], what: str) -> Iterator[Problem]:
    for i, key in enumerate(keys):
        if key not in known:
            yield where.problem((field, i), f"unknown {what} '{key}'{did_you_mean(key, known)}")


def event_problems(event: Event, sources: Mapping[str, Source], claim_ids: set[str], entity_ids: set[str], now: dt.date) -> Iterator[Problem]:
    if why := date_problem(event.date, now):
        yield event.where.problem(("date",), why)
    yield from _keys(event.where, "sources", event.sources, sources, "source key")
    yield from _keys(event.where, "claims", event.claims, claim_ids, "claim")
    yield from _keys(event.where, "about", event.about, entity_ids, "entity")


def term_problems(term: Term, sources: Mapping[str, Source], entity_ids: set[str]) -> Iterator[Problem]:
    yield from _keys(term.where, "sources", term.sources, sources, "source key")
    yield from _keys(term.where, "about", term.about, entity_ids, "entity")


def survey_problems(entries: tuple[SurveyEntry, ...], sources: Mapping[str, Source], claims: Mapping[str, Claim]) -> Iterator[Problem]:
    first: dict[str, SurveyEntry] = {}
    for entry in entries:
        if entry.id in first:
            yield entry.where.problem(("id",), f"'{entry.id}' is already used on line {first[entry.id].where.line()}")
        first.setdefault(entry.id, entry)
        yield from _keys(entry.where, "seen_in", entry.seen_in, sources, "source key")
        if entry.rated_as and entry.rated_as not in claims:
            yield entry.where.problem(("outcome", "claim"), f"unknown claim '{entry.rated_as}'{did_you_mean(entry.rated_as, claims)}")
        if entry.not_rated.lower().startswith("duplicate of "):
            target = entry.not_rated[len("duplicate of "):].strip(" .")
            if target not in first and target not in {e.id for e in entries}:
                yield entry.where.problem(("outcome", "not_rated"), f"duplicate of an unknown survey entry '{target}'")


def entity_problems(
    entities: Mapping[str, Entity], duplicates: list[Entity], sources: Mapping[str, Source], now: dt.date, claim_ids: set[str]
) -> Iterator[Problem]:
    for entity in duplicates:
        yield entity.where.problem(("id",), f"'{entity.id}' is already used on line {entities[entity.id].where.line()}")
    text_owner: dict[str, str] = {}
    for entity in entities.values():
        where = entity.where
        yield from _keys(where, "sources", entity.sources, sources, "source key")
        yield from _keys(where, "text", entity.text, sources, "source key")
        yield from _keys(where, "claims", entity.claims, claim_ids, "claim")
        for i, saying in enumerate(entity.says):
            if saying.source not in sources:
                yield where.problem(("says", i, "source"), f"unknown source key '{saying.source}'{did_you_mean(saying.source, sources)}")
        for field in ("issued", "effective"):
            value = getattr(entity, field)
            if value and (why := date_problem(value, now)):
                yield where.problem((field,), why)
        for i, issuer in enumerate(entity.issuers):
            if issuer not in entities:
                yield where.problem(("issuers", i), f"unknown entity '{issuer}'{did_you_mean(issuer, entities)}")
            elif entities[issuer].type != "body":
                yield where.problem(("issuers", i), f"'{issuer}' is a {entities[issuer].type}, not a body")
        for field in ("superseded_by", "within"):
            target = getattr(entity, field)
            if target and target not in entities:
                yield where.problem((field,), f"unknown entity '{target}'{did_you_mean(target, entities)}")
        document_fields = [f for f in ("number", "issuers", "issued", "effective", "status", "superseded_by", "text", "says") if getattr(entity, f)]
        if entity.type != "document" and document_fields:
            yield where.problem((document_fields[0],), f"only documents have {', '.join(document_fields)}")
        if entity.type == "document":
            if not entity.text:
                yield where.problem(("type",), "a document needs text: the sources that hold its text or a translation")
            if not entity.status:
                yield where.problem(("type",), "a document needs status (in-force, superseded, draft, expired or unknown)")
            if entity.status == "superseded" and not entity.superseded_by:
                yield where.problem(("status",), "a superseded document needs superseded_by")
        for key in entity.text:
            if key in text_owner and text_owner[key] != entity.id:
                yield where.problem(("text",), f"source '{key}' is already the text of '{text_owner[key]}'")
            text_owner.setdefault(key, entity.id)
