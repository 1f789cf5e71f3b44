"""How alike two reports' evidence sentences are.

A bag of content words with cosine similarity. It is only a tie-breaker: blocking by day and
place and the type/actor checks decide most links, and a merge is never decided on wording
alone. Sentence embeddings (all-MiniLM-L6-v2) were considered; on short evidence sentences that
share place names and verbs the lexical score separates the same cases and costs nothing, which
matters for the 100k-mention backfill.
"""

from __future__ import annotations

import math
import re
from collections import Counter

WORD = re.compile(r"[a-z][a-z'-]+")
STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "for",
        "with",
        "by",
        "from",
        "that",
        "this",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "as",
        "said",
        "says",
        "say",
        "after",
        "before",
        "into",
        "over",
        "than",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "which",
        "who",
        "also",
        "but",
        "not",
        "other",
        "more",
        "most",
        "some",
        "about",
        "near",
        "while",
        "during",
    ]
)


def bag(text: str) -> Counter[str]:
    """Content words of TEXT, crudely stemmed so 'strikes'/'strike' agree."""
    out: Counter[str] = Counter()
    for w in WORD.findall(text.lower()):
        if w in STOP or len(w) < 3:
            continue
        out[w[:-1] if w.endswith("s") and len(w) > 4 else w] += 1
    return out


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)
