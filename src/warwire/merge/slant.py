"""Per outlet, the words it chooses for the same actors and actions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from warwire.records import Article

MIN_ARTICLES = 3  # fewer articles than this: a lean is shown with a caveat, not as a finding


def concept_label(concept: str) -> str:
    """ "government_forces" -> "government forces": what the table shows."""
    return concept.replace("_", " ")


@dataclass
class OutletSlant:
    outlet: str
    articles: int
    lean: float  # -1 pro-government wording ... +1 pro-opposition wording
    label: str
    terms: dict[str, dict[str, int]] = field(default_factory=dict)  # concept -> term -> count


def outlet_slant(articles: list[Article]) -> list[OutletSlant]:
    """The slant table, outlets with the most articles first."""
    from warwire.read.slant_terms import count_terms, lean, lean_label

    per: dict[str, Counter] = {}
    n: Counter[str] = Counter()
    for a in articles:
        name = a.outlet or "(unknown outlet)"
        n[name] += 1
        per.setdefault(name, Counter()).update(count_terms(a.title + "\n" + a.text))
    rows = []
    for name, counts in per.items():
        terms: dict[str, dict[str, int]] = {}
        for (concept, term, _lean), k in counts.items():
            key = concept_label(concept)
            terms.setdefault(key, {})[term] = terms.get(key, {}).get(term, 0) + k
        x = lean(counts)
        label = lean_label(x)
        if n[name] < MIN_ARTICLES:
            label += f" (only {n[name]} article{'s' if n[name] != 1 else ''}: too few to judge)"
        rows.append(OutletSlant(name, n[name], x, label, terms))
    return sorted(rows, key=lambda r: (-r.articles, r.outlet))
