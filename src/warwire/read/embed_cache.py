"""The tok2vec's word embedding, computed once per distinct word form.

spaCy's tok2vec first embeds each token from its own lexical features alone (norm, prefix,
suffix, shape, trailing space, is-space: six hash embeddings mixed by a maxout layer and a
layer norm), and only then mixes in the context (four window layers). That first step is a
third of the tok2vec's arithmetic, yet news copy repeats its words: most tokens of a batch
have the features of a token already embedded. This layer keeps each feature row's embedding
and computes only rows it has not seen, so the vectors, and every tag and parse after them,
are the same numbers: every step is row by row (the matrix product, the bias, the maxout, the
layer norm), so a row's result does not depend on which other rows are computed beside it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

LIMIT = 100_000  # rows kept (96 floats each: about 40 MB at the limit); later rows are computed


class EmbedMemo:
    """Feature row (bytes) -> its embedding, in one growing array. A row is indexed only
    once written, so a reader in another thread never sees an index to an unwritten row."""

    def __init__(self, width: int, limit: int = LIMIT):
        self.index: dict[bytes, int] = {}
        self.rows = np.zeros((1024, width), dtype="f")
        self.limit = limit
        self._lock = threading.Lock()  # two batches adding at once would share row numbers

    def add(self, keys: list[bytes], vectors: np.ndarray) -> None:
        """Keep VECTORS under KEYS (not yet kept) while there is room."""
        with self._lock:
            index = self.index
            pick = [i for i, k in enumerate(keys) if k not in index]  # keys are distinct
            pick = pick[: max(0, self.limit - len(index))]
            if not pick:
                return
            n = len(index)
            rows = self.rows
            while n + len(pick) > len(rows):
                rows = np.concatenate([rows, np.zeros_like(rows)])
            rows[n : n + len(pick)] = vectors[pick]
            self.rows = rows
            for j, i in enumerate(pick):
                index[keys[i]] = n + j


def cached_embed(embed: Model) -> Model:
    """EMBED (MultiHashEmbed: features >> list2ragged >> hash embeddings >> mix >> ragged2list)
    with its per-row part behind an EmbedMemo. Inference only."""
    extract, _, hashes, mix, _ = embed.layers
    width = embed.get_dim("nO")
    return Model(
        "cached_embed",
        _forward,
        layers=[embed],
        dims={"nO": width},
        attrs={
            "extract": extract,
            "hashes": hashes.layers[0],  # on the 2d array of feature ids
            "mix": mix.layers[0],  # on the 2d array of concatenated embeddings
            "memo": EmbedMemo(width),
        },
    )


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Callable]:
    if is_train:
        raise ValueError("cached_embed is for inference only (spaCy pipeline loaded by warwire)")
    attrs = model.attrs
    memo: EmbedMemo = attrs["memo"]
    feats = attrs["extract"].predict(docs)
    lengths = [len(f) for f in feats]
    flat = np.ascontiguousarray(np.concatenate(feats) if feats else np.zeros((0, 1), "uint64"))
    keys: list[bytes] = flat.view(f"V{flat.shape[1] * flat.itemsize}").ravel().tolist()
    index = memo.index
    at = np.fromiter((index.get(k, -1) for k in keys), dtype="int64", count=len(keys))
    unseen = np.flatnonzero(at < 0).tolist()
    out = np.empty((len(keys), model.get_dim("nO")), dtype="f")
    if unseen:
        new: dict[bytes, int] = {}  # unseen row -> its first position in the batch
        for pos in unseen:
            new.setdefault(keys[pos], pos)
        vectors = attrs["mix"].predict(attrs["hashes"].predict(flat[list(new.values())]))
        fresh = {k: i for i, k in enumerate(new)}
        out[unseen] = vectors[[fresh[keys[p]] for p in unseen]]
        memo.add(list(new), vectors)
    seen = np.flatnonzero(at >= 0)
    if len(seen):
        out[seen] = memo.rows[at[seen]]
    bounds = np.cumsum(lengths)[:-1] if lengths else []
    return list(np.split(out, bounds)), _no_backprop


def _no_backprop(_: Any) -> Any:
    raise ValueError("cached_embed is for inference only")


def install_embed_cache(nlp: Language) -> None:
    """Put NLP's tok2vec embedding behind the memo (the shared tok2vec of the small English
    model; a pipeline without it is left as it is)."""
    if "tok2vec" not in nlp.component_names:
        return
    t2v = nlp.get_pipe("tok2vec").model
    embed = t2v.layers[0]
    if embed.name.startswith("extract_features") and len(embed.layers) == 5:
        t2v.layers[0] = cached_embed(embed)
