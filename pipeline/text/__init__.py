"""Text stage: HTML main-content extraction, artifact cleanup, dedupe fingerprint.

Entry point: :func:`pipeline.text.clean.clean_article`. Everything here is pure
(no Kafka, no network), so it runs the same in an agent, the CLI and tests.
"""
from __future__ import annotations

from pipeline.codec import RejectedInput


class UnusableContent(RejectedInput):
    """Content the clean stage cannot turn into text (empty, binary, oversized...).

    It is a :class:`~pipeline.codec.RejectedInput`, so the agent's existing
    dead-letter path (``codec.dead_letter``) keeps ``reason`` and sets
    ``error_type`` to ``"unusable"`` without special casing.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason, "unusable")


__all__ = ["UnusableContent"]
