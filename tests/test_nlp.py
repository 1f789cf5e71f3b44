"""The fast stand-ins for spaCy's attribute ruler and lemmatizer give the model's own answers."""

from __future__ import annotations

import pytest
import spacy

from warwire.read.nlp import EXCLUDE, MODEL, load_nlp

pytestmark = pytest.mark.slow

# invented news copy: irregular verbs, auxiliaries, determiners used as pronouns, plurals
TEXTS = [
    "Government forces retook the town on Tuesday after rebels had withdrawn overnight.",
    "Warplanes struck two villages, killing 12 civilians, and that was not the first raid.",
    "The militants who seized the base were driven out, the ministry said.",
    "Those who fled say they will return when the shelling stops.",
    "Children were among the dead; dozens more were wounded as buildings fell.",
    "Activists said there had been fierce fighting in the hills since early morning.",
]


def test_same_tags_morphs_and_lemmas_as_the_models_own_components() -> None:
    reference = spacy.load(MODEL, exclude=EXCLUDE)
    fast = load_nlp()
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    pairs = [
        (a, b)
        for ref, got in zip(reference.pipe(TEXTS), fast.pipe(TEXTS), strict=True)
        for a, b in zip(ref, got, strict=True)
    ]
    assert [b.lemma_ for _, b in pairs] == [a.lemma_ for a, _ in pairs]
    assert [b.pos_ for _, b in pairs] == [a.pos_ for a, _ in pairs]
    assert [str(b.morph) for _, b in pairs] == [str(a.morph) for a, _ in pairs]


def test_second_pass_from_the_memo_gives_the_same_answers() -> None:
    fast = load_nlp()
    first = [[(t.pos_, t.lemma_, str(t.morph)) for t in d] for d in fast.pipe(TEXTS)]
    again = [[(t.pos_, t.lemma_, str(t.morph)) for t in d] for d in fast.pipe(TEXTS)]
    assert again == first
    assert {t[1] for d in first for t in d} >= {"withdraw", "strike", "seize", "be", "flee"}


def test_lemma_indexes_are_sets() -> None:
    lemmas = load_nlp().get_pipe("warwire_lemmas").lemmatizer
    table = lemmas.lookups.get_table("lemma_index")
    assert table.get("noun") and all(isinstance(table[k], frozenset) for k in table)
