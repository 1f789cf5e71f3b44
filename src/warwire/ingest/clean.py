"""Scraped boilerplate out, article sentences kept.

Scrapes carry the page around the story: search boxes, reading times, share and comment
prompts, photo captions, copyright lines, bylines and dates, the headline printed twice, and
sometimes the body itself twice. Those lines have recognisable shapes (short, no sentence
punctuation, a closed vocabulary of page furniture), while story sentences are long and end
in a full stop. So the rules look at one line at a time, and a line that reads as a sentence
(at least 12 words ending in . ! ? or a closing quote) is never dropped by a shape rule; only
an exact repeat of an earlier line, or a cookie notice, can remove it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from warwire.ingest.dates import is_date_line

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_LETTER = re.compile(r"[^\W\d_]")
_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_SOFT_END = re.compile(r"[.!?:;,\u2026\"'\u201d\u2019)\]]$")

# Page furniture: the whole line is one of these (case-insensitive, surrounding punctuation
# and counters ignored).
_FURNITURE = re.compile(
    r"(?:search(?: for)?(?: keywords?)?|search results?|\d+\s*(?:min|mins|minutes?)(?: read)?"
    r"|(?:total )?comments?(?: \d+)?|\d+ comments?|comments? about this article"
    r"|(?:view|show|hide|load|read|post|add|leave|write) (?:all )?(?:comments?|replies|a reply)"
    r"|please fill (?:in )?the fields below|required fields are marked"
    r"|show (?:more|less)|load more|read more|see more|view more|more|continue reading"
    r"|back to top(?: button)?|skip to (?:main )?content|go to top|scroll to top"
    r"|advertisements?|sponsored(?: content)?|ads?|promoted|loading|close|menu|home|next"
    r"|previous|prev|next (?:article|story|post)|previous (?:article|story|post)"
    r"|print(?: this (?:page|article))?|e-?mail(?: this (?:page|article))?|copy link|share"
    r"|share (?:this|the) (?:article|story|page|post)|tweet|sign in|log in|login|register"
    r"|you may also like|you might also like|most (?:read|popular|viewed|shared)"
    r"|trending(?: now)?|latest(?: news)?|top stories|related(?: articles| news| posts| stories"
    r"| topics| content| coverage)?|recommended(?: for you| stories)?|editor'?s picks?|tags?"
    r"|topics?|follow us|subscribe|subscribe now|sign up|newsletter|listen(?: to this article)?"
    r"|watch(?: video)?|play video|audio|video|photos?|gallery|view gallery|image \d+ of \d+)",
    re.IGNORECASE,
)
# Prompts and cross-links: the line starts with one of these.
_PROMPT_START = re.compile(
    r"^(?:share (?:on|via|this|with)|share\s*[:|]|tweet (?:this|it)|subscribe\b|sign up\b"
    r"|follow (?:us|@)|join (?:us|our)\b|like us\b|click here\b|tap here\b"
    r"|download (?:our|the) app|get (?:our|the) (?:newsletter|app)|leave a (?:comment|reply)"
    r"|comments? are (?:closed|moderated)|to comment\b|log ?in to\b|sign in to\b"
    r"|(?:read|see) (?:more|also)\b|also read\b|related\s*[:|\-\u2013\u2014]|more on this\b"
    r"|more from\b|recommended\s*[:|]|most read\s*[:|]|(?:additional )?reporting by\b"
    r"|(?:edited|editing|writing|compiled|translated) by\b|this (?:article|story) (?:was|has been)"
    r" (?:updated|corrected)\b)",
    re.IGNORECASE,
)
_SOCIAL = {
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "pinterest",
    "email", "e-mail", "print", "share", "copy", "link", "messenger", "tumblr", "vk", "tweet",
    "instagram", "youtube", "rss", "google", "flipboard", "pocket", "sms", "mail", "comment",
    "comments", "save",
}  # fmt: skip
_COOKIE = re.compile(r"\bcookies?\b.*\b(?:use|accept|consent|polic|browsing|experience|settings)"
                     r"|\b(?:use|accept|consent|polic|browsing|experience|settings)\w*\b.*\bcookies?\b",
                     re.IGNORECASE)  # fmt: skip
_COPYRIGHT = re.compile(r"\u00a9|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.I)
_CAPTION_START = re.compile(
    r"^(?:photo|photograph|image|picture|pic|file photo|file picture|caption|credit|"
    r"photo credit|video|illustration)\s*(?:[:|\-\u2013\u2014]|\()",
    re.IGNORECASE,
)
# "... the town [AFP]", "... (Getty)", "... (AP Photo/Ghaith Alsayed)", "... Photo: Reuters",
# "... district (Source: Agency)"
_CAPTION_END = re.compile(
    r"(?:[\[(]\s*(?:source\s*:\s*)?(?P<credit>[A-Z][\w.&'/ -]{0,48}?)\s*[\])]"
    r"|(?:photo|image|credit)s?\s*:\s*"
    r"[\w.&'/ -]{2,48})\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|reported by|author|posted by)\s*:?\s+[^\W\d_][\w.'\- ,&|]{1,80}$",
    re.IGNORECASE,
)
_STAFF = re.compile(
    r"^(?:[\w'.\- ]{0,40}(?:staff|correspondent|reporter|writer|editor|agencies|newsdesk|"
    r"news desk|desk)s?)$",
    re.IGNORECASE,
)
_FORM_FIELD = re.compile(r"^\*|\*$")
# characters of code and serialised data ({"id":"17",...}, var x = [...];, a => b), which
# prose hardly uses
_CODE_CHARS = frozenset("{}[]<>=;\\|")
_KEY_VALUE = re.compile(r'"\s*[:,]\s*["{\[\d]')  # "id":"17", "a","b": serialised pairs
# a token mixing letters and digits, long: a hash, a tracking id, a file name
_CODED_TOKEN = re.compile(r"^(?=\S*\d)(?=\S*[A-Za-z])\S{16,}$")
# "( 5 images )", "(12 photos)": a counter in brackets at the end of a short line
_COUNTER_END = re.compile(r"\(\s*\d+\s*[^\W\d_]+\s*\)\s*$")
# an imperative to install something: "Download the X News App for ...", "Get our app"
_APP_BANNER = re.compile(r"^(?:download|install|get|open|try)\b.{0,60}\bapps?\b", re.I)


# a photo credit alone on its line: "AFP/Getty Images", "Name Surname / Reuters", "AP Photo"
_CREDIT_LINE = re.compile(
    r"^(?!.*\.[a-z])(?=.*(?:/|\bgetty\b|\bphoto\b))[\w.'&/ -]*"
    r"\b(?:afp|ap|reuters|getty|epa|anadolu|aa|xinhua|sana|photo|shutterstock|file)\b[\w.'&/ -]*$",
    re.IGNORECASE,
)
CAPTION_WORDS = 45  # a caption is a sentence or two


def is_credit_line(line: str) -> bool:
    """ "AFP/Getty Images", "Name Surname / Reuters": a photo credit on a line of its own, with
    no sentence around it (a web address, "agency.sy/en", is a source line, not a credit)."""
    return _words(line) <= 6 and not _SOFT_END.search(line) and bool(_CREDIT_LINE.match(line))


def credited_captions(lines: list[str]) -> set[int]:
    """Indexes of the captions in LINES and their credits: a gallery prints each picture's
    caption ("Smoke rises over the town on June 7.") with its credit on the next line
    ("AFP/Getty Images"). The caption is a full sentence with a date of its own, and its day
    is the picture's, not the story's, so it is dropped with the credit."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if i and is_credit_line(ln) and _words(lines[i - 1]) <= CAPTION_WORDS:
            if not is_credit_line(lines[i - 1]):
                out |= {i - 1, i}
    return out


@dataclass(frozen=True)
class Line:
    """One line of the scrape and why it was dropped ("" when kept)."""

    text: str
    reason: str = ""


def _norm(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.casefold()).strip()


def _words(line: str) -> int:
    return len(line.split())


def is_sentence(line: str, min_words: int = 12) -> bool:
    """A line that reads as prose: enough words and sentence-final punctuation."""
    return _words(line) >= min_words and bool(_END.search(line))


def _is_furniture(line: str) -> bool:
    core = re.sub(r"\(\s*\d+\s*\)|\d+\s*$", " ", line)  # counters: "Comments (3)", "Share 12"
    core = re.sub(r"^[\W_]+|[\W_]+$", "", core).strip()
    core = _SPACES.sub(" ", core)
    return bool(core) and _FURNITURE.fullmatch(core) is not None


def _is_social_row(line: str) -> bool:
    words = [w for w in re.split(r"[\W_]+", line.casefold()) if w]
    return len(words) >= 2 and all(w in _SOCIAL for w in words)


def _is_caption(line: str) -> bool:
    if _words(line) > 40:
        return False
    if _CAPTION_START.match(line):
        return True
    m = _CAPTION_END.search(line)
    if not m:
        return False
    before = line[: m.start()].rstrip()
    credit = m.group("credit")
    if credit is not None and (_words(credit) > 5 or credit.isdigit()):
        return False
    # a sentence that ends in an aside ("... the monitor said (SOHR).") is no caption
    return bool(before) and not _END.search(before) and not _END.search(line)


def is_code(line: str) -> bool:
    """Script or serialised data (a PHP or JSON dump, inline JavaScript): the characters of
    code ({ } [ ] = ; " ...) make up a share of the line that prose never reaches."""
    chars = [c for c in line if not c.isspace()]
    if len(chars) < 20:
        return False
    code = sum(c in _CODE_CHARS for c in chars) + 2 * len(_KEY_VALUE.findall(line))
    return code >= 6 and code / len(chars) >= 0.08


def is_token_soup(line: str) -> bool:
    """Hashes, ids and file names rather than words: most tokens mix letters and digits."""
    tokens = line.split()
    coded = sum(bool(_CODED_TOKEN.match(t)) for t in tokens)
    return bool(tokens) and coded / len(tokens) >= 0.5


def is_counter(line: str) -> bool:
    """A gallery or media counter: "Slideshow ( 5 images )", "Photos (12)"."""
    return _words(line) <= 5 and not _END.search(line) and bool(_COUNTER_END.search(line))


def _reason(line: str, *, protected: bool, header: bool, footer: bool) -> str:
    """Why LINE is boilerplate, or "" if it is kept. HEADER/FOOTER: before/after the body."""
    if not _LETTER.search(line):
        return "no words"
    if is_code(line):
        return "script or serialised data"
    if is_token_soup(line):
        return "hash or id"
    if _words(line) <= 80 and _COOKIE.search(line):
        return "cookie notice"
    if protected:
        return ""
    if _is_furniture(line):
        return "page furniture"
    if _is_social_row(line):
        return "share buttons"
    if _words(line) <= 25 and _PROMPT_START.match(line):
        return "prompt or cross-link"
    if _words(line) <= 15 and _APP_BANNER.match(line):
        return "app banner"
    if is_counter(line):
        return "gallery counter"
    if _words(line) <= 30 and _COPYRIGHT.search(line):
        return "copyright"
    if is_date_line(line):
        return "date line"
    if _is_caption(line):
        return "photo caption"
    if _words(line) <= 6 and _FORM_FIELD.search(line):
        return "form field"
    if header and _words(line) <= 12 and (_BYLINE.match(line) or _STAFF.match(line)):
        return "byline"
    if footer and _words(line) <= 8 and not _SOFT_END.search(line):
        return "sign-off"
    return ""


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line without closing punctuation, then one in lower case."""
    out: list[str] = []
    for ln in lines:
        if (
            out
            and ln
            and out[-1]
            and ln[0].islower()
            and _words(out[-1]) >= 6
            and not _SOFT_END.search(out[-1])
        ):
            out[-1] = f"{out[-1]} {ln}"
        else:
            out.append(ln)
    return out


_MARKUP = re.compile(r"</?(?:span|p|br|div|strong|em|b|i|a|font|h[1-6]|li|ul)\b[^>]*>", re.I)
_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</h[1-6]>|</li>", re.I)
_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,5});", re.I)


def strip_markup(raw: str) -> str:
    """Text scraped with its inline HTML left in ("<span style=...>", "&nbsp;"): the words
    alone, paragraph ends kept as line breaks. Text without tags is returned as it is."""
    if not _MARKUP.search(raw) and not _ENTITY.search(raw):
        return raw
    raw = _BREAK.sub("\n", raw)
    raw = _MARKUP.sub(" ", raw)
    raw = re.sub(r"(?m)^[ \t]*(''[ \t]*)+", "", raw)  # quote marks left where empty tags were
    return html.unescape(raw).replace("\xa0", " ")


def split_lines(raw: str) -> list[str]:
    """Normalised lines: one kind of newline and space, no invisible characters."""
    raw = strip_markup(raw)
    raw = _INVISIBLE.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    return [
        without_related_list(undoubled(ln))
        for ln in _unwrap([_SPACES.sub(" ", ln).strip() for ln in raw.split("\n")])
    ]


DOUBLED_RUN = 8  # words: a run this long printed twice in a row is the scrape's, not prose
HEADLINE_WORDS = 4  # a headline this long that opens a line is the headline, not prose
HEADLINE_REACH = 8  # words (a day, a dateline) that may stand before a run-in headline
_TITLE_SUFFIX = re.compile(r"\s+[-|\u2013\u2014]\s+.*$")  # "Headline - Region - Outlet"


def undoubled(line: str) -> str:
    """ "A car bomb hit the market on Tuesday A car bomb hit the market on Tuesday, a monitor
    said": a scrape that prints the standfirst and then the body's first paragraph, run
    together, repeats a run of words at once; the second copy goes, so that its toll and
    its action are read once. A run shorter than DOUBLED_RUN words may be prose."""
    words = line.split()
    if len(words) < 2 * DOUBLED_RUN:
        return line
    last: dict[tuple[str, ...], int] = {}  # each run of words: where it was last seen
    j = 0
    while j + DOUBLED_RUN <= len(words):
        key = tuple(words[j : j + DOUBLED_RUN])
        i = last.get(key, j)
        last[key] = j
        k = j - i
        if k >= DOUBLED_RUN and words[i:j] == words[j : j + k]:
            words = words[:j] + words[j + k :]
            last = {}  # positions after the cut moved: read the line again from its start
            j = 0
            continue
        j += 1
    return " ".join(words)


_RELATED = re.compile(
    r"\bRelated(?: News| Articles| Stories| Posts| Content| Coverage| Topics)?\s+(?=[A-Z0-9\"'])"
)
RELATED_FROM = 0.5  # share of the line before a run-in "Related" list may start


def without_related_list(line: str) -> str:
    """ "... the monitor said. Source Agency Related News Headline one Headline two | Other
    headline ... Copyright": a page scraped into one line ends with its list of links to
    other stories, whose headlines ("Air strike kills 54 in the east") read as events. A
    capitalised "Related" (or "Related News") in the second half of the line, followed by a
    capitalised word, starts that list; the line is cut there. Prose says "related to" in
    lower case, and a list on a line of its own is page furniture already."""
    for m in _RELATED.finditer(line):
        if m.start() >= RELATED_FROM * len(line):
            return line[: m.start()].rstrip() or line
    return line


def run_in_headline(line: str, title: str) -> list[str]:
    """ "Bomb kills 30 soldiers Monitor Tuesday 6 May About 30 soldiers were killed ...": a
    body that opens with its own headline (after a day or a dateline) run into the lead with
    no full stop is cut after the headline, so that the headline and the lead are two
    sentences and a toll both give is not read twice in one (`classify` puts a full stop
    there)."""
    head = _TITLE_SUFFIX.sub("", title).split()
    words = line.split()
    n = len(head)
    if n < HEADLINE_WORDS or len(words) <= n:
        return [line]
    want = [_norm(w) for w in head]
    for at in range(min(HEADLINE_REACH, len(words) - n) + 1):
        if [_norm(w) for w in words[at : at + n]] == want:
            if _SOFT_END.search(words[at + n - 1]):
                return [line]  # the headline already ends on its own stop
            return [" ".join(words[: at + n]), " ".join(words[at + n :])]
    return [line]


def classify(raw: str, title: str = "") -> list[Line]:
    """Every non-empty line of RAW with the reason it is dropped ("" = kept), in order."""
    lines = [ln for ln in split_lines(raw) if ln]
    if lines and title:  # the headline keeps its line (and its say), as its own sentence
        lines[0] = ". ".join(run_in_headline(lines[0], title))
    prose = [i for i, ln in enumerate(lines) if is_sentence(ln, 8)]
    first_body = prose[0] if prose else len(lines)
    last_body = prose[-1] if prose else len(lines)
    title_key = _norm(title)
    seen: set[str] = set()
    out: list[Line] = []
    captions = credited_captions(lines)
    for i, ln in enumerate(lines):
        key = _norm(ln)
        protected = is_sentence(ln)
        if i in captions:
            reason = "photo caption"
        elif key and key in seen:
            reason = "repeated line"
        elif key and key == title_key and not protected:
            reason = "title"
        else:
            reason = _reason(ln, protected=protected, header=i < first_body, footer=i > last_body)
        if (not reason or i in captions) and key:
            seen.add(key)  # a caption printed twice goes both times
        out.append(Line(ln, reason))
    return _drop_teaser(out, first_body)


TEASER_LINES = 2  # a cross-link block: its heading, then a headline and maybe a lede


def is_heading(line: str) -> bool:
    """A short heading: one to three capitalised words, no sentence punctuation."""
    words = line.split()
    return (
        1 <= len(words) <= 3
        and not _SOFT_END.search(line)
        and all(w[:1].isupper() for w in words)
        and not any(ch.isdigit() for ch in line)
    )


def _drop_teaser(lines: list[Line], first_body: int) -> list[Line]:
    """ "Check Also" / "More Stories" then another story's headline and lede at the end of
    the page: a short heading after the story, followed by at most TEASER_LINES kept lines
    to the end, is a cross-link block, not the story's own text."""
    kept = [i for i, ln in enumerate(lines) if not ln.reason]
    for pos, i in enumerate(kept):
        if i <= first_body or not is_heading(lines[i].text):
            continue
        tail = kept[pos + 1 :]
        if 1 <= len(tail) <= TEASER_LINES:
            out = list(lines)
            for j in [i, *tail]:
                out[j] = Line(lines[j].text, "cross-link block")
            return out
    return lines


def clean_text(raw: str, title: str = "") -> str:
    """RAW without boilerplate lines; the kept lines as paragraphs separated by blank lines."""
    return "\n\n".join(ln.text for ln in classify(raw, title) if not ln.reason)
