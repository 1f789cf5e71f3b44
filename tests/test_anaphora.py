"""Which place "the town" means (invented articles)."""

from __future__ import annotations

from coding import code
from warwire.code.anaphora import NounMemory, class_noun
from warwire.code.context import PlaceHit
from warwire.records import Place


def hit(text: str, name: str) -> PlaceHit:
    at = text.index(name)
    return PlaceHit(at, at + len(name), name, Place(name, f"id-{name}"), False, False)


def test_the_class_noun_comes_from_the_words_around_the_name() -> None:
    text = "Fighters reached the northern town of Amra and the city of Belo, then Cana village."
    assert class_noun(text, hit(text, "Amra")) == "town"
    assert class_noun(text, hit(text, "Belo")) == "city"
    assert class_noun(text, hit(text, "Cana")) == "village"
    assert class_noun("Fighters reached Amra.", hit("Fighters reached Amra.", "Amra")) == ""


def test_the_town_is_the_place_called_a_town_not_the_city_named_since() -> None:
    text = "The town of Amra is quiet. It lies on the road to the city of Belo."
    mem = NounMemory()
    amra, belo = hit(text, "Amra"), hit(text, "Belo")
    mem.note(text, [amra])
    mem.note(text, [belo])
    assert mem.resolve("town", belo) is amra
    assert mem.resolve("city", belo) is belo
    # a last place named without a class noun stays the reading
    plain = "The town of Amra is quiet. Troops reached Belo."
    mem2 = NounMemory()
    mem2.note(plain, [hit(plain, "Amra")])
    mem2.note(plain, [hit(plain, "Belo")])
    assert mem2.resolve("town", hit(plain, "Belo")).surface == "Belo"


def test_a_capture_of_the_town_is_coded_at_the_town_the_article_introduced() -> None:
    ms = code(
        "Rebels said the town of Kafr Nabl was under their full control on Wednesday.\n\n"
        "The town lies on the main road between the border and the city of Aleppo.\n\n"
        "Videos showed that shortly after rebel fighters captured the town on Wednesday, "
        "residents went out to celebrate in the streets."
    )
    caps = [x for x in ms if x.sub_event_type == "Non-state actor overtakes territory"]
    assert caps and all(x.place is not None and x.place.name == "Kafr Nabl" for x in caps)


def test_the_noun_of_the_anaphor_is_read_where_the_action_fell() -> None:
    from warwire.code.anaphora import anaphor_noun
    from warwire.code.roles import object_is_anaphor
    from warwire.code.triggers import find_triggers
    from warwire.read.nlp import load_nlp

    def first(sentence: str):  # noqa: ANN202
        return find_triggers(load_nlp()(sentence)[:])[0]

    for sentence, noun in [
        ("Rebels captured the town on Monday.", "town"),
        ("Troops took control of the city on Monday.", "city"),
        ("The village fell to the rebels on Monday.", "village"),
        ("Rebels captured Saraqib on Monday.", ""),
    ]:
        trig = first(sentence)
        assert anaphor_noun(trig) == noun
        assert object_is_anaphor(trig) == bool(noun)
