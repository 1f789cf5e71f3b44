"""Event-coding benchmark.

1. Sub-event classification on CASE 2021 task 2 snippets (../shared/datasets/case2021-task2):
   each snippet coded on its own; micro and macro F1 over the ACLED labels; confusion table.
2. Reading + coding throughput (articles/s, one core) and peak memory on FA-KES
   (../shared/datasets/fa-kes/dev.csv, 396 articles).

Usage: python benchmarks/bench_coding.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import resource
import time
from collections import Counter, defaultdict
from pathlib import Path

from fakes import DEV, SHARED, read_fakes

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
NONE = "(none)"


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def bench_case(path: Path, limit: int | None) -> None:
    from warwire.code.classify import classify

    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if r["SubType"] in CASE_TO_ACLED][:limit]
    gold, pred = [], []
    t0 = time.perf_counter()
    for r in rows:
        gold.append(CASE_TO_ACLED[r["SubType"]])
        pred.append(classify(r["EventSnippet"]) or NONE)
    secs = time.perf_counter() - t0
    labels = sorted(set(gold))
    tp, fp, fn = Counter(), Counter(), Counter()
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    micro = f1(sum(tp.values()), sum(fp[x] for x in labels), sum(fn.values()))
    macro = sum(f1(tp[x], fp[x], fn[x]) for x in labels) / len(labels)
    acc = sum(tp.values()) / len(gold)
    print(f"CASE 2021 task 2 ({path}): {len(gold)} snippets with ACLED labels, {secs:.1f}s")
    print(
        f"  accuracy {acc:.3f}  micro-F1 {micro:.3f}  macro-F1 {macro:.3f}"
        f"  (no type: {pred.count(NONE)})"
    )
    print(f"  {'gold label':38} {'n':>4} {'P':>5} {'R':>5} {'F1':>5}  most often predicted as")
    for x in labels:
        n = tp[x] + fn[x]
        p = tp[x] / (tp[x] + fp[x]) if tp[x] + fp[x] else 0.0
        r = tp[x] / n if n else 0.0
        top = ", ".join(f"{k} {v}" for k, v in confusion[x].most_common(3))
        print(f"  {x:38} {n:4d} {p:5.2f} {r:5.2f} {f1(tp[x], fp[x], fn[x]):5.2f}  {top}")


def bench_fakes(path: Path, limit: int | None) -> None:
    from warwire.code import code_articles
    from warwire.ingest.clean import clean_text
    from warwire.read.nlp import load_nlp
    from warwire.records import Article

    rows = read_fakes(path, limit)
    arts = [  # ids by position: FA-KES repeats a few unit ids
        Article(
            id=f"fakes-{i}",
            text=clean_text(r.text, r.title),
            title=r.title,
            outlet=r.outlet,
            published=r.published,
        )
        for i, r in enumerate(rows)
    ]
    load_nlp()
    # warm the lazily loaded resources (gazetteer, actors) outside the timing
    list(code_articles(arts[:2]))
    t0 = time.perf_counter()
    n_mentions = 0
    coded: dict[str, list] = {}
    for art, ms in code_articles(arts):
        n_mentions += len(ms)
        coded[art.id] = ms
    secs = time.perf_counter() - t0
    nlp = load_nlp()
    t1 = time.perf_counter()
    for _ in nlp.pipe((a.text for a in arts), batch_size=64):
        pass
    bare = time.perf_counter() - t1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before a second model
    stock = stock_spacy_seconds([a.text for a in arts])
    print(f"FA-KES ({path}): {len(arts)} articles, {n_mentions} mentions")
    print(f"  read + code: {len(arts) / secs:.1f} articles/s on one core ({secs:.1f}s)")
    print(
        f"  bare spaCy pipeline over whole texts: {len(arts) / bare:.1f} articles/s"
        f" (ratio {bare / secs:.2f}; the components warwire loads, run on every sentence)"
    )
    print(
        "  stock spaCy pipeline, all components as shipped:"
        f" {len(arts) / stock:.1f} articles/s"
        f" (ratio {stock / secs:.2f})"
    )
    print(f"  peak memory (max RSS): {rss:.0f} MiB")
    agreement([r.row for r in rows], coded)


def stock_spacy_seconds(texts: list[str]) -> float:
    """Seconds for the model exactly as shipped (NER, attribute ruler, rule lemmatizer)."""
    import spacy

    from warwire.read.nlp import MODEL

    nlp = spacy.load(MODEL)
    list(nlp.pipe(texts[:4]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


# FA-KES crowd labels -> warwire sides / provinces, to measure agreement (not to train)
FAKES_SIDES = {
    "syrian government or russian troops": {"syrian_government", "russia", "iran_allies"},
    "the organization of the islamic state in iraq and the levant - isis": {"islamic_state"},
    "armed opposition groups": {"opposition"},
    "international coalition forces": {"us_coalition"},
    "al-nusra front": {"jihadist"},
    "self administration forces": {"kurdish"},
}
FAKES_PROVINCES = {
    "aleppo": "Aleppo", "damascus": "Damascus", "idlib": "Idlib", "deir ezzor": "Deir ez-Zor",
    "homs": "Homs", "hasakeh": "Hasakah", "raqqa": "Raqqa", "hama": "Hama", "daraa": "Daraa",
    "lattakia": "Latakia", "quneitra": "Quneitra", "tartous": "Tartus",
}  # fmt: skip


def agreement(rows: list[dict], coded: dict[str, list]) -> None:
    """How often the article's events agree with FA-KES's crowd-coded place, actor and toll.

    Each FA-KES article is coded with one place, one perpetrator and casualty counts; an
    article agrees when any of its coded events has that province (Damascus also accepts Rural
    Damascus), any event's actor1 has that side, and any event's fatalities is within 20% of
    the crowd's civilian + non-civilian count (articles with a count only).
    """
    place = actor = toll = n_place = n_actor = n_toll = with_events = 0
    for i, r in enumerate(rows):
        ms = coded.get(f"fakes-{i}")
        if ms is None:
            continue
        with_events += bool(ms)
        prov = FAKES_PROVINCES.get(r["location"].strip().lower())
        if prov:
            n_place += 1
            admins = {m.place.admin1 for m in ms if m.place}
            place += prov in admins or (prov == "Damascus" and "Rural Damascus" in admins)
        sides = FAKES_SIDES.get(r["actor"].strip().lower())
        if sides:
            n_actor += 1
            actor += any(m.actor1 and m.actor1.side in sides for m in ms)
        try:
            dead = int(r["nb_civilians"] or 0) + int(r["nb_noncivilians"] or 0)
        except ValueError:
            dead = 0
        if dead > 0:
            n_toll += 1
            toll += any(m.fatalities and abs(m.fatalities - dead) <= 0.2 * dead for m in ms)
    print(
        f"  agreement with FA-KES crowd coding ({len(coded)} articles, {with_events} with events):"
    )
    print(f"    province {place}/{n_place} = {place / max(n_place, 1):.2f}"
          f"   perpetrator side {actor}/{n_actor} = {actor / max(n_actor, 1):.2f}"
          f"   toll within 20% {toll}/{n_toll} = {toll / max(n_toll, 1):.2f}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--limit", type=int, default=None)
    a = ap.parse_args()
    bench_case(a.shared / "datasets" / "case2021-task2" / "dev.tsv", a.limit)
    bench_fakes(a.shared / DEV, a.limit)


if __name__ == "__main__":
    main()
