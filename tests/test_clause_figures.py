"""A sentence joining two events' reports gives each event the figures of its own clause."""

from __future__ import annotations

from coding import code
from warwire.code.figures import Figure, own_clause_figures
from warwire.records import Quantity


def _tolls(text: str) -> dict[str, int | None]:
    return {m.place.name: m.fatalities for m in code(text)}


def test_while_clause_keeps_its_own_toll() -> None:
    text = (
        "Twenty people were killed in air strikes on Jisr al-Shughur on Monday, "
        "while three more were killed in shelling of Khan Shaykhun."
    )
    tolls = _tolls(text)
    assert tolls["Jisr Shughur"] == 20
    assert tolls["Khan Shaykhun"] == 3


def test_and_clause_keeps_its_own_toll() -> None:
    text = (
        "Government air strikes killed 9 civilians in Jisr al-Shughur on Monday, "
        "and rebel shelling killed 2 soldiers in Khan Shaykhun."
    )
    ms = code(text)
    air = [m.fatalities for m in ms if m.sub_event_type == "Air/drone strike"]
    assert air == [9]
    assert {m.fatalities for m in ms if m.sub_event_type != "Air/drone strike"} == {2}


def _fig(sentence: str, word: str, value: int) -> Figure:
    at = sentence.index(word)
    return Figure("fatalities", Quantity(value, "", word, at, at + len(word)))


def test_figure_of_a_clause_without_its_own_event_stays() -> None:
    s = "Jets struck the town of Aaa, and the raids killed eight."
    figs = [_fig(s, "eight", 8)]
    # the second clause has a trigger ("raids") but no place: it tells no event of its own
    kept = own_clause_figures(figs, s.index("struck"), [s.index("raids")], [s.index("Aaa")], s, 0)
    assert kept == figs


def test_figure_of_another_event_clause_goes() -> None:
    s = "Jets struck Aaa, killing four, while artillery hit Bbb, killing seven."
    figs = [_fig(s, "four", 4), _fig(s, "seven", 7)]
    places = [s.index("Aaa"), s.index("Bbb")]
    first = own_clause_figures(figs, s.index("struck"), [s.index("hit")], places, s, 0)
    second = own_clause_figures(figs, s.index("hit"), [s.index("struck")], places, s, 0)
    assert [f.quantity.value for f in first] == [4]
    assert [f.quantity.value for f in second] == [7]


def test_one_clause_sentence_is_untouched() -> None:
    s = "Jets struck Aaa and artillery hit Bbb, killing seven."
    figs = [_fig(s, "seven", 7)]
    places = [s.index("Aaa"), s.index("Bbb")]
    assert own_clause_figures(figs, s.index("struck"), [s.index("hit")], places, s, 0) == figs
