"""The system's one typing: the rules' readings of an action, chosen between by the type model.

The rules decide *whether* a text reports an event, which actions it tells and what each could
be: the type of their verdict, its neighbours (was the target armed? did the police intervene?)
and the type of every trigger word they saw ("shelled ... killing" reads shelling and a
killing). The learned model (trained on CASE 2021, see scripts/train_type_classifier.py) reads
the words, the trigger words and the rules' verdicts together and picks, of those readings, the
one it rates highest (`choices`, `typed`). It may say "no event" (NOT_CONFLICT) and type a text
the rules found empty only when sure (ALONE). It never gives a type no rule read: a model of a
few hundred snippets from every country, given every type over the rules', re-typed Syrian war
reports as changes to a group or "Other" and split merged reports (real-dev 0.963 to 0.867);
kept to the rules' readings it turns "clashed" into an attack on civilians or a shelling into
an air strike where the words say so, and leaves the rest.

One function for the coder's mentions and for `classify.classify`: what differs is only what
is typed. A mention is one action, and in a sentence of several actions ("troops took the town
as sappers defused mines") its choices are its own type and neighbours, each action being its
own mention; a text typed as one event (`classify`) may be any of its actions. Who took a place
and whether it was fought for are the rules' tests (they read the whole article): the model
never moves an action into or between the territory types.

The coder keeps a rule mention the model calls no event: detection is the rules' and the
passes' job (a mention needs its own place, day and trigger); on the shared sets the model
says "no event" (p >= NOT_CONFLICT) of 15 rule mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from warwire.code import taxonomy as tx
from warwire.code.taxonomy import TERRITORY_SUBS
from warwire.code.type_model import NONE, TypeModel, load_type_model

# rule types the model may re-type, and the types it may give each
REFINABLE: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        "Armed clash": {"Attack", "Mob violence"},
        "Attack": {"Armed clash", "Mob violence"},
        "Peaceful protest": {
            "Protest with intervention", "Excessive force against protesters",
            "Violent demonstration", "Mob violence",
        },
        "Protest with intervention": {"Peaceful protest", "Excessive force against protesters"},
        "Excessive force against protesters": {
            "Protest with intervention", "Violent demonstration",
        },
        "Violent demonstration": {"Peaceful protest", "Protest with intervention", "Mob violence"},
        "Mob violence": {"Violent demonstration", "Attack"},
        "Looting/property destruction": {"Attack", "Violent demonstration", "Mob violence"},
    }.items()
}  # fmt: skip
# The model's probability for its choice before it replaces the rules' verdict. Split halves of
# CASE with the rules frozen: 0.3 reads 0.809, 0.4 0.808, 0.5 0.805; 0.4 is right more often on
# held-out Syrian reports, and below it the model turned a killing of shepherds or protesters
# into a clash at p 0.3-0.4 (the rules' civilian target stands)
CHOOSE = 0.4
ALONE = 0.5  # the model's probability for its type before it types a text the rules found empty
# ... to say a text the rules typed reports no conflict event at all: 0.4 keeps the share of
# CASE's non-conflict snippets typed under 20% when the shared half is split in two (16% on
# average), for the same weighted F1
NOT_CONFLICT = 0.4

KIND_TYPES: dict[str, frozenset[str]] = {
    **{k: frozenset({v}) for k, v in tx.KIND_SUB_EVENT.items()},
    tx.EXCESSIVE_FORCE: frozenset({"Excessive force against protesters"}),
    tx.INTERVENTION: frozenset({"Protest with intervention"}),
}  # the types a trigger's kind may stand for (territory: none, see choices)


def read_types(feats: Iterable[str], prefixes: tuple[str, ...] = ("k:", "f:")) -> set[str]:
    """The sub-event types the kinds among FEATS stand for (type_features: "k:" every trigger
    word's kind, "f:" the factual actions')."""
    out: set[str] = set()
    for f in feats:
        if f.startswith(prefixes):
            out |= KIND_TYPES.get(f[2:], frozenset())
    return out


def neighbours(sub: str) -> set[str]:
    """SUB and the types the codebook's tests between neighbours may turn it into."""
    return {sub, *REFINABLE.get(sub, ())}


def choices(rule_sub: str, feats: Sequence[str], *, text: bool = False) -> set[str]:
    """The types the model may choose for an action the rules typed RULE_SUB: its neighbours,
    and the types of the trigger words of its sentence, unless the sentence tells several
    actions (each is its own mention). A TEXT typed as one event may be any of its actions
    (their neighbours). Never another territory type than the rules'."""
    out = neighbours(rule_sub)
    if not several_actions(feats):
        out |= read_types(feats)
    elif text:
        for sub in read_types(feats, ("f:",)):
            out |= neighbours(sub)
    return out - (TERRITORY_SUBS - {rule_sub})


def typed(
    rule_sub: str | None,
    feats: Sequence[str],
    model: TypeModel | None = None,
    *,
    text: bool = False,
) -> str | None:
    """The sub-event type of an action the rules typed RULE_SUB (of a whole TEXT typed as one
    event, classify), given its model FEATS; None for no conflict event. No model shipped means
    the rules alone. The model's choice among the rules' readings (choices) stands when it
    gives it CHOOSE."""
    model = model or load_type_model()
    if model is None:
        return rule_sub
    p = model.scores(feats)
    best = int(p.argmax())
    label = model.labels[best]
    if rule_sub is None:
        return label if label != NONE and p[best] >= ALONE else None
    if label == NONE and p[best] >= NOT_CONFLICT:
        return None
    allowed = choices(rule_sub, feats, text=text)
    score, choice = max((float(p[i]), x) for i, x in enumerate(model.labels) if x in allowed)
    return choice if score >= CHOOSE else rule_sub


def several_actions(feats: Sequence[str]) -> bool:
    """The rules read more than one kind of factual action in the text ("troops took the
    town as sappers defused mines"): each is its own mention with its own type."""
    return sum(1 for f in feats if f.startswith("f:")) > 1
