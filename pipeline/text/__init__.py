"""Text stage: HTML main-content extraction, artifact cleanup, dedupe fingerprint.

Entry point: :func:`pipeline.text.clean.clean_article`. Everything here is pure
(no Kafka, no network), so it runs the same in an agent, the CLI and tests.
"""
from __future__ import annotations

from pipeline.errors import UnusableContent

__all__ = ["UnusableContent"]
