import pytest

from warwire.code.attribution import attribution


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("Twelve people were killed, the Syrian Observatory for Human Rights said.", "SOHR"),
        ("Twelve people were killed, the Britain-based monitor said.", "SOHR"),
        ("The army took the hill, state television reported.", "state media"),
        ("According to the Observatory, 40 strikes hit the area.", "SOHR"),
        ("The town fell at dawn, a local journalist told the paper.", "local journalist"),
        ("Nine were killed, SANA reported.", "SANA"),
        ("Opposition activists said regime forces shelled a convoy.", "activists"),
    ],
)
def test_sources_are_normalised(sentence, source):
    assert attribution(sentence) == (source, False)


def test_pronoun_refers_back():
    assert attribution("Four more died in the raids, it said.") == ("", True)


def test_no_attribution():
    assert attribution("Troops entered the town on Friday.") == ("", False)


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("The Syrian Observatory, a Britain-based activist group, said 12 were killed.", "SOHR"),
        ("Ali Hamo, a spokesman for the Syrian Democratic Forces, said the town fell.", "SDF"),
        ("The monitor, an opposition group based abroad, reported 40 air strikes.", "SOHR"),
    ],
)
def test_a_source_set_off_by_an_apposition(sentence, source):
    """ "The Observatory, a UK-based group, said": the verb follows the apposition's comma."""
    assert attribution(sentence) == (source, False)


def test_an_apposition_naming_no_source():
    assert attribution("Kafr Nabl, a town east of the highway, said nothing new.") == ("", False)


def test_attribution_reads_alike_whatever_the_case_or_script() -> None:
    """Plain text is read lower-cased (a faster pattern); text with a non-ASCII letter is read
    as written: both give the same source, in any case of the words."""
    for sentence, want in [
        ("The Syrian Observatory for Human Rights said five died.", ("SOHR", False)),
        ("THE MONITOR SAID FIVE DIED.", ("SOHR", False)),
        ("Five died, IT said.", ("", True)),
        ("Five died, according to State Television.", ("state media", False)),
    ]:
        assert attribution(sentence) == want, sentence
        assert attribution(sentence.replace("Five", "F\u00efve")) == want, sentence
