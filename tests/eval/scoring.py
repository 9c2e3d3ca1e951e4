"""The arithmetic every quality gate shares: safe ratios and the F1 of a P/R pair."""
from __future__ import annotations


def ratio(part: float, whole: float) -> float:
    """part / whole, 0.0 when there is nothing to divide by (no predictions, no gold)."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall, 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
