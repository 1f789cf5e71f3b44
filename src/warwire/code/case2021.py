"""CASE 2021 task 2 snippets and their labels in ACLED's words.

The snippets are evaluation and training data kept in ../shared; they are read at run time by
the benchmark and by scripts/train_type_classifier.py and never stored in the repository.
CASE's five labels outside ACLED's taxonomy (disasters, crime, diplomacy, claims) all map to
the type model's "none": they report no conflict event.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from warwire.code.type_model import NONE

CASE_TO_ACLED = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
NOT_CONFLICT = {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO", "ATTRIB"}
DEV = Path("datasets") / "case2021-task2" / "dev.tsv"


@dataclass
class Snippet:
    id: int
    text: str
    case_label: str

    @property
    def label(self) -> str:
        """The ACLED sub-event type, or NONE for CASE's non-conflict labels."""
        return CASE_TO_ACLED.get(self.case_label, NONE)


def read_case(path: Path) -> list[Snippet]:
    """The labelled snippets of a CASE task 2 TSV (id, EventSnippet, SubType), by id."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = [
        Snippet(int(r["id"]), r["EventSnippet"], r["SubType"])
        for r in rows
        if r["SubType"] in CASE_TO_ACLED or r["SubType"] in NOT_CONFLICT
    ]
    return sorted(out, key=lambda s: s.id)


def folds(snippets: list[Snippet], k: int = 5) -> list[int]:
    """A fixed, stratified split: snippets sorted by (label, id) are dealt round-robin."""
    order = sorted(range(len(snippets)), key=lambda i: (snippets[i].case_label, snippets[i].id))
    out = [0] * len(snippets)
    for pos, i in enumerate(order):
        out[i] = pos % k
    return out


def halves(snippets: list[Snippet], seed: int) -> list[int]:
    """A random half of the snippets (their positions), stratified by label: the shared half
    split again, to simulate CASE's hidden half (learn on one half, score the other)."""
    rng = random.Random(seed)
    by_label: dict[str, list[int]] = {}
    for i, s in enumerate(snippets):
        by_label.setdefault(s.case_label, []).append(i)
    out: list[int] = []
    extra = rng.random() < 0.5  # odd-sized labels give their spare snippet to alternate sides
    for label in sorted(by_label):
        idx = by_label[label]
        rng.shuffle(idx)
        out += idx[: len(idx) // 2 + (len(idx) % 2 if extra else 0)]
        extra ^= len(idx) % 2 == 1
    return sorted(out)
