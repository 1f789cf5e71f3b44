"""The FA-KES development articles, read one way for every benchmark.

FA-KES (../shared/datasets/fa-kes/dev.csv) is evaluation data: benchmarks read it from
../shared at run time and never copy it into the repository.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEV = Path("datasets") / "fa-kes" / "dev.csv"


@dataclass
class FakesArticle:
    id: str
    title: str
    text: str
    outlet: str
    published: dt.date | None  # None when the row's date does not parse
    row: dict[str, str] = field(repr=False)  # the crowd-coded columns, for agreement


def read_fakes(path: Path, limit: int | None = None) -> list[FakesArticle]:
    """Rows of a FA-KES csv (dates are month/day/two-digit year), the first LIMIT if given."""
    csv.field_size_limit(sys.maxsize)  # article bodies overflow the csv module's default
    out: list[FakesArticle] = []
    with path.open(newline="", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f)):
            if limit is not None and i >= limit:
                break
            try:
                pub = dt.datetime.strptime(r["date"].strip(), "%m/%d/%y").date()
            except ValueError:
                pub = None
            out.append(
                FakesArticle(
                    id=f"fakes-{r.get('unit_id') or i}",
                    title=r["article_title"],
                    text=r["article_content"],
                    outlet=r["source"],
                    published=pub,
                    row=r,
                )
            )
    return out


def outlet_half(rows: list[FakesArticle], half: str) -> set[str]:
    """A fixed half of FA-KES's outlets: sorted names, 'A' the even positions, 'B' the odd.

    An audit reads half A's articles and events only; half B is the unread half on which a
    fix's agreement is checked, so that what is fitted to the read articles shows.
    """
    names = sorted({r.outlet for r in rows})
    return set(names[0 if half == "A" else 1 :: 2])
