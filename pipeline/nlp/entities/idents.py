"""Stable entity ids: the key consumers join on across articles."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_LEADING_THE = re.compile(r"the\s+", re.I)


def slug(name: str) -> str:
    """Lower-case ASCII words joined by hyphens, without a leading "the"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = _LEADING_THE.sub("", ascii_name.strip(), count=1).replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def entity_id(etype: str, name: str) -> str:
    """Stable key such as ``person:sergei-lavrov``; names with no Latin
    letters fall back to a hash so the id is still deterministic."""
    prefix = etype.lower().replace("_", "-")
    key = slug(name) or "x" + hashlib.blake2b(name.encode("utf-8"), digest_size=8).hexdigest()
    return f"{prefix}:{key}"
