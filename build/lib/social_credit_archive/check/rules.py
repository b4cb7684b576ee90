"""Rules a JSON Schema cannot express: dates, cross-references, evidence and text safety."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Iterator, Mapping

from ..dates import build_date
from ..model import Claim, Event, Source, Term
from ..problems import Problem, did_you_mean, one_of
from ..vocab import PRIMARY_CLASSES, SOURCE_CLASSES

MAX_QUOTE_WORDS = 60
RESERVED_IDS = frozenset({"index"})
ENTRY_TYPES = frozenset(
    "online article report legislation misc book inbook incollection collection inproceedings "
    "thesis phdthesis mastersthesis techreport manual jurisdiction legal standard dataset video".split()
)

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<!--")
_SNIPPET = re.compile(r"-{1,3}8<-{1,3}")
_FRONT_MATTER = re.compile(r"^\s*---\s*$", re.M)
_MD_LINK = re.compile(r"\]\(\s*<?([^\s>]+?)>?\)(?=\s|$|[.,;:!?])")
_BIB_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def today() -> dt.date:
    """'Now' for the date rules: the build date (``ARCHIVE_TODAY`` freezes it for tests)."""
    return build_date()


def parse_date(value: str) -> tuple[dt.date | None, str]:
    """A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) as its first day, or why it is not one."""
    match = _BIB_DATE.match(value)
    if not match:
        return None, f"'{value}' is not a date written YYYY-MM-DD (or YYYY-MM, YYYY)"
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day), ""
    except ValueError:
        return None, f"'{value}' is not a real date"


def date_problem(value: str, now: dt.date) -> str:
    parsed, why = parse_date(value)
    if parsed is None:
        return why
    if parsed > now:
        return f"'{value}' is in the future"
    return ""


def text_problems(value: str, *, markdown: bool = False) -> Iterator[str]:
    """Why a text field could smuggle markup into a page (each message names the fix)."""
    # Plain substring tests first: this runs on every text field of every claim.
    if "<" in value and _HTML.search(value):
        yield f"raw HTML ({_HTML.search(value).group(0)[:30]!r}) is not allowed; write plain text or Markdown"  # type: ignore[union-attr]
    if "8<" in value and _SNIPPET.search(value):
        yield "snippet-include syntax '--8<--' is not allowed"
    if "---" in value and _FRONT_MATTER.search(value):
        yield "a line of '---' is not allowed (it could start front matter); rephrase"
    if markdown and "](" in value:
        for target in _MD_LINK.findall(value):
            if not re.match(r"https?://", target):
                yield f"link target {target!r} must be an http(s) URL"


def url_problem(url: str) -> str:
    lowered = url.strip().lower()
    if lowered.startswith(("javascript:", "data:", "vbscript:")):
        return f"'{url[:40]}' is not allowed: only https (or http where a site has no https) URLs"
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
        return f"'{url[:60]}' is not an http(s) URL"
    return ""


def claim_problems(claim: Claim, sources: Mapping[str, Source], claim_ids: set[str], stem: str, now: dt.date) -> Iterator[Problem]:
    path = claim.path

    def at(*where: str | int) -> int:
        return claim.line_of(*where)

    if claim.id in RESERVED_IDS:
        yield Problem(path, at("id"), f"id: '{claim.id}' is reserved for an index page; choose another")
    elif claim.id != stem:
        yield Problem(path, at("id"), f"id: '{claim.id}' must equal the file name '{stem}'")
    for field in ("statement", "verdict"):
        for why in text_problems(getattr(claim, field), markdown=field == "verdict"):
            yield Problem(path, at(field), f"{field}: {why}")
    for field, value in (("reviewed", claim.reviewed),):
        if why := date_problem(value, now):
            yield Problem(path, at(field), f"{field}: {why}")
    yield from _history_problems(claim, now)
    yield from _evidence_problems(claim, sources)
    for i, item in enumerate(claim.seen_in):
        if item.source not in sources:
            yield Problem(path, at("seen_in", i, "source"), f"seen_in[{i}].source: unknown source key '{item.source}'{did_you_mean(item.source, sources)}")
        for why in text_problems(item.quote) if item.quote else ():
            yield Problem(path, at("seen_in", i, "quote"), f"seen_in[{i}].quote: {why}")
    yield from _provenance_order(claim, sources)
    if claim.kind == "media" and not claim.seen_in:
        yield Problem(path, at("kind"), "a media claim needs seen_in: where the claim appeared")
    for i, other in enumerate(claim.related):
        if other == claim.id:
            yield Problem(path, at("related", i), "related: a claim cannot be related to itself")
        elif other not in claim_ids:
            yield Problem(path, at("related", i), f"related: unknown claim '{other}'{did_you_mean(other, claim_ids)}")


def _history_problems(claim: Claim, now: dt.date) -> Iterator[Problem]:
    path = claim.path
    previous = ""
    for i, change in enumerate(claim.history):
        if why := date_problem(change.date, now):
            yield Problem(path, claim.line_of("history", i, "date"), f"history[{i}].date: {why}")
        elif previous and change.date < previous:
            yield Problem(path, claim.line_of("history", i, "date"), f"history[{i}].date: {change.date} is before the entry above ({previous}); history runs oldest first")
        previous = max(previous, change.date)
        for why in text_problems(change.note):
            yield Problem(path, claim.line_of("history", i, "note"), f"history[{i}].note: {why}")
    last = claim.history[-1]
    if last.status != claim.status:
        yield Problem(path, claim.line_of("status"), f"status: '{claim.status}' differs from the last history entry ('{last.status}'); add a history entry for the change")
    if claim.reviewed < last.date and not date_problem(claim.reviewed, now):
        yield Problem(path, claim.line_of("reviewed"), f"reviewed: {claim.reviewed} is before the last history entry ({last.date})")


def _evidence_problems(claim: Claim, sources: Mapping[str, Source]) -> Iterator[Problem]:
    path = claim.path
    for i, item in enumerate(claim.evidence):
        if item.source not in sources:
            yield Problem(path, claim.line_of("evidence", i, "source"), f"evidence[{i}].source: unknown source key '{item.source}'{did_you_mean(item.source, sources)}")
        for field in ("quote", "translation", "locator"):
            value = getattr(item, field)
            for why in text_problems(value) if value else ():
                yield Problem(path, claim.line_of("evidence", i, field), f"evidence[{i}].{field}: {why}")
        if item.quote or "quote" in _keys(claim, "evidence", i):
            words = len(item.quote.split())
            if words == 0:
                yield Problem(path, claim.line_of("evidence", i, "quote"), f"evidence[{i}].quote: is empty; give the exact words or drop the field")
            elif words > MAX_QUOTE_WORDS:
                yield Problem(path, claim.line_of("evidence", i, "quote"), f"evidence[{i}].quote: {words} words; quote at most {MAX_QUOTE_WORDS} and paraphrase the rest")
    stances = {e.stance for e in claim.evidence}
    if claim.status == "confirmed" and "supports" not in stances:
        yield Problem(path, claim.line_of("status"), "status: a confirmed claim needs evidence with stance 'supports'")
    if claim.status == "disputed" and "refutes" not in stances:
        yield Problem(path, claim.line_of("status"), "status: a disputed claim needs evidence with stance 'refutes'")
    if claim.kind == "policy" and all(e.source in sources for e in claim.evidence):
        classes = {sources[e.source].sourceclass for e in claim.evidence if e.source in sources}
        if not classes & PRIMARY_CLASSES:
            yield Problem(path, claim.line_of("kind"), "kind: a policy claim must rest on at least one official or court source in its evidence")


def _keys(claim: Claim, *where: str | int) -> set[str]:
    return {str(k[len(where)]) for k in claim.lines if len(k) == len(where) + 1 and k[: len(where)] == where}


def _provenance_order(claim: Claim, sources: Mapping[str, Source]) -> Iterator[Problem]:
    previous = ""
    for i, item in enumerate(claim.seen_in):
        source = sources.get(item.source)
        date = source.date if source else ""
        if not _BIB_DATE.match(date):
            continue
        if previous and date < previous:
            yield Problem(claim.path, claim.line_of("seen_in", i), f"seen_in[{i}]: '{item.source}' ({date}) is older than the entry above ({previous}); list appearances oldest first")
        previous = max(previous, date)


def source_problems(source: Source, now: dt.date) -> Iterator[Problem]:
    path = source.path

    def at(field: str) -> int:
        return source.field_lines.get(field, source.line)

    if source.entry_type not in ENTRY_TYPES:
        yield Problem(path, source.line, f"@{source.entry_type}: unknown entry type{did_you_mean(source.entry_type, ENTRY_TYPES)}")
    cls = source.sourceclass
    if not cls:
        yield Problem(path, source.line, f"{source.key}: sourceclass is missing (one of {one_of(SOURCE_CLASSES)})")
    elif cls not in SOURCE_CLASSES:
        yield Problem(path, at("sourceclass"), f"{source.key}: sourceclass '{cls}' is not one of {one_of(SOURCE_CLASSES)}{did_you_mean(cls, SOURCE_CLASSES)}")
    if not source.title:
        yield Problem(path, source.line, f"{source.key}: title is missing")
    if source.date:
        field = "date" if source.get("date") else "year"
        if why := date_problem(source.date, now):
            yield Problem(path, at(field), f"{source.key}: {field}: {why}")
    elif "not established" not in source.get("note").lower():
        yield Problem(path, source.line, f"{source.key}: date is missing (or say 'Date not established.' in note)")
    if cls in PRIMARY_CLASSES and not source.authors:
        yield Problem(path, source.line, f"{source.key}: an {cls} source needs its issuing body as author, e.g. author = {{{{State Council}}}}")
    for field in ("url", "translationurl", "archiveurl"):
        if source.get(field) and (why := url_problem(source.get(field))):
            yield Problem(path, at(field), f"{source.key}: {field}: {why}")
    if source.url or source.entry_type == "online":
        if not source.url:
            yield Problem(path, source.line, f"{source.key}: an online source needs url")
        if not source.get("urldate"):
            yield Problem(path, source.line, f"{source.key}: urldate is missing (the day the link was checked, YYYY-MM-DD)")
        elif why := date_problem(source.get("urldate"), now):
            yield Problem(path, at("urldate"), f"{source.key}: urldate: {why}")
    for field in ("title", "origtitle", "note"):
        for why in text_problems(source.get(field)):
            yield Problem(path, at(field), f"{source.key}: {field}: {why}")


def reference_problems(
    items: Iterable[Event | Term], sources: Mapping[str, Source], claim_ids: set[str], now: dt.date, topics: Iterable[str]
) -> Iterator[Problem]:
    topics = list(topics)
    for item in items:
        for key in item.sources:
            if key not in sources:
                yield Problem(item.path, item.line, f"unknown source key '{key}'{did_you_mean(key, sources)}")
        if isinstance(item, Event):
            if why := date_problem(item.date, now):
                yield Problem(item.path, item.line, f"date: {why}")
            for claim_id in item.claims:
                if claim_id not in claim_ids:
                    yield Problem(item.path, item.line, f"unknown claim '{claim_id}'{did_you_mean(claim_id, claim_ids)}")
            texts = (item.title, item.text)
        else:
            if item.topic not in topics:
                yield Problem(item.path, item.line, f"topic '{item.topic}' is not one of the claim topics{did_you_mean(item.topic, topics)}")
            texts = (item.term, item.pinyin, item.english, item.meaning)
        for text in texts:
            for why in text_problems(text):
                yield Problem(item.path, item.line, why)
