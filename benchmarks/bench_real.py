"""Quality on real multi-outlet reporting, over every shared set: the scorer, and errors by kind.

Every folder of ../shared/corpus with a gold file ../shared/gold/SET.json is a set (a set added
there later is picked up with no change here). Each set runs through the whole pipeline
(ingest, code, merge, publish) into a fresh store, or, with --pred-dir, its events.jsonl is
read from PRED_DIR/SET/ (the output of /work/scoreall.sh). Figures come from the shared scorer's
own `match` and `field_scores`, so they agree with it exactly. Printed per set and pooled:
P/R/F1 (pooled: summed matches over summed predictions, summed required matched over summed
required), merged multi-article events, and the errors by kind:

- dup_in_article: a repeat of a matched gold event that shares an article with the record that
  matched it (one article coded the action twice: two scales, two place names);
- dup_across_articles: a repeat from other articles only (the outlets' reports were not joined);
- spurious: a record that fits no gold event at all;
- missed: a required gold event that nothing matched;
- wrong_<field>: a required gold event matched with that field wrong (sub_event_type, date,
  location, actor1, actor2, fatalities).

    python benchmarks/bench_real.py [--sets real-c wide-a] [--verbose] [--json] [--pred-dir DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIELDS = ("sub_event_type", "date", "location", "actor1", "actor2", "fatalities")
SUMMARY_KEYS = (
    "predicted", "matched", "matched_required", "gold_required", "duplicates", "spurious",
    "precision", "recall", "f1", "mean_field_accuracy", "field_accuracy", "merged",
    "multi_article_events", "conflicts_found", "conflicts_gold", "missed_required",
)  # fmt: skip
SUMMED = (
    "predicted", "matched", "matched_required", "gold_required", "merged", "multi_article_events",
)  # fmt: skip
KINDS = ("dup_in_article", "dup_across_articles", "spurious", "missed") + tuple(
    f"wrong_{f}" for f in FIELDS
)


def load_scorer(shared: Path = SHARED) -> ModuleType:
    """The evaluation's own scorer, read from ../shared so that figures match it exactly."""
    path = shared / "tools" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"{path}: cannot load the scorer")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def discover_sets(shared: Path = SHARED) -> dict[str, Path]:
    """Every corpus folder that has a gold file of its name: set name -> gold path."""
    corpus, gold = shared / "corpus", shared / "gold"
    if not corpus.is_dir():
        return {}
    return {
        d.name: gold / f"{d.name}.json"
        for d in sorted(corpus.iterdir())
        if d.is_dir() and (gold / f"{d.name}.json").is_file()
    }


def run_corpus(corpus: Path, out: Path) -> tuple[Path, float]:
    """Ingest, code, merge and publish CORPUS into a fresh store under OUT."""
    from warwire import pipeline
    from warwire.store import open_store

    t0 = time.perf_counter()
    store = open_store(str(out / "warwire.db"))
    pipeline.ingest(store, corpus)
    pipeline.code_pending(store, engine="local")
    pipeline.merge(store)
    paths = pipeline.publish(store, out)
    return Path(paths["jsonl"]), time.perf_counter() - t0


def _repeats(scorer: ModuleType, p: dict, golds: list[dict], by_gold: dict[int, int]) -> list[int]:
    """Matched gold events that prediction P fits (type, day and place): the events it repeats."""
    return [
        j
        for j, g in enumerate(golds)
        if j in by_gold and scorer.type_ok(p, g) and scorer.date_ok(p, g) and scorer.loc_ok(p, g)
    ]


def error_counts(scorer: ModuleType, gold: dict, preds: list[dict]) -> dict[str, int]:
    """Errors by kind (see the module docstring), from the scorer's own one-to-one matching.

    The duplicates and spurious records partition the unmatched predictions exactly as the
    scorer's `duplicates` and `spurious` figures do."""
    golds = gold["events"]
    matched, compatible = scorer.match(preds, golds)
    by_gold = {j: i for i, j in matched.items()}
    counts = dict.fromkeys(KINDS, 0)
    for i, p in enumerate(preds):
        if i in matched:
            continue
        if i not in compatible:
            counts["spurious"] += 1
            continue
        arts = set(p.get("articles") or [])
        same_article = any(
            arts & set(preds[by_gold[j]].get("articles") or [])
            for j in _repeats(scorer, p, golds, by_gold)
        )
        counts["dup_in_article" if same_article else "dup_across_articles"] += 1
    for j, g in enumerate(golds):
        if not g.get("required", True):
            continue
        i = by_gold.get(j)
        if i is None:
            counts["missed"] += 1
            continue
        for field, ok in scorer.field_scores(preds[i], g).items():
            if not ok:
                counts[f"wrong_{field}"] += 1
    return counts


def summarise(scorer: ModuleType, gold: dict, preds: list[dict]) -> dict[str, Any]:
    """The scorer's figures for one set, with the error counts by kind."""
    r = scorer.score(gold, preds)
    out = {k: r[k] for k in SUMMARY_KEYS}
    out["errors"] = error_counts(scorer, gold, preds)
    return out


def pooled(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Summed matches over summed predictions, summed required matched over summed required;
    merged counts and error counts summed."""
    tot = {k: sum(r[k] for r in results.values()) for k in SUMMED}
    p = tot["matched"] / tot["predicted"] if tot["predicted"] else 0.0
    rec = tot["matched_required"] / tot["gold_required"] if tot["gold_required"] else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    tot.update(precision=round(p, 3), recall=round(rec, 3), f1=round(f1, 3))
    tot["errors"] = {k: sum(r["errors"][k] for r in results.values()) for k in KINDS}
    return tot


def _brief(p: dict) -> str:
    actors = f"{p.get('actor1') or '-'} / {p.get('actor2') or '-'}"
    return (
        f"{p.get('id')} {p.get('date')} {p.get('sub_event_type')} @ {p.get('location')}"
        f" ({p.get('admin1')}) [{actors}] fat={p.get('fatalities')}"
    )


def _first_evidence(p: dict) -> str:
    ev = p.get("evidence") or []
    if not ev:
        return "(no evidence)"
    text = " ".join(str(ev[0].get("text", "")).split())
    return f"{ev[0].get('article')}: {text[:220]}"


def explain(scorer: ModuleType, gold: dict, preds: list[dict]) -> list[str]:
    """Per gold event: matched, repeats and misses; then every record that matched nothing."""
    golds = gold["events"]
    matched, _ = scorer.match(preds, golds)
    by_gold: dict[int, int] = {j: i for i, j in matched.items()}
    lines: list[str] = []
    claimed: set[int] = set(matched)
    for j, g in enumerate(golds):
        tag = "required" if g.get("required", True) else "optional"
        lines.append(f"\n{g['id']} ({tag}) {g['date']} {g['sub_event_type']} @ {g['location'][:1]}")
        i = by_gold.get(j)
        if i is not None:
            p = preds[i]
            missing = sorted(set(g.get("articles", [])) - set(p.get("articles") or []))
            fs = scorer.field_scores(p, g)
            wrong = [k for k, ok in fs.items() if not ok]
            lines.append(f"  MATCH  {_brief(p)}")
            lines.append(f"         articles {sorted(p.get('articles') or [])}")
            if missing:
                lines.append(f"         not merged: {missing}")
            if wrong:
                lines.append(f"         wrong fields: {wrong}")
        elif g.get("required", True):
            lines.append("  MISSED")
        for k, p in enumerate(preds):
            if k in matched:
                continue
            if scorer.type_ok(p, g) and scorer.date_ok(p, g) and scorer.loc_ok(p, g):
                claimed.add(k)
                lines.append(f"  REPEAT {_brief(p)}")
                lines.append(f"         articles {sorted(p.get('articles') or [])}")
    spurious = [p for k, p in enumerate(preds) if k not in claimed]
    if spurious:
        lines.append(f"\nNOT AN EVENT IN GOLD ({len(spurious)})")
        for p in spurious:
            lines.append(f"  {_brief(p)}")
            lines.append(f"         {_first_evidence(p)}")
    return lines


def format_row(name: str, r: dict[str, Any]) -> str:
    e = r["errors"]
    wrong = " ".join(f"{f}={e[f'wrong_{f}']}" for f in FIELDS if e[f"wrong_{f}"])
    return (
        f"{name:9} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}"
        f" pred={r['predicted']} merged={r['merged']}/{r['multi_article_events']}"
        f" dup_in={e['dup_in_article']} dup_across={e['dup_across_articles']}"
        f" spur={e['spurious']} missed={e['missed']} wrong[{wrong}]"
    )


def predictions(scorer: ModuleType, name: str, pred_dir: Path | None) -> list[dict] | None:
    """The set's records: read from PRED_DIR/NAME/events.jsonl, or produced by a fresh run."""
    if pred_dir is not None:
        path = pred_dir / name / "events.jsonl"
        if not path.is_file():
            print(f"{path}: not found; set {name} skipped", file=sys.stderr)
            return None
        return scorer.load_preds(str(path))
    with tempfile.TemporaryDirectory() as tmp:
        jsonl, secs = run_corpus(SHARED / "corpus" / name, Path(tmp))
        print(f"{name}: ran in {secs:.1f} s", file=sys.stderr)
        return scorer.load_preds(str(jsonl))


def main() -> None:
    sets = discover_sets()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(sets), choices=list(sets))
    ap.add_argument("--verbose", action="store_true", help="every gold event's matches/misses")
    ap.add_argument("--json", action="store_true", help="print a machine-readable summary")
    ap.add_argument("--pred-dir", type=Path, help="score DIR/SET/events.jsonl instead of running")
    a = ap.parse_args()
    scorer = load_scorer()
    results: dict[str, dict[str, Any]] = {}
    for name in a.sets:
        try:
            gold = json.loads(sets[name].read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{sets[name]}: unreadable gold ({e}); set {name} skipped", file=sys.stderr)
            continue
        preds = predictions(scorer, name, a.pred_dir)
        if preds is None:
            continue
        results[name] = summarise(scorer, gold, preds)
        if a.verbose and not a.json:
            print(f"== {name}")
            print("\n".join(explain(scorer, gold, preds)))
            print()
    if not results:
        raise SystemExit("no set scored")
    pool = pooled(results)
    if a.json:
        print(json.dumps({"sets": results, "pooled": pool}, indent=2))
        return
    for name, r in results.items():
        print(format_row(name, r))
    print(format_row("pooled", pool))


if __name__ == "__main__":
    main()
