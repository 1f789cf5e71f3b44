"""Import a full GeoNames country dump (SY.txt or SY.zip) into the user's gazetteer overlay.

The bundled gazetteer has GeoNames' populated places of 500 people or more only; the full
country file (tens of thousands of villages, hills and sites) cannot be shipped or fetched
here, but a user who has it can add it. Rows already in the bundled file by GeoNames id, or
by name within a few km, only add their spellings to that entry; the others become new
entries. The overlay lives in warwire.store.data_dir() / "gazetteer-user.json.gz".
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warwire.places.admin import admin_locator
from warwire.places.index import weight_from_population, write_gazetteer
from warwire.places.names import fold_key, light_key, strip_marks
from warwire.records import Place

if TYPE_CHECKING:
    from warwire.places.gazetteer import Gazetteer

DUPLICATE_KM = 3.0

# GeoNames feature class/code -> gazetteer feature; rows of other kinds are skipped.
FEATURES: dict[str, str] = {
    "P": "populated place",
    "S.CMPRF": "populated place",
    "T.HLL": "hill",
    "T.HLLS": "hill",
    "T.MT": "hill",
    "T.MTS": "hill",
    "T.PK": "hill",
    "T.RDGE": "hill",
    "T.PLN": "region",
    "T.VAL": "region",
    "L.RGN": "region",
    "L.AREA": "region",
    "S.MILB": "base",
    "S.INSM": "base",
    "S.AIRB": "base",
    "S.AIRF": "base",
    "S.AIRH": "base",
    "S.AIRP": "base",
    "S.DAM": "facility",
    "S.OILF": "facility",
    "S.GASF": "facility",
    "S.PS": "facility",
}
SKIPPED_CODES = frozenset({"PPLH"})  # historical places


def _feature(fclass: str, fcode: str) -> str | None:
    if fcode in SKIPPED_CODES:
        return None
    return FEATURES.get(f"{fclass}.{fcode}") or FEATURES.get(fclass)


def _lines(path: Path) -> Iterator[str]:
    """The data lines of SY.txt, or of the .txt inside SY.zip."""
    if path.suffix.lower() == ".zip":
        if not zipfile.is_zipfile(path):
            raise ValueError(f"{path}: not a zip file")
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not names:
                raise ValueError(f"{path}: no GeoNames .txt inside")
            with zf.open(names[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with open(path, encoding="utf-8") as fh:
        yield from fh


def _latin_names(*names: str) -> list[str]:
    """Spellings in Latin letters, as written with a capital (GeoNames also lists Arabic,
    Cyrillic and lower-case transliteration keys)."""
    out: list[str] = []
    for n in names:
        n = n.strip()
        s = strip_marks(n).lstrip("'`‘’ʿ")
        if s and s[0].isupper() and not n.isupper() and re.fullmatch(r"[A-Za-z '`‘’ʿʾ.\-]+", s):
            out.append(re.sub(r"[’‘`ʿʾ]", "'", strip_marks(n)))
    return list(dict.fromkeys(out))


def import_geonames(path: Path) -> int:
    """Import a GeoNames country dump into the user overlay; return the places imported
    (new entries plus rows that added spellings to bundled entries)."""
    from warwire.places.gazetteer import BUNDLED, _user_path, build_gazetteer, load_gazetteer

    base = build_gazetteer(BUNDLED, None)
    by_id = {p.id: i for i, p in enumerate(base.places) if p.id}
    locator = admin_locator()
    places: list[Place] = []
    weights: list[float] = []
    aliases: dict[str, list[str]] = {}
    merged = 0
    for line in _lines(Path(path)):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15 or not cols[0].isdigit() or cols[8] != "SY":
            continue
        feature = _feature(cols[6], cols[7])
        if feature is None:
            continue
        try:
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError:
            continue
        admin1, admin2, admin3 = locator.locate(lat, lon)
        if not admin1:
            continue
        names = _latin_names(cols[2], cols[1], *cols[3].split(","))
        if not names:
            continue
        pid = f"gn:{cols[0]}"
        target = by_id.get(pid)
        if target is None:
            target = _same_place(base, names, feature, lat, lon)
        if target is not None:
            tid = base.places[target].id
            hit = base.places[target]
            known = {light_key(n) for n in [hit.name, *hit.alt_names]}
            new = [n for n in names if light_key(n) not in known]
            aliases.setdefault(tid, []).extend(new or names[:1])
            merged += 1
            continue
        pop = int(cols[14]) if cols[14].strip().isdigit() else 0
        places.append(
            Place(
                name=names[0],
                id=pid,
                admin1=admin1,
                admin2=admin2,
                admin3=admin3,
                latitude=lat,
                longitude=lon,
                feature=feature,
                alt_names=names[1:],
            )
        )
        weights.append(max(3.0, weight_from_population(pop)))
    out = _user_path()
    write_gazetteer(
        out,
        places,
        weights,
        source=f"GeoNames country dump {Path(path).name} (CC BY 4.0, geonames.org)",
        aliases=[[tid, list(dict.fromkeys(ns))] for tid, ns in sorted(aliases.items())],
    )
    load_gazetteer.cache_clear()
    return len(places) + merged


def _same_place(
    base: Gazetteer, names: list[str], feature: str, lat: float, lon: float
) -> int | None:
    """The bundled entry of the same feature and a name folding alike, within DUPLICATE_KM."""
    from warwire.places.gazetteer import distance_km

    here = Place("", latitude=lat, longitude=lon)
    for n in names:
        for i in base.fold.get(fold_key(n), []):
            p = base.places[i]
            if p.feature == feature and p.id and distance_km(p, here) <= DUPLICATE_KM:
                return i
    return None
