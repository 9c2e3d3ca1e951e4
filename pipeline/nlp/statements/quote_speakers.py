"""Who said a quote no reporting verb claimed.

A quote right after "Name:" is that name's; after a clause ending in a
colon, its subject's ("Clinton went even further: "If he ...""). Else the
attribution is a cue with a subject in the quote's own sentence, or, for a
full quote, in the sentence before or after it (the one right after first
when it leads in the quote's paragraph: ""How many times ...?" Clinton
said."). A quote that carries on one from the paragraph before, or goes on
from the statement just before it, keeps that attribution
(:mod:`quote_lines`).
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from pipeline.nlp.entities import EntityIndex
from pipeline.nlp.statements.cues import content_of, cue_of, subject_of, written_cue
from pipeline.nlp.statements.quote_lines import carried, colon_speaker, continued
from pipeline.nlp.statements.quotes import MIN_QUOTE_WORDS, Found, Quote, inside_any, trim, words
from pipeline.nlp.statements.speakers import speaker_of
from pipeline.records import Span, Speaker


def _sentence_cue(sent: SpacySpan, quotes: list[Quote], cues: list[Token]) -> Token | None:
    """A cue with a subject, outside every quote, in ``sent`` (``cues``: the
    Doc's cue tokens in order)."""
    first = bisect.bisect_left(cues, sent.start, key=lambda t: t.i)
    for tok in cues[first:]:
        if tok.i >= sent.end:
            break
        if not inside_any(tok.idx, quotes) and subject_of(tok) is not None:
            return tok
    return None


#: How near the start of the sentence after a quote its attribution's cue is.
_LEAD_TOKENS = 5


def _leads(text: str, quote: Quote, sent: SpacySpan | None) -> bool:
    """""How many times ...?" Clinton said.": the parser ends the sentence
    at the question mark; an attribution right after the quote, in its
    paragraph, comes before the sentence that precedes the quote."""
    if sent is None or sent.start_char - quote.outer_end >= 3:
        return False
    if "\n" in text[quote.outer_end:sent.start_char]:
        return False
    return any((cue := cue_of(t)) and content_of(t, cue) is None for t in sent[:_LEAD_TOKENS])


def _neighbour_sentences(text: str, sents: list[SpacySpan], quote: Quote,
                         near: bool) -> list[SpacySpan]:
    """The quote's own sentences, then (``near``) the one before and after."""
    own = [i for i, s in enumerate(sents)
           if s.start_char < quote.outer_end and quote.outer_start < s.end_char]
    if not own:
        return []
    after = own[-1] + 1
    lead = _leads(text, quote, sents[after] if after < len(sents) else None)
    order = own + (([after, own[0] - 1] if lead else [own[0] - 1, after]) if near else [])
    return [sents[i] for i in order if 0 <= i < len(sents)]


#: A short quote is speech when it ends like an utterance ("No," she said).
_UTTERANCE_END = re.compile(r"[,!?.…]\s*$")


def _lead_subject(doc: Doc, text: str, q: Quote) -> Token | None:
    """"Clinton went even further: "If he ...": a full quote after a clause
    that ends in a colon is the speech of that clause's subject (PolNeAR
    train marks the colon as the cue 97 times)."""
    end = q.outer_start
    while end and text[end - 1].isspace():
        end -= 1
    if text[end - 1:end] != ":" or words(text[q.inner_start:q.inner_end]) < MIN_QUOTE_WORDS:
        return None
    lead = doc.char_span(end - 1, end, alignment_mode="expand")
    if lead is None:
        return None
    line = text.rfind("\n", 0, end) + 1
    clause = [t for t in lead[0].sent if line <= t.idx < end - 1]
    return next((t for t in clause if t.dep_ == "nsubj" and t.head.i < lead.start
                 and t.head.pos_ in ("VERB", "AUX")), None)


def _quote_found(text: str, sents, q: Quote, quotes: list[Quote], index: EntityIndex,
                 cue_tokens: list[Token]):
    """The statement of one unclaimed quote, or None."""
    inner = text[q.inner_start:q.inner_end]
    start, end = trim(text, q.inner_start, q.inner_end)
    colon = colon_speaker(text, q, index)
    if colon is not None:
        speaker = Speaker(colon.known.id, colon.known.name, colon.known.title)
        return Found(start, end, "direct", None, speaker, Span(colon.start, colon.end))
    lead = _lead_subject(sents[0].doc, text, q) if sents else None
    if lead is not None:
        return Found(start, end, "direct", ":", *speaker_of(lead, index))
    short = words(inner) < MIN_QUOTE_WORDS
    if short and not _UTTERANCE_END.search(inner):
        return None
    near = _neighbour_sentences(text, sents, q, not short)
    cues = (_sentence_cue(s, quotes, cue_tokens) for s in near)
    cue = next(filter(None, cues), None)
    subject = subject_of(cue) if cue is not None else None
    if cue is None or subject is None:
        return None
    speaker, speaker_span = speaker_of(subject, index)
    written, lemma = written_cue(cue)
    return Found(start, end, "direct", written, speaker, speaker_span, lemma)


def quote_statements(doc: Doc, text: str, index: EntityIndex, quotes: list[Quote],
                     taken: list[Found], cues: list[Token]) -> list[Found]:
    """Quotes no verb claimed: after a "Name:", else attributed to a speech
    cue in the quote's sentence or (for a full quote) a neighbouring one."""
    sents = [s for s in doc.sents if text[s.start_char:s.end_char].strip()]
    found: list[Found] = []
    for before, q in zip([None, *quotes], quotes, strict=False):  # each quote after the one before
        if any(s.start <= q.inner_start and q.inner_end <= s.end for s in taken):
            continue
        stmt = continued(text, before, q, taken + found)
        if stmt is None:
            stmt = _quote_found(text, sents, q, quotes, index, cues)
        if stmt is None:
            stmt = carried(text, q, taken + found)
        if stmt is not None:
            found.append(stmt)
    return found
