"""Dates: what 'today' is for a build, partial ISO dates, and when a claim is due for review."""

from __future__ import annotations

import datetime as dt
import os
import re

REVIEW_AFTER_MONTHS = 18


class ClockError(ValueError):
    """``ARCHIVE_TODAY`` or ``SOURCE_DATE_EPOCH`` holds something that is not a date."""


def build_date() -> dt.date:
    """``ARCHIVE_TODAY``, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else today (UTC)."""
    if fixed := os.environ.get("ARCHIVE_TODAY"):
        parsed, why = parse_date(fixed)
        if parsed is None or len(fixed) != 10:
            raise ClockError(f"ARCHIVE_TODAY={fixed[:40]!r} is not a date written YYYY-MM-DD")
        return parsed
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        if not re.fullmatch(r"[0-9]{1,15}", epoch):
            raise ClockError(f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a whole number of seconds since 1970-01-01")
        try:
            day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
            if day.year > 2999:
                raise ValueError(day)
            return day
        except (OverflowError, OSError, ValueError):
            raise ClockError(f"SOURCE_DATE_EPOCH={epoch[:40]!r} is out of range") from None
    return dt.datetime.now(dt.UTC).date()


def due_date(reviewed: str) -> dt.date:
    """The day a review falls due: ``REVIEW_AFTER_MONTHS`` after ``reviewed`` (clamped to month end)."""
    day = dt.date.fromisoformat(reviewed)
    month = day.month - 1 + REVIEW_AFTER_MONTHS
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_due(reviewed: str, as_of: dt.date) -> bool:
    return due_date(reviewed) <= as_of


_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def parse_date(value: str) -> tuple[dt.date | None, str]:
    """A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) as its first day, or why it is not one."""
    match = _DATE.match(value)
    if not match:
        return None, f"'{value[:40]}' is not a date written YYYY-MM-DD (or YYYY-MM, YYYY), in ASCII digits"
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


def is_date(value: str) -> bool:
    return parse_date(value)[0] is not None
