"""Print a sample of coded events with their evidence sentences, for reading event by event.

Published audits of event data read a sample of records against the text they came from and
count them: fully right, a real event with a wrong field, a duplicate, not an event. This tool
codes FA-KES articles (../shared/datasets/fa-kes/dev.csv) with the real coder and prints, per
sampled article, its title, outlet, day and (with --text) its body, then each coded mention:
type, day, place (province), actors, toll and the evidence sentence it was read from.
With --merged every article of the chosen outlets is coded and the mentions are linked by
the real merge (`warwire.merge.merge_mentions`); each mention is then tagged with its event
and the number of articles that event joins, so that a repeat the merge folds (same event
tag) is told from a duplicate it leaves (two tags for one action).

The outlets are split into two fixed halves (benchmarks/fakes.py `outlet_half`): read half A,
keep half B unread so that its agreement (`bench_coding.py --part fakes --outlets B`) shows
whether a fix carries.

    python benchmarks/audit_sample.py [--half A] [--outlets x,y] [--sample 30] [--seed 1]
                                      [--text] [--count]
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections import Counter
from pathlib import Path

from fakes import DEV, SHARED, outlet_half, read_fakes


def describe(m) -> list[str]:  # noqa: ANN001
    """One mention as the lines an auditor reads: its fields, then its evidence."""
    place = f"{m.place.name} [{m.place.admin1 or '?'}]" if m.place else "-"
    day = m.day.date.isoformat() if m.day else "-"
    a1 = f"{m.actor1.name} ({m.actor1.surface})" if m.actor1 else "-"
    a2 = f"{m.actor2.name} ({m.actor2.surface})" if m.actor2 else "-"
    head = f"{m.sub_event_type} | {day} | {place} | {a1} -> {a2} | dead {m.fatalities}"
    lines = [head]
    for e in m.evidence[:2]:
        lines += textwrap.wrap(e.text, 100, initial_indent="    > ", subsequent_indent="      ")
    return lines


def events_of(mentions: list) -> tuple[dict[str, str], dict[str, int]]:
    """Each mention's event id under the real merge, and each event's number of articles
    (summaries, which the merge leaves out, have none)."""
    from warwire.merge import merge_mentions

    state = merge_mentions([m for m in mentions if not m.summary])
    arts: dict[str, set[str]] = {}
    for m in mentions:
        eid = state.of_mention.get(m.id)
        if eid is not None:
            eid = state._current(eid)
            arts.setdefault(eid, set()).add(m.article)
    short = {eid: f"E{i}" for i, eid in enumerate(sorted(arts), 1)}
    event_of = {
        m.id: short[state._current(e)]
        for m in mentions
        if (e := state.of_mention.get(m.id)) is not None
    }
    return event_of, {short[e]: len(v) for e, v in arts.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--half", choices=["A", "B"], default="A")
    ap.add_argument("--outlets", default="", help="comma-separated outlets (overrides --half)")
    ap.add_argument("--sample", type=int, default=30, help="articles to print (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--text", action="store_true", help="print each article's body too")
    ap.add_argument("--count", action="store_true", help="only count mentions per article")
    ap.add_argument("--merged", action="store_true", help="tag mentions with their event")
    a = ap.parse_args()

    from bench_coding import fakes_articles
    from warwire.code import code_articles

    path = a.shared / DEV
    outlets = (
        {o.strip() for o in a.outlets.split(",") if o.strip()}
        if a.outlets
        else outlet_half(read_fakes(path), a.half)
    )
    _, arts = fakes_articles(path, None, outlets)
    rng = random.Random(a.seed)
    picked = sorted(
        rng.sample(arts, min(a.sample, len(arts))) if a.sample else arts,
        key=lambda x: int(x.id.split("-")[1]),
    )
    print(f"outlets: {', '.join(sorted(outlets))}; {len(picked)} of {len(arts)} articles")
    coded = list(code_articles(arts if a.merged else picked))
    event_of, spread = events_of([m for _, ms in coded for m in ms]) if a.merged else ({}, {})
    chosen = {x.id for x in picked}
    per = Counter()
    total = 0
    for art, ms in coded:
        if art.id not in chosen:
            continue
        total += len(ms)
        per[len(ms)] += 1
        if a.count:
            continue
        print(f"\n=== {art.id} | {art.outlet} | {art.published} | {art.title}")
        if a.text:
            for para in textwrap.wrap(art.text, 100):
                print("  " + para)
        for k, m in enumerate(ms, 1):
            first, *rest = describe(m)
            eid = event_of.get(m.id, "")
            tag = f" <{eid} x{spread[eid]}>" if eid else ""
            print(f"  [{k}]{tag} {first}")
            print("\n".join(rest))
    print(f"\n{total} mentions; articles by mention count: {dict(sorted(per.items()))}")


if __name__ == "__main__":
    main()
