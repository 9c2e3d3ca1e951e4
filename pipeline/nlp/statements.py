"""Who said what: direct quotes, reported speech and pull quotes.

Attribution follows the dependency parse around a reporting verb from
``lexicons/reporting_verbs.txt``: the verb's subject is the speaker and its
clausal complement is what was said. A quote whose verb the parse did not
link is attributed to a reporting verb in its own or a neighbouring
sentence. Pull-quote paragraphs carry their attribution as a trailing name
(the clean stage leaves it in), which we split off.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan, Token

from pipeline.ids import span_id
from pipeline.nlp.entities import TITLE_RE
from pipeline.nlp.lexicon import load_words
from pipeline.nlp.quotes import (EDGE, MARKS, MIN_QUOTE_WORDS, Found, Quote, classify, find_quotes,
                                 trim, words)
from pipeline.nlp.resolve import EntityIndex, Hit, noun_phrase, resolve
from pipeline.records import CleanArticle, Entity, Span, Speaker, Statement

EXTRACTOR = "statements/1"
REPORTING = load_words("reporting_verbs.txt")

#: A pull quote's trailing attribution is a name plus a short role.
MAX_ATTRIBUTION_WORDS = 12


def cue_of(tok: Token) -> str | None:
    """The reporting-verb lemma (with particle: "point out") of ``tok``."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in REPORTING:
            return f"{lemma} {child.lower_}"
    return lemma if lemma in REPORTING else None


def subject_of(verb: Token) -> Token | None:
    """The nominal subject (the agent of a passive); a subjectless "saying"
    or conjoined verb borrows the subject of the verb it hangs from."""
    for _ in range(3):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None or verb.dep_ not in ("advcl", "conj", "xcomp"):
            return subj
        verb = verb.head
    return None


def speaker_of(tok: Token, index: EntityIndex) -> tuple[Speaker, Span]:
    """Speaker and speaker span for the subject (or according-to) token."""
    hit = resolve(tok, index)
    phrase_tokens = noun_phrase(tok)
    lo, hi = phrase_tokens[0].idx, phrase_tokens[-1].idx + len(phrase_tokens[-1])
    phrase = tok.doc.text[lo:hi]
    title_match = TITLE_RE.search(phrase)
    title = title_match.group(0) if title_match else None
    if hit is None or hit.entity is None:
        return Speaker(None, phrase, title), Span(lo, hi)
    inside = lo <= hit.start and hit.end <= hi
    span = Span(hit.start, hit.end) if inside else Span(lo, hi)
    return Speaker(hit.entity.id, hit.entity.name, hit.entity.title or title), span


def _subtree_span(tok: Token) -> tuple[int, int]:
    """Characters of a clause, without its leading "that"."""
    left = tok.left_edge
    while left.i < tok.i and (left.dep_ == "mark" or left.is_punct):
        left = left.nbor()
    right = tok.right_edge
    return left.idx, right.idx + len(right)


def _as_clause(verb: Token) -> tuple[int, int] | None:
    """"As the diplomat specified, CLAUSE": what was said is the host clause
    minus the "as ..." part, on whichever side of it the clause lies."""
    head = verb.head
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.dep_ != "advcl" or "as" not in marks:
        return None
    left, right = head.left_edge, head.right_edge
    if verb.i < head.i:
        first = verb.right_edge.i + 1
        return (head.doc[first].idx, right.idx + len(right)) if first <= right.i else None
    last = verb.left_edge.i - 1
    return (left.idx, head.doc[last].idx + len(head.doc[last])) if last >= left.i else None


_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


def _content(verb: Token) -> tuple[int, int] | None:
    """The reported clause. A complement without a subject of its own is
    usually a misparse ("the issue pointed out by X is ..."), so it does
    not count; quoted imperatives are still caught as quotes."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None and any(c.dep_ in _CLAUSE_SUBJECTS for c in comp.children):
        return _subtree_span(comp)
    return _as_clause(verb)


def _inside_any(pos: int, quotes: list[Quote]) -> bool:
    return any(q.outer_start <= pos < q.outer_end for q in quotes)


def _verbless(tokens) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _trailing_attribution(verb: Token, index: EntityIndex) -> tuple[Token, tuple[int, int]] | None:
    """"CLAUSE, the department's spokesman, Ned Price, said at a briefing."
    when the parse did not link the verb: the speaker is the name right
    before the verb, and what was said ends before the verbless comma-set
    phrases that introduce the speaker."""
    sent = verb.sent
    before = [t for t in sent if t.i < verb.i and not t.is_punct]
    if not before or not _verbless(t for t in sent if t.i > verb.i):
        return None
    name = before[-1]
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


def _attribution_of(tok: Token, index: EntityIndex):
    """(speaker token, content span) for a reporting verb, or None."""
    if tok.dep_ == "acl":  # "the issue pointed out by X": not reported speech
        return None
    subj, content = subject_of(tok), _content(tok)
    if content is None:
        return _trailing_attribution(tok, index)
    return (subj, content) if subj is not None else None


def verb_statements(doc: Doc, index: EntityIndex, quotes: list[Quote]) -> list[Found]:
    """Reporting verbs with a subject and a clausal complement."""
    found = []
    for tok in doc:
        cue = cue_of(tok)
        if cue is None or _inside_any(tok.idx, quotes):
            continue
        attribution = _attribution_of(tok, index)
        if attribution is None:
            continue
        subj, content = attribution
        stmt = classify(doc.text, *content, quotes)
        if stmt is not None:
            stmt.cue = cue
            stmt.speaker, stmt.speaker_span = speaker_of(subj, index)
            found.append(stmt)
    return found


def _outside(sent: SpacySpan, start: int, end: int) -> tuple[int, int]:
    """The part of a sentence on the longer side of [start, end)."""
    before, after = (sent.start_char, start), (end, sent.end_char)
    return before if before[1] - before[0] > after[1] - after[0] else after


def according_statements(doc: Doc, index: EntityIndex, quotes: list[Quote]) -> list[Found]:
    """"According to X, CLAUSE" and "CLAUSE, according to X"."""
    found = []
    for tok in doc:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if tok.lower_ != "according" or to is None or _inside_any(tok.idx, quotes):
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        phrase_end = source.right_edge.idx + len(source.right_edge)
        start, end = _outside(tok.sent, tok.idx, phrase_end)
        stmt = classify(doc.text, *trim(doc.text, start, end, ".!?"), quotes)
        if stmt is not None:
            stmt.cue = "according to"
            stmt.speaker, stmt.speaker_span = speaker_of(source, index)
            found.append(stmt)
    return found


def _sentence_cue(sent: SpacySpan, quotes: list[Quote]) -> Token | None:
    """A reporting verb with a subject, outside every quote, in ``sent``."""
    for tok in sent:
        if cue_of(tok) and not _inside_any(tok.idx, quotes) and subject_of(tok) is not None:
            return tok
    return None


def _neighbour_sentences(doc: Doc, quote: Quote) -> list[SpacySpan]:
    """The quote's own sentences, then the one before, then the one after."""
    sents = [s for s in doc.sents if s.text.strip()]
    own = [i for i, s in enumerate(sents)
           if s.start_char < quote.outer_end and quote.outer_start < s.end_char]
    if not own:
        return []
    order = own + [own[0] - 1, own[-1] + 1]
    return [sents[i] for i in order if 0 <= i < len(sents)]


def quote_statements(doc: Doc, index: EntityIndex, quotes: list[Quote],
                     taken: list[Found]) -> list[Found]:
    """Quotes no verb claimed, attributed to a cue in an adjacent sentence."""
    found = []
    for q in quotes:
        if any(s.start <= q.inner_start and q.inner_end <= s.end for s in taken):
            continue
        if words(doc.text[q.inner_start:q.inner_end]) < MIN_QUOTE_WORDS:
            continue
        cues = (_sentence_cue(s, quotes) for s in _neighbour_sentences(doc, q))
        cue = next(filter(None, cues), None)
        if cue is None:
            continue
        start, end = trim(doc.text, q.inner_start, q.inner_end)
        speaker, speaker_span = speaker_of(subject_of(cue), index)
        found.append(Found(start, end, "direct", cue_of(cue), speaker, speaker_span))
    return found


def _attribution(text: str, lo: int, hi: int, index: EntityIndex) -> Hit | None:
    """The name that starts a pull quote's trailing attribution: the last
    PERSON (else ORG) mention followed only by a short, unpunctuated role
    ("... one of these days Ned Price US State Department official")."""
    hits = index.within(lo, hi)[::-1]  # the last name is the attribution
    for etype in ("PERSON", "ORG"):
        for hit in hits:
            tail = text[hit.end:hi]
            if (hit.entity.type == etype and hit.start > lo and not re.search(r"[.!?…]", tail)
                    and words(tail) <= MAX_ATTRIBUTION_WORDS
                    and words(text[lo:hit.start]) >= MIN_QUOTE_WORDS):
                return hit
    return None


def pull_quote_statement(text: str, lo: int, hi: int, index: EntityIndex) -> Found | None:
    """A pull-quote paragraph: quote text, then "Name Role" with no
    punctuation between; an unattributed pull quote keeps speaker null."""
    hit = _attribution(text, lo, hi, index)
    quote_end = hit.start if hit else hi
    start, end = trim(text, lo, quote_end, MARKS)
    if end <= start:
        return None
    if hit is None:
        return Found(start, end, "pull_quote", None, None, None)
    role = text[hit.end:hi].strip(EDGE + MARKS) or None
    speaker = Speaker(hit.entity.id, hit.entity.name, role or hit.entity.title)
    return Found(start, end, "pull_quote", None, speaker, Span(hit.start, hit.end))


def _record(clean: CleanArticle, found: Found) -> Statement:
    return Statement(
        id=span_id(clean.id, found.start, found.end, found.kind), article_id=clean.id,
        url=clean.url, published_at=clean.published_at, speaker=found.speaker,
        text=clean.text[found.start:found.end], kind=found.kind, cue=found.cue,
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
    found = verb_statements(doc, index, quotes) + according_statements(doc, index, quotes)
    found += quote_statements(doc, index, quotes, found)
    found = _without_pull_quotes(found, pulls, lambda f: f.start)
    found += filter(None, (pull_quote_statement(text, lo, hi, index) for lo, hi in pulls))
    unique: dict[tuple[int, int], Found] = {}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        unique.setdefault((f.start, f.end), f)
    return [_record(clean, f) for f in unique.values()]
