"""Turn schema-valid YAML data into frozen records. Text is NFC-normalised and stripped."""

from __future__ import annotations

import unicodedata
from types import MappingProxyType
from typing import Any

from ..model import Appearance, Change, Claim, Entity, Event, Evidence, Part, Saying, SurveyEntry, Term
from ..problems import LineMap, Where


def nfc(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


def _evidence(items: list[dict[str, Any]], where: Where, *at: str | int) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            source=e["source"],
            stance=e["stance"],
            locator=nfc(e.get("locator")),
            quote=nfc(e.get("quote")),
            translation=nfc(e.get("translation")),
            translated_by=nfc(e.get("translated_by")),
            line=where.line(*at, i),
        )
        for i, e in enumerate(items)
    )


def claim_from_data(data: dict[str, Any], lines: LineMap, path: str) -> Claim:
    where = Where(path, MappingProxyType(dict(lines)))
    parts = tuple(
        Part(
            statement=nfc(p["statement"]),
            status=p["status"],
            verdict=nfc(p["verdict"]),
            evidence=_evidence(p["evidence"], where, "parts", i, "evidence"),
            missing=nfc(p.get("missing")),
            material=p.get("material", True),
            where=where.inside("parts", i),
        )
        for i, p in enumerate(data.get("parts", []))
    )
    return Claim(
        id=nfc(data["id"]),
        title=nfc(data.get("title")),
        statement=nfc(data["statement"]),
        summary=nfc(data["summary"]),
        kind=data["kind"],
        family=data.get("family", ""),
        status=data["status"],
        topics=tuple(data["topics"]),
        subject=data.get("subject", ""),
        about=tuple(data.get("about", [])),
        parts=parts,
        verdict=nfc(data.get("verdict")),
        evidence=_evidence(data.get("evidence", []), where, "evidence"),
        missing=nfc(data.get("missing")),
        seen_in=tuple(
            Appearance(source=a["source"], locator=nfc(a.get("locator")), quote=nfc(a.get("quote")), line=where.line("seen_in", i))
            for i, a in enumerate(data.get("seen_in", []))
        ),
        related=tuple(data.get("related", [])),
        reviewed=data["reviewed"],
        history=tuple(
            Change(date=h["date"], status=h["status"], note=nfc(h["note"]), line=where.line("history", i))
            for i, h in enumerate(data["history"])
        ),
        where=where,
    )


def _item_where(lines: LineMap, path: str, i: int, label: str) -> Where:
    return Where(path, lines, (i,), label, default_line=lines.get((i,), 1))


def events_from_data(data: list[dict[str, Any]], lines: LineMap, path: str) -> tuple[Event, ...]:
    return tuple(
        Event(
            date=str(e["date"]),
            title=nfc(e["title"]),
            text=nfc(e["text"]),
            sources=tuple(e.get("sources", [])),
            claims=tuple(e.get("claims", [])),
            about=tuple(e.get("about", [])),
            where=_item_where(lines, path, i, f"event {e['date']}"),
        )
        for i, e in enumerate(data)
    )


def terms_from_data(data: list[dict[str, Any]], lines: LineMap, path: str) -> tuple[Term, ...]:
    return tuple(
        Term(
            term=nfc(t["term"]),
            pinyin=nfc(t["pinyin"]),
            english=nfc(t["english"]),
            meaning=nfc(t["meaning"]),
            sources=tuple(t.get("sources", [])),
            topic=t["topic"],
            about=tuple(t.get("about", [])),
            where=_item_where(lines, path, i, f"term {nfc(t['term'])}"),
        )
        for i, t in enumerate(data)
    )


def survey_from_data(data: list[dict[str, Any]], lines: LineMap, path: str) -> tuple[SurveyEntry, ...]:
    return tuple(
        SurveyEntry(
            id=s["id"],
            claim=nfc(s["claim"]),
            families=tuple(s["families"]),
            seen_in=tuple(s["seen_in"]),
            recurs=int(s["recurs"]),
            rated_as=s["outcome"].get("claim", ""),
            not_rated=nfc(s["outcome"].get("not_rated")),
            where=_item_where(lines, path, i, s["id"]),
        )
        for i, s in enumerate(data)
    )


def entities_from_data(data: list[dict[str, Any]], lines: LineMap, path: str) -> tuple[Entity, ...]:
    return tuple(
        Entity(
            id=e["id"],
            type=e["type"],
            name=nfc(e["name"]),
            name_zh=nfc(e.get("name_zh")),
            short=nfc(e.get("short")),
            summary=nfc(e["summary"]),
            sources=tuple(e["sources"]),
            number=nfc(e.get("number")),
            issuers=tuple(e.get("issuers", [])),
            issued=e.get("issued", ""),
            effective=e.get("effective", ""),
            status=e.get("status", ""),
            superseded_by=e.get("superseded_by", ""),
            text=tuple(e.get("text", [])),
            says=tuple(Saying(nfc(s["text"]), nfc(s["locator"]), s["source"]) for s in e.get("says", [])),
            within=e.get("within", ""),
            claims=tuple(e.get("claims", [])),
            where=_item_where(lines, path, i, e["id"]),
        )
        for i, e in enumerate(data)
    )


