"""A dictionary-lookup stand-in for spaCy's attribute ruler.

The English pipeline's attribute ruler maps each fine-grained tag to its coarse part of speech
and morphology, plus a few word-specific exceptions, by running a token Matcher over every
document: a third of the parsing time on news text. The same mapping, read from the model's
own ruler patterns at load time, is a dictionary lookup per token. Only single-token patterns
on TAG (optionally with LOWER and DEP) are kept, with the two DEP-keyed rules written out;
the model's few multi-token patterns cover colloquial forms ("gonna") absent from news copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, MorphAnalysis

Key = tuple[str, str | None, str | None]  # (TAG, LOWER, DEP)
MEMO_LIMIT = 500_000


def _values(v: Any) -> list[Any]:
    """A pattern value: a string, None, or {"IN": [...]}."""
    if isinstance(v, dict):
        return list(v.get("IN", []))
    return [v]


def lookup_from_patterns(patterns: Iterable[dict[str, Any]]) -> dict[Key, dict[str, str]]:
    """(tag, lower, dep) -> attrs, for the single-token patterns of an attribute ruler."""
    table: dict[Key, dict[str, str]] = {}
    for p in patterns:
        for pat in p["patterns"]:
            if len(pat) != 1 or "TAG" not in pat[0]:
                continue
            tok = pat[0]
            if set(tok) - {"TAG", "LOWER", "DEP"}:
                continue
            attrs = {k: v for k, v in p["attrs"].items() if k in {"POS", "MORPH", "LEMMA"}}
            for tag in _values(tok["TAG"]):
                for lower in _values(tok.get("LOWER")):
                    for dep in _values(tok.get("DEP")):
                        table.setdefault((tag, lower, dep), {}).update(attrs)
    return table


class FastAttributes:
    def __init__(self, table: dict[Key, dict[str, str]]):
        self.table = table
        # (tag, lower, dep) ids -> (pos id, morph, lemma id): resolved once per combination
        self.memo: dict[tuple[int, int, int], tuple[int | None, Any, int | None]] = {}

    def _resolve(
        self, doc: Doc, tag: str, lower: str, dep: str
    ) -> tuple[int | None, Any, int | None]:
        table = self.table
        attrs = dict(table.get((tag, None, None), {}))
        for key in ((tag, None, dep), (tag, lower, None), (tag, lower, dep)):
            special = table.get(key)
            if special:
                attrs.update(special)
        if dep in {"aux", "auxpass"} and tag != "TO":
            attrs["POS"] = "AUX"  # the ruler's two DEP-keyed rules, written out
        elif tag in {"DT", "WDT"} and dep not in {"det", "quantmod"}:
            attrs["POS"] = "PRON"
        vocab = doc.vocab
        pos = IDS[attrs["POS"]] if "POS" in attrs else None
        morph = MorphAnalysis(vocab, attrs["MORPH"]) if "MORPH" in attrs else None
        lemma = vocab.strings.add(attrs["LEMMA"]) if "LEMMA" in attrs else None
        return pos, morph, lemma

    def __call__(self, doc: Doc) -> Doc:
        memo = self.memo
        for t in doc:
            key = (t.tag, t.lower, t.dep)
            found = memo.get(key)
            if found is None:
                found = self._resolve(doc, t.tag_, t.lower_, t.dep_)
                if len(memo) < MEMO_LIMIT:
                    memo[key] = found
            pos, morph, lemma = found
            if pos is not None:
                t.pos = pos
            if morph is not None:
                t.morph = morph
            if lemma is not None:
                t.lemma = lemma
        return doc


@Language.factory("warwire_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes({})


def install(nlp: Language) -> None:
    """Replace NLP's attribute ruler by the lookup built from its own patterns."""
    if "attribute_ruler" not in nlp.component_names:
        return
    table = lookup_from_patterns(nlp.get_pipe("attribute_ruler").patterns)
    nlp.remove_pipe("attribute_ruler")
    comp = nlp.add_pipe("warwire_attributes", before="lemmatizer")
    comp.table = table


class CachedLemmas:
    """The rule lemmatizer behind a cache keyed by word and tag: news copy repeats its words."""

    def __init__(self, lemmatizer: Any, limit: int = MEMO_LIMIT):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int], int] = {}
        self.limit = limit

    def __call__(self, doc: Doc) -> Doc:
        cache = self.cache
        strings = doc.vocab.strings
        for t in doc:
            if t.lemma != 0:  # set by the attribute lookup
                continue
            key = (t.orth, t.tag)
            lemma = cache.get(key)
            if lemma is None:
                lemma = strings.add(self.lemmatizer.rule_lemmatize(t)[0])
                if len(cache) < self.limit:
                    cache[key] = lemma
            t.lemma = lemma
        return doc


@Language.factory("warwire_lemmas")
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    return CachedLemmas(None)


def index_as_sets(lemmatizer: Any) -> None:
    """Turn the lemmatizer's word indexes from lists into sets.

    spaCy's rule lemmatizer asks `form in index` for each candidate form, and the English
    indexes are lists of up to 57,000 words: a linear scan per form, which made lemmatizing a
    new word cost a third of a millisecond. Membership is all it asks, so a set answers alike.
    """
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for key in list(table.keys()):
        words = table[key]
        if isinstance(words, list):
            table[key] = frozenset(words)


def install_lemmas(nlp: Language) -> None:
    """Put the cache in front of NLP's rule lemmatizer."""
    if "lemmatizer" not in nlp.component_names:
        return
    lem = nlp.get_pipe("lemmatizer")
    if getattr(lem, "mode", "") != "rule":
        return
    index_as_sets(lem)
    nlp.remove_pipe("lemmatizer")
    comp = nlp.add_pipe("warwire_lemmas", last=True)
    comp.lemmatizer = lem
