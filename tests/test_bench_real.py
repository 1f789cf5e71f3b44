"""bench_real's error counting, on an invented gold file and invented records."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_real", ROOT / "benchmarks" / "bench_real.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


bench = _bench()
needs_scorer = pytest.mark.skipif(
    not (SHARED / "tools" / "score_events.py").is_file(), reason="../shared scorer absent"
)


def gold_event(gid: str, sub: str, etype: str, day: str, place: str, arts: list[str], **kw):
    return {
        "id": gid,
        "required": True,
        "date": day,
        "event_type": etype,
        "sub_event_type": [sub],
        "location": [place],
        "admin1": "Northprov",
        "geo_precision": 1,
        "articles": arts,
        **kw,
    }


def pred(pid: str, sub: str, etype: str, day: str, place: str, arts: list[str], **kw):
    return {
        "id": pid,
        "date": day,
        "event_type": etype,
        "sub_event_type": sub,
        "location": place,
        "admin1": "Northprov",
        "articles": arts,
        **kw,
    }


STRIKE = ("Air/drone strike", "Explosions/Remote violence")
CLASH = ("Armed clash", "Battles")
GOLD = {
    "events": [
        gold_event("G1", *STRIKE, "2020-01-05", "Qarvillo", ["a1", "a2"], fatalities=3),
        gold_event("G2", *CLASH, "2020-01-06", "Beltamun", ["a3"], actor1_sides=["kurdish"]),
        gold_event("G3", "Attack", "Violence against civilians", "2020-01-07", "Zerdana", ["a4"]),
    ]
}
PREDS = [
    pred("P1", *STRIKE, "2020-01-05", "Qarvillo", ["a1"], fatalities=4),  # toll wrong
    pred("P2", *STRIKE, "2020-01-06", "Qarvillo", ["a1"]),  # a1 coded it twice
    pred("P3", *STRIKE, "2020-01-06", "Qarvillo", ["a2"]),  # a2 not joined to a1
    # a day late and the wrong side
    pred("P4", *CLASH, "2020-01-07", "Beltamun", ["a3"], actor1="Islamic State"),
    pred("P5", "Peaceful protest", "Protests", "2020-01-05", "Nowhereton", ["a3"]),
]


@needs_scorer
def test_errors_are_counted_by_kind() -> None:
    scorer = bench.load_scorer(SHARED)
    e = bench.error_counts(scorer, GOLD, PREDS)
    assert e["dup_in_article"] == 1
    assert e["dup_across_articles"] == 1
    assert e["spurious"] == 1
    assert e["missed"] == 1
    assert e["wrong_fatalities"] == 1
    assert e["wrong_date"] == 1 and e["wrong_actor1"] == 1
    assert e["wrong_location"] == e["wrong_sub_event_type"] == e["wrong_actor2"] == 0


@needs_scorer
def test_kinds_partition_the_scorers_duplicates_and_spurious() -> None:
    scorer = bench.load_scorer(SHARED)
    r = bench.summarise(scorer, GOLD, PREDS)
    e = r["errors"]
    assert e["dup_in_article"] + e["dup_across_articles"] == r["duplicates"]
    assert e["spurious"] == r["spurious"]
    assert e["missed"] == len(r["missed_required"])


@needs_scorer
def test_merging_the_repeat_turns_a_duplicate_into_a_merge() -> None:
    scorer = bench.load_scorer(SHARED)
    joined = [dict(PREDS[0], articles=["a1", "a2"]), *PREDS[3:]]
    r = bench.summarise(scorer, GOLD, joined)
    assert r["merged"] == 1 and r["multi_article_events"] == 1
    assert r["errors"]["dup_in_article"] == r["errors"]["dup_across_articles"] == 0


def test_sets_are_every_corpus_folder_with_a_gold_file(tmp_path: Path) -> None:
    for name in ("alpha", "beta", "gamma"):
        (tmp_path / "corpus" / name).mkdir(parents=True)
    (tmp_path / "gold").mkdir()
    for name in ("alpha", "gamma", "orphan"):
        (tmp_path / "gold" / f"{name}.json").write_text(json.dumps({"events": []}))
    assert list(bench.discover_sets(tmp_path)) == ["alpha", "gamma"]


def test_pooled_sums_before_dividing() -> None:
    zero = dict.fromkeys(bench.KINDS, 0)
    a = {"predicted": 10, "matched": 9, "matched_required": 1, "gold_required": 1}
    b = {"predicted": 90, "matched": 9, "matched_required": 9, "gold_required": 99}
    for r in (a, b):
        r.update(merged=1, multi_article_events=2, errors=dict(zero, missed=1))
    p = bench.pooled({"a": a, "b": b})
    assert p["precision"] == 0.18 and p["recall"] == 0.1
    assert p["merged"] == 2 and p["errors"]["missed"] == 2
