"""Plain values from feed fields: language tags, RFC 3339 dates, poll hints.

Each takes what feedparser hands over, which for a hostile or careless feed
may be anything, and returns a clean value or None; none of them raises.
"""
from __future__ import annotations

import re
import time
from collections.abc import Mapping
from typing import Any

__all__ = ["language_tag", "rfc3339", "ttl_minutes"]

_SY_PERIOD_MINUTES = {"hourly": 60, "daily": 1440, "weekly": 10080,
                      "monthly": 43200, "yearly": 525600}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def ttl_minutes(feed: Mapping[str, Any]) -> int | None:
    """The publisher's minimum poll interval: RSS <ttl>, else sy:updatePeriod."""
    ttl = _positive_int(feed.get("ttl"))
    if ttl:
        return ttl
    period = _SY_PERIOD_MINUTES.get(str(feed.get("sy_updateperiod", "")).strip().lower())
    if period is None:
        return None
    frequency = _positive_int(feed.get("sy_updatefrequency")) or 1
    return max(1, period // frequency)


def _positive_int(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def language_tag(value: Any) -> str | None:
    """A BCP 47-looking tag ("en", "pt-BR") or None for junk."""
    if not value:  # the usual case: most fields carry no language
        return None
    text = str(value).strip().replace("_", "-")
    if not _LANGUAGE_TAG.fullmatch(text):
        return None
    primary, _, rest = text.partition("-")
    return primary.lower() + (f"-{rest}" if rest else "")


def rfc3339(parsed: Any) -> str | None:
    """feedparser's parsed date (a UTC struct_time) as RFC 3339, or None."""
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    except (TypeError, ValueError, OverflowError):
        return None
