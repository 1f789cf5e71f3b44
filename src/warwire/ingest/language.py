"""Which language an article is written in, offline and without a model to download.

The reading stage is English; a page in another language yields nothing, and the analyst
should be told so rather than see it stored as English. Scripts other than Latin are told by
their letters; Latin-script languages by their most frequent function words, which every
sentence of a language uses and which differ between languages (a handful of names or
quoted words in another language cannot outweigh them).
"""

from __future__ import annotations

import re


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# the commonest function words of each language (articles, prepositions, conjunctions,
# pronouns and auxiliaries), written for this module; a word shared by two lists counts
# for both
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _set(
        "the of and to in a is that for on was with he it as by at from his are were be "
        "this have has had not but they which an their its after who been said would will "
        "or also than there over into"
    ),
    "pt": _set(
        "de que o a os as do da dos das em no na nos nas um uma para com não por mais "
        "foi são ao pelo pela se como mas também já está ser sua seu entre após sobre "
        "quando ainda até"
    ),
    "es": _set(
        "de la que el en y los las del se por un una con no para es al lo como más pero "
        "sus su fue ha han este esta entre sobre también tras desde cuando hasta muy"
    ),
    "fr": _set(
        "de la le les et des du en un une que qui est dans pour pas au aux par sur avec "
        "ce cette ont sont été il elle ils ne se plus mais ou leur après selon"
    ),
    "de": _set(
        "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie"
    ),
    "it": _set(
        "di che il la e per un una in del della le non sono da dei con si al lo gli alla "
        "delle nel anche più ha come ma dopo questo tra essere stato"
    ),
    "tr": _set(
        "ve bir bu da de için ile olarak daha çok gibi sonra kadar ancak olan ise göre "
        "her değil tarafından ya mi ki en şu o biz siz onlar ama veya yeni olduğu "
        "olduğunu ettiği eden"
    ),
    "ca": _set(
        "de la el i que a les els en per un una amb no del va es al dels més com però "
        "seva seu també han ha aquest després segons"
    ),
    "no": _set(
        "og i det som er på en til av for med at har ikke de den et var om fra ved etter "
        "også seg skal kan vil"
    ),
    "sv": _set(
        "och i att det som är på en av för med till den har inte de ett var om från vid "
        "efter också sig ska kan"
    ),
    "nl": _set(
        "de het een en van in is dat op te zijn met voor niet die er aan ook als bij "
        "door werd worden naar maar om over uit hij zij"
    ),
    "id": _set(
        "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena "
        "oleh ada mereka telah sudah atau bahwa"
    ),
}
SCRIPTS: list[tuple[str, re.Pattern[str]]] = [
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
]
_PERSIAN = re.compile(r"[پچژگ]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SAMPLE = 20_000  # characters read: enough for any article's language
DEFAULT = "en"


def detect_language(text: str) -> str:
    """ISO 639-1 code of TEXT's language; English when nothing says otherwise."""
    sample = text[:SAMPLE]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return DEFAULT
    for code, script in SCRIPTS:
        n = len(script.findall(sample))
        if n / letters > 0.3:
            if code == "ar" and len(_PERSIAN.findall(sample)) / n > 0.02:
                return "fa"
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return DEFAULT
    scores = {code: sum(w in stop for w in words) for code, stop in STOPWORDS.items()}
    best = max(scores, key=lambda c: (scores[c], c == DEFAULT))
    # too few function words to tell (a list of names, a headline): keep the default
    if scores[best] < 3 or scores[best] <= scores[DEFAULT]:
        return DEFAULT
    return best
