"""Sources as CSL-JSON (the format of Zotero, Pandoc and citeproc), every mapped field kept."""

from __future__ import annotations

from typing import Any

from ..model import Archive, Source
from .claims import dump

CSL_TYPES = {
    "online": "webpage", "article": "article-journal", "report": "report", "techreport": "report",
    "legislation": "legislation", "book": "book", "inbook": "chapter", "incollection": "chapter",
    "inproceedings": "paper-conference", "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
    "jurisdiction": "legal_case", "legal": "legislation", "standard": "standard", "dataset": "dataset", "video": "motion_picture",
    "manual": "book", "collection": "book", "misc": "document",
}
#: biblatex ``langid`` values to BCP 47 language tags.
BCP47 = {
    "english": "en", "chinese": "zh", "german": "de", "french": "fr", "japanese": "ja", "korean": "ko", "spanish": "es",
    "russian": "ru", "dutch": "nl", "italian": "it", "portuguese": "pt", "indonesian": "id", "finnish": "fi", "swedish": "sv",
    "norwegian": "no", "danish": "da", "polish": "pl", "czech": "cs", "turkish": "tr", "arabic": "ar", "vietnamese": "vi", "thai": "th",
    "hindi": "hi", "persian": "fa", "hebrew": "he", "greek": "el", "hungarian": "hu", "romanian": "ro", "ukrainian": "uk",
}
_CONTAINER_TYPES = {"webpage", "article-journal", "chapter", "paper-conference"}


def _date_parts(value: str) -> dict[str, Any] | None:
    parts = value.split("-")
    if not parts[0].isdigit():
        return None
    return {"date-parts": [[int(p) for p in parts if p.isdigit()]]}


def _names(people: tuple[Any, ...]) -> list[dict[str, str]]:
    return [{"literal": p.family} if p.corporate or not p.given else {"family": p.family, "given": p.given} for p in people]


def csl_item(source: Source) -> dict[str, Any]:
    kind = CSL_TYPES.get(source.entry_type, "document")
    item: dict[str, Any] = {"id": source.key, "type": kind, "title": source.title}
    if source.authors:
        item["author"] = _names(source.authors)
    if source.editors:
        item["editor"] = _names(source.editors)
    if (issued := _date_parts(source.date)) is not None:
        item["issued"] = issued
    if source.url:
        item["URL"] = source.url
    if (accessed := _date_parts(source.urldate)) is not None:
        item["accessed"] = accessed
    if source.journaltitle or source.booktitle:
        item["container-title" if kind in _CONTAINER_TYPES else "collection-title"] = source.journaltitle or source.booktitle
    for name in ("publisher", "institution", "organization"):
        if getattr(source, name):
            item.setdefault("publisher", getattr(source, name))
    if source.translator:
        item["translator"] = [{"literal": source.translator}]
    fields = (
        ("number", "number"), ("volume", "volume"), ("pages", "page"), ("genre", "genre"), ("origtitle", "original-title"),
        ("shorttitle", "title-short"), ("note", "note"), ("abstract", "abstract"),
    )
    for attribute, csl in fields:
        if value := getattr(source, attribute):
            item[csl] = value
    if source.langid:
        item["language"] = BCP47.get(source.langid, source.langid)
    if source.archiveurl:
        item["archive_location"] = source.archiveurl
    return item


def sources_csl_json(archive: Archive) -> str:
    return dump([csl_item(s) for s in archive.sources.values()])
