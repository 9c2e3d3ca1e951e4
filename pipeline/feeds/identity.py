"""Stable identity for feed entries: canonical URLs, entry keys, article ids.

The article id is a hash of the canonical URL (DESIGN.md), so two feeds that
link the same story with different tracking parameters, host case or
fragments must produce the same canonical string.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from pipeline import ids
from pipeline.feeds.memo import memo_short

__all__ = ["TRACKING_PARAMS", "article_id_for", "canonical_url", "entry_identity", "entry_key",
           "is_tracking_param", "web_url"]

_DEFAULT_PORTS = {"http": 80, "https": 443}

#: Query parameters that identify a campaign, click or referrer, never the
#: story. Each one appears on real news links:
#: fbclid/gclid/dclid/msclkid/yclid/gbraid/wbraid: ad-network click ids;
#: mc_cid/mc_eid: Mailchimp; _hsenc/_hsmi: HubSpot; igshid: Instagram;
#: ocid: MSN syndication; cmp/cmpid: publisher campaign codes (Guardian CMP=);
#: at_medium/at_campaign/at_*: AT Internet, on every BBC RSS link;
#: ns_mchannel/ns_source/ns_campaign/ns_linkname/ns_fee: comScore (BBC);
#: partner/emc/smid/smtyp: NYT RSS and share links; ref/ref_src/ref_url:
#: referral markers such as ?ref=rss; xtor: AT Internet (Le Monde, France24).
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "gbraid", "wbraid",
    "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid", "ocid", "cmp", "cmpid",
    "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
    "partner", "emc", "smid", "smtyp", "ref", "ref_src", "ref_url", "xtor",
})
_TRACKING_PREFIXES = ("utm_", "at_")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The form of ``url`` that identifies a story.

    Lower-cases scheme and host, drops credentials, default ports, the
    fragment and tracking parameters, and sorts the remaining query. The path
    keeps its case: on most servers ``/News/A`` and ``/news/a`` differ.
    Strings that are not absolute URLs (an opaque guid) come back stripped.
    """
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    origin = _origin(parts.scheme, parts.netloc)
    if origin is None:  # not an absolute URL, or a port that is not a number
        return text
    return urlunsplit((*origin, parts.path or "/", _canonical_query(parts.query), ""))


# The origin and the query are memoised: the entries of one feed share a
# host and, most of the time, the same tracking query (?utm_source=rss), and
# the poller canonicalises every new entry's link.
_MEMO_MAX_CHARS = 512


@memo_short(_MEMO_MAX_CHARS)
def _origin(scheme: str, netloc: str) -> tuple[str, str] | None:
    """(scheme, netloc) in canonical form, or None when there is no usable host."""
    parts = SplitResult(scheme, netloc, "", "", "")
    try:
        port = parts.port
    except ValueError:  # e.g. a non-numeric port: not a URL we can normalise
        return None
    if not scheme or not parts.hostname:
        return None
    scheme = scheme.lower()
    host = parts.hostname.rstrip(".")  # hostname is already lower-case
    if ":" in host:  # IPv6 literal: urlsplit removed its brackets
        host = f"[{host}]"
    return scheme, host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"


def _canonical_query(query: str) -> str:
    if not query:
        return ""
    return _tracking_free_query(query)


@memo_short(_MEMO_MAX_CHARS)
def _tracking_free_query(query: str) -> str:
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
             if not is_tracking_param(k)]
    # A stable order makes ?a=1&b=2 and ?b=2&a=1 the same story.
    return urlencode(sorted(pairs))


def entry_key(entry_guid: str | None, link: str | None) -> str:
    """The key a feed uses to say "I have seen this entry": guid, else link.

    The guid is the publisher's own identity for an entry and survives link
    edits; entries without one fall back to their canonical link.
    """
    guid = (entry_guid or "").strip()
    if guid:
        return guid
    canonical = canonical_url(link or "")
    if not canonical:
        raise ValueError("an entry needs a guid or a link to have a key")
    return canonical


def entry_identity(entry: Mapping[str, Any]) -> tuple[str | None, str, str] | None:
    """(guid, link, entry key) of a feedparser entry; None with neither guid nor link.

    The guid is the publisher's opaque identifier as written (feedparser_guids
    keeps feedparser from resolving it); the link is the publisher's link as
    given, resolved. Only the key, when there is no guid, is canonical.
    """
    guid = str(entry.get("id") or "").strip() or None
    # FeedBurner rewrites links through its own redirector; origlink is the story.
    link = str(entry.get("feedburner_origlink") or entry.get("link") or "").strip()
    if not link and guid and web_url(guid):
        link = guid  # an Atom id or a non-permalink guid that is a web address
    if not link and not guid:
        return None
    return guid, link, entry_key(guid, link)


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None."""
    try:
        return url if url and urlsplit(url).scheme in ("http", "https") else None
    except ValueError:
        return None


def article_id_for(url: str) -> str:
    """Article id of a link: the same story in two feeds gets the same id."""
    return ids.article_id(canonical_url(url))
