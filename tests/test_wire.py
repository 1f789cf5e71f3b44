"""Wire-copy grouping with MinHash LSH."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from warwire.ingest.clean import clean_text
from warwire.ingest.wire import MATCH, NUM_PERM, WireGrouper, signature, similarity

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

WIRE = (
    "Government artillery shelled the town of Darat Izza in the western Aleppo countryside on "
    "Sunday, wounding nine civilians, including three children, local medics said. At least 30 "
    "shells struck residential streets and the edge of the market in the late afternoon, "
    "according to the medics, who said two of the wounded were in a critical condition. The "
    "wounded were taken to a hospital in the nearby town of Atarib, where staff said they had "
    "received patients with shrapnel injuries and burns. Darat Izza lies a few kilometres from "
    "front lines held by government forces and allied militias in western Aleppo province."
)
# the same wire story, re-titled and lightly edited, with a line of the outlet's own
COPY = (
    WIRE.replace("Government artillery", "Syrian government artillery").replace(
        "the nearby town of Atarib", "nearby Atarib"
    )
    + " The outlet could not independently verify the figures."
)
# an independent report of the same event: same names and figures, different words
OTHER = (
    "Nine people, three of them children, were hurt on Sunday when regime guns pounded Darat "
    "Izza, a town west of Aleppo held by opposition factions, a doctor at a hospital in Atarib "
    "said. He said about 30 rounds had landed on homes and near the market, and two of the "
    "injured remained in intensive care with burns and shrapnel wounds."
)


def test_signature_is_compact_bytes() -> None:
    sig = signature(WIRE)
    assert isinstance(sig, bytes)
    assert len(sig) == 4 + 4 * NUM_PERM
    assert signature(WIRE) == sig  # deterministic across calls (and processes: fixed seed)


def test_similarity_separates_copies_from_independent_reports() -> None:
    assert similarity(signature(WIRE), signature(COPY)) >= 0.5
    assert similarity(signature(WIRE), signature(OTHER)) < MATCH
    assert similarity(signature(""), signature("")) == 0.0


def test_grouper_groups_copies_under_the_first_id() -> None:
    g = WireGrouper()
    assert g.add_signature("a", signature(WIRE)) == "a"
    assert g.add_signature("b", signature(OTHER)) == "b"
    assert g.add_signature("c", signature(COPY)) == "a"
    assert g.groups() == {"a": "a", "b": "b", "c": "a"}


def test_grouper_is_incremental_and_idempotent() -> None:
    first = WireGrouper()
    for aid, text in (("a", WIRE), ("b", OTHER)):
        first.add_signature(aid, signature(text))
    # a later run: stored signatures re-added first, then the same and new articles
    later = WireGrouper()
    for aid, text in (("a", WIRE), ("b", OTHER)):
        later.add_signature(aid, signature(text))
    assert later.add_signature("a", signature(WIRE)) == "a"  # re-ingest of a stored article
    assert later.add_signature("c", signature(COPY)) == "a"
    assert later.groups() == {"a": "a", "b": "b", "c": "a"}


def test_changed_text_is_regrouped() -> None:
    g = WireGrouper()
    g.add_signature("a", signature(WIRE))
    g.add_signature("b", signature(OTHER))
    assert g.add_signature("b", signature(COPY)) == "a"  # b's text became a wire copy
    assert g.add_signature("b", signature(OTHER)) == "b"  # and back


def test_empty_texts_do_not_group() -> None:
    g = WireGrouper()
    assert g.add_signature("x", signature("")) == "x"
    assert g.add_signature("y", signature("")) == "y"
    assert g.add_signature("z", b"not a signature") == "z"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not found")
def test_seed_wire_copies_group() -> None:
    with (SEEDS / "manifest.csv").open(newline="", encoding="utf-8") as f:
        titles = {r["id"]: r["title"] for r in csv.DictReader(f)}
    sigs = {
        p.stem: signature(clean_text(p.read_text(encoding="utf-8"), titles.get(p.stem, "")))
        for p in sorted(SEEDS.glob("seed-*.txt"))
    }
    for order in (sorted(sigs), sorted(sigs, reverse=True)):
        g = WireGrouper()
        for aid in order:
            g.add_signature(aid, sigs[aid])
        groups = g.groups()
        assert groups["seed-001"] == groups["seed-002"]
        others = {groups[a] for a in groups if a not in ("seed-001", "seed-002")}
        assert groups["seed-001"] not in others
        assert len(others) == len(groups) - 2  # seed-000 (same event, own words) stays alone
