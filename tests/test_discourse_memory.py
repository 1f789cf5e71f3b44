"""What the coder remembers of the sentences it coded (discourse.Coded, Discourse.note_coded),
on invented mentions."""

from __future__ import annotations

from warwire.code import taxonomy as tx
from warwire.code.discourse import Coded, Discourse
from warwire.records import ActorRef, Mention

ARMY = ActorRef("Military Forces of Syria (2000-)", "syrian_government")


def _m(sub: str, actor1: ActorRef | None = None) -> Mention:
    return Mention(
        id="", article="a", event_type=tx.SUB_EVENT_TYPES[sub], sub_event_type=sub, day=None,
        place=None, actor1=actor1,
    )  # fmt: skip


def test_an_event_is_remembered_for_a_few_sentences_after_its_own() -> None:
    told = Coded(3, [])
    assert [told.within(i, 2) for i in (3, 4, 5, 6)] == [False, True, True, False]


def test_a_strike_with_no_doer_waits_for_its_claim() -> None:
    disc = Discourse(published=None)
    strike = _m("Air/drone strike")
    disc.note_coded(2, [strike], followed=False)
    assert disc.previous == [strike] and disc.unclaimed == Coded(2, [strike])
    disc.note_coded(3, [_m("Air/drone strike", ARMY)], followed=False)
    assert disc.unclaimed == Coded(2, [strike])  # the doer of the later one is named
    assert disc.last_made is not None and disc.last_made.index == 3


def test_a_toll_sentence_that_completed_the_event_keeps_it_the_previous() -> None:
    disc = Discourse(published=None)
    clash = _m("Armed clash", ARMY)
    disc.note_coded(1, [clash], followed=False)
    disc.note_coded(2, [], followed=True)
    assert disc.previous == [clash]
    disc.note_coded(3, [], followed=False)
    assert disc.previous == [] and disc.last_made == Coded(1, [clash])


def test_the_last_capture_alone_is_remembered() -> None:
    disc = Discourse(published=None)
    taken = _m("Government regains territory", ARMY)
    disc.note_coded(4, [_m("Armed clash", ARMY), taken], followed=False)
    assert disc.last_capture == Coded(4, [taken])
