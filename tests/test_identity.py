"""Event identity across outlets: the reporting patterns that made one event several records.

Every mention here is invented; each test builds the reports one pattern produces and checks
that the merge keeps one event (or keeps two where the reports say two things happened).
"""

from __future__ import annotations

import datetime as dt

import pytest

from warwire.merge import merge_mentions
from warwire.merge.fields import agency, latest_toll, wire_groups
from warwire.merge.identity import (
    CAPTURE_DAYS,
    EVENT_DAYS,
    area_contains,
    capture_subsumes_clash,
    clash_without_direction,
    day_either_side,
    event_days,
    explicit_day,
    fits_event_days,
    nearby_namesakes,
    one_camp,
    one_gathering,
    same_control_change,
    same_toll,
    vague_choice,
)
from warwire.records import ActorRef, Article, Claim, DayRef, Evidence, Mention, Place

TUE = dt.date(2021, 3, 9)
SARMIN = Place("Sarmin", "p10", "Idlib", latitude=35.90, longitude=36.72)
TAFTANAZ = Place("Taftanaz", "p11", "Idlib", latitude=35.99, longitude=36.78)
TELL_A = Place("Tell Abyad", "p12", "Raqqa", latitude=36.70, longitude=38.95)
TELL_B = Place("Tell Samin", "p13", "Raqqa", latitude=36.72, longitude=38.97)  # ~3 km
IDLIB = Place("Idlib", "adm-idlib", "Idlib", latitude=35.8, longitude=36.6, feature="admin1")
GOV = ActorRef("Military Forces of Syria (2000-)", "syrian_government")
IRAN = ActorRef("Iran Backed Militia (Syria)", "iran_allies")
OPP = ActorRef("Opposition Rebels (Syria)", "opposition")
HTS = ActorRef("HTS: Hayat Tahrir al Sham", "jihadist")
TURKEY = ActorRef("Military Forces of Turkey (2016-)", "turkey")
ETYPE = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Chemical weapon": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
}


def m(
    mid: str,
    sub: str,
    place: Place,
    d: dt.date = TUE,
    a1: ActorRef | None = GOV,
    a2: ActorRef | None = OPP,
    geo: int = 1,
    fatal: int | None = None,
    precision: int = 1,
    said: str = "",
) -> Mention:
    art = mid.split(":")[0]
    day = DayRef(d, d - dt.timedelta(days=6 if precision > 1 else 0), d, precision, said)
    text = f"report {mid}"
    return Mention(
        id=mid,
        article=art,
        event_type=ETYPE[sub],
        sub_event_type=sub,
        day=day,
        place=place,
        geo_precision=geo,
        actor1=a1,
        actor2=a2,
        fatalities=fatal,
        claims=[Claim("fatalities", fatal, art, text=text)] if fatal is not None else [],
        evidence=[Evidence(art, 0, len(text), text)],
        wire_group=art,
    )


def articles(*ids: str, outlet: str = "Outlet") -> dict[str, Article]:
    return {a: Article(a, "", outlet=f"{outlet} {a}", published=TUE) for a in ids}


def events(ms: list[Mention], arts: dict[str, Article] | None = None):
    arts = arts or articles(*{x.article for x in ms})
    return merge_mentions(ms).events(arts)


def test_capture_and_the_fighting_for_it_are_one_event() -> None:
    ms = [
        m("a:1", "Government regains territory", SARMIN),
        m("b:1", "Armed clash", SARMIN, a1=OPP, a2=GOV),  # a clash has no direction
        m("c:1", "Armed clash", SARMIN, a1=None, a2=OPP),  # only the loser named
    ]
    [ev] = events(ms)
    assert ev.sub_event_type == "Government regains territory"
    assert ev.actor1_side == "syrian_government" and sorted(ev.articles) == ["a", "b", "c"]


def test_a_clash_between_other_camps_is_not_the_capture() -> None:
    cap = m("a:1", "Government regains territory", SARMIN)
    other = m("b:1", "Armed clash", SARMIN, a1=TURKEY, a2=HTS)
    assert not capture_subsumes_clash(cap, other)
    assert len(events([cap, other])) == 2


def test_one_capture_told_on_three_days_is_one_change_of_control() -> None:
    ms = [
        m("a:1", "Government regains territory", SARMIN, d=TUE),  # "overnight"
        m("b:1", "Government regains territory", SARMIN, d=TUE + dt.timedelta(days=1)),
        m("c:1", "Government regains territory", SARMIN, d=TUE + dt.timedelta(days=3), a1=IRAN),
    ]
    [ev] = events(ms)
    assert sorted(ev.articles) == ["a", "b", "c"]


def test_a_capture_by_the_other_camp_is_another_event() -> None:
    won = m("a:1", "Government regains territory", SARMIN)
    lost = m("b:1", "Non-state actor overtakes territory", SARMIN, a1=OPP, a2=GOV)
    assert not same_control_change(won, lost)
    assert len(events([won, lost])) == 2


def test_a_capture_told_by_its_loser_joins_the_takers_report() -> None:
    # "the town was declared free of terrorists" (no taker: typed as a guess) beside "the
    # army took the town": one change of control, whichever comes first
    cleared = m("a:1", "Non-state actor overtakes territory", SARMIN, a1=None, a2=OPP)
    took = m("b:1", "Government regains territory", SARMIN)
    assert same_control_change(cleared, took) and same_control_change(took, cleared)
    for order in ([cleared, took], [took, cleared]):
        [ev] = events(order)
        assert sorted(ev.articles) == ["a", "b"]


def test_a_capture_told_by_its_loser_is_not_that_losers_own_capture() -> None:
    lost = m("a:1", "Non-state actor overtakes territory", SARMIN, a1=None, a2=GOV)
    retook = m("b:1", "Government regains territory", SARMIN)
    assert not same_control_change(lost, retook)
    nobody = m("c:1", "Non-state actor overtakes territory", SARMIN, a1=None, a2=None)
    assert not same_control_change(nobody, retook)  # no loser either: types must agree
    assert len(events([lost, retook])) == 2


def test_a_vague_report_joins_the_only_precise_event_that_fits() -> None:
    ms = [
        m("a:1", "Government regains territory", SARMIN),
        m("b:1", "Government regains territory", IDLIB, geo=3),  # "a key town in Idlib"
    ]
    [ev] = events(ms)
    assert ev.location == "Sarmin" and ev.geo_precision == 1


def test_a_vague_report_joins_the_dominant_of_two_candidates() -> None:
    ms = [
        m("a:1", "Government regains territory", SARMIN),
        m("b:1", "Government regains territory", SARMIN),
        m("c:1", "Government regains territory", TAFTANAZ),
        m("d:1", "Government regains territory", IDLIB, geo=3),
    ]
    evs = events(ms)
    sarmin = next(e for e in evs if e.location == "Sarmin")
    assert "d" in sarmin.articles and len(evs) == 2
    assert vague_choice([("x", 3), ("y", 2)]) is None  # no clear favourite: stands alone


def test_a_vague_line_beside_a_named_place_in_one_article_is_another_action() -> None:
    ms = [
        m("a:1", "Government regains territory", SARMIN),
        m("a:2", "Government regains territory", IDLIB, geo=3),  # "regained villages in Idlib"
    ]
    assert len(events(ms)) == 2


def test_twin_towns_under_one_siege_are_one_event() -> None:
    first = m("a:1", "Armed clash", TELL_A)
    first.also_at = ["p13"]  # "broke the siege of Tell Abyad and Tell Samin"
    second = m("b:1", "Government regains territory", TELL_B)
    [ev] = events([first, second])
    assert sorted(ev.articles) == ["a", "b"]
    # without the shared siege, two known villages stay two places however close
    assert len(events([m("a:1", "Armed clash", TELL_A), second])) == 2


def test_the_same_toll_names_one_incident_whatever_the_weapon() -> None:
    air = m("a:1", "Air/drone strike", IDLIB, a2=TURKEY, geo=3, fatal=29)
    fire = m("b:1", "Armed clash", IDLIB, a1=None, a2=TURKEY, geo=3, fatal=33)
    assert same_toll(air, fire)  # 29, then 33: a toll that rose
    assert not same_toll(air, m("c:1", "Armed clash", IDLIB, a2=TURKEY, geo=3, fatal=12))
    civ = ActorRef("Civilians (Syria)", "civilians")
    assert not same_toll(air, m("d:1", "Armed clash", IDLIB, a2=civ, geo=3, fatal=33))
    [ev] = events([air, fire])
    assert ev.fatalities == 33
    assert {c.field: c.values for c in ev.conflicts} == {"fatalities": [29, 33]}


def test_latest_toll_from_a_named_source_wins() -> None:
    early = Claim("fatalities", 29, "a", attributed_to="governor", day="2021-03-09")
    later = Claim("fatalities", 33, "b", attributed_to="ministry", day="2021-03-10")
    unnamed = Claim("fatalities", 40, "c", day="2021-03-11")
    assert latest_toll([early, later, unnamed], {}) == 33
    assert latest_toll([early, unnamed], {}) == 29
    assert latest_toll([unnamed], {}) == 40
    same_day = [Claim("fatalities", v, a, attributed_to="x", day="2021-03-10") for v, a in
                [(30, "a"), (30, "b"), (34, "c")]]  # fmt: skip
    assert latest_toll(same_day, {}) == 30  # more independent sources give it


def test_a_monitors_toll_beats_a_partys_later_figure() -> None:
    """A monitor counts 12 on the day; a side's media claim 300 three days later: the
    monitor's count is the event's, the claim stays a rival figure."""
    monitor = Claim("fatalities", 12, "a", attributed_to="SOHR", day="2020-05-01")
    watch = Claim("fatalities", 11, "b", attributed_to="the war monitor", day="2020-05-01")
    party = Claim("fatalities", 300, "c", attributed_to="state media", day="2020-05-04")
    assert latest_toll([monitor, watch, party], {}) == 12
    assert latest_toll([watch, party], {}) == 11
    assert latest_toll([party, Claim("fatalities", 9, "d", day="2020-05-05")], {}) == 300


def test_a_number_beats_a_vague_count() -> None:
    """ "Almost a dozen" (a monitor) and "at least 11": the number is the toll."""
    words = Claim(
        "fatalities", 12, "a", "almost", "monitor", text="almost a dozen", day="2021-03-10"
    )
    number = Claim("fatalities", 11, "a", "at least", text="at least 11", day="2021-03-10")
    assert latest_toll([words, number], {}) == 11
    scores = Claim("fatalities", 20, "b", text="scores", day="2021-03-11")
    assert latest_toll([scores], {}) == 20  # a vague count is kept when it is all there is
    assert (
        latest_toll([scores, Claim("fatalities", 7, "c", text="Seven", day="2021-03-09")], {}) == 7
    )


def test_one_agency_story_on_two_sites_counts_once() -> None:
    arts = {
        "a": Article("a", "text", outlet="Daily Paper (AP)"),
        "b": Article("b", "text", outlet="Evening Post (AP)"),
        "c": Article("c", "BEIRUT (Reuters) - Troops shelled the town.", outlet="Site"),
        "d": Article("d", "text", outlet="Local Outlet"),
    }
    assert agency(arts["a"]) == "AP" and agency(arts["c"]) == "Reuters" and agency(arts["d"]) == ""
    groups = wire_groups(arts)
    assert groups["a"] == groups["b"] != groups["c"]
    ms = [m(f"{a}:1", "Air/drone strike", SARMIN) for a in arts]
    [ev] = events(ms, arts)
    assert ev.independent_sources == 3


def test_reports_linked_by_a_toll_take_in_a_report_without_one() -> None:
    air = m("a:1", "Air/drone strike", IDLIB, a2=TURKEY, geo=3, fatal=33)
    fire = m("b:1", "Armed clash", IDLIB, a1=None, a2=TURKEY, geo=3, fatal=33)
    shelled = m("c:1", "Shelling/artillery/missile attack", IDLIB, a1=None, a2=None, geo=3)
    [ev] = events([air, fire, shelled])  # the shelling fits the strike, not the fire
    assert sorted(ev.articles) == ["a", "b", "c"]
    # a report by another camp still contradicts
    other = m("d:1", "Armed clash", IDLIB, a1=TURKEY, a2=HTS, geo=3)
    assert len(events([air, fire, other])) == 2


def test_events_split_by_reading_order_are_joined() -> None:
    # the clash is read first and starts an event; the captures gather in another, and the
    # report that fits both joins them
    ms = [
        m("a:1", "Armed clash", SARMIN, d=TUE, a1=OPP, a2=GOV),
        m("b:1", "Government regains territory", SARMIN, d=TUE + dt.timedelta(days=2)),
        m("c:1", "Government regains territory", SARMIN, d=TUE + dt.timedelta(days=1)),
    ]
    [ev] = events(ms)
    assert ev.sub_event_type == "Government regains territory"


def test_one_town_read_as_two_entries_of_its_name_is_one_event() -> None:
    deir = Place("Al-Salihiyah", "p20", "Deir ez-Zor", latitude=35.01, longitude=40.75)
    hasakah = Place("Al-Salihiyah", "p21", "Hasakah", latitude=36.62, longitude=41.10)
    deir.shared_name = hasakah.shared_name = True  # the coder marks names of several towns
    a = m("a:1", "Shelling/artillery/missile attack", deir)
    b = m("b:1", "Shelling/artillery/missile attack", hasakah)
    b.evidence = [Evidence("b", 0, 40, "Troops shelled Al-Salihiyah in Hasakah province.")]
    [ev] = events([a, b])
    assert ev.admin1 == "Hasakah"  # the entry a report's own words place
    # within one article, two entries of a name are two places
    c = m("a:2", "Shelling/artillery/missile attack", hasakah)
    assert len(events([a, c])) == 2
    # names the gazetteer gives one town are never joined this way
    other = Place("Al-Salihiyah", "p22", "Homs", latitude=34.7, longitude=36.7)
    assert len(events([m("d:1", "Shelling/artillery/missile attack", other), a])) == 2


def test_a_site_named_for_a_town_and_the_town_are_one_place_across_outlets() -> None:
    town = Place("Kafr Tala", "p30", "Daraa", latitude=32.55, longitude=36.18)
    crossing = Place(
        "Kafr Tala Crossing",
        "p31",
        "Daraa",
        latitude=32.52,
        longitude=36.19,
        alt_names=["Kafr Tala"],
    )  # ~3.5 km
    a = m("a:1", "Government regains territory", town)
    b = m("b:1", "Government regains territory", crossing)
    assert nearby_namesakes(a, b)
    [ev] = events([a, b])
    assert sorted(ev.articles) == ["a", "b"]
    # within one article the two entries were told apart: two places
    assert not nearby_namesakes(a, m("a:2", "Government regains territory", crossing))
    # a namesake far away is another town
    far = Place("Kafr Tala", "p32", "Hama", latitude=35.2, longitude=36.7)
    assert not nearby_namesakes(a, m("c:1", "Government regains territory", far))
    # nearby entries with different names stay two villages
    assert (
        len(
            events(
                [
                    m("d:1", "Government regains territory", TELL_B),
                    m("e:1", "Government regains territory", TELL_A),
                ]
            )
        )
        == 2
    )


# --- one camp under different names, weapon families, a day either side, two scales ---

SDF = ActorRef("QSD: Syrian Democratic Forces", "kurdish")
COALITION = ActorRef("Military Forces of the United States (2017-2021)", "us_coalition")
ISIS = ActorRef("Islamic State (Syria)", "islamic_state")
CIVS = ActorRef("Civilians (Syria)", "civilians")
WED = TUE + dt.timedelta(days=1)
GHOUTA = Place(
    "Green Plain", "region:gp", "Idlib", latitude=35.92, longitude=36.70, feature="region"
)
DISTRICT = Place("Ariha", "SY0702", "Idlib", admin2="Ariha", feature="admin2")


# Reports that stay apart, one reporting pattern per row: the mentions, the events they make.
APART = [
    pytest.param(
        [
            m("a:1", "Government regains territory", SARMIN, d=TUE),
            m("b:1", "Government regains territory", SARMIN, d=TUE + dt.timedelta(days=8)),
        ],
        2, id="captures-a-week-apart",
    ),
    pytest.param(
        [
            m("a:1", "Non-state actor overtakes territory", TELL_A, a1=TURKEY, a2=SDF),
            m("b:1", "Non-state actor overtakes territory", TELL_A, a1=ISIS, a2=OPP),
            m("c:1", "Air/drone strike", SARMIN, a1=COALITION, a2=ISIS),
            m("d:1", "Air/drone strike", SARMIN, a1=TURKEY, a2=SDF),
        ],
        4, id="a-patrons-camp-is-not-its-enemies",
    ),
    pytest.param(
        [
            m("a:1", "Chemical weapon", SARMIN, a1=GOV, a2=CIVS),
            m("b:1", "Air/drone strike", TAFTANAZ, a1=GOV, a2=CIVS),
            m("c:1", "Non-state actor overtakes territory", TELL_A, a1=TURKEY, a2=ISIS),
            m("d:1", "Non-state actor overtakes territory", TELL_B, a1=OPP, a2=ISIS),
        ],
        4, id="two-strikes-on-two-towns-on-one-day",
    ),
    # "the offensive on the Green Plain" sums the actions at several of its towns: reports
    # of a named region are not folded into one of them
    pytest.param(
        [m("a:1", "Air/drone strike", SARMIN), m("b:1", "Air/drone strike", GHOUTA)],
        2, id="a-named-region-report-is-its-own-record",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("ms", "n"), APART)
def test_reports_that_stay_apart(ms: list[Mention], n: int) -> None:
    assert len(events(ms)) == n


def test_a_foreign_army_and_the_syrian_forces_it_backs_took_the_town_together() -> None:
    # "Turkish troops took the town" / "Turkish-backed rebels took the town"
    ms = [
        m("a:1", "Non-state actor overtakes territory", TELL_A, a1=TURKEY, a2=ISIS),
        m("b:1", "Non-state actor overtakes territory", TELL_A, a1=OPP, a2=ISIS),
        # "the US-led coalition" / "the US-backed SDF" took the next town
        m("c:1", "Non-state actor overtakes territory", TAFTANAZ, a1=COALITION, a2=ISIS),
        m("d:1", "Non-state actor overtakes territory", TAFTANAZ, a1=SDF, a2=ISIS),
    ]
    assert sorted(sorted(e.articles) for e in events(ms)) == [["a", "b"], ["c", "d"]]


def test_a_chemical_attack_and_an_air_strike_on_one_town_are_one_strike() -> None:
    ms = [
        m("a:1", "Chemical weapon", SARMIN, a1=GOV, a2=CIVS),
        m("b:1", "Air/drone strike", SARMIN, a1=GOV, a2=CIVS),
        m("c:1", "Shelling/artillery/missile attack", SARMIN, a1=None, a2=CIVS),
    ]
    [ev] = events(ms)
    assert sorted(ev.articles) == ["a", "b", "c"]


def test_a_suicide_attack_and_a_planted_bomb_at_one_place_are_one_blast() -> None:
    ms = [
        m("a:1", "Suicide bomb", SARMIN, a1=ISIS, a2=CIVS),
        m("b:1", "Remote explosive/landmine/IED", SARMIN, a1=None, a2=CIVS),
    ]
    assert len(events(ms)) == 1
    # a bomb is not a strike from the air
    air = m("c:1", "Air/drone strike", SARMIN, a1=None, a2=CIVS)
    assert len(events([ms[1], air])) == 2


def test_a_day_either_side_when_one_outlet_dates_by_a_relative_word() -> None:
    on_monday = m("a:1", "Air/drone strike", SARMIN, said="late on Monday")
    on_monday = worded(on_monday, "jets hit the market")
    dated = m("b:1", "Air/drone strike", SARMIN, d=WED, said="March 10")
    dated = worded(dated, "raids struck a bakery queue")
    assert day_either_side(on_monday, dated)
    [ev] = events([on_monday, dated])
    assert sorted(ev.articles) == ["a", "b"]


def worded(x: Mention, text: str) -> Mention:
    """X with its own evidence wording (alike wording alone allows a day either side)."""
    x.evidence = [Evidence(x.article, 0, len(text), text)]
    return x


def test_two_calendar_dates_or_one_article_are_two_days() -> None:
    a = worded(m("a:1", "Air/drone strike", SARMIN, said="March 9"), "jets hit the market")
    b = m("b:1", "Air/drone strike", SARMIN, d=WED, said="March 10")
    b = worded(b, "raids struck a bakery queue")
    assert explicit_day(a.day) and not day_either_side(a, b)
    assert len(events([a, b])) == 2
    # one article telling of strikes on Tuesday and on Wednesday: two strikes
    c = worded(m("c:1", "Air/drone strike", SARMIN, said="on Tuesday"), "jets hit the market")
    d = m("c:2", "Air/drone strike", SARMIN, d=WED, said="on Wednesday")
    d = worded(d, "raids struck a bakery queue")
    assert not day_either_side(c, d)
    assert len(events([c, d])) == 2
    # a page's date stamp dates the copy: the strike it tells may be the day before
    stamped = m("f:1", "Air/drone strike", SARMIN, d=WED, said="2021-03-10")
    stamped = worded(stamped, "raids struck a bakery queue")
    assert not explicit_day(stamped.day) and day_either_side(a, stamped)
    assert len(events([a, stamped])) == 1
    # two days apart is not "a day either side"
    e = m("e:1", "Air/drone strike", SARMIN, d=WED + dt.timedelta(days=1), said="yesterday")
    e = worded(e, "a clinic was bombed")
    assert len(events([a, e])) == 2


IN_DISTRICT = Place("Kafr Lom", "p30", "Idlib", admin2="Ariha", latitude=35.8, longitude=36.6)
IN_DISTRICT_2 = Place("Tell Rum", "p31", "Idlib", admin2="Ariha", latitude=35.82, longitude=36.64)
OTHER_DISTRICT = Place("Deir Sun", "p32", "Idlib", admin2="Harim", latitude=36.1, longitude=36.5)


def test_a_district_level_report_joins_the_town_it_holds() -> None:
    ms = [
        m("a:1", "Air/drone strike", IN_DISTRICT, a1=GOV, a2=CIVS, fatal=11),
        # another outlet: "strikes in Ariha district killed 30" (a sum over towns)
        m("b:1", "Air/drone strike", DISTRICT, a1=GOV, a2=CIVS, fatal=30),
    ]
    [ev] = events(ms)
    assert sorted(ev.articles) == ["a", "b"]
    assert ev.location == "Kafr Lom" and ev.fatalities == 11


def test_a_district_report_stays_apart_from_a_town_outside_it_and_within_its_article() -> None:
    town = m("a:1", "Air/drone strike", OTHER_DISTRICT)
    assert len(events([town, m("b:1", "Air/drone strike", DISTRICT)])) == 2
    # one article: "a strike on Kafr Lom ... and raids across Ariha district": two actions
    town = m("a:1", "Air/drone strike", IN_DISTRICT)
    assert len(events([town, m("a:2", "Air/drone strike", DISTRICT)])) == 2


def test_a_district_report_joins_no_town_when_two_fit_equally() -> None:
    ms = [
        m("a:1", "Air/drone strike", IN_DISTRICT),
        m("b:1", "Air/drone strike", IN_DISTRICT_2),
        m("c:1", "Air/drone strike", DISTRICT),
    ]
    assert len(events(ms)) == 3


def test_areas_hold_the_places_in_them() -> None:
    town = Place(
        "Ariha", "p20", "Idlib", admin2="Ariha", admin3="Ariha", latitude=35.81, longitude=36.61
    )
    other = Place("Binnish", "p21", "Idlib", admin2="Idleb", admin3="Binnish")
    sub = Place("Ariha", "SY070200", "Idlib", admin2="Ariha", admin3="Ariha", feature="admin3")
    assert area_contains(DISTRICT, town) and not area_contains(DISTRICT, other)
    assert area_contains(sub, town) and not area_contains(sub, other)
    assert area_contains(IDLIB, other) and not area_contains(IDLIB, TELL_A)


CITY = Place("Aleppo", "c1", "Aleppo", admin2="Jebel Saman", latitude=36.20, longitude=37.16)
CITY.feature = "populated place"
QUARTER = Place(
    "Bab Zeitoun", "q1", "Aleppo", admin2="Jebel Saman", latitude=36.21, longitude=37.15
)
QUARTER.feature = "neighbourhood"
QUARTER_2 = Place(
    "Tal Warda", "q2", "Aleppo", admin2="Jebel Saman", latitude=36.19, longitude=37.18
)
QUARTER_2.feature = "neighbourhood"


def test_a_city_level_report_joins_the_quarter_another_outlet_names() -> None:
    ms = [
        m("a:1", "Air/drone strike", QUARTER, a1=GOV, a2=CIVS),
        m("b:1", "Air/drone strike", CITY, a1=GOV, a2=CIVS),  # "barrel bombs on Aleppo"
    ]
    [ev] = events(ms)
    assert sorted(ev.articles) == ["a", "b"]


def test_a_city_level_report_stays_apart_when_two_quarters_were_hit() -> None:
    ms = [
        m("a:1", "Air/drone strike", QUARTER, a1=GOV, a2=CIVS),
        m("b:1", "Air/drone strike", QUARTER_2, a1=GOV, a2=CIVS),
        m("c:1", "Air/drone strike", CITY, a1=GOV, a2=CIVS),
    ]
    assert len(events(ms)) == 3
    # and two quarters of one city are two places
    assert len(events(ms[:2])) == 2


def _span(ev_mentions: list[Mention]) -> int:
    days = [x.day.date.toordinal() for x in ev_mentions if x.day and x.day.precision == 1]
    return max(days) - min(days)


def test_province_level_reports_a_day_apart_for_two_weeks_are_not_one_event() -> None:
    """A busy front: "an air strike in Idlib" every day for two weeks, each a day from the
    one before, from different outlets. They are many strikes, not one drifting event."""
    ms = [
        m(f"v{i}:1", "Air/drone strike", IDLIB, d=TUE + dt.timedelta(days=i), a2=CIVS, geo=3)
        for i in range(14)
    ]
    state = merge_mentions(ms)
    clusters = list(state.clusters.values())
    assert len(clusters) >= 14 // (EVENT_DAYS + 1)
    assert all(_span(c.mentions) <= EVENT_DAYS for c in clusters)
    # the same reports in any order give the same events
    again = merge_mentions(list(reversed(ms)))
    assert sorted(sorted(x.id for x in c.mentions) for c in again.clusters.values()) == sorted(
        sorted(x.id for x in c.mentions) for c in clusters
    )


def test_precise_reports_a_day_apart_at_one_town_do_not_chain() -> None:
    """Daily shelling of one town for ten days, each report dated by "yesterday"."""
    ms = [
        m(f"s{i}:1", "Shelling/artillery/missile attack", SARMIN, d=TUE + dt.timedelta(days=i))
        for i in range(10)
    ]
    clusters = list(merge_mentions(ms).clusters.values())
    assert len(clusters) >= 10 // (EVENT_DAYS + 1)
    assert all(_span(c.mentions) <= EVENT_DAYS for c in clusters)


def test_two_reports_of_one_strike_a_day_apart_still_join() -> None:
    """One strike, told on its day by one outlet and dated a day later by another."""
    nxt = TUE + dt.timedelta(days=1)
    vague = [
        m("a:1", "Air/drone strike", IDLIB, a2=CIVS, geo=3),
        m("b:1", "Air/drone strike", IDLIB, d=nxt, a2=CIVS, geo=3),
    ]
    assert len(events(vague)) == 1
    precise = [
        m("c:1", "Air/drone strike", SARMIN, a2=CIVS),
        m("d:1", "Air/drone strike", SARMIN, d=nxt, a2=CIVS),
    ]
    assert len(events(precise)) == 1


def test_an_event_core_is_its_day_exact_reports() -> None:
    day = dt.date(2021, 3, 9)
    exact = DayRef(day, day, day, 1)
    week = DayRef(day, day - dt.timedelta(days=6), day, 2)
    o = day.toordinal()
    assert event_days([exact, week]) == (o, o)
    assert event_days([week]) == (o - 6, o)
    assert event_days([]) is None


def test_a_report_joins_only_within_the_event_core_days() -> None:
    day = dt.date(2021, 3, 9)
    o = day.toordinal()

    def on(k: int, precision: int = 1) -> DayRef:
        d = day + dt.timedelta(days=k)
        return DayRef(d, d - dt.timedelta(days=6 if precision > 1 else 0), d, precision)

    core = (o, o + EVENT_DAYS)
    assert fits_event_days(on(1), core, capture=False)
    assert not fits_event_days(on(EVENT_DAYS + 1), core, capture=False)
    assert not fits_event_days(on(-1), core, capture=False)
    # a change of control keeps its identity for CAPTURE_DAYS
    assert fits_event_days(on(CAPTURE_DAYS), (o, o), capture=True)
    assert not fits_event_days(on(CAPTURE_DAYS + 1), (o, o), capture=True)
    # a week-level report must overlap the core, a day either side
    assert fits_event_days(on(7, precision=2), (o, o), capture=False)
    assert not fits_event_days(on(9, precision=2), (o, o), capture=False)


def test_rebels_and_jihadists_are_one_camp_but_not_with_the_turkish_army() -> None:
    assert one_camp("opposition", "jihadist") and one_camp("opposition", "turkey")
    assert not one_camp("jihadist", "turkey") and not one_camp("jihadist", "syrian_government")


def test_a_capture_by_rebels_and_by_jihadists_is_one_change_of_control() -> None:
    """ "Rebels retook the town", "HTS militants retook the town": one outlet's insurgents are
    another's jihadists."""
    a = m("a:1", "Non-state actor overtakes territory", SARMIN, a1=OPP, a2=GOV)
    b = m("b:1", "Non-state actor overtakes territory", SARMIN, a1=HTS, a2=GOV)
    assert same_control_change(a, b)
    [ev] = events([a, b])
    assert sorted(ev.articles) == ["a", "b"]


def test_fighting_with_rebels_is_the_armys_capture_from_jihadists() -> None:
    cap = m("a:1", "Government regains territory", SARMIN, a1=GOV, a2=HTS)
    clash = m("b:1", "Armed clash", SARMIN, a1=None, a2=OPP)
    assert capture_subsumes_clash(cap, clash)


def test_a_clash_with_the_turkish_army_is_not_the_capture_from_jihadists() -> None:
    cap = m("a:1", "Government regains territory", SARMIN, a1=GOV, a2=HTS)
    clash = m("b:1", "Armed clash", SARMIN, a1=None, a2=TURKEY)
    assert not capture_subsumes_clash(cap, clash)
    assert len(events([cap, clash])) == 2


def test_a_clash_told_from_either_side_is_one_clash() -> None:
    # "rebels attacked army posts in the town" / "the army repelled a rebel attack there"
    attacked = m("a:1", "Armed clash", SARMIN, a1=OPP, a2=GOV)
    repelled = m("b:1", "Armed clash", SARMIN, a1=GOV, a2=OPP)
    one_side = m("c:1", "Armed clash", SARMIN, a1=GOV, a2=None)  # "the army fought there"
    assert clash_without_direction(attacked, repelled)
    assert clash_without_direction(attacked, one_side)
    [ev] = events([attacked, repelled, one_side])
    assert sorted(ev.articles) == ["a", "b", "c"]


def test_a_clash_between_other_camps_in_the_town_stays_apart() -> None:
    army_rebels = m("a:1", "Armed clash", SARMIN, a1=OPP, a2=GOV)
    army_is = m("b:1", "Armed clash", SARMIN, a1=GOV, a2=ISIS)
    assert not clash_without_direction(army_rebels, army_is)
    assert len(events([army_rebels, army_is])) == 2
    # an attack is not a clash: its direction is the event
    assert not clash_without_direction(
        m("c:1", "Air/drone strike", SARMIN, a1=OPP, a2=GOV),
        m("d:1", "Air/drone strike", SARMIN, a1=GOV, a2=OPP),
    )


def test_a_captures_day_told_two_ways_by_one_source_takes_its_fightings_day() -> None:
    sat = TUE + dt.timedelta(days=4)
    ms = [
        # "recaptured the town a day after" worked out to the Monday; "on Saturday" elsewhere
        m("a:1", "Non-state actor overtakes territory", TELL_A, d=sat + dt.timedelta(days=2)),
        m("a:2", "Non-state actor overtakes territory", TELL_A, d=sat),
        m("a:3", "Armed clash", TELL_A, d=sat),  # "battling the last fighters on Saturday"
    ]
    for x in ms:
        x.actor1, x.actor2 = SDF, ISIS
    [ev] = events(ms)
    assert ev.date == sat
    # without the fighting the tie stays with the first report read
    [alone] = events(ms[:2])
    assert alone.date == sat + dt.timedelta(days=2)


CROWD_OF = ActorRef("Protesters (Syria)", "protesters")
POLICE = ActorRef("Police Forces of Syria (2000-)", "syrian_government")


def test_a_rally_and_the_shooting_at_it_are_one_protest() -> None:
    # state media: "thousands rallied in the town"; witnesses: "security forces opened fire on
    # protesters in the town, killing four"; a third: "police broke up the rally"
    rally = m("a:1", "Peaceful protest", SARMIN, a1=CROWD_OF, a2=None)
    shot = m("b:1", "Excessive force against protesters", SARMIN, a1=CROWD_OF, a2=GOV, fatal=4)
    broken = m("c:1", "Protest with intervention", SARMIN, a1=POLICE, a2=CROWD_OF)
    assert one_gathering(rally, shot) and one_gathering(shot, broken)
    [ev] = events([rally, shot, broken])
    assert ev.sub_event_type == "Excessive force against protesters"
    assert sorted(ev.articles) == ["a", "b", "c"]
    # a rally alone stays a peaceful protest
    [alone] = events([m("d:1", "Peaceful protest", SARMIN, a1=CROWD_OF, a2=None)])
    assert alone.sub_event_type == "Peaceful protest"


def test_protests_in_two_towns_or_put_down_by_other_camps_stay_apart() -> None:
    rally = m("a:1", "Peaceful protest", SARMIN, a1=CROWD_OF, a2=None)
    elsewhere = m("b:1", "Excessive force against protesters", TAFTANAZ, a1=CROWD_OF, a2=GOV)
    assert len(events([rally, elsewhere])) == 2
    by_state = m("c:1", "Protest with intervention", TELL_A, a1=CROWD_OF, a2=GOV)
    by_sdf = m("d:1", "Protest with intervention", TELL_A, a1=CROWD_OF, a2=SDF)
    assert not one_gathering(by_state, by_sdf)
    assert len(events([by_state, by_sdf])) == 2
    # a protest is no clash
    assert not one_gathering(rally, m("e:1", "Armed clash", SARMIN))


def test_two_remote_weapons_one_sentence_tells_apart_are_two_events() -> None:
    """ "Russian jets raided the town, in conjunction with artillery shelling of its southern
    districts": one sentence, two weapons, not both by one named side: two actions. One
    side's air strikes and shelling of a place in one sentence stay one action of its own,
    and two outlets naming one strike by different weapons stay one event."""
    russia = ActorRef("Military Forces of Russia (2000-)", "russia")
    air = m("a:1", "Air/drone strike", SARMIN, a1=russia)
    shell = m("a:2", "Shelling/artillery/missile attack", SARMIN, a1=None)
    assert len(events([air, shell])) == 2
    same_side = m("a:2", "Shelling/artillery/missile attack", SARMIN, a1=russia)
    assert len(events([air, same_side])) == 1
    other_outlet = m("b:1", "Shelling/artillery/missile attack", SARMIN, a1=None)
    assert len(events([air, other_outlet])) == 1
