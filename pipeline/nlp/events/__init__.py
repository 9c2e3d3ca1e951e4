"""Events: who did what to whom, typed by PLOVER.

Triggers come from the PLOVER lexicons (``triggers``, ``readings`` for the
uses that report no happening), participants from the dependency frame
(``args``, ``roles``, ``light_verbs``, ``party_phrases``, ``pronouns``),
the parties a reader infers from ``implied``; ``plan`` decides which
reading of a trigger is kept and ``tense`` its mode.
"""
from pipeline.nlp.events.extract import EXTRACTOR, extract_events
from pipeline.nlp.events.triggers import triggers

__all__ = ["EXTRACTOR", "extract_events", "triggers"]
