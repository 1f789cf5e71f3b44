"""The tok2vec embedding memo gives the model's own vectors, tags and parses."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from warwire.read.embed_cache import EmbedMemo, install_embed_cache
from warwire.read.nlp import EXCLUDE, MODEL, load_nlp

pytestmark = pytest.mark.slow

# invented news copy, with repeated words across sentences (what the memo serves)
TEXTS = [
    "Government forces retook the town on Tuesday after rebels had withdrawn overnight.",
    "Warplanes struck two villages near the town, killing 12 civilians, activists said.",
    "Rebels said they shelled government positions on Tuesday; three soldiers were killed.",
    "The militants who seized the base were driven out, the ministry said.",
    "  Twelve   civilians were killed\tin the strike , the monitor said .",
]


def _reading(doc: spacy.tokens.Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]


def _vectors(nlp: spacy.language.Language, texts: list[str]) -> list[np.ndarray]:
    return nlp.get_pipe("tok2vec").model.predict([nlp.make_doc(t) for t in texts])


def test_same_vectors_and_parses_as_the_model_cold_and_warm() -> None:
    reference = spacy.load(MODEL, exclude=EXCLUDE)
    cached = spacy.load(MODEL, exclude=EXCLUDE)
    install_embed_cache(cached)
    assert cached.get_pipe("tok2vec").model.layers[0].name == "cached_embed"
    want = _vectors(reference, TEXTS)
    for texts in (TEXTS, TEXTS[::-1], TEXTS[2:3]):  # cold memo, then warm, in other batches
        got = _vectors(cached, texts)
        ref = _vectors(reference, texts)
        assert all(np.array_equal(a, b) for a, b in zip(got, ref, strict=True))
    assert all(np.array_equal(a, b) for a, b in zip(_vectors(cached, TEXTS), want, strict=True))
    ref_docs = [_reading(d) for d in reference.pipe(TEXTS)]
    assert [_reading(d) for d in cached.pipe(TEXTS[::-1])] == ref_docs[::-1]


def test_memo_full_still_computes_the_rest() -> None:
    reference = spacy.load(MODEL, exclude=EXCLUDE)
    cached = spacy.load(MODEL, exclude=EXCLUDE)
    install_embed_cache(cached)
    memo = cached.get_pipe("tok2vec").model.layers[0].attrs["memo"]
    memo.limit = 7  # only the first seven feature rows are kept
    got = _vectors(cached, TEXTS) + _vectors(cached, TEXTS)
    assert len(memo.index) == 7
    want = _vectors(reference, TEXTS) * 2
    assert all(np.array_equal(a, b) for a, b in zip(got, want, strict=True))


def test_memo_grows_and_keeps_rows_in_order() -> None:
    memo = EmbedMemo(width=3, limit=2000)
    keys = [i.to_bytes(2, "big") for i in range(1500)]
    vectors = np.arange(4500, dtype="f").reshape(1500, 3)
    memo.add(keys, vectors)
    assert len(memo.rows) >= 1500
    assert np.array_equal(memo.rows[memo.index[keys[1234]]], vectors[1234])
    memo.add([], vectors[:0])
    memo.add([b"y" + i.to_bytes(2, "big") for i in range(600)], vectors[:600])
    assert len(memo.index) == 2000  # the limit: 100 of the second batch left out


def test_warwire_pipeline_uses_the_memo_and_refuses_training() -> None:
    embed = load_nlp().get_pipe("tok2vec").model.layers[0]
    assert embed.name == "cached_embed"
    docs = [load_nlp().make_doc("Rebels shelled the town.")]
    with pytest.raises(ValueError, match="inference only"):
        embed.begin_update(docs)


def test_memo_shared_by_threads_keeps_each_row_under_its_own_key() -> None:
    from concurrent.futures import ThreadPoolExecutor

    memo = EmbedMemo(width=2, limit=100_000)
    keys = [i.to_bytes(3, "big") for i in range(6000)]
    vectors = np.stack([np.arange(6000, dtype="f"), -np.arange(6000, dtype="f")], axis=1)

    def add(start: int) -> None:  # overlapping batches, as two parses of similar text
        for lo in range(start, 6000, 700):
            memo.add(keys[lo : lo + 900], vectors[lo : lo + 900])

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(add, (0, 100, 350, 500)))
    assert len(memo.index) == 6000
    got = memo.rows[[memo.index[k] for k in keys]]
    assert np.array_equal(got, vectors)
