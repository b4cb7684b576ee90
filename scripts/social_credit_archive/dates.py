"""When a claim is due for review, and what 'today' is for a build."""

from __future__ import annotations

import datetime as dt
import os

REVIEW_AFTER_MONTHS = 18


def build_date() -> dt.date:
    """``ARCHIVE_TODAY``, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else today (UTC)."""
    if fixed := os.environ.get("ARCHIVE_TODAY"):
        return dt.date.fromisoformat(fixed)
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


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
