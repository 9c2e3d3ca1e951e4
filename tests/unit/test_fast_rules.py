"""The fast attribute_ruler matcher must give exactly the stock output."""
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from pipeline.nlp.parsing.fast_rules import FastAttributeRuler, FastMatch
from pipeline.nlp.parsing.model import MODEL_NAME, get_nlp, parse, parse_many
from pipeline.records import CleanArticle, Paragraph

TEXTS = [
    "I ain't gonna do it, y'all. Let's go! C'mon, there is a man here.",
    "\"We will not back down,\" she said. He's been arrested; they'd had enough.",
    "That that is, is not that. Gets got 'em 'nuff doin' goin' nothin' ol' somethin' 'll",
    "  \n\n  Nobody wo n't sha n't ca n't do anything.\n",
]


def test_fast_matcher_gives_the_stock_annotations():
    stock = spacy.load(MODEL_NAME)
    fast = get_nlp()
    ruler = fast.get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler) and ruler.patterns == stock.get_pipe("attribute_ruler").patterns
    assert fast.config["components"]["attribute_ruler"]["factory"] == "fast_attribute_ruler"
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert stock.get_pipe("attribute_ruler").match(a) == fast.get_pipe(
            "attribute_ruler").match(b)
    assert isinstance(ruler._fast, FastMatch)  # the fast path ran, not the stock matcher


def _article(i: int, text: str) -> CleanArticle:
    paras, pos = [], 0
    for piece in text.split("\n\n"):
        paras.append(Paragraph(pos, pos + len(piece), "body"))
        pos += len(piece) + 2
    return CleanArticle(id=str(i), url="u", source=None, title="", published_at=None,
                        language="en", text=text, paragraphs=paras, removed=[],
                        fingerprint="0", duplicate_of=None)


def test_parse_many_equals_parse_one_by_one():
    arts = [_article(i, t) for i, t in enumerate(
        ["One. Two.\n\nThree said \"four\".", "Alone.", "A\n\nB\n\nC went to Paris."])]
    for doc, art in zip(parse_many(arts), arts, strict=True):
        one = parse(art)
        assert doc.text == art.text == one.text
        assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc] == [
            (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in one]


def test_built_gap_docs_equal_the_pipeline_output():
    """parse builds whitespace gaps itself; the result must be the Doc the
    full pipeline would make over every piece."""
    from spacy.attrs import ENT_IOB, ENT_TYPE, SENT_START
    from spacy.tokens import Doc

    from pipeline.nlp.parsing.model import segments
    art = _article(0, "He said \"no\".\n\nThen Paris.\n\nThe minister, in Kyiv, said.")
    stock = spacy.load(MODEL_NAME)
    ref = Doc.from_docs(list(stock.pipe(segments(art))), ensure_whitespace=False)
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    assert (ref.to_array(attrs) == parse(art).to_array(attrs)).all()
