"""Cardinal numbers in news prose, with their qualifiers, and the noun each one counts.

Reports give figures in digits ("1,200", "2.5 million"), in words ("Twenty-one", "a dozen")
and as vague plurals ("dozens", "tens of thousands"). Everything else that looks like a number
is not a count and is dropped here: years, times, days of dates, road and weapon names ("M4",
"Su-24"), resolution numbers, ordinals, percentages, ages and measures written as compounds.

Vague quantities take ACLED's conservative values. ACLED's fatality FAQ ("Fatalities",
acleddata.com, 27 Feb 2023, updated May 2024) says: where sources give "tens", "dozens" or
"hundreds", ACLED codes 10, 12 and 100, "and so on": so thousands = 1,000, tens of thousands
= 10,000, hundreds of thousands = 100,000, millions = 1,000,000, and "several hundred" = 100.
The same FAQ codes unspecified plural counts conservatively; "several", "many" and "numerous"
are 10 here (the codebook's value for vague plural fatalities), "scores" = 20 (one score),
"a few" = 3 and "a couple of" = 2 (our own conservative readings).
"""

from __future__ import annotations

import re

from warwire.records import Quantity

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Vague quantities, longest first (see the module docstring for the conventions).
VAGUE: list[tuple[tuple[str, ...], int]] = sorted(
    [
        (("tens", "of", "thousands"), 10_000),
        (("hundreds", "of", "thousands"), 100_000),
        (("tens", "of", "millions"), 10_000_000),
        (("hundreds", "of", "millions"), 100_000_000),
        (("several", "hundred"), 100),
        (("several", "thousand"), 1_000),
        (("several", "million"), 1_000_000),
        (("several", "dozen"), 12),
        (("a", "few", "hundred"), 100),
        (("a", "few", "thousand"), 1_000),
        (("a", "few", "dozen"), 12),
        (("a", "few"), 3),
        (("a", "couple", "of"), 2),
        (("millions",), 1_000_000),
        (("thousands",), 1_000),
        (("hundreds",), 100),
        (("dozens",), 12),
        (("scores",), 20),
        (("tens",), 10),
        (("several",), 10),
        (("many",), 10),
        (("numerous",), 10),
    ],
    key=lambda p: -len(p[0]),
)
# Words a number phrase can start with (a cheap first test).
STARTERS = set(UNITS) | set(TENS) | {p[0][0] for p in VAGUE} | {"a", "an", "half"}
# Vague words that are only a number before "of" ("scores of people", not "the scores").
NEEDS_OF = {"scores", "tens"}

QUALIFIER = re.compile(
    r"\b(more than|no more than|over|just over|just under|at least|no fewer than|no less than|"
    r"nearly|almost|about|around|some|up to|as many as|fewer than|less than|roughly|"
    r"an estimated|approximately|close to|at most|upwards of|in excess of|estimated)\s+$",
    re.I,
)
MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_BEFORE = re.compile(rf"\b(?:{MONTH_WORDS})\.?\s+$")
MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_WORDS})\b")
# A number right after one of these words names a thing, it does not count ("Resolution 2254").
ID_BEFORE = re.compile(
    r"\b(resolutions?|no\.?|nos\.?|number|route|highway|road|article|chapter|section|paragraph|"
    r"pages?|flight|room|unit|brigade|division|corps|regiment|battalion|squadron|phase|item|"
    r"code|hill|height|checkpoint|sector|block|building|gate|exit|level|stage|line|channel|"
    r"version|model|class|type|grade|zone|camp|station|tower|floor|apartment|street|avenue|"
    r"marker|bus|decree|law|case|volume|vol\.|issue|episode|season|tel\.?|phone|fax|box)\s*$",
    re.I,
)
TIME_AFTER = re.compile(
    r"^\s*(a\.m\b|p\.m\b|am\b|pm\b|gmt\b|utc\b|o'clock\b|hrs\b|local time\b)", re.I
)
PERCENT_AFTER = re.compile(r"^\s*(%|percent\b|per cent\b|pct\b|percentage\b)", re.I)
CURRENCY_AFTER = re.compile(
    r"^\s*(dollars?|euros?|pounds?|lira|liras|rubles?|roubles?|dinars?|cents?|usd|eur|syp)\b", re.I
)
AGE_AFTER = re.compile(r"^\s*(years?|months?)[ -]old\b", re.I)
AGE_BEFORE = re.compile(r"\b(aged|age|ages)\s+$", re.I)
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z]+(?:['\u2019][A-Za-z]+)?|\S")
# A date written in figures: day-month-year or year-month-day ("12-07-2016", "2016.07.12") and
# month-year ("07-2016", as datelines and captions give it), always with a four-digit year.
NUMERIC_DATE = re.compile(
    r"(?<![\w.-])(?:\d{1,2}([-/.])\d{1,2}\1|\d{1,2}-)(?:19|20)\d\d(?![\w-])"
    r"|(?<![\w.-])(?:19|20)\d\d([-/.])\d{1,2}\2\d{1,2}(?![\w-])"
)

# What a figure counts: surface word -> key (the plural the coder's word sets use).
NOUNS: dict[str, str] = {
    "people": "people", "person": "people", "persons": "people",
    "civilian": "civilians", "civilians": "civilians",
    "child": "children", "children": "children", "kid": "children", "kids": "children",
    "woman": "women", "women": "women", "man": "men", "men": "men",
    "soldier": "soldiers", "soldiers": "soldiers", "troops": "troops", "trooper": "troops",
    "fighter": "fighters", "fighters": "fighters", "militant": "militants",
    "militants": "militants", "rebel": "rebels", "rebels": "rebels",
    "insurgent": "insurgents", "insurgents": "insurgents", "jihadist": "jihadists",
    "jihadists": "jihadists", "militiaman": "militiamen", "militiamen": "militiamen",
    "gunman": "gunmen", "gunmen": "gunmen", "member": "members", "members": "members",
    "resident": "residents", "residents": "residents", "paramedic": "paramedics",
    "paramedics": "paramedics", "medic": "medics", "medics": "medics",
    "activist": "activists", "activists": "activists", "journalist": "journalists",
    "journalists": "journalists", "personnel": "personnel", "officer": "officers",
    "officers": "officers", "policeman": "policemen", "policemen": "policemen",
    "guard": "guards", "guards": "guards", "worker": "workers", "workers": "workers",
    "villager": "villagers", "villagers": "villagers", "student": "students",
    "students": "students", "combatant": "combatants", "combatants": "combatants",
    "recruit": "recruits", "recruits": "recruits", "conscript": "conscripts",
    "conscripts": "conscripts", "others": "others",
    "killed": "killed", "dead": "dead", "deaths": "dead", "died": "dead", "bodies": "dead",
    "wounded": "wounded", "injured": "injured", "casualties": "casualties",
    "displaced": "displaced", "refugees": "refugees", "refugee": "refugees",
    "airstrikes": "airstrikes", "airstrike": "airstrikes", "air-strikes": "airstrikes",
    "raids": "airstrikes", "raid": "airstrikes", "strikes": "airstrikes",
    "strike": "airstrikes", "airraids": "airstrikes", "sorties": "sorties",
    "sortie": "sorties", "rockets": "rockets", "rocket": "rockets", "shells": "shells",
    "shell": "shells", "mortars": "shells", "missiles": "missiles", "missile": "missiles",
    "bombs": "bombs", "bomb": "bombs", "villages": "villages", "village": "villages",
    "towns": "towns", "town": "towns",
}  # fmt: skip
BIGRAMS: dict[tuple[str, str], str] = {
    ("air", "strikes"): "airstrikes", ("air", "strike"): "airstrikes",
    ("air", "raids"): "airstrikes", ("air", "raid"): "airstrikes",
    ("bombing", "raids"): "airstrikes", ("barrel", "bombs"): "barrel bombs",
    ("barrel", "bomb"): "barrel bombs", ("mortar", "shells"): "shells",
    ("mortar", "rounds"): "shells", ("artillery", "shells"): "shells",
    ("artillery", "rounds"): "shells", ("police", "officers"): "officers",
}  # fmt: skip
# Known nouns that also modify a following noun ("civilian casualties", "rebel fighters").
ADJ_LIKE = {
    "civilian", "rebel", "militant", "jihadist", "wounded", "injured", "dead", "child",
    "women", "air", "barrel", "mortar", "rocket", "missile", "refugee", "village", "town",
    "guard", "bomb", "shell", "strike", "raid",
}  # fmt: skip
SKIP = {
    "more", "other", "additional", "further", "new", "unarmed", "innocent", "armed",
    "suspected", "alleged", "total", "separate", "young", "elderly", "foreign", "local",
    "fellow", "enemy", "allied", "loyalist", "security", "military", "heavy", "intense",
    "fierce", "deadly", "daily", "consecutive", "successive", "so-called", "the", "its",
    "their", "his", "her", "these", "those", "government", "regime", "opposition", "army",
}  # fmt: skip
FUNCTION = {
    "a", "an", "and", "or", "but", "in", "on", "at", "to", "from", "by", "with", "without",
    "for", "into", "across", "towards", "toward", "near", "since", "during", "after",
    "before", "over", "under", "between", "among", "amongst", "amid", "against", "as", "than",
    "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would",
    "could", "should", "may", "might", "must", "can", "did", "do", "does", "who", "which",
    "that", "whom", "whose", "this", "it", "they", "them", "he", "she", "we", "us", "our",
    "you", "so", "thus", "also", "still", "only", "just", "all", "both", "each", "per", "via",
    "including", "while", "when", "where", "if", "whether", "because", "not", "no", "nor",
    "yet", "ago", "later", "earlier", "whereas", "besides", "perhaps", "always", "plus",
    "according", "said", "says", "reportedly", "allegedly", "inside", "outside", "around",
    "within", "through", "throughout", "upon", "onto", "about", "last", "next", "yesterday",
    "today", "tonight", "overnight", "recently", "themselves", "ourselves", "himself",
    "herself", "itself", "now", "then", "there", "here",
}  # fmt: skip
PARTITIVE_STOP = {"them", "whom", "which", "those", "these", "us", "you", "it", "whose"}


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _digits_value(tok: str) -> float | None:
    try:
        return float(tok.replace(",", ""))
    except ValueError:
        return None


def _match_words(toks: list[tuple[int, int, str]], start: int) -> tuple[int, int] | None:
    """Greedy word number at toks[start]: (value, index after it), or None."""
    toks = toks[start : start + 12]  # no number phrase is longer
    words = [t[2].lower() for t in toks]
    i = 0
    n = len(words)
    # "half a million", "half a dozen"
    if words[i] == "half" and i + 2 < n and words[i + 1] in {"a", "an"}:
        nxt = words[i + 2]
        if nxt in SCALES or nxt in {"hundred", "dozen"}:
            unit = SCALES.get(nxt) or (100 if nxt == "hundred" else 12)
            return unit // 2, start + 3
    total = 0
    current = 0
    last = ""  # kind of the last word taken: unit, teen, tens, hundred, scale, dozen
    j = i
    end_ok = i
    value_ok = 0
    if words[i] in {"a", "an"}:
        if i + 1 < n and (words[i + 1] in SCALES or words[i + 1] in {"hundred", "dozen"}):
            current = 1
            last = "a"
            j = i + 1
        else:
            return None
    while j < n:
        w = words[j]
        if w == "-" and last == "tens" and j + 1 < n and words[j + 1] in UNITS:
            if toks[j][0] != toks[j - 1][1] or toks[j + 1][0] != toks[j][1]:
                break
            j += 1
            continue
        if w == "and" and last in {"hundred", "scale"} and j + 1 < n:
            if words[j + 1] in UNITS or words[j + 1] in TENS:
                j += 1
                continue
            break
        if w in UNITS:
            v = UNITS[w]
            if last in {"unit", "teen", "dozen"} or (last == "tens" and v >= 10):
                break
            if last == "tens" and (current % 10) != 0:
                break
            current += v
            last = "unit" if v < 10 else "teen"
        elif w in TENS:
            if last in {"unit", "teen", "tens", "dozen"}:
                break
            current += TENS[w]
            last = "tens"
        elif w == "hundred":
            if last not in {"unit", "teen", "tens", "a", ""} or current >= 100:
                break
            current = (current or 1) * 100
            last = "hundred"
        elif w in SCALES:
            if last not in {"unit", "teen", "tens", "hundred", "a"}:
                break
            total += (current or 1) * SCALES[w]
            current = 0
            last = "scale"
        elif w == "dozen":
            if last not in {"unit", "teen", "a"}:
                break
            current = (current or 1) * 12
            last = "dozen"
        else:
            break
        j += 1
        end_ok = j
        value_ok = total + current
    if end_ok == i or last == "a":
        return None
    return value_ok, start + end_ok


def _match_vague(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    words = [t[2].lower() for t in toks[i : i + 4]]
    for phrase, value in VAGUE:
        k = len(phrase)
        if tuple(words[:k]) != phrase:
            continue
        nxt = words[k] if len(words) > k else ""
        if phrase[-1] in NEEDS_OF and nxt != "of":
            continue
        return value, i + k
    return None


def _match_digits(text: str, toks: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    tok = toks[i][2]
    v = _digits_value(tok)
    if v is None:
        return None
    j = i + 1
    if j < len(toks) and toks[j][2].lower() in SCALES:
        v *= SCALES[toks[j][2].lower()]
        j += 1
    elif "." in tok:
        return None  # a bare decimal is a measure, not a count
    return int(round(v)), j


def _number_at(text: str, toks: list[tuple[int, int, str]], i: int) -> tuple[int, int, str] | None:
    """(value, index after, kind) for a number phrase starting at toks[i]."""
    w = toks[i][2]
    if w[0].isdigit():
        m = _match_digits(text, toks, i)
        return (m[0], m[1], "digits") if m else None
    if w.lower() not in STARTERS:
        return None
    m = _match_vague(toks, i)
    if m is not None:
        return m[0], m[1], "vague"
    m = _match_words(toks, i)
    if m is not None:
        return m[0], m[1], "words"
    return None


def _known_noun_after(text: str, end: int) -> bool:
    """True if a counted noun follows within a few words ("one soldier", "one Russian jet",
    "one aid worker": one modifier word the reader does not know may stand before it)."""
    toks = _tokens(text, end, min(len(text), end + 60))[:4]
    for i, (_s, _e, w) in enumerate(toks):
        low = w.lower()
        if low in NOUNS and low not in {"other", "others", "killed", "dead", "wounded"}:
            return True
        if low in SKIP or (w[:1].isupper() and w.isalpha()) or w == "-":
            continue
        nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
        # an unknown modifier right before a person noun: "one aid worker"
        return w.isalpha() and low not in FUNCTION and nxt in NOUNS and nxt not in ADJ_LIKE
    return False


def _is_year(text: str, s: int, e: int, tok: str, qualified: bool) -> bool:
    if not re.fullmatch(r"\d{4}", tok) or not 1900 <= int(tok) <= 2035:
        return False
    if qualified:
        return False
    nxt = _tokens(text, e, min(len(text), e + 30))[:1]
    return not (nxt and nxt[0][2].lower() in NOUNS and nxt[0][2].lower().endswith("s"))


def in_numeric_date(text: str, s: int, e: int) -> bool:
    """Whether the figure at text[s:e] is a part of a date written in figures: "on 12-07-2016,
    killing two" counts two, not 12 and 7; a dateline's "07-2016" is no toll of seven."""
    for m in NUMERIC_DATE.finditer(text, max(0, s - 11), min(len(text), e + 11)):
        if m.start() <= s and e <= m.end():
            return True
    return False


def _rejected(text: str, s: int, e: int, kind: str, first: str, qualified: bool) -> bool:
    """Whether the number at text[s:e] is not a count (see the module docstring)."""
    before = text[max(0, s - 40) : s]
    after = text[e : e + 40]
    if after[:1] == "-" and after[1:2].isalpha():
        return True  # "five-year", "12-year-old", "3-day"
    if AGE_AFTER.match(after) or AGE_BEFORE.search(before):
        return True
    if PERCENT_AFTER.match(after) or CURRENCY_AFTER.match(after) or TIME_AFTER.match(after):
        return True
    if kind == "digits":
        prev = text[s - 1 : s]
        # "M4", "Su-24", "S-400", "12/01", "US$5"; a hyphen after a digit is a range
        stuck = prev.isalpha() or prev in {"/", ".", ",", ":", "#", "$", "\u20ac", "\u00a3", "-"}
        if stuck and not (prev == "-" and text[s - 2 : s - 1].isdigit()):
            return True
        if after[:1].isalpha() or after[:1] in {"/", ":"} or re.match(r"^[.,]\d", after):
            return True  # "5th", "10km", "1990s", "10:30", "3/4"
        if ID_BEFORE.search(before) or in_numeric_date(text, s, e):
            return True
        if MONTH_BEFORE.search(before) or MONTH_AFTER.match(after):
            return True
        if _is_year(text, s, e, first, qualified):
            return True
    return False


def _one_is_pronoun(text: str, s: int, e: int, words: str) -> bool:
    if words.lower() not in {"one"}:
        return False
    before = text[max(0, s - 12) : s].lower()
    if re.search(r"\b(no|any|every|each|the|this|that|which|another|someone|at)\s+$", before):
        return True
    return not _known_noun_after(text, e)


def _many_is_vague_word(text: str, s: int, e: int, first: str) -> bool:
    """ "how many", "so many", "many of", "many more" are not figures."""
    if first.lower() not in {"many", "numerous", "several"}:
        return False
    before = text[max(0, s - 12) : s].lower()
    nxt = _tokens(text, e, min(len(text), e + 20))[:1]
    nxt_w = nxt[0][2].lower() if nxt else ""
    if first.lower() == "several":
        return nxt_w in {"of", "times", "", ".", ","}
    if re.search(r"\b(how|so|too|as|very|not|in|for|of|and|many|that|the|with)\s+$", before):
        return True
    return nxt_w in {"of", "more", "times", "as", "other", "", ".", ",", "years", "months"}


def find_numbers(text: str) -> list[Quantity]:
    """Every count in TEXT with its qualifier; text[q.start:q.end] == q.text."""
    toks = _tokens(text)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        m = _number_at(text, toks, i)
        if m is None:
            i += 1
            continue
        value, j, kind = m
        s, e = toks[i][0], toks[j - 1][1]
        first = toks[i][2]
        # a range "10-15", "10 to 15": keep the conservative lower bound
        range_end = _range_end(text, toks, i, j, kind, value)
        qual_m = QUALIFIER.search(text[max(0, s - 30) : s])
        qualified = qual_m is not None
        words = text[s:e]
        if (
            _rejected(text, s, e, kind, first, qualified)
            or _one_is_pronoun(text, s, e, words)
            or _many_is_vague_word(text, s, e, first)
        ):
            i = j
            continue
        qualifier = ""
        if range_end is not None:
            e, j = range_end
            qualifier = "between"
        if qual_m is not None:
            qualifier = " ".join(qual_m.group(1).lower().split())
            s = max(0, s - 30) + qual_m.start()
        out.append(Quantity(value=value, qualifier=qualifier, text=text[s:e], start=s, end=e))
        i = j
    return out


def _range_end(
    text: str, toks: list[tuple[int, int, str]], i: int, j: int, kind: str, low: int
) -> tuple[int, int] | None:
    """(end offset, token index) of the upper bound of "10-15", "10 to 15", "between 10 and
    15" when the number toks[i:j] opens such a range; "from 30 to 35" is a change, not one."""
    if kind != "digits" or j + 1 >= len(toks) or re.fullmatch(r"\d{4}", toks[i][2]):
        return None
    sep = toks[j][2].lower()
    before = text[max(0, toks[i][0] - 12) : toks[i][0]].lower()
    if sep in {"-", "\u2013"}:
        if toks[j][0] != toks[j - 1][1] or toks[j + 1][0] != toks[j][1]:
            return None
    elif not (
        (sep == "to" and not re.search(r"\bfrom\s+$", before))
        or (sep == "and" and re.search(r"\bbetween\s+$", before))
    ):
        return None
    m = _match_digits(text, toks, j + 1)
    if m is None or m[0] <= low or toks[j + 1][2][:1] == "0":
        return None
    return toks[m[1] - 1][1], m[1]


def parse_number(words: str) -> int | None:
    """The value of a number phrase ("Twenty-one", "1,200", "2.5 million", "dozens"), or None."""
    toks = _tokens(words.strip())
    if not toks:
        return None
    m = _number_at(words.strip(), toks, 0)
    if m is None or m[1] != len(toks):
        return None
    return m[0]


def _is_plural_word(low: str) -> bool:
    return (
        low.isalpha()
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "ous", "us", "is"))
        and low not in FUNCTION
    )


def _is_noun_like(word: str) -> bool:
    """A lower-case content word, as a noun after an attributive one ("civilian targets")."""
    return word.isalpha() and word.islower() and word not in FUNCTION


def counted_noun(text: str, q: Quantity) -> str | None:
    """The key of the noun Q counts, from the words after it ("140 Russian airstrikes" ->
    "airstrikes"); None when the number stands alone ("14, including ...", "14 were killed").

    Keys are the plurals the coder's word sets use: people, civilians, children, soldiers,
    fighters, killed, dead, wounded, injured, displaced, airstrikes, barrel bombs, shells ...
    An unknown plural noun is returned as written in lower case ("days", "targets").
    """
    toks = _tokens(text, q.end, min(len(text), q.end + 100))[:7]
    words = [t[2] for t in toks]
    lows = [w.lower() for w in words]
    k = 0
    while k < len(toks):
        w, low = words[k], lows[k]
        nxt = lows[k + 1] if k + 1 < len(lows) else ""
        nxt2 = lows[k + 2] if k + 2 < len(lows) else ""
        if w == "-" and k > 0:
            k += 1  # "pro-government", "Iran-backed"
            continue
        if not w[0].isalnum():
            return None
        if low == "of":
            if nxt in PARTITIVE_STOP:
                return None
            k += 1
            continue
        if (low, nxt) in BIGRAMS:
            return BIGRAMS[(low, nxt)]
        nxt_w = words[k + 1] if k + 1 < len(words) else ""
        if low in NOUNS:
            if low in ADJ_LIKE and (_is_noun_like(nxt_w) or (nxt, nxt2) in BIGRAMS):
                k += 1
                continue
            return NOUNS[low]
        demonym = w[0].isupper() and _is_plural_word(low) and not w.isupper()
        if demonym and not _is_noun_like(nxt_w):
            return "people"  # a plural demonym: "three Kurds", "a million Syrians"
        acronym = len(w) > 1 and w.isupper()  # "IS militants", "SDF fighters"
        if low in SKIP or acronym or (w[0].isupper() and low not in FUNCTION):
            k += 1
            continue
        if low in FUNCTION or w[0].isdigit():
            return None
        if _is_plural_word(low):
            return low
        k += 1  # an unknown modifier ("media activists", "aid workers")
    return None
