"""Who holds each place on a day: ordering, same-day changes, contested records, front line."""

from __future__ import annotations

import datetime as dt

from warwire.merge.control import control_changes
from warwire.merge.holders import (
    FRONT_LINE_DAYS,
    camp_of,
    control_history,
    holders_on,
    place_history,
)
from warwire.records import ControlChange, Event, control_change_from_dict, to_jsonable

D = dt.date


def change(
    event: str,
    day: dt.date,
    to_side: str,
    place: str = "Hilltown",
    outlets: tuple[str, ...] = ("Wire One",),
    from_side: str = "",
    span: tuple[dt.date, dt.date] | None = None,
) -> ControlChange:
    return ControlChange(
        place=place,
        place_id="",
        admin1="Hama",
        date=day,
        date_range=span,
        to_side=to_side,
        to_actor=f"{to_side} forces",
        from_side=from_side,
        from_actor="",
        event=event,
        articles=[f"art-{event}"],
        sources=list(outlets),
        outlets=list(outlets),
        latitude=35.1,
        longitude=36.7,
    )


def on(changes: list[ControlChange], day: dt.date) -> dict[str, str]:
    return {h.place: h.holder for h in holders_on(control_history(changes), day)}


def test_holder_is_the_taker_of_the_latest_change_on_or_before_the_day() -> None:
    # given out of order: the history sorts by day
    changes = [
        change("e3", D(2019, 9, 1), "opposition"),
        change("e1", D(2019, 1, 10), "opposition"),
        change("e2", D(2019, 5, 20), "syrian_government", from_side="opposition"),
    ]
    assert on(changes, D(2019, 1, 9)) == {}  # before its first recorded change: no holder
    assert on(changes, D(2019, 1, 10)) == {"Hilltown": "opposition"}
    assert on(changes, D(2019, 5, 19)) == {"Hilltown": "opposition"}
    assert on(changes, D(2019, 5, 20)) == {"Hilltown": "syrian_government"}
    assert on(changes, D(2019, 8, 31)) == {"Hilltown": "syrian_government"}
    assert on(changes, D(2030, 1, 1)) == {"Hilltown": "opposition"}
    (h,) = holders_on(control_history(changes), D(2019, 6, 1))
    assert h.since == D(2019, 5, 20) and h.until == D(2019, 9, 1)
    assert h.events == ["e2"] and h.articles == ["art-e2"] and h.outlets == ["Wire One"]
    assert h.taken_from == "opposition" and h.camp == "government"
    assert not h.contested


def test_taken_from_falls_back_to_the_previous_holder() -> None:
    hs = place_history([change("e1", D(2019, 1, 1), "islamic_state"),
                        change("e2", D(2019, 3, 1), "kurdish")])  # fmt: skip
    assert [h.taken_from for h in hs] == ["", "islamic_state"]


def test_places_never_captured_and_places_captured_later_are_left_out() -> None:
    changes = [
        change("e1", D(2019, 1, 10), "opposition", place="Hilltown"),
        change("e2", D(2019, 6, 1), "islamic_state", place="Riverside"),
    ]
    assert on(changes, D(2019, 3, 1)) == {"Hilltown": "opposition"}
    assert set(on(changes, D(2019, 6, 1))) == {"Hilltown", "Riverside"}
    assert holders_on(control_history([]), D(2019, 6, 1)) == []
    # a change without a day cannot be placed on any day
    undated = change("e3", D(2019, 1, 1), "turkey", place="Nowhen")
    undated.date = None
    assert "Nowhen" not in on([*changes, undated], D(2020, 1, 1))


def test_same_day_changes_best_supported_last_then_event_id() -> None:
    one = change("e-b", D(2019, 4, 2), "opposition", outlets=("Wire One",))
    two = change("e-a", D(2019, 4, 2), "syrian_government", outlets=("Wire One", "Agency"))
    for given in ([one, two], [two, one]):
        (h,) = holders_on(control_history(given), D(2019, 4, 2))
        assert h.holder == "syrian_government"  # two outlets beat one, whatever the input order
        assert h.contested and "e-b" in h.why_contested[0]
    # equal support: the event id decides, never the input order
    three = change("e-c", D(2019, 4, 2), "opposition", outlets=("Agency", "Wire One"))
    for given in ([two, three], [three, two]):
        assert on(given, D(2019, 4, 2)) == {"Hilltown": "opposition"}


def test_reports_of_one_change_that_agree_are_one_change() -> None:
    changes = [
        change("e1", D(2019, 4, 2), "opposition", outlets=("Wire One",)),
        change("e2", D(2019, 4, 3), "opposition", outlets=("Opposition Site",)),
    ]
    (h,) = place_history(changes)
    assert h.since == D(2019, 4, 2) and h.events == ["e1", "e2"]
    assert h.outlets == ["Wire One", "Opposition Site"] and not h.contested


def test_reports_that_disagree_on_the_taker_are_contested() -> None:
    changes = [
        change("e1", D(2019, 4, 2), "opposition", outlets=("Wire One", "Rebel Voice")),
        change("e2", D(2019, 4, 3), "syrian_government", outlets=("State Agency",)),
    ]
    # one change, dated by its first report; the taker with more outlets behind it holds
    (h,) = place_history(changes)
    assert (h.holder, h.since, h.events) == ("opposition", D(2019, 4, 2), ["e1"])
    assert h.contested and "e2 reports syrian_government" in h.why_contested[0]
    # with equal support the taker reported last holds
    tie = [changes[0], change("e2", D(2019, 4, 3), "syrian_government", outlets=("A", "B"))]
    (h,) = place_history(tie)
    assert h.holder == "syrian_government" and h.since == D(2019, 4, 2) and h.contested
    # far apart in time they are two changes, and neither is contested
    apart = [changes[0], change("e2", D(2019, 6, 3), "syrian_government")]
    hs = place_history(apart)
    assert [h.holder for h in hs] == ["opposition", "syrian_government"]
    assert not any(h.contested for h in hs)


def test_a_vague_report_overlapping_another_is_the_same_change() -> None:
    week = (D(2019, 3, 27), D(2019, 4, 2))
    changes = [
        change("e1", D(2019, 3, 30), "opposition", span=week),
        change("e2", D(2019, 4, 3), "jihadist"),
    ]
    assert all(h.contested for h in place_history(changes))


def test_capture_by_the_side_that_already_held_it_is_contested() -> None:
    changes = [
        change("e1", D(2019, 1, 1), "syrian_government"),
        change("e2", D(2019, 3, 1), "syrian_government"),
        change("e3", D(2019, 5, 1), "opposition"),
        change("e4", D(2019, 7, 1), "syrian_government"),
    ]
    hs = place_history(changes)
    assert [h.contested for h in hs] == [False, True, False, False]
    assert "no loss recorded" in hs[1].why_contested[0]
    # the contested holding is the one shown on its days; a later clean change clears it
    assert holders_on(control_history(changes), D(2019, 4, 1))[0].contested
    assert not holders_on(control_history(changes), D(2019, 8, 1))[0].contested


def test_front_line_is_a_change_of_hands_in_the_last_seven_days() -> None:
    changes = [
        change("e1", D(2019, 1, 1), "opposition", place="Hilltown"),
        change("e2", D(2019, 2, 10), "syrian_government", place="Hilltown"),
        change("e3", D(2019, 1, 5), "kurdish", place="Riverside"),
        change("e4", D(2019, 2, 8), "kurdish", place="Riverside"),  # held already: not a loss
    ]
    history = control_history(changes)

    def front(day: dt.date) -> set[str]:
        return {h.place for h in holders_on(history, day) if h.front_line}

    assert front(D(2019, 1, 1)) == {"Hilltown"}  # a first capture is a change of hands
    assert front(D(2019, 1, 7)) == {"Hilltown", "Riverside"}
    assert front(D(2019, 1, 1) + dt.timedelta(FRONT_LINE_DAYS)) == {"Riverside"}
    assert front(D(2019, 2, 9)) == set()
    last = D(2019, 2, 10) + dt.timedelta(FRONT_LINE_DAYS - 1)
    assert front(last) == {"Hilltown"} and front(last + dt.timedelta(1)) == set()


def test_history_first_and_last_days() -> None:
    history = control_history(
        [change("e1", D(2019, 2, 1), "opposition"), change("e2", D(2018, 5, 1), "turkey", "B")]
    )
    assert (history.first, history.last) == (D(2018, 5, 1), D(2019, 2, 1))
    assert control_history([]).first is None


def test_camps_group_allies() -> None:
    assert camp_of("russia") == camp_of("iran_allies") == camp_of("syrian_government")
    assert camp_of("opposition") != camp_of("syrian_government")
    assert camp_of("") == camp_of("unknown") == "other"


def test_control_changes_keep_the_events_point_and_outlets() -> None:
    e = Event(
        id="ev-9",
        event_type="Strategic developments",
        sub_event_type="Non-state actor overtakes territory",
        date=D(2019, 4, 2),
        actor1="Islamic State (Syria)",
        actor1_side="islamic_state",
        location="Riverside",
        latitude=35.9,
        longitude=39.0,
        outlets=["Wire One"],
        sources=["Wire One", "a monitor"],
    )
    (c,) = control_changes([e])
    assert (c.latitude, c.longitude, c.outlets) == (35.9, 39.0, ["Wire One"])
    # and a stored record reads back the same, an older one without them too
    assert control_change_from_dict(to_jsonable(c)) == c
    old = {k: v for k, v in to_jsonable(c).items() if k not in ("outlets", "latitude")}
    back = control_change_from_dict(old)
    assert back.latitude is None and back.outlets == [] and back.date == D(2019, 4, 2)


def test_before_its_first_change_a_place_is_held_by_the_side_that_lost_it() -> None:
    changes = [
        change("e1", D(2019, 1, 10), "opposition", from_side="syrian_government"),
        change("e2", D(2019, 5, 20), "syrian_government", from_side="opposition"),
    ]
    changes[0].first_report = D(2018, 3, 1)  # the store's first report on the place
    hs = place_history(changes)
    assert [(h.holder, h.inferred) for h in hs] == [
        ("syrian_government", True),
        ("opposition", False),
        ("syrian_government", False),
    ]
    assert hs[0].until == D(2019, 1, 10) and hs[0].events == ["e1"] and not hs[0].contested
    history = control_history(changes)
    assert history.first == D(2019, 1, 10)  # an inferred holding is not a recorded change
    (h,) = holders_on(history, D(2018, 6, 1))
    assert h.inferred and h.holder == "syrian_government" and not h.front_line
    assert holders_on(history, D(2018, 2, 28)) == []  # nothing known before the first report
    assert holders_on(history, D(2000, 1, 1)) == []
    (h,) = holders_on(history, D(2019, 1, 10))
    assert h.holder == "opposition" and h.front_line  # the government lost it that day
    # a first change that says nothing of whom it took the place from infers nothing
    assert not place_history([change("e1", D(2019, 1, 10), "opposition")])[0].inferred


def test_an_inferred_holder_needs_a_first_report_before_the_change() -> None:
    """Without any earlier report on the place, nothing is shown before its first change."""
    changes = [change("e1", D(2019, 1, 10), "opposition", from_side="syrian_government")]
    history = control_history(changes)
    assert holders_on(history, D(1999, 1, 1)) == []
    assert holders_on(history, D(2019, 1, 9)) == []
    assert on(changes, D(2019, 1, 10)) == {"Hilltown": "opposition"}


def _territory(eid: str, location: str, admin1: str, precision: int, place_id: str) -> Event:
    return Event(
        id=eid,
        event_type="Battles",
        sub_event_type="Government regains territory",
        date=D(2020, 5, 2),
        actor1="Military Forces of Syria (2000-)",
        actor1_side="syrian_government",
        actor2_side="islamic_state",
        admin1=admin1,
        location=location,
        place_id=place_id,
        geo_precision=precision,
    )


def test_a_change_of_control_needs_a_place_below_the_province() -> None:
    """ "retook swathes of territory in the province": no place changed hands."""
    events = [
        _territory("p", "Eastshire", "Eastshire", 3, "XX09"),
        _territory("t", "Dunmore", "Eastshire", 1, "gn:1"),
    ]
    assert [c.event for c in control_changes(events)] == ["t"]


def test_first_report_is_the_earliest_event_at_the_place() -> None:
    shelling = Event(
        id="s",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=D(2019, 7, 1),
        date_range=(D(2019, 6, 28), D(2019, 7, 1)),
        location="Dunmore",
        admin1="Eastshire",
        place_id="gn:1",
    )
    (c,) = control_changes([shelling, _territory("t", "Dunmore", "Eastshire", 1, "gn:1")])
    assert c.first_report == D(2019, 6, 28)
    again = control_change_from_dict(to_jsonable(c))
    assert again.first_report == D(2019, 6, 28)
