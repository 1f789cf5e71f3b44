"""The taxonomy's named sets of sub-event types, which the coder, the within-article repeats
and the merge all read: each must hold what its name says."""

from __future__ import annotations

from warwire.code import taxonomy as tx


def test_a_protest_trigger_codes_the_first_protest_sub_type() -> None:
    assert tx.KIND_SUB_EVENT[tx.PROTEST] == tx.PEACEFUL_PROTEST == tx.PROTEST_SUBS[0]


def test_broken_up_protests_are_the_protest_types_with_force() -> None:
    assert tx.PEACEFUL_PROTEST not in tx.BROKEN_UP
    assert set(tx.PROTEST_SUBS) > tx.BROKEN_UP
    assert all(tx.SUB_EVENT_TYPES[s] == tx.PROTESTS for s in tx.PROTEST_SUBS)


def test_riot_sub_types_are_the_riots_kinds() -> None:
    assert {tx.KIND_SUB_EVENT[tx.RIOT], tx.KIND_SUB_EVENT[tx.MOB]} == tx.RIOT_SUBS
    assert not tx.RIOT_SUBS & set(tx.PROTEST_SUBS)


def test_captures_are_the_battles_that_change_hands() -> None:
    assert all(tx.SUB_EVENT_TYPES[s] == tx.BATTLES for s in tx.CAPTURE_SUBS)
    assert {tx.TRANSFER_SUB} == tx.TERRITORY_SUBS - tx.CAPTURE_SUBS
    assert tx.KIND_SUB_EVENT[tx.TRANSFER] == tx.TRANSFER_SUB
    assert {tx.KIND_SUB_EVENT[tx.CLASH]} == tx.FIGHT_SUBS - tx.CAPTURE_SUBS


def test_weapon_sub_types_are_those_of_the_weapon_kinds() -> None:
    assert {tx.KIND_SUB_EVENT[k] for k in tx.WEAPON_KINDS} == tx.WEAPON_SUBS


def test_violent_types_hold_fights_strikes_and_attacks_not_protests() -> None:
    kinds = (tx.CLASH, tx.AIR, tx.ATTACK)
    assert {tx.SUB_EVENT_TYPES[tx.KIND_SUB_EVENT[k]] for k in kinds} == tx.VIOLENT_TYPES
    assert tx.PROTESTS not in tx.VIOLENT_TYPES and tx.STRATEGIC not in tx.VIOLENT_TYPES
