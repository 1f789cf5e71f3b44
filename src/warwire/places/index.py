"""The gazetteer file format and its name indexes, shared by the build script, the loader
and the GeoNames importer.

A gazetteer file is gzipped JSON: {"notice", "key_version", "fields", "places": [row...],
"light": {key: [row index...]}, "fold": {key: [row index...]}}, rows in FIELDS order. The
indexes are stored so that loading needs no key computation.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path
from typing import Any

from warwire.places.names import KEY_VERSION, content_tokens, fold_key, light_key, light_token
from warwire.places.names import tokens as name_tokens
from warwire.records import Place

FIELDS = (
    "name",
    "id",
    "admin1",
    "admin2",
    "admin3",
    "country",
    "latitude",
    "longitude",
    "feature",
    "alt_names",
    "weight",
)

# Features whose every name is indexed, even one made of everyday words ("United States").
NAMED_FEATURES = frozenset({"admin1", "admin2", "admin3", "foreign", "region"})

NOTICE = (
    "Syrian gazetteer built by warwire scripts/build_gazetteer.py from GeoNames (CC BY 4.0, "
    "geonames.org), OCHA COD-AB Syria administrative boundaries (CC BY-IGO) and the Wikipedia "
    "module 'Syrian Civil War detailed map' (CC BY-SA 4.0). This derived file is distributed "
    "under CC BY-SA 4.0; see NOTICE."
)


def weight_from_population(population: int) -> float:
    """Population on the marker-size scale of the wiki map (a 100,000 town ~ 9)."""
    if population <= 0:
        return 0.0
    return round(max(0.0, 2.0 * math.log10(population) - 1.0), 2)


def place_to_row(place: Place, weight: float) -> list[Any]:
    return [
        place.name,
        place.id,
        place.admin1,
        place.admin2,
        place.admin3,
        place.country,
        None if place.latitude is None else round(place.latitude, 5),
        None if place.longitude is None else round(place.longitude, 5),
        place.feature,
        list(place.alt_names),
        round(weight, 2),
    ]


def row_to_place(row: list[Any]) -> tuple[Place, float]:
    name, pid, a1, a2, a3, country, lat, lon, feature, alts, weight = row
    place = Place(
        name=name,
        id=pid,
        admin1=a1,
        admin2=a2,
        admin3=a3,
        country=country,
        latitude=lat,
        longitude=lon,
        feature=feature,
        alt_names=list(alts),
    )
    return place, float(weight)


def is_generic_name(name: str, everyday: frozenset[str]) -> bool:
    """True for names of two words or more made only of everyday words ("Military
    Checkpoint", "Free Zone"): they label a map marker but name nothing a sentence could
    point to. One-word names stay: the matcher decides on those ("Dana" the town)."""
    words = [light_token(w) for w in content_tokens(name_tokens(name))]
    numbered = any(c.isdigit() for c in name)  # "Brigade 80", "Hill 500"
    return (len(words) > 1 or numbered) and all(w in everyday for w in words)


def indexable(place: Place, name: str, everyday: frozenset[str]) -> bool:
    if len(light_key(name).replace(" ", "")) < 2:
        return False
    return place.feature in NAMED_FEATURES or not is_generic_name(name, everyday)


def build_index(
    places: list[Place], everyday: frozenset[str], offset: int = 0
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Light and fold key -> row indexes (OFFSET added), over every indexable name."""
    light: dict[str, list[int]] = {}
    fold: dict[str, list[int]] = {}
    for i, place in enumerate(places, start=offset):
        for name in dict.fromkeys([place.name, *place.alt_names]):
            if not indexable(place, name, everyday):
                continue
            for key, index in ((light_key(name), light), (fold_key(name), fold)):
                if key:
                    bucket = index.setdefault(key, [])
                    if not bucket or bucket[-1] != i:
                        bucket.append(i)
    return light, fold


def write_gazetteer(path: Path, places: list[Place], weights: list[float], **extra: Any) -> None:
    """Write PLACES with their indexes, deterministically (sorted keys, fixed gzip mtime)."""
    from warwire.places.stoplist import everyday_words

    light, fold = build_index(places, everyday_words())
    doc = {
        "notice": NOTICE,
        "key_version": KEY_VERSION,
        "fields": list(FIELDS),
        **extra,
        "places": [place_to_row(p, w) for p, w in zip(places, weights, strict=True)],
        "light": light,
        "fold": fold,
    }
    raw = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(raw.encode("utf-8"))


def read_gazetteer(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)
