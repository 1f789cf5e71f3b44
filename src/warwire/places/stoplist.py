"""Words that must not be read as a place on their own.

Many tiny Syrian villages carry a generic or everyday name ("Tal", "Ain", "Now", "Western",
"Mayor") or a person's name; in a sentence those words are almost never the village. A single
word found in these lists is a place only when the gazetteer entry is prominent (a town people
write about) or foreign; names of two words or more ("Tal Abyad") are never stopped.
"""

from __future__ import annotations

from functools import lru_cache

# Arabic words that begin place names: alone they name no place.
GENERIC = """
tal tall tell tel tallet talat tulul ain ayn ein ain deir dayr dair jabal jebel jabel jbel
kafr kfar kafar khirbet khirbat kherbet khirba wadi bir bi'r beer marj qasr umm um oum abu
bab beit bayt bait sheikh shaykh sheik shaikh cheikh arab ras nahr sahl hay hayy harat hara
mazraa mazraat mazraah mazra qaryat qarya burj jisr maarat maarrat maaret qalaat qalat nabi
nabe nebi mashhad tahtani fawqani kabir saghir kabira saghira sharqi gharbi shamali janubi
jadid jadida qadim hill hills mount mountain mountains plain camp base airport road highway
village town city district province governorate region area valley river lake dam bridge
crossing checkpoint station farm farms factory silo school hospital mosque church quarter
al el an ar as ash ad az at ez ed es en
"""

MONTHS_DAYS = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
ramadan eid adha fitr ashura christmas easter
"""

# Given names common in Syrian and international reporting, and the surnames of people who
# are named in nearly every article; any of them can also be a hamlet.
PERSON_NAMES = """
mohammed mohammad muhammad mohamed mohamad ahmed ahmad ali hassan hasan hussein husain
husayn omar umar othman uthman osman khaled khalid mahmoud mahmud mustafa mostafa ibrahim
youssef yousef yusuf joseph abdullah abdallah abdel abdul abd said saeed saïd salim salem
karim kareem hamza bilal bashar hafez hafiz maher rami fadi samir sami walid ziad zaid zayd
nabil jamal adnan issa isa musa moussa suleiman sulayman soliman hamid rashid nasser nasr
faisal fatima fatma aisha aysha mariam maryam zeinab zaynab layla leila nour noor rania hala
huda amal salam yasser yasir tariq tarek anas hamad hamdi hussam haitham hisham imad ismail
jihad kamal mazen majid marwan munir nizar qassem qasim riad riyad sami sultan talal wael
yahya yaser zuhair abbas jaafar hadi mahdi mehdi hamdan ayman akram ammar anwar basel bassel
firas ghassan iyad jamil khalil louay luay malek malik mounir nabil rafiq saleh salah shadi
tamer tawfiq usama osama wissam yassin yasin zakaria ziyad ayham
assad putin erdogan trump obama biden lavrov kerry tillerson pompeo rouhani khamenei
nasrallah baghdadi jolani julani golani mistura annan brahimi pedersen shoigu netanyahu
makhlouf shishakli merkel macron hollande cameron may johnson guterres ban
john james david michael robert william richard thomas charles daniel paul mark george
peter andrew sarah mary anna maria elizabeth laura emma
"""

TITLES = """
mr mrs ms dr president minister general gen colonel col lt lieutenant captain capt major
commander spokesman spokeswoman prince king emir sheikh imam prime secretary senator
ambassador envoy brigadier sergeant sgt judge pope patriarch bishop father abu umm bin ibn
"""

# Adjectives and group names that begin with a capital and fold like village names.
GROUPS = """
syrian syrians russian russians turkish turks iranian iranians iraqi iraqis lebanese
jordanian kurdish kurds kurd arab arabs arabic american americans british french german
israeli israelis chinese european western eastern northern southern central islamic islam
muslim muslims christian christians sunni sunnis shia shiite shiites alawite alawites druze
armenian assyrian turkmen circassian bedouin
nusra daesh isis isil ypg ypj pkk pyd sdf fsa ndf saa irgc hezbollah hizbollah hizballah
ahrar jaish jabhat fateh fatah tahrir hayat hayyat sham qaeda faylaq failaq rahman zenki zinki
ansar tawhid liwa katibat kataib harakat haqq sunna suqour suqur fursan ahfad sabireen quds
baqir fatemiyoun zainabiyoun nujaba asaib badr levant caliphate mujahideen baath
shabiha shabbiha shabeeha
sharia fatwa manar jazeera arabiya sputnik anadolu reuters hawar
"""

# News agencies, outlets and monitors that reporting names as sources: never a place,
# even when a hamlet shares the spelling ("SANA" is no "Sa'na").
OUTLETS = """
sana afp reuters anadolu aa tass ria novosti irna fars tasnim dpa efe ansa xinhua
rudaw enab baladi npa anha hawar asharq awsat mayadeen masdar sputnik jinha bss bbc cnn
sohr observatory ap upi kyodo yonhap qasioun nedaa zaman wasl shaam orient halab24
suwayda24 syriahr alalam almanar almayadeen aljazeera alarabiya alakhbar akhbar
"""


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


@lru_cache(maxsize=1)
def always_stopped() -> frozenset[str]:
    """Words never read as a place alone, however big the place."""
    return (
        _words(GENERIC)
        | _words(MONTHS_DAYS)
        | _words(PERSON_NAMES)
        | _words(GROUPS)
        | _words(OUTLETS)
    )


# Verbs of saying: a lone capitalised word just before one is a speaker ("Hijab said").
SPEECH_VERBS = _words(
    "said says told tells added adds noted notes stated states explained explains claimed "
    "claims wrote writes tweeted tweets stressed stresses warned warns insisted insists "
    "confirmed confirms denied denies announced announces asked asks"
)

# Prepositions of place: the capitalised word after one is rather a place than a person.
PLACE_PREPOSITIONS = _words(
    "in at near from of to into outside inside around toward towards across on off behind beyond"
)
# Prepositions after which a capitalised word is a place far more often than a person.
PLACE_PREPOSITIONS_STRONG = _words(
    "in at near into outside inside around toward towards across from"
)
# Nouns that stand beside a place's name and say what it is: "the village of X", "X district"
# (a capitalised word beside one is a place name).
NAMED_PLACE_NOUNS = _words(
    "village villages town towns city cities district districts neighbourhood "
    "neighbourhoods neighborhood neighborhoods area areas province provinces countryside "
    "region suburb suburbs outskirts governorate camp farms hills quarter municipality"
)
DIRECTIONS = _words(
    "north south east west northeast northwest southeast southwest northern southern "
    "eastern western"
)


@lru_cache(maxsize=1)
def stopped_sounds() -> frozenset[str]:
    """Sound keys (names.sound_token) of the words always stopped, for the spellings of
    them that no list holds."""
    from warwire.places.names import sound_token

    return frozenset(sound_token(w) for w in always_stopped() if len(w) >= 4)


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Arabic place-name words ("Tal", "Jabal", "Kafr")."""
    return _words(GENERIC)


@lru_cache(maxsize=1)
def names_and_groups() -> frozenset[str]:
    """Words stopped even after an article: "al-Assad", "al-Nusra" are no places."""
    return _words(PERSON_NAMES) | _words(GROUPS) | _words(OUTLETS)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Common English words (stopped alone unless the place is prominent)."""
    from warwire.places.english import COMMON_ENGLISH

    return frozenset(COMMON_ENGLISH.split())


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Given names and much-named surnames."""
    return _words(PERSON_NAMES)


@lru_cache(maxsize=1)
def person_cues() -> frozenset[str]:
    """Words that, just before a capitalised word, make it part of a person's name."""
    return _words(TITLES) | _words(PERSON_NAMES)


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """English and generic place words: a map label made only of these names nothing."""
    return english_words() | _words(GENERIC) | _words(MONTHS_DAYS) | _words(GROUPS)
