"""What one line of crawled text is, read from the line alone: the noise rules and their ids.

Each rule looks at a single line and answers with a rule id or ``None``. Rules come in two
strengths (see :mod:`textfix.boilerplate.noise` for how position is used):

- *strong* rules name lines that are noise wherever they stand: no word at all (a table border,
  a separator), a line of the site's own chrome ("Your email address will not be published."),
  a login form's field ("Lösenord", "Forgot your password?", a forum's "Offline"),
  a copyright line, a pipe-separated menu bar or breadcrumb trail, link texts glued together,
  a tag list, and (in ``noise.py``) a line in another language;
- *weak* rules (``WEAK_RULES``) name lines that are noise only outside the prose or in a chain
  of noise lines holding a strong one: a menu word ("Impressum", "Lue lisää"), a line opening
  like a link ("Gå till Papper & Kontor", ``noise.link``), a teaser cut off
  with " ...", a web address, a table row (``|a||b||c|``), a contact, opening-hours, price
  or date-only line, and (in
  ``noise.py``) a run of short link-like lines. On the hand-labelled pages these were right
  70-85% of the time anywhere, and far more often outside the prose.

Every pattern is linear (no nested repetition) and only lines of at most ``MAX_RULE_CHARS``
characters are read by the patterns that look for words; longer lines are prose or a paste.

>>> line_rule("||"), line_rule("© 2019 Gontxea. Todos los derechos reservados.")
('noise.no-words', 'noise.copyright')
>>> line_rule("Ma–Pe 9.00–17.00, La 10–14"), line_rule("Impressum")
('noise.opening-hours', 'noise.menu')
>>> line_rule("Der Preis stieg am 12. März auf 30 Euro, sagte er.") is None
True
"""

from __future__ import annotations

import re

from textfix.boilerplate.noise_dates import is_date_only, is_opening_hours, is_weekday_name
from textfix.boilerplate.noise_words import NOISE_WORDS

#: Lines longer than this are never read by a word rule (a copyright line or a menu bar is
#: short); the no-word rule reads every line.
MAX_RULE_CHARS = 400
#: The fewest digits of a phone number beside a label ("Puh. 123 456"), and without one.
MIN_PHONE_DIGITS = 6
MIN_BARE_PHONE_DIGITS = 8
#: The longest capitalised two-part word read as a name ("PlayStation"), not two glued links.
MAX_NAME_CHARS = 12
#: The most words of a line read as a link by how it opens ("Gå till Papper & Kontor").
MAX_LINK_WORDS = 8
#: A bar of items is a table row, not a menu, when one item in this many holds a figure.
MAX_FIGURE_SHARE_INVERSE = 3
#: Lines cut off with " ..." are teasers below this many words.
MAX_TEASER_WORDS = 15
#: The ids of the rules that count only outside the prose or beside other noise.
WEAK_RULES = frozenset(
    {"noise.menu", "noise.link", "noise.teaser", "noise.link-run", "noise.web-address"}
    | {"noise.table-row"}
    | {"noise.date"}
    | {"noise.contact", "noise.opening-hours", "noise.price"}
)

# Two letters in a row: a line without them holds no word ("||", "12.03.", "* * *", "€ 4,50").
_WORD_RE = re.compile(r"[^\W\d_]{2}")
# Bullets, arrows, pipes and quotes that scrapers leave around link text.
_EDGE = " \t\u00a0•·▶►▸›‹»«→|*-–—>[](){}:;,.!?…\"'“”„’‘"
_SPACES_RE = re.compile(r"\s+")
# A sentence's last mark or a smiley alone on a line ("?", "!", ",", ";-)"): the end of the
# sentence above, which the extractor wrapped after a link or an emphasis, or of a comment. On
# the tuning pages such lines were clean 8 times in 10 ("..." and "-" are separators: noise).
_SENTENCE_END_RE = re.compile(r"[.,;]|[!?]{1,3}|[:;=][-']?[()DPp]")
# A separator between menu items: a pipe or a bullet, spaces optional, or a middle dot with a
# space beside it: between two letters it is part of a word ("Lehrer·innen", "étudiant·e·s",
# Catalan "col·legi").
_SEPARATOR_RE = re.compile(r"\s*[|•¦]\s*|\s+·\s*|·\s+")
# Link texts the extractor glued together: a lower-case word running into a capital
# ("Logga inMitt konto", "FörhandsgranskaTill favoritlistan"). Two glue points in a short line
# were noise 60 times in 61 on the tuning pages, six or more close together 59 in 61; brand
# names (YouTube, PowerPoint) have one.
_GLUE_RE = re.compile(r"[a-zß-öø-ÿа-яё]{3}[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]")
# An arrow between breadcrumb items, with spaces around it.
_CRUMB_RE = re.compile(r"\s+[>›‹»«]\s+")
_EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
# A phone number: an optional country code, then at least seven digits in groups.
# Groups are split by one separator each, so the pattern cannot backtrack over digit runs.
_PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+|00)?(?:\(\d{1,5}\) ?)?\d{1,15}(?:[ ./-]\d{1,15}){0,6}(?!\w)"
)
_DATE_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
# Two words with a space between them: text, not a web address with a stray space in it.
_SPACED_WORDS_RE = re.compile(r"\w\s\w")
_URL_RE = re.compile(r"(?:https?://|www\.)\S{2,300}|[\w-]{2,63}(?:\.[\w-]{2,63}){0,4}\.[a-z]{2,6}")
_CURRENCY_RE = re.compile(
    r"[€$£¥₽₴]|\b(?:eur|euro|euros|usd|gbp|chf|sek|nok|dkk|kr|kronor|mk|руб|грн|zł)\b"
)
_NUMBER_RE = re.compile(r"\d")
_RIGHTS_RE = re.compile(
    "|".join(re.escape(phrase) for phrase in NOISE_WORDS.rights) + r"|©|\(c\)\s?\d{4}"
)
_COPYRIGHT_START_RE = re.compile(r"©|\(c\)|copyright(?: ?(?:©|\(c\)|\d|by\b))")
_BULLETS = "-•·*»›>–—"
# A "read more" link at the end of a teaser, in the eleven languages.
_READ_MORE_TAILS = tuple(
    f" {phrase}"
    for phrase in (
        "read more",
        "continue reading",
        "weiterlesen",
        "mehr lesen",
        "lire la suite",
        "en savoir plus",
        "leer más",
        "seguir leyendo",
        "leia mais",
        "ler mais",
        "continua a leggere",
        "leggi tutto",
        "lees meer",
        "verder lezen",
        "читать далее",
        "подробнее",
        "читати далі",
        "детальніше",
        "lue lisää",
        "lue koko juttu",
        "läs mer",
        "fortsätt läsa",
        "läs hela",
    )
)
_TEASER_ENDS = (" ...", " …", "[...]", "[…]", "(...)", "(…)", "...»", "Read more »")


def fold(line: str) -> str:
    """The line in lower case, single spaces, without edge bullets and punctuation.

    >>> fold("  » Lue lisää …")
    'lue lisää'
    """
    return _SPACES_RE.sub(" ", line.strip(_EDGE).lower())


def has_word(line: str) -> bool:
    """True when the line holds a word: two letters in a row.

    >>> has_word("12.03.2015 | 4,50 €"), has_word("Ok")
    (False, True)
    """
    return _WORD_RE.search(line) is not None


def line_rule(line: str) -> str | None:
    """The id of the rule that names ``line`` noise from its text alone, or ``None``.

    Blank lines are layout, never noise.

    >>> line_rule("Puh. 040 123 4567"), line_rule("Tags: Reisen, Norwegen, Winter")
    ('noise.contact', 'noise.tags')
    >>> line_rule("Kontakt"), line_rule("") is None
    ('noise.menu', True)
    """
    stripped = line.strip()
    if not stripped:
        return None
    if _SENTENCE_END_RE.fullmatch(stripped):
        return None
    if not has_word(stripped):
        # A date with its time ("05.11.2016, 22:40") heads a forum post or a comment as
        # often as it is chrome: it counts only outside the prose, like a dated line.
        if ":" in stripped and is_date_only(fold(stripped).split()):
            return "noise.date"
        return "noise.no-words"
    if _is_glued_menu(stripped):
        return "noise.glued-links"
    if len(stripped) > MAX_RULE_CHARS:
        return None
    folded = fold(stripped)
    words = folded.split()
    if not words:
        return "noise.no-words"
    return _word_rule(stripped, folded, words)


def _word_rule(stripped: str, folded: str, words: list[str]) -> str | None:
    count = len(words)
    if folded in NOISE_WORDS.form:
        return "noise.form"
    if folded in NOISE_WORDS.actions:
        return "noise.action-link"
    if folded in NOISE_WORDS.menu:
        return "noise.menu"
    if count <= 40 and _opening(stripped).startswith(NOISE_WORDS.phrases):
        return "noise.site-phrase"
    if count <= MAX_LINK_WORDS and _is_link_text(stripped, folded):
        return "noise.link"
    if count <= 30 and _RIGHTS_RE.search(folded) is not None and _is_rights_line(folded):
        return "noise.copyright"
    if _is_menu_bar(stripped):
        # A row of a table ("|Voßkuhle||Lübbe-Wolff||Gerhardt|") is the text's data inside it
        # and chrome only outside it: weak (on the tuning pages such rows inside the prose were
        # clean 4 times in 8, menu bars split by " | " or bullets noise 16 times in 18).
        return "noise.table-row" if _is_table_row(stripped) else "noise.menu-bar"
    if _is_breadcrumb(stripped):
        return "noise.breadcrumb"
    if count <= 4 and _is_address(folded):
        return "noise.web-address"
    if count <= 16 and is_opening_hours(stripped, folded, words):
        return "noise.opening-hours"
    if count <= 14 and _is_contact(folded):
        return "noise.contact"
    if count <= 6 and _CURRENCY_RE.search(folded) and _NUMBER_RE.search(folded):
        return "noise.price"
    # A date under a bullet ("- 7 mars 2020") is an item of a list of events: on the tuning
    # pages such lines were clean 4 times in 5. A date with its weekday written out ("lundi 8
    # juillet 2013", "Lunes, 24 de agosto de 2020") heads a diary entry or a post: clean on
    # the tuning pages each time; a bare date or time ("22 Sep 2020", "03:00") is chrome.
    if (
        count <= 8
        and stripped[:1] not in _BULLETS
        and is_date_only(words)
        and not any(is_weekday_name(word) for word in words)
    ):
        return "noise.date"
    if _is_tag_list(folded):
        return "noise.tags"
    # A line cut off with " ..." is a teaser when short; a longer one is usually a comment or a
    # post that trails off (on the tuning pages, lines of 15+ words were clean 6 times in 14).
    if (count < MAX_TEASER_WORDS and stripped.endswith(_TEASER_ENDS)) or _is_teaser(
        stripped, folded, count
    ):
        return "noise.teaser"
    return None


def _is_link_text(stripped: str, folded: str) -> bool:
    """A short line opening like a link ("Gå till Papper & Kontor", "Zurück zur Übersicht"),
    not a sentence ("Gå till vänster vid kyrkan.")."""
    return not stripped.endswith((".", "!", "?", ":", ",", ";")) and folded.startswith(
        NOISE_WORDS.link_openings
    )


def _opening(line: str) -> str:
    """The line lower-cased with single spaces and straight apostrophes, bullets off the front
    (its trailing punctuation kept: "share this:" is a phrase, "share this" a heading)."""
    return _SPACES_RE.sub(" ", line.lower().replace("’", "'")).lstrip(_EDGE)


def _is_teaser(stripped: str, folded: str, count: int) -> bool:
    """A link to a longer text: "… Fortsätt läsa »", or a short item cut off ("- Katarina...").

    A sentence that ends in the words ("She wanted to read more.") is prose: the phrase must
    follow a full stop or an ellipsis, or end in an arrow.
    """
    for tail in _READ_MORE_TAILS:
        if folded.endswith(tail):
            before = folded[: -len(tail)].rstrip()
            return stripped.endswith(("»", "›", "→", ">")) or before.endswith((".", "…", "!", "?"))
    return count <= 12 and stripped.endswith(("...", "…")) and stripped[:1] in _BULLETS


def _is_rights_line(folded: str) -> bool:
    # "copyright" inside a sentence ("the copyright of the photo is disputed") is prose: the
    # line must start with the mark, or with the word followed by the mark, a year or "by".
    return _COPYRIGHT_START_RE.match(folded) is not None or any(
        phrase in folded for phrase in NOISE_WORDS.rights if phrase != "copyright"
    )


def _is_menu_bar(line: str) -> bool:
    """Three or more short items split by pipes or bullets ("Home | News | Kontakt"), or a page
    title followed by three or more of them."""
    if "|" not in line and "•" not in line and "·" not in line and "¦" not in line:
        return False
    items = [item for item in _SEPARATOR_RE.split(line) if item.strip()]
    # A page title may lead the bar: "Talks fail again | Politics | News | Example Times".
    rest = items[1:] if len(items) >= 4 else items
    # A row of a table holds figures: "|Kenraalimajuri||Antero Karvinen (s. 1934)||1993–1994|".
    figures = sum(_NUMBER_RE.search(item) is not None for item in items)
    return (
        len(items) >= 3
        and all(len(item.split()) <= 4 for item in rest)
        and figures * MAX_FIGURE_SHARE_INVERSE < len(items)
    )


def _is_table_row(line: str) -> bool:
    """A row of table cells as extractors write it: ``|cell||cell||cell|``.

    >>> _is_table_row("|Landau||Huber||Hermanns|"), _is_table_row("Home | News | Kontakt")
    (True, False)
    """
    return line.startswith("|") and "||" in line


def _is_glued_menu(line: str) -> bool:
    """Link texts run together: two glue points in a short line ("Logga inMitt konto"), or six
    or more, one in every six words or closer, in a line of any length (a whole menu bar).

    A capitalised word of two parts ("WordPress", "PowerPoint", "JavaScript") is a name, not
    two links: its glue point does not count.
    """
    if len(_GLUE_RE.findall(line)) < 2:
        return False
    tokens = line.split()
    glue = 0
    for token in tokens:
        points = len(_GLUE_RE.findall(token))
        if points == 1 and token[:1].isupper() and len(token.strip(_EDGE)) <= MAX_NAME_CHARS:
            continue
        glue += points
    if glue < 2:
        return False
    return len(tokens) <= 8 or (glue >= 6 and glue * 6 >= len(tokens))


def _is_breadcrumb(line: str) -> bool:
    """A trail of three or more short items split by one kind of arrow: "Home > Kitchen > Knives".

    French quotes are arrows too, so a line using two kinds (« oui » puis « non ») is prose.
    """
    marks = {mark.strip() for mark in _CRUMB_RE.findall(line)}
    if len(marks) != 1:
        return False
    items = _CRUMB_RE.split(line)
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 for item in items)


def _is_address(folded: str) -> bool:
    """A web address alone: "www.example.com", "http:// www.example.de" (a space the extractor
    put beside a dot or a slash), not an address followed by words ("www.example.de
    Informationen zu den": a sentence wrapped after it).

    >>> _is_address("www.example.com"), _is_address("www.example.de informationen zu den")
    (True, False)
    """
    match = _URL_RE.fullmatch(folded.replace(" ", ""))
    if match is None:
        return False
    return " " not in folded or (
        folded.startswith(("http", "www")) and _SPACED_WORDS_RE.search(folded) is None
    )


def _is_contact(folded: str) -> bool:
    """An e-mail address, a phone number, or a contact field ("Adresse: Hauptstraße 5")."""
    if _EMAIL_RE.search(folded):
        return True
    head, colon, _ = folded.partition(":")
    if colon and head.strip() in NOISE_WORDS.contact_labels:
        return True
    phone = _PHONE_RE.search(folded)
    if phone is None or sum(char.isdigit() for char in phone.group()) < MIN_PHONE_DIGITS:
        return False
    if _DATE_RE.match(phone.group()):
        return False  # 03/02/1988, 12.03.2015 10:25: a date, not a number to call
    # A phone number beside a label ("Tel.", "Puh.") or with few words around it; without a
    # label, six or seven digits are as often a count, a version or a year range ("765 044
    # inv.", "ubuntu 18.04 64 bit", "10/1999–9/2001").
    first = folded.split(maxsplit=1)[0].rstrip(".:")
    if first in NOISE_WORDS.contact_labels:
        return True
    digits = sum(char.isdigit() for char in phone.group())
    return digits >= MIN_BARE_PHONE_DIGITS and len(folded.split()) <= 6


def _is_tag_list(folded: str) -> bool:
    """ "Tags: Reisen, Norwegen" and "Kategorier: Mat, Resor": a label, a colon, a list."""
    head, colon, rest = folded.partition(":")
    if not colon or head.strip() not in NOISE_WORDS.labels:
        return False
    items = [item for item in re.split(r"[,;|/]", rest) if item.strip()]
    return bool(items) and all(len(item.split()) <= 5 for item in items)
