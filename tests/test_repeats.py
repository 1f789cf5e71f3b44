"""One action told twice in one article under two names for its doer (code/repeats.py).

The mentions are built by hand for invented reports; none comes from a corpus article.
"""

from __future__ import annotations

import datetime as dt

from warwire.code.repeats import one_name, one_protest, same_action_two_names, same_protest
from warwire.records import ActorRef, Claim, DayRef, Mention, Place

TUE = dt.date(2021, 3, 9)
ARMY = ActorRef("Military Forces of Syria (2000-)", "syrian_government")
REBELS = ActorRef("Opposition Rebels (Syria)", "opposition")
FRONT = ActorRef("JFS: Jabhat Fateh al Sham", "jihadist")
QUARTER = Place("Kafr Zeitun", admin1="Hama", latitude=35.1, longitude=36.6)
OTHER = Place("Tell Hamra", admin1="Hama", latitude=35.3, longitude=36.4)


def _m(
    kind: str,
    a1: ActorRef | None,
    a2: ActorRef | None,
    place: Place = QUARTER,
    day: dt.date = TUE,
    geo: int = 1,
    article: str = "a",
) -> Mention:
    return Mention(
        id="",
        article=article,
        event_type="Battles",
        sub_event_type=kind,
        day=DayRef(day, day, day),
        place=place,
        geo_precision=geo,
        actor1=a1,
        actor2=a2,
    )


def test_a_group_in_the_lead_and_its_camp_in_the_body_are_one_attack() -> None:
    # "Front X led an attack on army posts in Kafr Zeitun" / "Rebels attacked army posts there"
    lead = _m("Armed clash", FRONT, ARMY)
    body = _m("Armed clash", REBELS, ARMY)
    body.claims = [Claim("fatalities", 6, "a")]
    body.fatalities = 6
    [kept] = one_name([lead, body])
    assert kept is lead and kept.fatalities == 6
    assert [a.name for a in kept.assoc_actor_1] == [REBELS.name]


def test_a_fall_and_the_fighting_for_it_keep_the_fall() -> None:
    fight = _m("Armed clash", FRONT, REBELS)
    fall = _m(
        "Non-state actor overtakes territory",
        ActorRef("Islamic State (Syria)", "islamic_state"),
        REBELS,
    )
    [kept] = one_name([fight, fall])
    assert kept is fall and kept.assoc_actor_1[0].name == FRONT.name


def test_two_sides_attacking_each_other_stay_two() -> None:
    a = _m("Armed clash", REBELS, ARMY)
    b = _m("Armed clash", ARMY, REBELS)
    assert not same_action_two_names(a, b)
    assert one_name([a, b]) == [a, b]


def test_other_target_place_day_or_article_stay_apart() -> None:
    lead = _m("Armed clash", FRONT, ARMY)
    assert not same_action_two_names(lead, _m("Armed clash", REBELS, FRONT))
    assert not same_action_two_names(lead, _m("Armed clash", REBELS, ARMY, place=OTHER))
    assert not same_action_two_names(lead, _m("Armed clash", REBELS, ARMY, day=TUE.replace(day=10)))
    assert not same_action_two_names(lead, _m("Armed clash", REBELS, ARMY, article="b"))


def test_reports_at_a_province_are_not_folded() -> None:
    a = _m("Armed clash", FRONT, ARMY, geo=3)
    b = _m("Armed clash", REBELS, ARMY, geo=3)
    assert one_name([a, b]) == [a, b]


def test_two_captures_by_two_names_are_the_merges_to_judge() -> None:
    a = _m("Non-state actor overtakes territory", FRONT, ARMY)
    b = _m("Non-state actor overtakes territory", REBELS, ARMY)
    assert not same_action_two_names(a, b)


def _protest(kind: str, place: Place, day: dt.date = TUE) -> Mention:
    m = _m(kind, ActorRef("Protesters (Syria)", "protesters"), None, place=place, day=day)
    m.event_type = "Protests"
    return m


def test_a_gathering_and_the_force_used_on_it_are_one_protest() -> None:
    # "troops shot five protesters in the city ... the protest took place in its X quarter"
    city = Place("Tall Rifa", admin1="Hama", latitude=35.2, longitude=36.5)
    crackdown = _protest("Excessive force against protesters", city)
    gathering = _protest("Peaceful protest", city)
    assert one_protest([crackdown, gathering]) == [crackdown]
    assert one_protest([gathering, crackdown]) == [crackdown]


def test_protests_in_other_towns_or_on_other_days_stay() -> None:
    crackdown = _protest("Excessive force against protesters", QUARTER)
    elsewhere = _protest("Peaceful protest", OTHER)
    later = _protest("Peaceful protest", QUARTER, day=TUE.replace(day=10))
    assert not same_protest(elsewhere, crackdown) and not same_protest(later, crackdown)
    assert one_protest([crackdown, elsewhere, later]) == [crackdown, elsewhere, later]


def test_fighting_near_a_town_and_its_fall_that_day_are_one_fight() -> None:
    # "Troops battled rebels near Kafr Zeitun" / "the Front seized Kafr Zeitun" the same day
    fight = _m("Armed clash", REBELS, ARMY, geo=2)
    fight.fatalities = 40
    fall = _m("Non-state actor overtakes territory", FRONT, ARMY)
    [kept] = one_name([fight, fall])
    assert kept is fall and kept.fatalities == 40
    # at the province, or near another town, the two stay apart
    assert len(one_name([_m("Armed clash", REBELS, ARMY, geo=3), fall])) == 2
    assert len(one_name([_m("Armed clash", REBELS, ARMY, place=OTHER, geo=2), fall])) == 2
