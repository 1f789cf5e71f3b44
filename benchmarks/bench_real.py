"""Quality on real multi-outlet reporting: the scorer, then what went wrong, event by event.

Runs the whole pipeline (ingest, code, merge, publish) on each corpus into a fresh store,
prints the scorer's summary, then for every gold event the records that matched it, the
records that repeat it (with their articles) or "MISSED", and for every record that matched
nothing the sentence behind it. This is the loop to work in: a rule change shows here as a
repeat gone, a background sentence no longer coded, or a miss found.

    python benchmarks/bench_real.py [--sets real-dev seeds] [--quiet]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {"real-dev": "real-dev.json", "seeds": "seeds.json"}


def load_scorer():
    """The evaluation's own scorer, read from ../shared so that figures match it exactly."""
    path = SHARED / "tools" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


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


def explain(scorer, gold: dict, preds: list[dict]) -> list[str]:
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    ap.add_argument("--quiet", action="store_true", help="only the scorer's summary")
    a = ap.parse_args()
    scorer = load_scorer()
    for name in a.sets:
        corpus = SHARED / "corpus" / name
        gold_path = SHARED / "gold" / SETS[name]
        if not corpus.is_dir() or not gold_path.is_file():
            print(f"{name}: {corpus} or {gold_path} not found; skipped", file=sys.stderr)
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            jsonl, secs = run_corpus(corpus, Path(tmp))
            preds = scorer.load_preds(str(jsonl))
        r = scorer.score(gold, preds)
        fa = " ".join(f"{k}={v:.2f}" for k, v in r["field_accuracy"].items())
        print(f"== {name}: {len(list(corpus.glob('*.*')))} files, {secs:.1f} s")
        print(
            f"predicted {r['predicted']}  matched {r['matched']}  duplicates {r['duplicates']}"
            f"  spurious {r['spurious']}"
        )
        print(f"fields: {fa}")
        print(
            f"merged {r['merged']}/{r['multi_article_events']}"
            f"  conflicts {r['conflicts_found']}/{r['conflicts_gold']}"
        )
        print(
            f"P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}"
            f" fields={r['mean_field_accuracy']:.3f}"
        )
        if not a.quiet:
            print("\n".join(explain(scorer, gold, preds)))
        print()


if __name__ == "__main__":
    main()
