"""Attribution cues in the parse: which verb signals a statement, who its
speaker is, and which words are the content.

A cue is a verb from ``lexicons/reporting_verbs.txt`` (speech, with a
reported clause) or ``lexicons/attribution_cues.tsv`` (positions held:
"believes that ...", "vowed to ...", "condemned X"), each with the frames in
which its content follows. The subject is the speaker. A noun of
``lexicons/attribution_nouns.tsv`` is a cue with its that-clause or
to-infinitive ("Trump's claim that ..."); its possessor is the holder.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from pipeline.nlp.lexicon import load_lines, load_words

REPORTING = load_words("statements/lexicons/reporting_verbs.txt")


def _frames() -> dict[str, frozenset[str]]:
    """lemma -> frames ("clause", "infinitive", "object", "predicate") beyond
    speech; a lemma may have several rows (hand-made and learned), so unite."""
    out: dict[str, frozenset[str]] = {}
    for row in load_lines("statements/lexicons/attribution_cues.tsv"):
        out[row[0]] = out.get(row[0], frozenset()) | frozenset(row[1].split(","))
    return out


FRAMES = _frames()
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
#: A shorter direct object is a topic ("condemned it", "rejected the offer"),
#: not content; on PolNeAR dev, 3 (vs 2) left F1 as it was and raised precision.
MIN_OBJECT_WORDS = 3


def frames_of(lemma: str) -> frozenset[str]:
    frames = FRAMES.get(lemma, frozenset())
    return frames | {"clause"} if lemma in REPORTING else frames


#: First words of every cue: one set lookup rejects almost every token.
_HEADS = frozenset(c.split()[0] for c in REPORTING | FRAMES.keys())


#: Inflections the lemmatiser sometimes leaves or mangles ("hopes" -> "hop").
_SUFFIXES = ("es", "s", "ed", "d", "ing")


def _inflections() -> frozenset[str]:
    """Every word form :func:`lemma_of` maps back onto a cue head."""
    forms: set[str] = set()
    for head in _HEADS:
        for stem in {head, head[:-1]} if head.endswith("e") else {head}:
            forms.update(stem + suffix for suffix in _SUFFIXES if len(stem) > 2)
    return frozenset(forms)


#: Lemmas and word forms that may be a cue, for a first pass over the
#: Doc's arrays (statements.py) before any Token is built.
CUE_LEMMAS, CUE_FORMS = _HEADS, _inflections()


def lemma_of(tok: Token) -> str:
    """The lexicon's form of a verb: spaCy's lemma, else the word with an
    inflection removed ("hoped" -> "hope") when that form is a cue."""
    lemma = tok.lemma_.lower()
    if lemma in _HEADS:
        return lemma
    word = tok.lower_
    for suffix in _SUFFIXES:
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) > 2:
            for form in (stem, stem + "e"):
                if form in _HEADS:
                    return form
    return lemma


def cue_of(tok: Token) -> str | None:
    """The cue lemma (with particle: "point out") of ``tok``, or None."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = lemma_of(tok)
    if lemma not in _HEADS:
        return None
    for child in tok.children:
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in REPORTING:
            return f"{lemma} {child.lower_}"
    return lemma if frames_of(lemma) else None


def written_cue(tok: Token) -> tuple[str, str | None]:
    """(the cue as written, its lemma) for a cue verb: the verb and, for a
    phrasal cue, its particle in text order ("pointed out", "point out");
    any other token is its own text, lemma spaCy's."""
    lemma = cue_of(tok)
    if lemma is None:
        return tok.text, tok.lemma_.lower()
    words = [tok] + [c for c in tok.children if c.dep_ == "prt" and " " in lemma]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i)), lemma


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


def subtree_span(tok: Token) -> tuple[int, int]:
    """Characters of a phrase, without a leading "that" or punctuation."""
    left = tok.left_edge
    # the clause's own "that", not the "if" of a clause inside it
    while left.i < tok.i and ((left.dep_ == "mark" and left.head.i == tok.i) or left.is_punct):
        left = left.nbor()
    right = tok.right_edge
    return left.idx, right.idx + len(right)


def _with_object(verb: Token, clause: Token, span: tuple[int, int]) -> tuple[int, int]:
    """"urged North Korea to resume talks": the one asked to act belongs to
    the content (PolNeAR takes it in), when it stands between cue and "to"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    return (obj.left_edge.idx, span[1]) if obj is not None else span


def _to_verb_end(verb: Token, content: Token, span: tuple[int, int]) -> tuple[int, int]:
    """An object or infinitive runs on over what else the cue governs after
    it ("revealed a yawning gulf in the way ..."; on PolNeAR train 70% of
    the words this adds are content words), up to a child that is a cue of
    its own ("..., saying ...")."""
    end = None
    for child in verb.rights:
        if child.i <= content.i or child.is_punct:
            continue
        if cue_of(child):
            break
        end = child.right_edge
    while end is not None and end.is_punct:
        end = end.nbor(-1)
    return (span[0], max(span[1], end.idx + len(end))) if end is not None else span


def _to_sentence_end(verb: Token, clause: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause after its cue runs on to the end of the sentence
    (PolNeAR contents take in the adverbials and coordinated clauses the
    parser hangs off the cue: "said X, and that Y", "said X on Tuesday"),
    unless another cue's own clause follows ("..., adding that ...")."""
    if clause.i < verb.i:
        return span
    tail = verb.doc[clause.right_edge.i + 1:verb.sent.end]
    if any(cue_of(t) for t in tail):
        return span
    words = [t for t in tail if not t.is_punct]
    return (span[0], words[-1].idx + len(words[-1])) if words else span


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


def _without_aside(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """An object or infinitive without the writer's aside that ends it:
    "a pledge not to pardon Hillary Clinton[, who has not been charged]",
    "acknowledged the reality of climate change[, which makes him ...]"."""
    for tok in doc.char_span(*span, alignment_mode="expand") or ():
        if (tok.dep_ == "relcl" and tok.left_edge.i > 0 and tok.left_edge.tag_ in ("WP", "WDT")
                and doc[tok.left_edge.i - 1].text == ","
                and tok.right_edge.idx + len(tok.right_edge) >= span[1] - 1):
            comma = doc[tok.left_edge.i - 1]
            return (span[0], comma.idx) if comma.idx > span[0] else span
    return span


def content_of(verb: Token, cue: str) -> tuple[int, int] | None:
    """The content span in the first frame the cue allows and the parse
    shows. A clause without a subject of its own is usually a misparse
    ("the issue pointed out by X is ..."), so it does not count."""
    frames = frames_of(cue) or frames_of(cue.split()[0])
    for child in verb.children:
        if "clause" in frames and child.dep_ == "ccomp" and any(
                c.dep_ in _CLAUSE_SUBJECTS for c in child.children):
            return _to_sentence_end(verb, child, subtree_span(child))
        if "infinitive" in frames and child.dep_ == "xcomp" and any(
                c.lower_ == "to" for c in child.children):
            return _without_aside(verb.doc, _to_verb_end(
                verb, child, _with_object(verb, child, subtree_span(child))))
        if "object" in frames and child.dep_ == "dobj" and (
                child.right_edge.i - child.left_edge.i + 1 >= MIN_OBJECT_WORDS):
            return _without_aside(verb.doc, _to_verb_end(verb, child, subtree_span(child)))
    if "predicate" in frames:
        return _predicate(verb)
    return _as_clause(verb) if "clause" in frames else None


_PREDICATE_DEPS = frozenset({"dobj", "oprd", "dative", "xcomp", "ccomp"})
#: Prepositions that carry content ("accused X of Y", "described X as Y").
_CONTENT_PREPS = frozenset({"of", "as", "for"})


def _is_complement(child: Token) -> bool:
    if child.dep_ == "prep":
        return child.lower_ in _CONTENT_PREPS
    # "called for X to be raised": the parser hangs the clause off "for"
    marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
    return child.dep_ in _PREDICATE_DEPS or (child.dep_ == "advcl" and marked)


def _predicate(verb: Token) -> tuple[int, int] | None:
    """The verb's complements after it, up to the first that is not one
    (an adverbial, a time or a comma ends the content)."""
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    taken = []
    for child in after:
        if not _is_complement(child):
            break
        taken.append(child)
    if not taken:
        return None
    start, end = taken[0].left_edge, taken[-1].right_edge
    if start.dep_ in ("prep", "mark") and start.lower_ == "for":
        start = start.nbor()
    return (start.idx, end.idx + len(end)) if end.i - start.i + 1 >= MIN_OBJECT_WORDS else None


def _noun_frames() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for row in load_lines("statements/lexicons/attribution_nouns.tsv"):
        out[row[0]] = out.get(row[0], frozenset()) | {row[1]}
    return out


NOUN_FRAMES = _noun_frames()


def noun_content(noun: Token) -> tuple[int, int] | None:
    """The complement of an attribution noun ("the claim that CLAUSE", "a
    decision to ACT") in a frame the noun's lexicon row allows."""
    frames = NOUN_FRAMES.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    if not frames:
        return None
    for child in noun.rights:
        if child.dep_ not in ("acl", "ccomp"):
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        if "that" in frames and "that" in marks and any(
                c.dep_ in _CLAUSE_SUBJECTS for c in child.children):
            return subtree_span(child)
        if "to" in frames and child.dep_ == "acl" and "to" in marks:
            return subtree_span(child)
    return None


def holder_of(noun: Token) -> Token | None:
    """Whose claim or plan: the possessor, else the subject of the verb
    whose object the noun is ("Clinton made the decision to ...")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    return subject_of(noun.head) if noun.dep_ == "dobj" else None


def _ids(values) -> numpy.ndarray:
    return numpy.array(sorted(get_string_id(v) for v in values), dtype=numpy.uint64)


_VERBS = numpy.array([VERB, AUX], dtype=numpy.uint64)
_CUE_LEMMAS, _CUE_FORMS, _NOUN_LEMMAS = _ids(CUE_LEMMAS), _ids(CUE_FORMS), _ids(NOUN_FRAMES)
_ACCORDING = get_string_id("according")


def candidates(doc: Doc) -> tuple[list[Token], list[Token], list[Token]]:
    """The Doc's cue verbs, attribution nouns and "according" tokens, in
    order. Picked on the Doc's arrays, so no Token object is built for the
    other words (a loop over the Doc builds one per word, which was the
    costliest part of the statement stage)."""
    pos, lemma, lower = doc.to_array([POS, LEMMA, LOWER]).T
    pick = lambda mask: [doc[int(i)] for i in numpy.flatnonzero(mask)]  # noqa: E731
    lexical = numpy.isin(lemma, _CUE_LEMMAS) | numpy.isin(lower, _CUE_FORMS)
    verbs = numpy.isin(pos, _VERBS) & lexical
    return ([t for t in pick(verbs) if cue_of(t)], pick(numpy.isin(lemma, _NOUN_LEMMAS)),
            pick(lower == _ACCORDING))
