"""The features the learned type classifier reads: words, lemmas and the rule coder's verdicts.

One function builds them for training (a CASE snippet), for the benchmark and for the
pipeline (the sentence behind a mention), so the model sees the same kind of input everywhere.
The rule coder's outputs are features too: its sub-event type and the kinds of the trigger
words it found are the strongest single cues, and the words let the model correct them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from warwire.code.cues import cue_names

# Words too common to say anything about an action; bigrams skip them too.
STOP = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "for", "by", "with", "from", "as",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that",
    "these", "those", "which", "who", "whom", "their", "his", "her", "they", "he", "she", "we",
    "i", "you", "our", "said", "says", "say", "also", "than", "then", "there", "here", "but",
    "not", "into", "over", "after", "before", "about",
})  # fmt: skip


def text_features(span: Span) -> list[str]:
    """Lemma unigrams and bigrams (stopwords out, numbers folded into one token)."""
    lemmas: list[str] = []
    for t in span:
        if t.like_num:
            lemmas.append("#num")
        elif t.is_alpha:
            lem = t.lemma_.lower()
            if lem not in STOP:
                lemmas.append(lem)
    feats = [f"w:{w}" for w in lemmas]
    feats += [f"b:{a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False)]
    feats += [f"c:{c}" for c in cue_names(span.text)]
    return feats


def rule_features(
    rule_sub: str | None, kinds: list[str], factual: list[str], lemmas: Sequence[str] = ()
) -> list[str]:
    """The rule coder's reading: its sub-event type, the kinds of every trigger it saw, and
    the trigger words themselves ("t:LEMMA").

    The trigger lemmas let the model learn which action word goes with which type on its
    own, beside the rules' verdict: a snippet whose words are otherwise unseen (another
    country, another outlet) still shares its action verb with the training text."""
    feats = [f"r:{rule_sub or 'none'}"]
    feats += [f"k:{k}" for k in sorted(set(kinds))]
    feats += [f"f:{k}" for k in sorted(set(factual))]
    feats += [f"t:{w}" for w in sorted(set(lemmas))]
    return feats
