"""Who the outlet says acted: actor expressions in a sentence, normalised to ACLED-style actors.

Outlets of every slant name the same forces differently ("regime forces", "the Syrian Arab
Army", "terrorists", "Turkey-backed opposition fighters"), so matching is compositional rather
than a flat alias list. A phrase is a chain of vocabulary items from data/actors.json:

- names: decide the actor on their own ("Hezbollah", "rebels", "civilians", "IS");
- adjectives: decide it only before a head noun ("Russian warplanes", "Turkish soldiers"),
  or before a strike noun, where the span is the adjective alone ("Russian airstrikes");
- weak adjectives ("Syrian") decide only when nothing else does;
- backers ("Turkey-backed", "pro-Iranian") name the patron, and the actor is the patron's
  client unless the phrase names a group ("US-backed rebels" stay rebels);
- heads ("forces", "soldiers", "militants") carry a default actor for when they stand alone.

Matching is by token, leftmost and longest, so "Free Syrian Army" is never "Syrian army" and
the verb "is" is never IS (acronyms match case-sensitively). "rebel-held" names a place, not
an actor, and yields no span.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

from warwire.records import ActorRef

SIDES: tuple[str, ...] = (
    "syrian_government", "russia", "iran_allies", "opposition", "jihadist", "islamic_state",
    "kurdish", "turkey", "us_coalition", "israel", "civilians", "protesters", "unknown", "other",
)  # fmt: skip

# ACLED inter codes (actor types).
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA = 1, 2, 3, 4
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 5, 6, 7, 8

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['\u2019\u02bc`][^\W_]+)*")
_APOS = re.compile(r"['\u2019\u02bc`]")
_POSSESSIVE = re.compile(r"['\u2019\u02bc`]s$", re.I)
_JOIN = re.compile(r"\s{0,3}[-\u2010\u2011]?\s{0,3}")
_COMMA = re.compile(r"\s*[,/&]\s*")
_HYPHEN = re.compile(r"\s?[-\u2010\u2011]\s?")
_OPTIONAL = re.compile(r"\[(\w+)\]")
_STATE_NAME = re.compile(
    r"^(military|police) forces of (?:the )?(?P<country>[A-Za-z' -]+?)\s*(\(|$)", re.I
)
OFFSHOOT = re.compile(r"[\s\u2010\u2011-]{1,3}(?:offshoot|splinter|spin-?off|breakaway)s?\b", re.I)
_PARENS = re.compile(r"\s*\([^)]*\)")
INTENSITY = frozenset({
    "heavy", "intensive", "intense", "fierce", "violent", "renewed", "sporadic", "indiscriminate",
    "continuous", "massive", "deadly", "fresh", "constant", "sustained", "relentless", "ferocious",
})  # fmt: skip
_UNARMED = {"civilians", "protesters", "other"}


@dataclass(frozen=True)
class ActorSpan:
    """An actor expression: character offsets into the text, the words, the actor."""

    start: int
    end: int
    surface: str
    actor: ActorRef
    backer: ActorRef | None = None  # "Turkish-backed rebels": the patron, an associate


@dataclass(frozen=True)
class Entry:
    """One dictionary actor: ACLED-style name, coarse side, inter code."""

    key: str
    name: str
    side: str
    inter: int
    default: bool = False
    generic: bool = False
    periods: tuple[tuple[dt.date, dt.date | None, str], ...] = ()


class _Tok(NamedTuple):  # a tuple: one is built per word scanned, a frozen dataclass is slow
    start: int
    end: int
    keys: tuple[tuple[str, str], ...]


@dataclass
class _Roles:
    """What a vocabulary phrase can be; values are entry keys (head: its default or None)."""

    name: str | None = None
    adj: str | None = None
    weak: str | None = None
    backer: str | None = None
    patron: str | None = None  # the backer's own entry ("Turkish-backed": turkey)
    ally: bool = False  # "allied", "proxy": the phrase names someone's allies
    head: str | None = None
    is_head: bool = False
    strike: bool = False
    block: bool = False
    mod: bool = False

    def prefix(self) -> bool:
        return bool(
            self.name or self.adj or self.weak or self.backer or self.block or self.mod or self.ally
        )


@dataclass
class _Elem:
    start: int  # token indices [start, end)
    end: int
    roles: _Roles


def _decided(elems: list[_Elem]) -> bool:
    """True when a phrase names its actor (a name, an adjective, a backer), not only by the
    default of its head noun or a weak adjective ("forces", "Syrian fighters")."""
    return any(e.roles.name or e.roles.adj or e.roles.backer for e in elems)


def _backed_description(elems: list[_Elem]) -> str | None:
    """ "Turkish-backed jihadist groups", "Iran-backed extremists": a backed group that is only
    described (an adjective, no name) is the patron's client; the description is the outlet's
    view of it, the backing says which camp it fights in."""
    if any(e.roles.name for e in elems):
        return None
    backers = [e.roles.backer for e in elems if e.roles.backer]
    return backers[0] if backers else None


def _qualified_by_other(elems: list[_Elem]) -> str | None:
    """ "the Turkish regime", "the Russian government": a word that names the Syrian state
    when it stands alone (it is its entry's name and its adjective) is another state's when
    another actor's adjective qualifies it."""
    if len(elems) < 2:
        return None
    first, last = elems[0], elems[-1]
    word = last.roles.name
    if not (word and last.end - last.start == 1 and last.roles.adj == word):
        return None
    if first.roles.adj and first.roles.adj != word and not first.roles.name:
        return first.roles.adj
    return None


@dataclass
class _Node:
    children: dict[tuple[str, str], _Node] = field(default_factory=dict)
    roles: _Roles | None = None


def _is_acronym(word: str) -> bool:
    return word.isupper() and sum(map(str.isalpha, word)) >= 2


@functools.lru_cache(maxsize=8192)
def _vocab_key(word: str) -> tuple[str, str]:
    base = _APOS.sub("", word.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", word) else word)
    if _is_acronym(base):
        return ("=", base)
    if base.endswith("s") and _is_acronym(base[:-1]):
        return ("=", base[:-1])
    return ("~", base.lower())


@functools.lru_cache(maxsize=65536)
def _text_keys(word: str, shouting: bool) -> tuple[tuple[str, str], ...]:
    """The vocabulary keys a text token can stand for (case-folded word, exact acronym)."""
    if re.fullmatch(r"(?:[A-Z]\.){2,}", word):
        return (("=", word.replace(".", "")),)
    base = _APOS.sub("", _POSSESSIVE.sub("", word))
    keys = [("~", base.lower())]
    if _is_acronym(base) and not (shouting and len(base) <= 2):
        keys.append(("=", base))
    elif len(base) >= 4 and base.istitle():
        keys.append(("=", base.upper()))  # "Isis", "Isil"
    if len(base) >= 3 and base.endswith("s") and _is_acronym(base[:-1]):
        keys.append(("=", base[:-1]))  # plural acronym: "SDFs"
    return tuple(keys)


def _expand(phrase: str) -> list[str]:
    """'militia[s]' -> ['militia', 'militias']."""
    m = _OPTIONAL.search(phrase)
    if not m:
        return [phrase]
    head, tail = phrase[: m.start()], phrase[m.end() :]
    return _expand(head + tail) + _expand(head + m.group(1) + tail)


def _words(phrase: str) -> list[str]:
    return _TOKEN.findall(phrase)


class ActorDict:
    """The compiled actor dictionary; build it with load_actors()."""

    def __init__(self, data: dict) -> None:
        self.entries: dict[str, Entry] = {}
        self._defaults: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        self._root = _Node()
        for e in data["entries"]:
            periods = tuple(
                (
                    dt.date.fromisoformat(p["from"]),
                    dt.date.fromisoformat(p["to"]) if p.get("to") else None,
                    p["name"],
                )
                for p in e.get("periods", [])
            )
            entry = Entry(
                e["key"], e["name"], e["side"], int(e["inter"]),
                bool(e.get("default")), bool(e.get("generic")), periods,
            )  # fmt: skip
            if entry.side not in SIDES:
                raise ValueError(f"actor {entry.key}: unknown side {entry.side!r}")
            self.entries[entry.key] = entry
            self._by_name[entry.name.lower()] = entry.key
            self._by_name.setdefault(_PARENS.sub("", entry.name).lower(), entry.key)
            if entry.default:
                self._defaults.setdefault(entry.side, entry.key)
        self._held_words = tuple(w.lower() for w in data.get("held_words", []))
        self._clients: dict[str, str] = dict(data.get("backer_defaults", {}))
        self._place_before = (
            re.compile(data["place_before"], re.I) if "place_before" in data else None
        )
        self._acronyms: set[tuple[str, str]] = set()
        self._compile(data)

    # -- building ------------------------------------------------------------------------

    def _node(self, phrase: str) -> _Roles:
        node = self._root
        for w in _words(phrase):
            key = _vocab_key(w)
            if key[0] == "=":
                self._acronyms.add(key)
            node = node.children.setdefault(key, _Node())
        if node.roles is None:
            node.roles = _Roles()
        return node.roles

    def _has(self, phrase: str) -> bool:
        node = self._root
        for w in _words(phrase):
            nxt = node.children.get(_vocab_key(w))
            if nxt is None:
                return False
            node = nxt
        return node.roles is not None

    def _compile(self, data: dict) -> None:
        adjectival: list[tuple[str, str]] = []  # (phrase, entry key) that can take -backed/-led
        for e in data["entries"]:
            key = e["key"]
            armed = e["side"] not in _UNARMED
            for kind in ("names", "adjectives", "weak_adjectives"):
                for raw in e.get(kind, []):
                    for p in _expand(raw):
                        r = self._node(p)
                        if kind == "names":
                            r.name = r.name or key
                        elif kind == "adjectives":
                            r.adj = r.adj or key
                        else:
                            r.weak = r.weak or key
                        if armed and (kind != "names" or not p.endswith("s")):
                            adjectival.append((p, key))
        for raw, default in data["heads"].items():
            for p in _expand(raw):
                r = self._node(p)
                r.is_head = True
                r.head = r.head or default
        for raw in data["strikes"]:
            for p in _expand(raw):
                self._node(p).strike = True
        for raw in data.get("blocking_adjectives", []):
            for p in _expand(raw):
                self._node(p).block = True
        for raw in data.get("neutral_modifiers", []):
            for p in _expand(raw):
                self._node(p).mod = True
        for raw in data.get("ally_words", []):
            for p in _expand(raw):
                self._node(p).ally = True
        clients = data.get("backer_defaults", {})
        word_patrons = data.get("backer_patrons", {})
        backers = [(p, clients.get(k, k), k) for p, k in adjectival]
        backers += [(p, c, word_patrons.get(p)) for p, c in data.get("backer_words", {}).items()]
        for p, client, patron in backers:
            for suffix in data.get("backer_suffixes", []):
                if not self._has(f"{p} {suffix}"):
                    r = self._node(f"{p} {suffix}")
                    r.backer, r.patron = client, patron
            if not self._has(f"pro {p}"):
                r = self._node(f"pro {p}")
                r.backer, r.patron = client, patron
        for p, key in adjectival:
            for suffix in data.get("led_suffixes", []):
                if not self._has(f"{p} {suffix}"):
                    self._node(f"{p} {suffix}").adj = key
            if not self._has(f"anti {p}"):
                self._node(f"anti {p}").mod = True

    # -- matching ------------------------------------------------------------------------

    def _tokens(self, text: str) -> list[_Tok]:
        raw = [m for m in _TOKEN.finditer(text) if not m.group(0).isdigit()]
        words = [m.group(0) for m in raw]
        shouting = len(words) >= 4 and sum(w.isupper() for w in words) / len(words) > 0.6
        toks = []
        for n, m in enumerate(raw):
            w = words[n]
            quiet = shouting or (len(w) <= 2 and w.isupper() and self._capitals_around(words, n))
            toks.append(_Tok(m.start(), m.end(), _text_keys(w, quiet)))
        return toks

    def _capitals_around(self, words: list[str], n: int) -> bool:
        """True when word n sits in capitalised prose ("IS THIS"), not among acronyms."""
        for k in (n - 1, n + 1):
            if 0 <= k < len(words):
                w = words[k]
                if len(w) >= 3 and w.isupper() and ("=", w) not in self._acronyms:
                    return True
        return False

    @staticmethod
    def _joined(text: str, toks: list[_Tok], i: int) -> bool:
        """True when token i and i+1 can belong to one phrase (space or hyphen between)."""
        if i + 1 >= len(toks):
            return False
        gap = text[toks[i].end : toks[i + 1].start]
        return _JOIN.fullmatch(gap) is not None and "\n\n" not in gap

    @staticmethod
    def _hyphen(text: str, toks: list[_Tok], i: int) -> bool:
        return _HYPHEN.fullmatch(text[toks[i].end : toks[i + 1].start]) is not None

    def _matches(self, text: str, toks: list[_Tok], i: int) -> list[tuple[int, _Roles]]:
        """Vocabulary phrases starting at token i: (end token index, roles), longest first."""
        out: list[tuple[int, _Roles]] = []
        frontier = [self._root]
        j = i
        while j < len(toks) and frontier:
            nxt = [n.children[k] for n in frontier for k in toks[j].keys if k in n.children]
            for n in nxt:
                if n.roles is not None:
                    out.append((j + 1, n.roles))
            if not self._joined(text, toks, j):
                break
            frontier = nxt
            j += 1
        out.sort(key=lambda m: -m[0])
        return out

    def _chain(self, text: str, toks: list[_Tok], i: int) -> list[_Elem]:
        elems: list[_Elem] = []
        j = i
        in_heads = False
        while j < len(toks):
            if elems and not self._joined(text, toks, j - 1):
                break
            chosen = None
            for end, roles in self._matches(text, toks, j):
                if roles.is_head or (not in_heads and roles.prefix()):
                    chosen = _Elem(j, end, roles)
                    break
            if chosen is None:
                break
            if elems and not chosen.roles.is_head and self._hyphen(text, toks, j - 1):
                break  # "Russian-Syrian", "Turkey-Russia": a compound of two actors
            elems.append(chosen)
            if chosen.roles.is_head and not chosen.roles.prefix():
                in_heads = True
            j = chosen.end
        return elems

    def _strike_at(self, text: str, toks: list[_Tok], j: int) -> bool:
        return any(r.strike for _, r in self._matches(text, toks, j))

    def _next_chain_start(self, text: str, toks: list[_Tok], end: int) -> int | None:
        """Token index after a coordinator ("and", "or", ",") following token end-1."""
        if end >= len(toks):
            return None
        gap = text[toks[end - 1].end : toks[end].start]
        if _HYPHEN.fullmatch(gap):
            return end
        if _COMMA.fullmatch(gap):
            if ("~", "and") in toks[end].keys or ("~", "or") in toks[end].keys:
                return end + 1 if end + 1 < len(toks) else None
            return end
        if _JOIN.fullmatch(gap) and ({("~", "and"), ("~", "or")} & set(toks[end].keys)):
            return end + 1 if end + 1 < len(toks) else None
        return None

    def _past_intensity(self, text: str, toks: list[_Tok], j: int) -> int:
        """ "Turkish intensive artillery fire", "Russian heavy bombardment": words that only say
        how hard the blow was may stand between the side's adjective and the strike noun; the
        index of the first token after them (J when there are none)."""
        k = j
        while (
            k < len(toks) - 1
            and k - j < 2
            and toks[k].keys[0][1] in INTENSITY
            and self._joined(text, toks, k)
        ):
            k += 1
        return k

    def _leads_on(self, text: str, toks: list[_Tok], end: int, depth: int = 0) -> bool:
        """True when a dangling adjective at token end-1 qualifies what follows."""
        if (
            end < len(toks)
            and self._joined(text, toks, end - 1)
            and self._strike_at(text, toks, self._past_intensity(text, toks, end))
        ):
            return True
        nxt = self._next_chain_start(text, toks, end)
        if nxt is None or depth > 4:
            return False
        chain = self._chain(text, toks, nxt)
        skipped = 0
        while not chain and skipped < 2 and self._joined(text, toks, nxt):
            nxt, skipped = nxt + 1, skipped + 1  # "government and allied forces"
            chain = self._chain(text, toks, nxt)
        if not chain:
            return False
        if any(e.roles.name or e.roles.is_head for e in chain):
            return True
        return self._leads_on(text, toks, chain[-1].end, depth + 1)

    def _resolve(self, elems: list[_Elem]) -> str | None:
        names = [e.roles.name for e in elems if e.roles.name]
        specific = [k for k in names if not self.entries[k].generic]
        if specific and (other := _qualified_by_other(elems)):
            return other
        if specific:
            return specific[0]
        if (client := _backed_description(elems)) is not None:
            return client
        strong = [e.roles.adj for e in elems if e.roles.adj]
        if strong:
            return strong[0]
        backers = [e.roles.backer for e in elems if e.roles.backer]
        if backers:
            b = backers[0]
            if names:
                g = names[0]
                same = self.entries[b].side == self.entries[g].side
                return b if same or self.entries[g].side == "unknown" else g
            return b
        if names:
            return names[0]
        if any(e.roles.block for e in elems):
            return None
        defaults = [e.roles.head for e in elems if e.roles.is_head and e.roles.head]
        if defaults:
            return defaults[-1]
        weak = [e.roles.weak for e in elems if e.roles.weak]
        return weak[0] if weak else None

    @staticmethod
    def _is_offshoot(text: str, end: int) -> bool:
        """ "the al-Qaeda offshoot", "an Islamic State splinter group": the name qualifies
        another group that grew out of it, so it is not the doer; the group is named elsewhere
        in the report (or not at all)."""
        return OFFSHOOT.match(text, end) is not None

    def _is_held(self, text: str, end: int) -> bool:
        m = re.match(r"[-\u2010\u2011]\s?([A-Za-z]+)", text[end : end + 20])
        return bool(m and m.group(1).lower() in self._held_words)

    def find(self, text: str) -> list[ActorSpan]:
        """Every actor expression in TEXT: leftmost-longest, non-overlapping, in order."""
        toks = self._tokens(text)
        out: list[ActorSpan] = []
        i = 0
        first = self._root.children
        while i < len(toks):
            if not any(k in first for k in toks[i].keys):
                i += 1
                continue
            elems = self._chain(text, toks, i)
            if not elems:
                i += 1
                continue
            last_full = max(
                (n for n, e in enumerate(elems) if e.roles.name or e.roles.is_head), default=-1
            )
            if last_full >= 0:
                elems = elems[: last_full + 1]
            elif not self._leads_on(text, toks, elems[-1].end):
                i = elems[-1].end
                continue
            key = self._resolve(elems)
            start, end = toks[elems[0].start].start, toks[elems[-1].end - 1].end
            i = elems[-1].end
            if not _decided(elems):
                owner = self._head_of(text, toks, i)
                if owner is not None:  # "forces of Syria's president": the head's owner
                    key, i = owner
                    end = toks[i - 1].end
                elif any(e.roles.ally for e in elems):
                    key = self._ally_of(text, out, start)
            if key is None or self._is_held(text, end) or self._is_place(text, start, elems):
                continue
            if self._is_offshoot(text, end):
                continue
            e = self.entries[key]
            surface = text[start:end]
            backer = self._patron(elems, key)
            out.append(
                ActorSpan(start, end, surface, ActorRef(e.name, e.side, surface, e.key), backer)
            )
        return out

    def _head_of(self, text: str, toks: list[_Tok], end: int) -> tuple[str, int] | None:
        """ "forces of Syria's President Bashar al-Assad", "fighters of the Islamic State": a
        head noun that names no side itself belongs to the actor after "of". Returns the
        actor and the token index after it."""
        j = end
        if j >= len(toks) or ("~", "of") not in toks[j].keys or not self._joined(text, toks, j - 1):
            return None
        j += 1
        if j < len(toks) and toks[j].keys[0] in {("~", "the"), ("~", "a"), ("~", "an")}:
            j += 1
        if j >= len(toks):
            return None
        chain = self._chain(text, toks, j)
        if not chain or not _decided(chain):
            return None
        key = self._resolve(chain)
        if key is None or self.entries[key].side in {"unknown", "civilians", "protesters"}:
            return None  # "aircraft of unknown origin", "the protection of civilians"
        return key, chain[-1].end

    def _ally_of(self, text: str, out: list[ActorSpan], start: int) -> str | None:
        """ "the Turkish military and allied Syrian fighters": allies named only by a weak
        adjective are the client of the actor they are coordinated with; alone, no one."""
        if not out or not re.fullmatch(r"\s*(,|and|,\s*and)\s*", text[out[-1].end : start]):
            return None
        prev = out[-1].actor.key
        client = self._clients.get(prev)
        if not client or self.entries[client].side == self.entries[prev].side:
            return None  # "government and allied forces": one camp, already named
        return client

    def _is_place(self, text: str, start: int, elems: list[_Elem]) -> bool:
        """ "the border crossing with Turkey": a country named as the far side of a border is
        a place, not an actor."""
        if self._place_before is None or len(elems) != 1 or not elems[0].roles.name:
            return False
        return self._place_before.search(text[max(0, start - 40) : start]) is not None

    def _patron(self, elems: list[_Elem], key: str) -> ActorRef | None:
        """The backer of a backed actor ("Turkish-backed rebels": Turkey), as an associate."""
        for e in elems:
            patron = e.roles.patron
            if e.roles.backer and patron and patron in self.entries:
                if self.entries[patron].side != self.entries[key].side:
                    p = self.entries[patron]
                    return ActorRef(p.name, p.side, "", p.key)
        return None

    # -- look-ups ------------------------------------------------------------------------

    def get(self, key: str) -> ActorRef | None:
        """The actor with dictionary key KEY (surface empty), or None."""
        e = self.entries.get(key)
        return ActorRef(e.name, e.side, "", e.key) if e else None

    def by_side(self, side: str) -> ActorRef | None:
        """The default actor of a side ("opposition" -> Opposition Rebels (Syria)), or None."""
        key = self._defaults.get(side)
        return self.get(key) if key else None

    def by_name(self, name: str) -> Entry | None:
        """The entry whose ACLED-style name is NAME (a period suffix may differ)."""
        key = self._by_name.get(name.lower()) or self._by_name.get(_PARENS.sub("", name).lower())
        if key is None:
            for e in self.entries.values():
                if any(p[2].lower() == name.lower() for p in e.periods):
                    return e
        return self.entries.get(key) if key else None

    def name_on(self, key: str, day: dt.date | None) -> str:
        """The ACLED-style name of KEY on DAY: names carry the government period (2017-2021)."""
        e = self.entries[key]
        if day is not None:
            for start, end, name in e.periods:
                if start <= day and (end is None or day <= end):
                    return name
        return e.name


@functools.lru_cache(maxsize=1)
def load_actors() -> ActorDict:
    """The actor dictionary from data/actors.json, compiled once per process."""
    ref = resources.files("warwire").joinpath("data", "actors.json")
    return ActorDict(json.loads(ref.read_text(encoding="utf-8")))


def inter_code(side: str, name: str = "", country: str = "Syria") -> int:
    """ACLED inter code of an actor: by its dictionary name first, else by side; 0 for none.

    Foreign state forces in Syria (Russia, Turkey, Iran, the US and coalition, Israel) are 8,
    "External/Other forces"; the Syrian army and police 1; every armed opposition, HTS, IS and
    the SDF/YPG 2 (rebel groups); pro-government and foreign militias (NDF, Hezbollah,
    Iran-backed militias) 3; unidentified armed groups 3; civilians 7, protesters 6, rioters 5.
    """
    if name:
        entry = load_actors().by_name(name)
        if entry is not None:
            return entry.inter
        state = _STATE_NAME.match(name)
        if state:
            own = state.group("country").strip().lower() == country.lower()
            return STATE if own else EXTERNAL
    default = load_actors().by_side(side)
    if default is not None:
        return load_actors().entries[default.key].inter
    if side == "other" and name:
        low = name.lower()
        if low.startswith("rioters"):
            return RIOTERS
        return POLITICAL_MILITIA if "militia" in low else 0
    return 0


def interaction(inter1: int, inter2: int) -> int:
    """ACLED interaction code: the two inter codes low-high (17, 28); one actor alone gives 10*x."""
    a, b = int(inter1 or 0), int(inter2 or 0)
    if not a and not b:
        return 0
    if not a or not b:
        return 10 * (a or b)
    lo, hi = sorted((a, b))
    return 10 * lo + hi
