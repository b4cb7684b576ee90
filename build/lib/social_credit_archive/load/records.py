"""Turn schema-valid YAML data into frozen records (claims, timeline events, glossary terms)."""

from __future__ import annotations

import unicodedata
from types import MappingProxyType
from typing import Any

from ..model import Appearance, Change, Claim, Event, Evidence, Term
from .strict_yaml import LineMap


def nfc(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


def claim_from_data(data: dict[str, Any], lines: LineMap, path: str) -> Claim:
    def line(*where: str | int) -> int:
        return lines.get(where, 1)

    return Claim(
        id=nfc(data["id"]),
        statement=nfc(data["statement"]),
        kind=data["kind"],
        status=data["status"],
        topics=tuple(data["topics"]),
        verdict=nfc(data["verdict"]),
        evidence=tuple(
            Evidence(
                source=e["source"],
                stance=e["stance"],
                locator=nfc(e.get("locator")),
                quote=nfc(e.get("quote")),
                translation=nfc(e.get("translation")),
                translated_by=nfc(e.get("translated_by")),
                line=line("evidence", i),
            )
            for i, e in enumerate(data["evidence"])
        ),
        seen_in=tuple(
            Appearance(source=a["source"], locator=nfc(a.get("locator")), quote=nfc(a.get("quote")), line=line("seen_in", i))
            for i, a in enumerate(data.get("seen_in", []))
        ),
        related=tuple(data.get("related", [])),
        reviewed=data["reviewed"],
        history=tuple(
            Change(date=h["date"], status=h["status"], note=nfc(h["note"]), line=line("history", i))
            for i, h in enumerate(data["history"])
        ),
        path=path,
        lines=MappingProxyType(dict(lines)),
    )


def events_from_data(data: list[dict[str, Any]], lines: LineMap, path: str) -> tuple[Event, ...]:
    return tuple(
        Event(
            date=str(e["date"]),
            title=nfc(e["title"]),
            text=nfc(e["text"]),
            sources=tuple(e.get("sources", [])),
            claims=tuple(e.get("claims", [])),
            path=path,
            line=lines.get((i,), 1),
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
            path=path,
            line=lines.get((i,), 1),
        )
        for i, t in enumerate(data)
    )
