"""Faster feedparser internals with identical results (installed by ``parse``).

Profiling the poller on 20-entry RSS documents (bench/feeds_poll.py) showed
feedparser spending about 40% of its own time on five pieces of busywork,
each of which is replaced here by a shortcut that returns the same value:

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

feedparser still does all of the parsing; tests/unit/test_feeds_speedups.py
checks, over feedparser's own corpus, that its output is unchanged. The
patches are process-wide but only change speed, so other feedparser users
in the process are unaffected. Should a feedparser upgrade rename these
internals, :func:`install` leaves that piece alone rather than fail.
"""
from __future__ import annotations

import copy
import functools
from typing import Any
from xml.sax.expatreader import ExpatParser

import feedparser.api
import feedparser.html
import feedparser.mixin
import feedparser.urls
from feedparser.util import FeedParserDict

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


@functools.lru_cache(maxsize=256)
def _self_join(base: str) -> str:
    return _original_join(base, base)


def _make_safe_absolute_uri(base: str, rel: str | None = None) -> str:
    # The hot call is unknown_starttag's (self.baseuri, self.baseuri); links
    # and explicit xml:base values (rel != base) take the original path.
    if rel == base and isinstance(base, str) and len(base) <= _MAX_MEMO_URI:
        return _self_join(base)
    return _original_join(base, rel)


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


class _BufferedExpatParser(ExpatParser):
    def reset(self) -> None:
        super().reset()
        # Consecutive character data in one callback (up to expat's 8 KB
        # buffer); feedparser only ever concatenates the pieces.
        self._parser.buffer_text = True


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
    if "driver" in _saved:
        feedparser.api.PREFERRED_XML_PARSERS.remove(__name__)
    _saved.clear()


def installed() -> bool:
    return bool(_saved)
