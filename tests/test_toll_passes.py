"""Which toll an action takes when a sentence tells several, on invented sentences."""

from __future__ import annotations

from coding import code, kinds, without
from warwire.code import passes as ps
from warwire.code.figures import joined_groups, sentence_figures
from warwire.code.toll_passes import toll_of_an_earlier_action, toll_told_with_its_action
from warwire.merge.identity import toll_key, vague_toll
from warwire.read.numbers import find_numbers
from warwire.records import Claim, Mention


def tolls(text: str) -> list[tuple[str, int]]:
    figs = joined_groups(text, 0, sentence_figures(text, 0, find_numbers(text)))
    return [(f.field, f.quantity.value) for f in figs]


def by_kind(text: str, ms: list[Mention] | None = None) -> dict[str, int | None]:
    return {m.sub_event_type: m.fatalities for m in (code(text) if ms is None else ms)}


def test_the_new_passes_are_listed() -> None:
    names = [p.__name__ for p in ps.PASSES]
    assert "toll_told_with_its_action" in names and "toll_of_an_earlier_action" in names


def test_each_action_takes_the_toll_told_with_it() -> None:
    text = (
        "Near Tabqa on Tuesday, more than 40 soldiers were executed, 12 others were killed in "
        "a car bombing and 9 more died in the assault by Islamic State fighters."
    )
    got = by_kind(text)
    assert got["Remote explosive/landmine/IED"] == 12  # "killed in a car bombing"
    assert got["Armed clash"] == 40  # "were executed": the verb is the action
    before = by_kind(text, without(toll_told_with_its_action, text))
    assert before["Remote explosive/landmine/IED"] == 61  # the three tolls added


def test_a_toll_named_with_no_action_keeps_the_sentence_figures() -> None:
    text = "Government jets bombed Saraqib on Tuesday, killing 12 civilians and wounding 30."
    assert by_kind(text) == {"Air/drone strike": 12}


def test_a_toll_after_a_time_apart_is_the_earlier_action_s() -> None:
    text = (
        "Rebels shelled the town of Kafr Nabl on Tuesday, two days after air strikes killed "
        "20 people there."
    )
    got = by_kind(text)
    assert got["Shelling/artillery/missile attack"] is None
    assert got["Air/drone strike"] == 20  # the strikes keep their own toll
    before = by_kind(text, without(toll_of_an_earlier_action, text))
    assert before["Shelling/artillery/missile attack"] == 20


def test_groups_of_one_subject_are_summed_past_an_aside() -> None:
    text = "Twenty-one militants, including 18 foreigners, and 10 soldiers died in the fighting."
    assert tolls(text) == [("fatalities", 31)]
    assert tolls("Twelve soldiers (including two officers) and 30 rebels were killed.") == [
        ("fatalities", 42)
    ]


def test_a_list_inside_an_aside_stays_a_part() -> None:
    text = "The strikes killed 20 people, including two medics, two activists, and one child."
    assert tolls(text) == [("fatalities", 20)]
    assert tolls("At least 20 people were killed, including 5 children, in the town.") == [
        ("fatalities", 20)
    ]


def test_the_dead_named_by_their_role_are_counted() -> None:
    assert tolls("Five former leaders of a rebel faction were killed on Thursday.") == [
        ("fatalities", 5)
    ]
    assert tolls("A landmine killed 10 truffle hunters in the desert.") == [("fatalities", 10)]
    assert tolls("The army sent 30 buses to the town.") == []


def _mention(value: int, text: str) -> Mention:
    m = Mention("m", "a", "Battles", "Armed clash", None, None, fatalities=value)
    m.claims.append(Claim("fatalities", value, "a", text=text))
    return m


def test_a_vague_toll_identifies_no_incident() -> None:
    assert vague_toll(_mention(20, "scores")) and toll_key(_mention(20, "scores")) is None
    assert toll_key(_mention(100, "hundreds")) is None
    assert toll_key(_mention(20, "at least 20")) == 20
    assert toll_key(_mention(12, "twelve")) == 12


def test_the_group_before_a_subjectless_passive_is_the_victim() -> None:
    text = (
        "Also in northern Syria, 30 troops and pro-regime militiamen were killed in an "
        "overnight ambush in Idlib province, the monitor said."
    )
    (m,) = code(text)
    assert m.actor2 is not None and m.actor2.side == "syrian_government"
    assert m.fatalities == 30
    active = "Rebels ambushed an army convoy near Ariha on Tuesday, killing 12 soldiers."
    (a,) = code(active)
    assert a.actor1 is not None and a.actor1.side == "opposition"


def test_a_toll_of_the_day_s_fighting_after_a_capture_is_the_capture_s() -> None:
    text = (
        "Government forces on Wednesday seized the town of Kafr Nabl, a monitor said. "
        "Twenty militants, including 12 foreigners, and 9 soldiers died in Wednesday's fighting."
    )
    (m,) = code(text)
    assert m.sub_event_type == "Government regains territory" and m.fatalities == 29


def test_two_groups_under_one_verb_stay_one_toll_of_the_action() -> None:
    text = (
        "A monitor said 15 fighters of the faction and three civilians were killed in the "
        "bombing in Azaz on Monday."
    )
    assert [m.fatalities for m in code(text)] == [18]


def test_who_was_behind_the_action_did_it() -> None:
    text = (
        'Russian and regime warplanes were behind the "deliberate attacks" that targeted an '
        "aid convoy near Ariha on Monday night, killing scores of volunteers, rescuers said."
    )
    (m,) = code(text)
    assert m.actor1 is not None and m.actor1.side == "syrian_government"


def test_former_fighters_killed_are_no_fight() -> None:
    aimed = (
        "Four former rebel commanders were killed on Monday after they were targeted near "
        "the town of Nawa."
    )
    assert kinds(code(aimed)) == ["Attack"]
    serving = "Four rebel commanders were killed near the town of Nawa on Monday."
    assert kinds(code(serving)) == ["Armed clash"]
