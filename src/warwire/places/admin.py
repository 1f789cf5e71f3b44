"""Governorates: their English reporting names, spelling variants, and point-in-polygon.

The canonical admin1 names are the spellings English reporting uses ("Idlib", not OCHA's
"Idleb"); every Place.admin1 carries one of them. `AdminLocator` answers (admin1, admin2,
admin3) for a point from the simplified OCHA polygons bundled as admin_boundaries.geojson.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from warwire.places.names import fold_key, key_strength, light_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BOUNDARIES = DATA_DIR / "admin_boundaries.geojson"

# OCHA P-code -> canonical English name.
ADMIN1_BY_PCODE: dict[str, str] = {
    "SY01": "Damascus",
    "SY02": "Aleppo",
    "SY03": "Rural Damascus",
    "SY04": "Homs",
    "SY05": "Hama",
    "SY06": "Latakia",
    "SY07": "Idlib",
    "SY08": "Hasakah",
    "SY09": "Deir ez-Zor",
    "SY10": "Tartus",
    "SY11": "Raqqa",
    "SY12": "Daraa",
    "SY13": "As-Suwayda",
    "SY14": "Quneitra",
}

# Spellings of each governorate seen in reporting and in the sources (OCHA, GeoNames).
ADMIN1_VARIANTS: dict[str, tuple[str, ...]] = {
    "Damascus": ("Dimashq", "Damas"),
    "Aleppo": ("Halab", "Alep"),
    "Rural Damascus": (
        "Rif Dimashq",
        "Reef Dimashq",
        "Rif Damascus",
        "Reef Damascus",
        "Rif Dimashk",
        "Damascus countryside",
        "Damascus Countryside",
        "Rural Damascus",
        "Damascus Rural",
    ),
    "Homs": ("Hims", "Homs"),
    "Hama": ("Hamah", "Hamat"),
    "Latakia": ("Lattakia", "Latakiya", "Lattaquie", "Al-Ladhiqiyah", "Ladhiqiyah", "Latakiyah"),
    "Idlib": ("Idleb", "Edleb", "Idlip", "Edlib"),
    "Hasakah": (
        "Al-Hasakah",
        "Al-Hasakeh",
        "Hasakeh",
        "Hasaka",
        "Hassakeh",
        "Hassakah",
        "Al-Hassakeh",
        "Hasake",
        "Al Hasakah",
    ),
    "Deir ez-Zor": (
        "Deir Ezzor",
        "Deir al-Zour",
        "Deir al-Zor",
        "Deir el-Zor",
        "Deir ez Zor",
        "Deir-ez-Zor",
        "Dayr az-Zawr",
        "Deir Ez-Zor",
        "Deir Al Zour",
        "Deirezzor",
        "Deir Azzour",
        "Deir Ezour",
        "Deir Ezzour",
    ),
    "Tartus": ("Tartous", "Tartouss", "Tartos", "Tortosa"),
    "Raqqa": ("Rakka", "Ar-Raqqa", "Raqqah", "Ar-Raqqah", "Al-Raqqa", "Ar Raqqah", "Rakkah"),
    "Daraa": ("Deraa", "Dar'a", "Dera'a", "Dara'a", "Daraa", "Dara", "Deraah"),
    "Quneitra": ("Qunaitra", "Kuneitra", "Al-Qunaytirah", "Qunaytirah", "Al-Quneitra"),
    "As-Suwayda": (
        "Suwayda",
        "Sweida",
        "Suwaida",
        "As-Sweida",
        "Al-Suwayda",
        "Sweidaa",
        "Soueida",
        "Swaida",
        "Sweyda",
        "As Suwayda",
    ),
}

PROVINCES = tuple(ADMIN1_BY_PCODE.values())


@lru_cache(maxsize=1)
def _province_keys() -> tuple[dict[str, str], dict[str, str]]:
    light: dict[str, str] = {}
    fold: dict[str, str] = {}
    for canon in PROVINCES:
        for v in (canon, *ADMIN1_VARIANTS.get(canon, ())):
            light[light_key(v)] = canon
            f = fold_key(v)
            if key_strength(f) >= 4:
                fold[f] = canon
    return light, fold


def canonical_province(name: str) -> str | None:
    """The canonical admin1 name if NAME spells a governorate, else None."""
    light, fold = _province_keys()
    lk = light_key(name)
    if lk in light:
        return light[lk]
    return fold.get(fold_key(name)) if lk else None


@dataclass
class _Unit:
    level: int
    name: str
    pcode: str
    parent: str  # P-code of the unit above
    geom: Any  # shapely geometry, prepared


class AdminLocator:
    """Point-in-polygon over the bundled, simplified admin1/2/3 polygons."""

    def __init__(self, path: Path = BOUNDARIES) -> None:
        from shapely import prepare
        from shapely.geometry import shape

        data = json.loads(path.read_text(encoding="utf-8"))
        self.units: dict[int, list[_Unit]] = {1: [], 2: [], 3: []}
        for feat in data["features"]:
            p = feat["properties"]
            geom = shape(feat["geometry"])
            prepare(geom)
            unit = _Unit(p["level"], p["name"], p["pcode"], p.get("parent", ""), geom)
            self.units[unit.level].append(unit)

    def _pick(self, units: list[_Unit], lon: float, lat: float, slack: float) -> _Unit | None:
        from shapely import contains_xy
        from shapely.geometry import Point

        for u in units:
            if contains_xy(u.geom, lon, lat):
                return u
        pt = Point(lon, lat)
        best = min(units, key=lambda u: u.geom.distance(pt), default=None)
        if best is not None and best.geom.distance(pt) <= slack:
            return best
        return None

    def locate(self, lat: float, lon: float) -> tuple[str, str, str]:
        """(admin1, admin2, admin3) holding the point; points just off a border or the coast
        (within ~5 km) go to the nearest unit; points outside Syria give empty strings."""
        a1 = self._pick(self.units[1], lon, lat, 0.05)
        if a1 is None:
            return "", "", ""
        a2 = self._pick([u for u in self.units[2] if u.parent == a1.pcode], lon, lat, 0.05)
        if a2 is None:
            return a1.name, "", ""
        a3 = self._pick([u for u in self.units[3] if u.parent == a2.pcode], lon, lat, 0.05)
        return a1.name, a2.name, a3.name if a3 else ""


@lru_cache(maxsize=1)
def admin_locator() -> AdminLocator:
    return AdminLocator()
