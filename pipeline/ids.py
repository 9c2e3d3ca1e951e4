"""Deterministic ids, so a re-run or a redelivery yields the same records."""
from __future__ import annotations

import hashlib


def _digest(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=8).hexdigest()


def article_id(canonical_url: str) -> str:
    """Sixteen hex digits of a hash of the article's canonical URL."""
    return _digest(canonical_url)


def span_id(article: str, start: int, end: int, kind: str) -> str:
    """Id of a statement or event: article id, span and type."""
    return f"{article}-{_digest(article, start, end, kind)}"
