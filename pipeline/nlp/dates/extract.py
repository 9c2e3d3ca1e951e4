"""Time expressions resolved against the article's publication date.

Regular expressions plus ``datetime`` are enough for the forms news copy
uses ("Wednesday, July 27", "15 February 2022", "in November", "yesterday",
"on Monday"). A date written without a year takes the year that puts it
nearest the publication date, which is right for the usual "last/next few
months" horizon of a news story.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from spacy.tokens import Doc

from pipeline.records import TimeExpression

EXTRACTOR = "dates/1"

MONTHS = ("january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ABBREV = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}


def _spelled_days() -> dict[str, int]:
    """"one".."thirty-one" and "first".."thirty-first" (hyphen or space)."""
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]
    ords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth"]
    teen_ords = ["tenth", "eleventh", "twelfth"] + [t + "th" for t in teens[3:]]
    words = {w: i + 1 for i, w in enumerate(units)} | {w: i + 1 for i, w in enumerate(ords)}
    words |= {w: i + 10 for i, w in enumerate(teens)}
    words |= {w: i + 10 for i, w in enumerate(teen_ords)}
    words |= {"twenty": 20, "twentieth": 20, "thirty": 30, "thirtieth": 30}
    for tens, base, last in (("twenty", 20, 9), ("thirty", 30, 1)):
        for i in range(last):
            for sep in ("-", " "):
                words[f"{tens}{sep}{units[i]}"] = base + i + 1
                words[f"{tens}{sep}{ords[i]}"] = base + i + 1
    return words


SPELLED_DAYS = _spelled_days()


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Month names must be capitalised: "may" and "march" are common words.
_MONTH_FULL = r"(?P<month>" + _alt([m.capitalize() for m in MONTHS]) + r")"
_MONTH = r"(?P<month>" + _alt([m.capitalize() for m in MONTHS]) + "|(?:" \
    + _alt([a.capitalize() for a in _ABBREV]) + r")\.?)"
_WEEKDAY = r"(?:" + _alt([w.capitalize() for w in WEEKDAYS]) + r")"
_DAY = r"(?P<day>\d{1,2}(?:st|nd|rd|th)?(?!\d)|(?i:" + _alt(SPELLED_DAYS) + r"))"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?!\d)"
_PREP = (r"(?i:in|since|until|till|by|from|of|during|through|before|after|early|late|mid-?"
         r"|last|next|this)")

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", re.compile(r"\b(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+" + _DAY
                       + r"(?!\w)(?:,?\s+" + _YEAR + r")?")),
    ("dmy", re.compile(r"\b(?:" + _WEEKDAY + r",?\s+)?" + _DAY + r"(?:\s+of)?\s*"
                       + _MONTH + r"(?!\w)(?:,?\s+" + _YEAR + r")?")),
    ("my", re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR)),
    ("m", re.compile(r"\b(?P<dir>" + _PREP + r")\s*(?P<core>" + _MONTH_FULL + r")(?!\w)")),
    ("y", re.compile(r"\b(?i:in|since|until|by|from|of|during|before|after)\s+(?P<core>"
                     + _YEAR + r")")),
    ("rel", re.compile(r"\b(?P<core>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow"
                       r"|tonight)|(?i:(?:earlier|later)\s+this|last|this|next)"
                       r"\s+(?i:year|month|week))\b")),
    # "The day before, ..." with no event named after it: the day before
    # publication. "the day before the summit" is left alone.
    ("rel", re.compile(r"\b(?P<core>(?i:the\s+day\s+before))(?=\s*[,.;])")),
    ("wd", re.compile(r"\b(?:(?P<dir>(?i:last|next|this|on))\s+)?(?P<core>" + _WEEKDAY + r")\b")),
)

#: Expressions whose value comes from the publication date, not the page.
RELATIVE_RE = re.compile(r"^(?:yesterday|today|tomorrow|tonight|the\s+day\s+before.*|"
                         r"(?:(?:earlier|later)\s+this|last|this|next)\s+\w+|"
                         + _alt(WEEKDAYS) + r")$", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|'ll|due to|expected to|scheduled|set to|plans? to)\b", re.I)


def is_relative(time: TimeExpression) -> bool:
    """True when the value was computed from the publication date."""
    return bool(RELATIVE_RE.match(time.text))


def parse_published(published_at: str | None) -> date | None:
    """The publication day of an RFC 3339 timestamp (or plain date)."""
    if not published_at:
        return None
    try:
        return datetime.fromisoformat(published_at.strip()).date()
    except ValueError:
        return None


def _month_number(name: str) -> int:
    key = name.rstrip(".").lower()
    return MONTHS.index(key) + 1 if key in MONTHS else _ABBREV[key]


def _day_number(text: str) -> int:
    text = text.lower()
    return SPELLED_DAYS[text] if text in SPELLED_DAYS else int(re.sub(r"\D", "", text))


def _nearest_year(month: int, day: int, pub: date) -> int:
    """The year that puts month/day closest to the publication date."""
    def distance(year: int) -> int:
        try:
            return abs((date(year, month, day) - pub).days)
        except ValueError:  # 29 February in a common year
            return 10**6
    return min((pub.year - 1, pub.year, pub.year + 1), key=distance)


def _shift_month(pub: date, months: int) -> date:
    index = pub.year * 12 + pub.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _full_date(m: re.Match[str], kind: str, pub: date | None) -> tuple[str, str] | None:
    """Value and precision of an iso/mdy/dmy/my match."""
    month = int(m["mnum"]) if kind == "iso" else _month_number(m["month"])
    if kind == "my":
        return f"{int(m['year']):04d}-{month:02d}", "month"
    day = _day_number(m["day"])
    if m["year"]:
        year = int(m["year"])
    elif pub is not None:
        year = _nearest_year(month, day, pub)
    else:
        return None
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _month_only(m: re.Match[str], pub: date | None) -> tuple[str, str] | None:
    """"in November", "last March": year from the direction word or nearness."""
    if pub is None:
        return None
    month, direction = _month_number(m["month"]), m["dir"].lower()
    year = _nearest_year(month, 15, pub)
    if direction == "last" and (year, month) >= (pub.year, pub.month):
        year -= 1
    elif direction == "next" and (year, month) <= (pub.year, pub.month):
        year += 1
    return f"{year:04d}-{month:02d}", "month"


def _relative(m: re.Match[str], pub: date | None) -> tuple[str, str] | None:
    if pub is None:
        return None
    words = m["core"].lower().split()
    if words[0] in ("yesterday", "today", "tonight", "tomorrow", "the"):
        shift = {"yesterday": -1, "tomorrow": 1, "the": -1 - (words[-1] == "yesterday")}
        return (pub + timedelta(days=shift.get(words[0], 0))).isoformat(), "day"
    step = {"last": -1, "this": 0, "next": 1, "earlier": 0, "later": 0}[words[0]]
    if words[-1] == "year":
        return f"{pub.year + step:04d}", "year"
    if words[-1] == "week":
        # The contract has no week precision: a week is reported as the
        # month its Monday falls in, which is true if coarse.
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        return monday.strftime("%Y-%m"), "month"
    return _shift_month(pub, step).strftime("%Y-%m"), "month"


def _weekday(m: re.Match[str], text: str, pub: date | None) -> tuple[str, str] | None:
    """A bare weekday is the most recent one (news reports the past) unless
    the word "next" or a future marker in the sentence points forward."""
    if pub is None:
        return None
    target = WEEKDAYS.index(m["core"].lower())
    direction = (m["dir"] or "").lower()
    sentence = _sentence_around(text, m.start(), m.end())
    forward = direction == "next" or (direction != "last" and _FUTURE.search(sentence))
    delta = ((target - pub.weekday()) % 7 or 7) if forward else -((pub.weekday() - target) % 7)
    return (pub + timedelta(days=delta)).isoformat(), "day"


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    return text[left:min(rights, default=len(text))]


def _resolve(kind: str, m: re.Match[str], text: str, pub: date | None):
    if kind in ("iso", "mdy", "dmy", "my"):
        return _full_date(m, kind, pub)
    if kind == "m":
        return _month_only(m, pub)
    if kind == "y":
        return m["year"], "year"
    if kind == "rel":
        return _relative(m, pub)
    return _weekday(m, text, pub)


def _span(kind: str, m: re.Match[str]) -> tuple[int, int]:
    """The expression without a leading preposition, keeping last/next/this."""
    if "core" not in m.re.groupindex:
        return m.span()
    keep_dir = m.re.groupindex.get("dir") and (m["dir"] or "").lower() in ("last", "next", "this")
    return (m.start() if keep_dir else m.start("core")), m.end("core")


def extract_times(doc_or_text: Doc | str, published_at: str | None) -> list[TimeExpression]:
    """Dates in the text with ISO values, longest match winning overlaps.

    Expressions that need the publication date (no year, relative words)
    are dropped when it is unknown rather than guessed.
    """
    text = doc_or_text.text if isinstance(doc_or_text, Doc) else doc_or_text
    pub = parse_published(published_at)
    found = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            resolved = _resolve(kind, m, text, pub)
            if resolved is not None:
                start, end = _span(kind, m)
                found.append((start, end, *resolved))
    taken: list[TimeExpression] = []
    for start, end, value, precision in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= t.start or start >= t.end for t in taken):
            taken.append(TimeExpression(text[start:end], start, end, value, precision))
    return sorted(taken, key=lambda t: t.start)
