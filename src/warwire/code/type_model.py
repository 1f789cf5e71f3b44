"""A small linear model of the sub-event type, trained by scripts/train_type_classifier.py.

Multinomial logistic regression over sparse binary features (see type_features), fitted by
full-batch gradient descent from zero weights: no sampling, a sorted vocabulary and weights
rounded on save, so the same examples always give the same file. It ships as gzipped JSON in
warwire/data and predicts with one sum of weight rows per text: microseconds per sentence.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from scipy import sparse

NONE = "none"  # the label of snippets that report no ACLED conflict event
MODEL_FILE = "type_model.json.gz"
DECIMALS = 4


RULE_PREFIXES = ("r:", "k:", "f:", "c:")  # the rules' verdicts and cues: full weight
RULE_WEIGHT = 0.5  # chosen by (nested) 5-fold cross-validation on the CASE half
# how many types' weight the label NONE carries in balanced training: with the invented
# examples (scripts/type_examples.tsv) 4 leaves about 83% of CASE's non-conflict snippets
# untyped when the shared half is split in two (3 leaves 81%, 5 83% at a lower F1)
NONE_WEIGHT = 4.0


def feature_values(feats: Sequence[str], vocab: dict[str, int]) -> tuple[list[int], np.ndarray]:
    """Column indices and values: a rule feature counts 1, words share a unit length.

    A long snippet has many words and the same few rule verdicts; scaling only the words keeps
    the rules' say the same whatever the length."""
    known = sorted({f for f in feats if f in vocab})
    words = sum(1 for f in known if not f.startswith(RULE_PREFIXES))
    scale = 1.0 / np.sqrt(words) if words else 0.0
    idx = [vocab[f] for f in known]
    val = np.array([RULE_WEIGHT if f.startswith(RULE_PREFIXES) else scale for f in known])
    return idx, val


@dataclass
class TypeModel:
    labels: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    meta: dict

    def scores(self, feats: Sequence[str]) -> np.ndarray:
        """Class probabilities for one text's features (unknown features are ignored)."""
        idx, val = feature_values(feats, self.vocab)
        z = self.bias.astype(np.float64).copy()
        if idx:
            z += val @ self.weights[idx]
        z -= z.max()
        p = np.exp(z)
        return p / p.sum()

    def predict(self, feats: Sequence[str]) -> tuple[str, float]:
        """The most probable label and its probability."""
        p = self.scores(feats)
        i = int(p.argmax())
        return self.labels[i], float(p[i])

    def to_json(self) -> dict:
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        w = np.round(self.weights.astype(np.float64), DECIMALS)
        return {
            "meta": self.meta,
            "labels": self.labels,
            "features": names,
            "bias": [round(float(x), DECIMALS) for x in self.bias],
            "weights": [[float(x) for x in row] for row in w],
        }

    @classmethod
    def from_json(cls, d: dict) -> TypeModel:
        return cls(
            labels=list(d["labels"]),
            vocab={f: i for i, f in enumerate(d["features"])},
            weights=np.asarray(d["weights"], dtype=np.float32).reshape(
                len(d["features"]), len(d["labels"])
            ),
            bias=np.asarray(d["bias"], dtype=np.float32),
            meta=dict(d.get("meta", {})),
        )


def save_model(model: TypeModel, path: Path) -> None:
    """Gzipped JSON with a fixed timestamp: identical models give identical bytes."""
    raw = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode()
    with path.open("wb") as fh, gzip.GzipFile(filename="", fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(raw)


def read_model(path: Path) -> TypeModel:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return TypeModel.from_json(json.load(fh))


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The model shipped in warwire/data, or None when the package has none."""
    f = resources.files("warwire").joinpath("data", MODEL_FILE)
    if not f.is_file():
        return None
    with f.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as gz:
        return TypeModel.from_json(json.load(gz))


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(label, text) pairs of a training file: one "label<TAB>sentence" a line, '#' comments.

    The invented sentences of scripts/type_examples.tsv, written from the codebook's
    definitions of each type: words a small CASE half may never show the model."""
    out: list[tuple[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, text = line.partition("\t")
        if not sep or not label.strip() or not text.strip():
            raise ValueError(f"{path}:{n}: expected 'label<TAB>sentence'")
        out.append((label.strip(), text.strip()))
    return out


def train(
    examples: Sequence[tuple[Sequence[str], str]],
    *,
    min_count: int = 2,
    l2: float = 1e-4,
    steps: int = 300,
    lr: float = 0.1,
    balanced: bool = True,
    none_weight: float = NONE_WEIGHT,
    meta: dict | None = None,
) -> TypeModel:
    """Fit the model on (features, label) pairs. Deterministic: no randomness anywhere.

    BALANCED weighs each example by n / (labels * count of its label), so that every label
    carries the same total weight in the loss: CASE has 85 non-conflict snippets and 6 of some
    types, and unweighted the small types lose their borderline cases to the large ones. The
    label NONE then weighs NONE_WEIGHT times a type: it stands for several kinds of report
    (disasters, crime, diplomacy, claims), and balanced as one type it lets conflict types
    take the snippets that are none of them."""
    counts = Counter(f for feats, _ in examples for f in set(feats))
    names = sorted(f for f, c in counts.items() if c >= min_count or f.startswith(("r:", "f:")))
    vocab = {f: i for i, f in enumerate(names)}
    labels = sorted({y for _, y in examples})
    lab = {y: i for i, y in enumerate(labels)}
    n, d, k = len(examples), len(names), len(labels)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, (feats, _) in enumerate(examples):
        idx, val = feature_values(feats, vocab)
        rows += [r] * len(idx)
        cols += idx
        vals += val.tolist()
    # sparse: a text has tens of features out of thousands, and training is then seconds
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, d), dtype=np.float64)
    xt = x.T.tocsr()
    y = np.zeros((n, k), dtype=np.float64)
    yi = np.array([lab[t] for _, t in examples], dtype=np.int64)
    y[np.arange(n), yi] = 1.0
    if balanced:
        per_label = np.bincount(yi, minlength=k).astype(np.float64)
        per_weight = n / (k * per_label)
        if NONE in lab:
            per_weight[lab[NONE]] *= none_weight
        sw = per_weight[yi]
    else:
        sw = np.ones(n)
    sw /= sw.sum()  # the loss is a weighted mean; unweighted, every example counts 1/n
    w = np.zeros((d, k))
    b = np.zeros(k)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):  # Adam, weighted mean cross-entropy plus an L2 penalty
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) * sw[:, None]
        gw = xt @ g + l2 * w
        gb = g.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw**2
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb**2
        c1, c2 = 1 - beta1**step, 1 - beta2**step
        w -= lr * (mw / c1) / (np.sqrt(vw / c2) + eps)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + eps)
    info = {
        "examples": n,
        "features": d,
        "min_count": min_count,
        "l2": l2,
        "steps": steps,
        "balanced": balanced,
        "none_weight": none_weight if balanced else 1.0,
        "rule_weight": RULE_WEIGHT,
    }
    return TypeModel(
        labels, vocab, w.astype(np.float32), b.astype(np.float32), {**info, **(meta or {})}
    )
