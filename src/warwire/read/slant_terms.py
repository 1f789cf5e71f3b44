"""Which side an outlet's wording leans to: "regime" or "government", "terrorists" or "rebels".

The lexicon (data/slant.json) groups wordings by concept (the government's forces, the armed
opposition, a change of control, a death) and labels each by the lean it signals. Some words
take their lean from whom they are said of: "liberated" by the army is pro-government wording,
by rebels pro-opposition; "terrorists" said of IS is off the government/opposition axis. For
those the actors of the same sentence decide (warwire.read.actors).

`count_terms` tallies wordings, `lean` folds a tally into one number in [-1, 1] (-1 wholly
pro-government, +1 wholly pro-opposition), and `neutralize` rewrites partisan words in ACLED's
neutral manner, for notes.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from warwire.read.actors import ActorSpan, load_actors
from warwire.read.sentences import split_sentences

PRO_GOVERNMENT, PRO_OPPOSITION, NEUTRAL = "pro_government", "pro_opposition", "neutral"
PARTISAN = "partisan"  # a directional word whose target could not be placed on the axis
DIRECTIONAL = "directional"
_SIGN = {PRO_GOVERNMENT: -1.0, PRO_OPPOSITION: 1.0, NEUTRAL: 0.0}
_OPPOSITE = {PRO_GOVERNMENT: PRO_OPPOSITION, PRO_OPPOSITION: PRO_GOVERNMENT}
_UNARMED = {"civilians", "protesters", "other"}
_FROM = re.compile(r"\b(from|of)\b", re.I)
_SENTENCE_START = re.compile(
    r"(?:^|[.!?]['\"\u201d\u2019)]?\s+|\n\s*|^['\"\u201c\u2018]|\s['\"\u201c\u2018])$"
)


@dataclass(frozen=True)
class Form:
    """One regular expression of a term, and the neutral words that replace it (or None)."""

    pattern: re.Pattern[str]
    neutral: str | None


@dataclass(frozen=True)
class Term:
    concept: str
    term: str
    lean: str  # pro_government, pro_opposition, neutral, directional
    weight: float
    rule: str  # directional terms: agent, victim, perpetrator
    forms: tuple[Form, ...]


class Slant:
    """The compiled slant lexicon; build it with load_slant()."""

    def __init__(self, data: dict) -> None:
        self.camps: dict[str, str] = dict(data.get("camps", {}))
        self.terms: list[Term] = []
        alternatives: list[tuple[int, str, str]] = []
        self._forms: dict[str, tuple[Term, Form]] = {}
        for concept, items in data["concepts"].items():
            for item in items:
                forms = tuple(
                    Form(re.compile(_bounded(f["pattern"]), re.I), f.get("neutral"))
                    for f in item["forms"]
                )
                term = Term(
                    concept, item["term"], item["lean"], float(item.get("weight", 1.0)),
                    item.get("rule", ""), forms,
                )  # fmt: skip
                self.terms.append(term)
                for f, raw in zip(forms, item["forms"], strict=True):
                    group = f"f{len(self._forms)}"
                    self._forms[group] = (term, f)
                    alternatives.append((len(raw["pattern"]), group, raw["pattern"]))
        # Longer, more specific wordings first: "regime militias" before "regime".
        alternatives.sort(key=lambda a: -a[0])
        body = "|".join(f"(?P<{g}>{p})" for _, g, p in alternatives)
        self.regex = re.compile(_bounded(body), re.I)
        self.by_term = {t.term: t for t in self.terms}

    def matches(self, text: str) -> list[tuple[re.Match[str], Term, Form]]:
        """Every wording in TEXT, leftmost-longest, with the term and form it belongs to."""
        out = []
        for m in self.regex.finditer(text):
            term, form = self._forms[m.lastgroup or ""]
            out.append((m, term, form))
        return out


def _bounded(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


@functools.lru_cache(maxsize=1)
def load_slant() -> Slant:
    """The slant lexicon from data/slant.json, compiled once per process."""
    ref = resources.files("warwire").joinpath("data", "slant.json")
    return Slant(json.loads(ref.read_text(encoding="utf-8")))


def _camp(span: ActorSpan | None, camps: dict[str, str]) -> str | None:
    return camps.get(span.actor.side) if span is not None else None


def _direction(term: Term, sentence: str, start: int, end: int, camps: dict[str, str]) -> str:
    """The lean of a directional word at [start, end) of SENTENCE, from the actors around it."""
    armed = [a for a in load_actors().find(sentence) if a.actor.side not in _UNARMED]
    before = [a for a in armed if a.end <= start]
    after = [a for a in armed if a.start >= end]
    over = [a for a in armed if a.start < end and a.end > start]
    camp: str | None = None
    if term.rule == "perpetrator":
        named = over[0] if over else None
        if named is None:
            near = sorted(
                before + after, key=lambda a: start - a.end if a.end <= start else a.start - end
            )
            named = near[0] if near else None
        own = _camp(named, camps)
        camp = _OPPOSITE.get(own) if own else None
    elif term.rule == "victim":
        if before:
            camp = _camp(before[-1], camps)
        elif after:
            own = _camp(after[0], camps)
            camp = _OPPOSITE.get(own) if own else None
    else:  # agent
        if before:
            camp = _camp(before[-1], camps)
        elif after:
            own = _camp(after[0], camps)
            between = sentence[end : after[0].start]
            camp = _OPPOSITE.get(own) if own and _FROM.search(between) else own
    return camp or PARTISAN


def count_terms(text: str) -> Counter[tuple[str, str, str]]:
    """(concept, term, lean) -> occurrences in TEXT; directional words get the lean of their use."""
    slant = load_slant()
    counts: Counter[tuple[str, str, str]] = Counter()
    for sent in split_sentences(text):
        for m, term, _ in slant.matches(sent.text):
            lean = term.lean
            if lean == DIRECTIONAL:
                lean = _direction(term, sent.text, m.start(), m.end(), slant.camps)
            counts[(term.concept, term.term, lean)] += 1
    return counts


def lean(counts: Counter[tuple[str, str, str]]) -> float:
    """Weighted balance of the wordings in [-1, 1]: -1 pro-government, 0 neutral, +1 pro-opposition.

    Neutral wordings count in the denominator, so an outlet that says "government forces" and
    "rebels" scores near 0 even if it once writes "militants"; partisan words whose target is
    off the axis (IS, the SDF) are left out.
    """
    slant = load_slant()
    num = den = 0.0
    for (_, term, label), n in counts.items():
        if label not in _SIGN:
            continue
        t = slant.by_term.get(term)
        w = (t.weight if t else 1.0) * n
        num += _SIGN[label] * w
        den += w
    return max(-1.0, min(1.0, num / den)) if den else 0.0


def lean_label(x: float) -> str:
    """A word for a lean score: pro-government ... neutral ... pro-opposition."""
    if x <= -0.5:
        return "pro-government"
    if x < -0.15:
        return "leans pro-government"
    if x <= 0.15:
        return "neutral"
    if x < 0.5:
        return "leans pro-opposition"
    return "pro-opposition"


def neutralize(text: str) -> str:
    """TEXT with partisan wordings put as ACLED would ("terrorists" -> "armed groups").

    Neutral wordings are kept as written; a replacement that opens a sentence is capitalised.
    """
    slant = load_slant()
    out: list[str] = []
    pos = 0
    for m, term, form in slant.matches(text):
        if term.lean == NEUTRAL or form.neutral is None:
            continue
        out.append(text[pos : m.start()])
        pos = m.end()
        new = form.neutral
        if _SENTENCE_START.search(text[: m.start()]):
            if not new:  # a dropped word opened the sentence: the next word opens it now
                rest = text[pos:].lstrip()
                pos = len(text) - len(rest)
                if rest:
                    new, pos = rest[0].upper(), pos + 1
            else:
                new = new[0].upper() + new[1:]
        out.append(new)
    out.append(text[pos:])
    return re.sub(r"(?<=\S)  +", " ", "".join(out))
