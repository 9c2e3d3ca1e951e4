"""Near-duplicate detection: 64-bit SimHash fingerprints and a bounded recent set.

Syndicated wire copy reaches us through many feeds with small edits (a changed
headline, a trailing credit), so exact hashes miss it; SimHash over word
shingles keeps such copies within a few bits of each other.
"""
from __future__ import annotations

import hashlib
import re
from collections import OrderedDict, deque
from collections.abc import Iterable, MutableMapping
from typing import Any

import numpy as np

BITS = 64
#: Words per shingle: 3 is robust to single-word edits yet still order-aware.
SHINGLE = 3
#: 4 bands of 16 bits: two fingerprints within 3 bits agree on at least one
#: band (pigeonhole), so the band index finds every such pair exactly.
BANDS = 4
_BAND_BITS = BITS // BANDS
_WORD = re.compile(r"\w+")


def _digest(shingle: str) -> bytes:
    return hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()


def fingerprint(text: str) -> str:
    """SimHash of the text's lower-cased word 3-shingles, as 16 hex digits."""
    words = _WORD.findall(text.lower())
    shingles: Iterable[str]
    if len(words) < SHINGLE:
        shingles = [" ".join(words)] if words else []
    else:
        shingles = map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False))
    # Vectorised bit counting: a 4 MB article has ~700k shingles, and a pure
    # Python 64-step loop per shingle would take seconds. The 8-byte digests
    # are big-endian, so column 0 is the most significant bit on every platform;
    # joining the raw digests skips an int round trip per shingle.
    digests = b"".join(map(_digest, shingles))
    if not digests:
        return "0" * 16
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    return np.packbits(2 * bits.sum(axis=0, dtype=np.int64) > len(bits)).tobytes().hex()


def hamming(a: str, b: str) -> int:
    """Number of differing bits between two hex fingerprints."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def _bands(fp: str) -> list[tuple[int, int]]:
    value = int(fp, 16)
    mask = (1 << _BAND_BITS) - 1
    return [(i, value >> (i * _BAND_BITS) & mask) for i in range(BANDS)]


class RecentFingerprints:
    """The last ``capacity`` article fingerprints, oldest evicted first.

    Lookups use an in-memory band index. With a ``store`` (a mapping of
    article id bytes to ``[fingerprint, sequence]``, e.g. a Faust table), the
    set survives restarts: it is loaded from the store on first use, and
    every addition and eviction is queued for :meth:`sync`, which the owner
    calls where touching the store is safe (a Faust table: on the event
    loop, inside the stream), never from a worker thread. Changes other
    writers make to a shared store arrive through :meth:`mirror` and join
    the index at the next :meth:`sync`, so lookups never race with them.
    """

    def __init__(self, capacity: int = 50_000,
                 store: MutableMapping[bytes, Any] | None = None) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._entries: OrderedDict[str, str] = OrderedDict()
        self._index: dict[tuple[int, int], set[str]] = {}
        self._added: dict[str, int] = {}  # insertion counter, to prefer the oldest match
        self._counter = 0
        self.store = store
        self._loaded = store is None
        self._pending: dict[str, list | None] = {}  # id -> [fp, seq] to write, None to delete
        self._incoming: deque[tuple[str, Any]] = deque()  # other writers' rows, same shape

    def _ensure_loaded(self) -> None:
        """Fill the index from the store once (after the store was recovered)."""
        if self._loaded:
            return
        self._loaded = True
        assert self.store is not None  # without a store there is nothing to load
        rows = sorted((int(v[1]), k.decode(), str(v[0])) for k, v in self.store.items() if v)
        for seq, article_id, fp in rows[-self.capacity:]:
            self._remember(article_id, fp, seq)

    def mirror(self, key: bytes | str, row: Any) -> None:
        """Queue a change another writer made to the shared store (a row,
        or None for a deletion); it is applied by the next :meth:`sync`."""
        self._incoming.append((key.decode() if isinstance(key, bytes) else key, row))

    def sync(self) -> int:
        """Load from the store on first call, apply mirrored changes, and
        write queued additions and evictions. Returns how many writes were made."""
        if self.store is None:
            return 0
        self._ensure_loaded()
        while self._incoming:
            article_id, row = self._incoming.popleft()
            if row:
                self._remember(article_id, str(row[0]), int(row[1]))
            elif article_id in self._entries:
                self._forget(article_id)
        self._evict()
        pending, self._pending = self._pending, {}
        for article_id, row in pending.items():
            if row is None:
                self.store.pop(article_id.encode(), None)
            else:
                self.store[article_id.encode()] = row
        return len(pending)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def add(self, article_id: str, fp: str) -> None:
        """Remember an article (re-adding refreshes it), evicting the oldest if full."""
        self._ensure_loaded()
        self._remember(article_id, fp, self._counter + 1)
        if self.store is not None:
            self._pending[article_id] = [fp, self._counter]
        self._evict()

    def _evict(self) -> None:
        while len(self._entries) > self.capacity:
            oldest = next(iter(self._entries))
            self._forget(oldest)
            if self.store is not None:
                self._pending[oldest] = None

    def _remember(self, article_id: str, fp: str, seq: int) -> None:
        if article_id in self._entries:
            self._forget(article_id)
        self._entries[article_id] = fp
        self._counter = max(self._counter, seq)
        self._added[article_id] = seq
        for band in _bands(fp):
            self._index.setdefault(band, set()).add(article_id)

    def find_near(self, fp: str, max_distance: int = 3,
                  exclude: str | None = None) -> str | None:
        """Id of the closest remembered article within ``max_distance`` bits, or None.

        ``exclude`` skips one id, so a redelivered article is not reported as a
        duplicate of itself. Ties go to the oldest entry (the likely original).
        """
        self._ensure_loaded()
        if max_distance < BANDS:
            candidates = set().union(*(self._index.get(b, ()) for b in _bands(fp)))
        else:  # the band index only guarantees recall below BANDS bits
            candidates = set(self._entries)
        candidates.discard(exclude)
        best: tuple[int, int, str] | None = None
        for aid in candidates:
            distance = hamming(fp, self._entries[aid])
            if distance <= max_distance:
                key = (distance, self._added[aid], aid)
                best = key if best is None or key < best else best
        return best[2] if best else None

    def _forget(self, article_id: str) -> None:
        fp = self._entries.pop(article_id)
        del self._added[article_id]
        for band in _bands(fp):
            ids = self._index.get(band)
            if ids is not None:
                ids.discard(article_id)
                if not ids:
                    del self._index[band]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state, oldest entry first."""
        return {"capacity": self.capacity, "entries": [[a, f] for a, f in self._entries.items()]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecentFingerprints:
        recent = cls(int(data.get("capacity", 50_000)))
        for article_id, fp in data.get("entries", []):
            recent.add(str(article_id), str(fp))
        return recent
