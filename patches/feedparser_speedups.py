"""Faster feedparser internals with identical results (installed by ``patches.install``).

Profiling the poller on 20-entry RSS documents (bench/feeds_poll.py) showed
feedparser spending about 40% of its own time on five pieces of busywork,
each of which is replaced here by a shortcut that returns the same value
(a second round, further down, took the per-element dispatch, link
joining and date parsing):

* On every element start it re-joins the in-scope base URI with itself
  (``make_safe_absolute_uri(base, base)``: two ``urlparse`` runs and a
  regex), although the base rarely changes within a document. The result
  depends on the string alone, so it is memoised (bounded, short bases only).
* It ``copy.deepcopy``s a small dict of strings for every ``*_detail``
  record; the generic reduce/reconstruct path costs more than the copy.
  ``FeedParserDict.__deepcopy__`` does the same copy directly.
* ``FeedParserDict.get`` goes through the alias-aware ``__getitem__`` even
  for the many keys that have no alias; those now take ``dict.get``.
* expat reports text in pieces (every line and every entity reference is a
  callback through SAX into feedparser, which joins the pieces again). The
  SAX driver registered here turns on expat's ``buffer_text``, so a run of
  text arrives in one call. It goes through feedparser's documented hook,
  ``PREFERRED_XML_PARSERS``, which also spares feedparser its failed
  ``import drv_libxml2`` on every parse.
* Every text value is passed through ``str.translate`` with a table of
  the 27 cp1252 code points; each other character looked up raises and
  swallows a KeyError inside ``translate``. The table installed here also
  maps code points 0-255 to themselves, which changes no output and makes
  the call about three times faster.

With those gone, a 20-entry document still cost ~27 us per element, most
of it in feedparser's per-element Python layers; three more shortcuts cut
the 200-new benchmark phase's CPU per poll by about a quarter:

* The SAX driver hands an element in no namespace (all of plain RSS) and
  its no-namespace attributes straight to ``unknown_starttag`` /
  ``unknown_endtag``, lower-cased, which is all the SAX adapter layer and
  ``startElementNS``/``endElementNS`` amount to for such names (text goes
  straight to ``handle_data`` likewise). Namespaced names take the full path.
* Joining each ``<link>`` and permalink ``<guid>`` with the base URI
  (urljoin: two urlparse runs and an urlunparse) returns the link itself
  when it is a plain absolute http(s) URL, as urljoin would.
* RSS dates in the common RFC 822 form ("Tue, 14 May 2024 10:00:00 GMT") go
  to a strict parser registered with feedparser's ``registerDateHandler``
  that does the same arithmetic as feedparser's general one; anything else
  falls through to feedparser's own chain.

feedparser still does all of the parsing; tests/unit/test_feeds_speedups.py
checks, over feedparser's own corpus, that its output is unchanged. The
patches are process-wide but only change speed, so other feedparser users
in the process are unaffected. Should a feedparser upgrade rename these
internals, :func:`install` leaves that piece alone rather than fail.
"""
from __future__ import annotations

import copy
import datetime
import re
import urllib.parse
from collections.abc import Mapping
from typing import Any
from xml.sax.expatreader import ExpatParser

import feedparser.api
import feedparser.datetimes
import feedparser.html
import feedparser.mixin
import feedparser.urls
from feedparser.parsers.strict import _StrictFeedParser
from feedparser.util import FeedParserDict

from pipeline.feeds.memo import memo_short

__all__ = ["create_parser", "install", "installed", "uninstall"]

#: Longer base URIs are joined every time: a hostile feed must not be able
#: to pin megabytes of xml:base strings in the memo.
_MAX_MEMO_URI = 2048
#: Values that ``copy.deepcopy`` returns as they are.
_ATOMIC = frozenset({str, int, float, bool, type(None), bytes})

_original_join = feedparser.urls.make_safe_absolute_uri
_original_get = FeedParserDict.get
_original_cp1252 = feedparser.html._cp1252
#: Same translation as feedparser's table, but lookups of Latin-1 hit.
_TOTAL_CP1252 = {**{code: chr(code) for code in range(256)}, **_original_cp1252}
_saved: dict[str, Any] = {}
_STRICT_START = _StrictFeedParser.startElementNS
_STRICT_END = _StrictFeedParser.endElementNS
_STRICT_CHARACTERS = _StrictFeedParser.characters


@memo_short(_MAX_MEMO_URI, maxsize=256)
def _self_join(base: str) -> str:
    return _original_join(base, base)


def _make_safe_absolute_uri(base: str, rel: str | None = None) -> str:
    # The hot call is unknown_starttag's (self.baseuri, self.baseuri); links
    # and explicit xml:base values (rel != base) take the original path.
    if rel == base and isinstance(base, str):
        return _self_join(base)
    return _original_join(base, rel)


_original_urljoin = feedparser.urls._urljoin
#: Absolute http(s) URLs that urljoin hands back unchanged: lower-case scheme,
#: a plain host[:port], and no character that urlsplit strips, removes or
#: splits on specially (whitespace, controls, '[', '@', '\\', ';' in the
#: path where urlparse looks for params), no empty '?' or '#' (urlunparse
#: drops those) and no run of slashes after '://' (feedparser's _urifixer).
_PLAIN_ABSOLUTE = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?"
    r"(?:/[A-Za-z0-9._~!$&'()*+,=:%/-]*)?"
    r"(?:\?[A-Za-z0-9._~!$&'()*+,;=:%/?-]+)?"
    r"(?:#[A-Za-z0-9._~!$&'()*+,;=:%/?-]+)?")


@memo_short(_MAX_MEMO_URI, maxsize=256)
def _parsable_base(base: str) -> bool:
    try:
        urllib.parse.urlparse(base)
    except ValueError:  # urljoin would raise and _urljoin return ''
        return False
    return True


def _urljoin(base: Any, uri: Any) -> str:
    # Every <link> and permalink <guid> is joined with the base URI
    # (resolve_uri): two urlparse runs and an urlunparse, about 6 us, and
    # for an absolute http(s) link with nothing unusual in it the answer is
    # the link itself, whatever the base (another scheme: returned as is;
    # the same scheme: split and put back together unchanged). Anything
    # else takes feedparser's path.
    if (type(uri) is str and type(base) is str
            and _PLAIN_ABSOLUTE.fullmatch(uri) and (not base or _parsable_base(base))):
        return uri
    return _original_urljoin(base, uri)


#: The RFC 822 form RSS feeds nearly always use ("Tue, 14 May 2024 10:00:00
#: GMT" or a numeric offset). feedparser tries W3C-DTF first (its pattern
#: needs a leading year, so it never matches these) and then its general
#: RFC 822 parser; this is the same arithmetic without the guessing.
_RFC822_PLAIN = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) (?:GMT|UT|Z|([+-])([0-9]{2})([0-9]{2}))")
_MONTHS = {name: number for number, name in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}


def _parse_date_rfc822_plain(date: str):
    """feedparser's _parse_date_rfc822 result for the common form, else None.

    Registered first with feedparser.registerDateHandler; None (or an
    exception feedparser catches) hands the string on to the usual chain.
    """
    match = _RFC822_PLAIN.fullmatch(date)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, tz_hours, tz_minutes = match.groups()
    stamp = datetime.datetime(int(year), _MONTHS[month], int(day),
                              int(hour), int(minute), int(second))
    if sign:
        offset = datetime.timedelta(hours=int(tz_hours), minutes=int(tz_minutes))
        stamp = stamp - offset if sign == "+" else stamp + offset
    return stamp.utctimetuple()


def _deepcopy(self: FeedParserDict, memo: dict[int, Any]) -> FeedParserDict:
    # What copy.deepcopy's reduce path does (new instance, memo entry,
    # item by item through __setitem__, then the instance __dict__), minus
    # its generic machinery; atomic values are shared, as deepcopy shares them.
    result = FeedParserDict()
    memo[id(self)] = result
    for key, value in self.items():
        result[key] = value if type(value) in _ATOMIC else copy.deepcopy(value, memo)
    if self.__dict__:
        result.__dict__.update(copy.deepcopy(self.__dict__, memo))
    return result


def _special_keys() -> frozenset[str]:
    # Keys FeedParserDict.__getitem__ treats specially (computed values and
    # aliases); read from the class so a feedparser upgrade that adds an
    # alias keeps it.
    return frozenset({"category", "enclosures", "license", "updated", "updated_parsed",
                      *FeedParserDict.keymap})


def _make_get(special: frozenset[str]):
    def get(self: FeedParserDict, key: Any, default: Any = None) -> Any:
        if key in special:
            return _original_get(self, key, default)
        return dict.get(self, key, default)
    get.__doc__ = _original_get.__doc__
    return get


def _is_strict_feedparser(handler: Any) -> bool:
    # The element fast path below inlines _StrictFeedParser's SAX methods,
    # so it only serves that class with those methods not overridden.
    cls = type(handler)
    return (isinstance(handler, _StrictFeedParser)
            and cls.startElementNS is _STRICT_START and cls.endElementNS is _STRICT_END
            and cls.characters is _STRICT_CHARACTERS
            and handler._matchnamespaces.get("") == "")


class _BufferedExpatParser(ExpatParser):
    _feedparser: Any = None
    # ExpatParser internals the standard library's stubs leave out.
    _parser: Any
    _cont_handler: Any

    def reset(self) -> None:
        super().reset()
        # Consecutive character data in one callback (up to expat's 8 KB
        # buffer); feedparser only ever concatenates the pieces.
        self._parser.buffer_text = True

    def _reset_cont_handler(self) -> None:
        super()._reset_cont_handler()  # type: ignore[misc]  # private, not in the stubs
        handler = self._cont_handler
        self._feedparser = handler if _is_strict_feedparser(handler) else None
        if self._feedparser is not None:
            # characters() only forwards to handle_data().
            self._parser.CharacterDataHandler = handler.handle_data

    # Every element passes through three layers before feedparser looks at
    # it: this driver builds (namespace, name) pairs and an AttributesNSImpl,
    # startElementNS/endElementNS map the namespace to a prefix and lower-case
    # the names, and unknown_starttag/unknown_endtag dispatch. For an element
    # in no namespace (all of RSS 2.0) whose attributes are in no namespace
    # either, the middle layer reduces to lower-casing: expat gives a name
    # without a space, the namespace '' maps to prefix '', and the attribute
    # dict is {name.lower(): value} in document order. Anything else (a
    # namespace, pending xmlns declarations in ``decls``) takes the full path.
    def start_element_ns(self, name: str, attrs: Mapping[str, str]) -> None:
        handler = self._feedparser
        if handler is not None and " " not in name and not handler.decls:
            if not attrs:
                return handler.unknown_starttag(name.lower(), [])
            if not any(" " in key for key in attrs):
                return handler.unknown_starttag(
                    name.lower(), list({key.lower(): value for key, value in attrs.items()}.items()))
        return super().start_element_ns(name, attrs)

    def end_element_ns(self, name: str) -> None:
        handler = self._feedparser
        if handler is not None and " " not in name:
            return handler.unknown_endtag(name.lower())
        return super().end_element_ns(name)


def create_parser(*args: Any, **kwargs: Any) -> ExpatParser:
    """The xml.sax driver entry point (this module is named in PREFERRED_XML_PARSERS)."""
    return _BufferedExpatParser(*args, **kwargs)


def install() -> None:
    """Apply the shortcuts (idempotent)."""
    if _saved:
        return
    if getattr(feedparser.mixin, "make_safe_absolute_uri", None) is _original_join:
        _saved["join"] = _original_join
        feedparser.mixin.make_safe_absolute_uri = _make_safe_absolute_uri
    if "__deepcopy__" not in vars(FeedParserDict):
        _saved["deepcopy"] = None
        FeedParserDict.__deepcopy__ = _deepcopy
    if vars(FeedParserDict).get("get") is _original_get:
        _saved["get"] = _original_get
        FeedParserDict.get = _make_get(_special_keys())
    if getattr(feedparser.mixin, "_cp1252", None) is _original_cp1252:
        _saved["cp1252"] = _original_cp1252
        feedparser.mixin._cp1252 = _TOTAL_CP1252
    if getattr(feedparser.mixin, "_urljoin", None) is _original_urljoin:
        _saved["urljoin"] = _original_urljoin
        feedparser.mixin._urljoin = _urljoin
    handlers = getattr(feedparser.datetimes, "_date_handlers", None)
    if isinstance(handlers, list) and _parse_date_rfc822_plain not in handlers:
        _saved["dates"] = None
        feedparser.registerDateHandler(_parse_date_rfc822_plain)
    preferred = getattr(feedparser.api, "PREFERRED_XML_PARSERS", None)
    if isinstance(preferred, list) and __name__ not in preferred:
        _saved["driver"] = None
        preferred.insert(0, __name__)
    _saved.setdefault("installed", True)


def uninstall() -> None:
    """Restore feedparser's own code (for the equivalence tests)."""
    if "join" in _saved:
        feedparser.mixin.make_safe_absolute_uri = _saved["join"]
    if "deepcopy" in _saved:
        del FeedParserDict.__deepcopy__
    if "get" in _saved:
        FeedParserDict.get = _saved["get"]
    if "cp1252" in _saved:
        feedparser.mixin._cp1252 = _saved["cp1252"]
    if "urljoin" in _saved:
        feedparser.mixin._urljoin = _saved["urljoin"]
    if "dates" in _saved:
        feedparser.datetimes._date_handlers.remove(_parse_date_rfc822_plain)
    if "driver" in _saved:
        feedparser.api.PREFERRED_XML_PARSERS.remove(__name__)
    _saved.clear()


def installed() -> bool:
    return bool(_saved)
