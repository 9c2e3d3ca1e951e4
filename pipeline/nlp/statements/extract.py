"""Who said what: direct quotes, reported speech and pull quotes.

Attribution follows the dependency parse around a cue (:mod:`cues`: a
reporting verb, or a verb of position such as "believes" or "vowed to"):
the verb's subject is the speaker and its complement is what was said. A
quote no verb claimed goes to a "Name:" before it, to the quote it
continues from the paragraph before, or to a cue in its own or a
neighbouring sentence, else to the statement just before it
(:mod:`quote_speakers`). A line opening with "Name:" (or a transcript's
"\"WALLACE:") is that name's, and a quote signed "― Name" after it is the
signer's. Those positional rules live in :mod:`quote_lines`; pull quotes in
:mod:`pull_quotes`. A noun may be the cue too ("Trump's claim that ...",
"her decision to ..."). A speaker named by a pronoun or a description is
resolved within the article (:mod:`coref`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from pipeline.ids import span_id
from pipeline.nlp.entities import EntityIndex, name_speakers
from pipeline.nlp.statements.cues import (
    candidates,
    content_of,
    cue_of,
    frames_of,
    holder_of,
    noun_content,
    subject_of,
    written_cue,
)
from pipeline.nlp.statements.pull_quotes import pull_quote_statement, repeated
from pipeline.nlp.statements.quote_lines import colon_statements, line_quotes
from pipeline.nlp.statements.quote_speakers import quote_statements
from pipeline.nlp.statements.quotes import Found, Quote, classify, find_quotes, inside_any, trim, words
from pipeline.nlp.statements.speakers import speaker_of
from pipeline.records import CleanArticle, Entity, Span, Statement

EXTRACTOR = "statements/9"


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
    if hit is None or hit.known.type not in ("PERSON", "ORG"):
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


def _without_participle(doc: Doc, lo: int, hi: int) -> int:
    """The end of a reported content before a participial clause the writer
    adds after a comma ("... bipartisan appeal, citing the strategic
    importance of ..."): PolNeAR leaves it out of the content. On PolNeAR
    dev tune, content F1 0.701 -> 0.703; cutting before ", which ..." or
    ", but ..." as well lost F1 or moved nothing here, for every frame
    (an object or infinitive content does drop its ", which ..." aside:
    :func:`pipeline.nlp.statements.cues.content_of`)."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return hi
    for comma in span[1:-1]:
        after = comma.nbor()
        if comma.text == "," and after.tag_ == "VBG" and after.dep_ in ("advcl", "xcomp", "conj"):
            return comma.idx
    return hi


def verb_statements(cues: list[Token], text: str, index: EntityIndex,
                    quotes: list[Quote]) -> list[Found]:
    """Reporting verbs with a subject and a clausal complement."""
    found = []
    for tok in cues:
        if inside_any(tok.idx, quotes):
            continue
        attribution = _attribution_of(tok, index)
        if attribution is None:
            continue
        subj, parts = attribution
        speaker = speaker_of(subj, index)
        for lo, hi in parts:
            hi = _without_participle(tok.doc, lo, hi)
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
        if inside_any(tok.idx, quotes):
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
        if inside_any(tok.idx, quotes):
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
