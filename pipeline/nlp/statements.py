"""Who said what: direct quotes, reported speech and pull quotes.

Attribution follows the dependency parse around a cue (:mod:`cues`: a
reporting verb, or a verb of position such as "believes" or "vowed to"):
the verb's subject is the speaker and its complement is what was said. A
quote no verb claimed goes to a "Name:" before it, to the quote it
continues from the paragraph before, or to a cue in its own or a
neighbouring sentence, else to the statement just before it. A line
opening with "Name:" (or a transcript's "\"WALLACE:") is that name's, and
a quote signed "― Name" after it is the signer's. Those positional rules
live in :mod:`quote_lines`; pull quotes in :mod:`pull_quotes`. A noun may
be the cue too ("Trump's claim that ...", "her decision to ...").
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span as SpacySpan, Token

from pipeline.ids import span_id
from pipeline.nlp.coref import name_speakers
from pipeline.nlp.cues import (candidates, content_of, cue_of, frames_of, holder_of, noun_content,
                               subject_of, written_cue)
from pipeline.nlp.quote_lines import (carried, colon_speaker, colon_statements, continued,
                                      line_quotes)
from pipeline.nlp.quotes import MIN_QUOTE_WORDS, Found, Quote, classify, find_quotes, trim, words
from pipeline.nlp.pull_quotes import pull_quote_statement, repeated
from pipeline.nlp.resolve import EntityIndex
from pipeline.nlp.speakers import speaker_of
from pipeline.records import CleanArticle, Entity, Span, Speaker, Statement

EXTRACTOR = "statements/5"


def _inside_any(pos: int, quotes: list[Quote]) -> bool:
    """``pos`` lies inside a quote (``quotes`` are in order, none overlapping)."""
    i = bisect.bisect_right(quotes, pos, key=lambda q: q.outer_start) - 1
    return i >= 0 and pos < quotes[i].outer_end


def _verbless(tokens) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _trailing_attribution(verb: Token, index: EntityIndex) -> tuple[Token, tuple[int, int]] | None:
    """"CLAUSE, the department's spokesman, Ned Price, said at a briefing."
    when the parse did not link the verb: the speaker is the name right
    before the verb, and what was said ends before the verbless comma-set
    phrases that introduce the speaker."""
    sent = verb.sent
    if not _verbless(verb.doc[verb.i + 1:sent.end]):
        return None
    name = next((t for t in reversed(verb.doc[sent.start:verb.i]) if not t.is_punct), None)
    if name is None:
        return None
    hit = index.covering(name.idx, name.idx + len(name))
    if hit is None or hit.entity.type not in ("PERSON", "ORG"):
        return None
    doc, first = verb.doc, _token_at(verb.doc, hit.start)
    commas = [t.i for t in sent if t.text == "," and t.i < first]
    if not commas or commas[-1] != first - 1:
        return None
    cut = commas.pop()
    while commas and cut - commas[-1] <= 9 and _verbless(doc[commas[-1] + 1:cut]):
        cut = commas.pop()
    if cut - sent.start < 3:
        return None
    return name, (sent.start_char, doc[cut].idx)


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _parenthetical(verb: Token, subj: Token | None) -> list[tuple[int, int]] | None:
    """"The two nations, Xi said, now have ...": the parser hangs the cue off
    the reported clause (parataxis). What was said is the host sentence on
    both sides of "Xi said" (PolNeAR makes it one content in two parts)."""
    if verb.dep_ != "parataxis" or subj is None or "clause" not in frames_of(cue_of(verb) or ""):
        return None
    doc, sent = verb.doc, verb.sent
    first = min(subj.left_edge.i, verb.i)
    last = verb.i + 1 if verb.i + 1 < sent.end and doc[verb.i + 1].is_punct else verb.i
    parts = [(sent.start, first), (last + 1, sent.end)]
    spans = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in parts if b > a]
    return spans or None


def _attribution_of(tok: Token, index: EntityIndex):
    """(speaker token, content spans) for a reporting verb, or None."""
    if tok.dep_ == "acl":  # "the issue pointed out by X": not reported speech
        return None
    subj, content = subject_of(tok), content_of(tok, cue_of(tok) or "")
    if content is None:
        if (parts := _parenthetical(tok, subj)) is not None:
            return subj, parts
        found = _trailing_attribution(tok, index)
        return None if found is None else (found[0], [found[1]])
    return (subj, [content]) if subj is not None else None


def verb_statements(cues: list[Token], text: str, index: EntityIndex,
                    quotes: list[Quote]) -> list[Found]:
    """Reporting verbs with a subject and a clausal complement."""
    found = []
    for tok in cues:
        if _inside_any(tok.idx, quotes):
            continue
        attribution = _attribution_of(tok, index)
        if attribution is None:
            continue
        subj, parts = attribution
        speaker = speaker_of(subj, index)
        for lo, hi in parts:
            stmt = classify(text, *trim(text, lo, hi, ".!?"), quotes)
            if stmt is not None and words(text[stmt.start:stmt.end]) > 0:
                stmt.cue, stmt.cue_lemma = written_cue(tok)
                stmt.speaker, stmt.speaker_span = speaker
                found.append(stmt)
    return found


def noun_statements(nouns: list[Token], text: str, index: EntityIndex,
                    quotes: list[Quote]) -> list[Found]:
    """"Trump's claim that CLAUSE", "her decision to ACT": the noun is the cue,
    its complement what is held, its possessor (or the subject of the verb
    it is the object of) the holder."""
    found = []
    for tok in nouns:
        if _inside_any(tok.idx, quotes):
            continue
        span, holder = noun_content(tok), holder_of(tok)
        if span is None or holder is None:
            continue
        stmt = classify(text, *trim(text, *span, ".!?"), quotes)
        if stmt is not None:
            stmt.cue, stmt.cue_lemma = written_cue(tok)
            stmt.speaker, stmt.speaker_span = speaker_of(holder, index)
            found.append(stmt)
    return found


def _outside(sent: SpacySpan, start: int, end: int) -> tuple[int, int]:
    """The part of a sentence on the longer side of [start, end)."""
    before, after = (sent.start_char, start), (end, sent.end_char)
    return before if before[1] - before[0] > after[1] - after[0] else after


def according_statements(according: list[Token], text: str, index: EntityIndex,
                         quotes: list[Quote]) -> list[Found]:
    """"According to X, CLAUSE" and "CLAUSE, according to X"."""
    found = []
    for tok in according:
        if _inside_any(tok.idx, quotes):
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        phrase_end = source.right_edge.idx + len(source.right_edge)
        start, end = _outside(tok.sent, tok.idx, phrase_end)
        stmt = classify(text, *trim(text, start, end, ".!?"), quotes)
        if stmt is not None:
            stmt.cue, stmt.cue_lemma = f"{tok.text} {to.text}", "according to"
            stmt.speaker, stmt.speaker_span = speaker_of(source, index)
            found.append(stmt)
    return found


def _sentence_cue(sent: SpacySpan, quotes: list[Quote], cues: list[Token]) -> Token | None:
    """A cue with a subject, outside every quote, in ``sent`` (``cues``: the
    Doc's cue tokens in order)."""
    first = bisect.bisect_left(cues, sent.start, key=lambda t: t.i)
    for tok in cues[first:]:
        if tok.i >= sent.end:
            break
        if not _inside_any(tok.idx, quotes) and subject_of(tok) is not None:
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
    return any(cue_of(t) and content_of(t, cue_of(t)) is None for t in sent[:_LEAD_TOKENS])


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
        speaker = Speaker(colon.entity.id, colon.entity.name, colon.entity.title)
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
    if cue is None:
        return None
    speaker, speaker_span = speaker_of(subject_of(cue), index)
    written, lemma = written_cue(cue)
    return Found(start, end, "direct", written, speaker, speaker_span, lemma)


def quote_statements(doc: Doc, text: str, index: EntityIndex, quotes: list[Quote],
                     taken: list[Found], cues: list[Token]) -> list[Found]:
    """Quotes no verb claimed: after a "Name:", else attributed to a speech
    cue in the quote's sentence or (for a full quote) a neighbouring one."""
    sents = [s for s in doc.sents if text[s.start_char:s.end_char].strip()]
    found: list[Found] = []
    for before, q in zip([None, *quotes], quotes):
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


def _record(clean: CleanArticle, found: Found) -> Statement:
    return Statement(
        id=span_id(clean.id, found.start, found.end, found.kind), article_id=clean.id,
        url=clean.url, published_at=clean.published_at, speaker=found.speaker,
        text=clean.text[found.start:found.end], kind=found.kind, cue=found.cue,
        cue_lemma=found.cue_lemma,
        span=Span(found.start, found.end), speaker_span=found.speaker_span,
        extractor=EXTRACTOR,
    )


def _without_pull_quotes(items: list, pulls: list[tuple[int, int]], pos) -> list:
    return [x for x in items if not any(lo <= pos(x) < hi for lo, hi in pulls)]


def extract_statements(doc: Doc, clean: CleanArticle, entities: list[Entity]) -> list[Statement]:
    """Statements of the article in text order, one per content span."""
    index, text = EntityIndex(entities), clean.text
    pulls = [(p.start, p.end) for p in clean.paragraphs if p.kind == "pull_quote"]
    quotes = _without_pull_quotes(find_quotes(text), pulls, lambda q: q.outer_start)
    quotes, found = line_quotes(text, clean.paragraphs, index, quotes)
    # clean.text, not doc.text: the Doc rebuilds its string on every access
    cues, nouns, according = candidates(doc)
    found += verb_statements(cues, text, index, quotes)
    found += according_statements(according, text, index, quotes)
    found += noun_statements(nouns, text, index, quotes)
    found += colon_statements(text, clean.paragraphs, index, quotes)
    found += quote_statements(doc, text, index, quotes, found, cues)
    found = _without_pull_quotes(found, pulls, lambda f: f.start)
    pulled = filter(None, (pull_quote_statement(text, lo, hi, index) for lo, hi in pulls))
    found += [f for f in pulled if not repeated(text, f, found)]
    unique: dict[tuple[int, int], Found] = {}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        unique.setdefault((f.start, f.end), f)
    kept = _outermost(list(unique.values()))
    name_speakers(doc, kept, index, [(q.outer_start, q.outer_end) for q in quotes])
    return [_record(clean, f) for f in kept]


def _outermost(found: list[Found]) -> list[Found]:
    """Without the reported statements that lie inside another one's
    content ("he said *they think* it should change"): the outer statement
    carries them, and on PolNeAR dev's tune part a nested one was a content
    of its own one time in ten (dropping them: content P 0.77 -> 0.86, R
    0.60 -> 0.59). Direct quotes stay. ``found`` is sorted by start."""
    kept, reach = [], -1
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if f.end > reach or f.kind == "direct":
            kept.append(f)
        reach = max(reach, f.end)
    return sorted(kept, key=lambda f: (f.start, f.end))
