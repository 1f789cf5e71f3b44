"""The place hierarchy: province > region > district > town > city district.

A gazetteer entry knows its governorate (admin1) and district (admin2) from point-in-polygon;
this module adds what the coder and the merge need on top: how fine a place is (`level`), the
place one step up (`parent`), and whether one place lies inside another (`contains`), so that
one action reported at two scales ("in Saqba", "in Eastern Ghouta", "in Rural Damascus") is
seen as one.
"""

from __future__ import annotations

from warwire.places.gazetteer import Gazetteer, distance_km
from warwire.records import Place

# How fine a place is: the larger, the more precise.
LEVEL = {
    "foreign": 0,
    "admin1": 1,
    "region": 2,
    "admin2": 3,
    "admin3": 4,
    "populated place": 5,
    "hill": 5,
    "base": 5,
    "facility": 5,
    "border crossing": 5,
    "neighbourhood": 6,
}

# The cities whose quarters the gazetteer lists, by the admin2 the quarters lie in.
CITY_OF_DISTRICT: dict[tuple[str, str], str] = {
    ("Aleppo", "Jebel Saman"): "Aleppo",
    ("Damascus", "Damascus"): "Damascus",
    ("Homs", "Homs"): "Homs",
    ("Hama", "Hama"): "Hama",
    ("Deir ez-Zor", "Deir-ez-Zor"): "Deir ez-Zor",
    ("Raqqa", "Ar-Raqqa"): "Raqqa",
    ("Idlib", "Idleb"): "Idlib",
    ("Daraa", "Dar'a"): "Daraa",
    ("Latakia", "Lattakia"): "Latakia",
    ("Hasakah", "Al-Hasakeh"): "Hasakah",
    ("Hasakah", "Quamishli"): "Al Qamishli",
    ("Tartus", "Tartous"): "Tartus",
    ("As-Suwayda", "As-Sweida"): "As-Suwayda",
}
CITIES = frozenset(CITY_OF_DISTRICT.values())

CAPITAL_PROVINCE = "Damascus"  # a governorate that is one city
CAPITAL_COUNTRYSIDE = "Rural Damascus"  # the governorate around it
CITY_KM = 8.0  # a city's quarters lie within this of its centre
REGION_KM = 20.0  # a named region ("Eastern Ghouta", "Jabal al-Zawiya") spans about this
# Regions much larger than that (rough radius from their centre, km).
REGION_RADIUS_KM: dict[str, float] = {
    "Syrian Desert": 200.0,
    "Jazira": 150.0,
    "Euphrates Valley": 120.0,
    "Khabur Valley": 60.0,
    "Hauran": 50.0,
    "Qalamoun": 40.0,
    "Eastern Qalamoun": 40.0,
    "Jabal al-Druze": 40.0,
    "Golan Heights": 30.0,
    "Ghab Plain": 30.0,
}
NEAR_KM = 30.0  # "near the capital", "outside Aleppo": a town within this of the city


def level(p: Place) -> int:
    """How precise P is: 1 a province ... 6 a city district; unknown names count as towns."""
    return LEVEL.get(p.feature, 5)


def same_place(a: Place, b: Place) -> bool:
    if a.id and b.id:
        return a.id == b.id
    return a.name == b.name and a.admin1 == b.admin1


def city_of(p: Place) -> str:
    """The city whose quarter P is ("Aleppo" for Sheikh Maqsoud), or ""."""
    if p.feature != "neighbourhood":
        return ""
    return CITY_OF_DISTRICT.get((p.admin1, p.admin2), "")


def is_city(p: Place) -> bool:
    """A city with quarters of its own (Aleppo, Homs, ...), as a town entry."""
    return p.feature == "populated place" and p.name in CITIES


def parent(p: Place, gaz: Gazetteer) -> Place | None:
    """The place one step up: a quarter's city, a town's or region's governorate."""
    city = city_of(p)
    if city:
        hits = [c for c in gaz.candidates(city) if is_city(c) and c.admin1 == p.admin1]
        if hits:
            return hits[0]
    if p.feature in ("admin1", "foreign") or not p.admin1 or p.country != "Syria":
        return None
    return gaz.admin_place(p.admin1)


def contains(outer: Place, inner: Place) -> bool:
    """True when INNER lies inside OUTER and is finer: a town in its governorate or district,
    a town in a named region, a quarter in its city."""
    if same_place(outer, inner) or level(inner) <= level(outer):
        return False
    if (outer.country or "Syria") != (inner.country or "Syria"):
        return False
    if outer.feature == "admin1":
        return bool(inner.admin1) and inner.admin1 == outer.admin1
    if outer.feature == "admin2":
        return inner.admin1 == outer.admin1 and bool(inner.admin2) and inner.admin2 == outer.admin2
    if outer.feature == "admin3":
        return inner.admin2 == outer.admin2 and bool(inner.admin3) and inner.admin3 == outer.admin3
    if outer.feature == "region":
        return distance_km(outer, inner) <= REGION_RADIUS_KM.get(outer.name, REGION_KM)
    if is_city(outer):
        return city_of(inner) == outer.name or (
            inner.feature == "neighbourhood" and distance_km(outer, inner) <= CITY_KM
        )
    return False


def as_said(admin1: str) -> list[str]:
    """The governorates a province's name covers as reports use it: "Damascus province",
    "the Damascus countryside", "near Damascus" name the governorate around the capital as
    often as the capital's own, so the capital's name stands for both."""
    if admin1 == CAPITAL_PROVINCE:
        return [CAPITAL_PROVINCE, CAPITAL_COUNTRYSIDE]
    return [admin1]


def capital_holds(outer: Place, inner: Place) -> bool:
    """True when OUTER is the capital's governorate as a report names it ("Damascus",
    "Damascus province") and INNER a finer place in it or in the countryside around it
    ("a strike near Damascus ... the raid on the town of X"): see `as_said`."""
    if outer.feature != "admin1" or outer.admin1 != CAPITAL_PROVINCE:
        return False
    return level(inner) > level(outer) and inner.admin1 in as_said(CAPITAL_PROVINCE)


def around(city: Place, town: Place, km: float = NEAR_KM) -> bool:
    """True when TOWN is one of the places "near CITY" / "outside CITY" may mean."""
    return not same_place(city, town) and distance_km(city, town) <= km
