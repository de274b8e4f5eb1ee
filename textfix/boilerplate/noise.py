"""Noise lines in crawled web text: menus, table borders, contact lines, other languages.

Text that came out of an HTML extractor still carries the page's chrome: menu words, table
borders (``||``), phone and opening-hours lines, prices, dates alone, tag lists, copyright
lines, runs of short link titles, and paragraphs in another language. ``remove_noise_lines``
removes those lines and nothing else; every removal names its rule (``noise.menu``,
``noise.language``, ...; see :mod:`textfix.boilerplate.noise_rules`).

Position and neighbourhood count. *Strong* rules (a line without words, a copyright line, a
phone number...) remove a line wherever it stands. *Weak* ones (a menu word, a teaser cut off
with " ...", a run of four or more short lines) remove a line only when it stands before the
first or after the last line of prose, or touches other noise through a chain of noise lines
holding a line named by its words (a copyright line, a site phrase, a form field): a short line
inside prose ("Kontakt" as a heading, a list of ingredients) stays. A line without words ("* * *",
"||") or in another language goes, but says nothing of its neighbours: it is a section break or
a quotation as often as chrome. Dates alone (a chain of nothing but dates) are a post's or a
comment's date and stay; a date among link titles (an event listing) goes. A line that
is not prose between two noise lines is weak noise too (``noise.between``): a stray link title
in a block of chrome goes with it, a title right above the text stays. Outside the prose the
rule reaches over spans of up to ten such lines between two lines named by their words (the
post titles of a "Related posts" block between "Share this:" and "Tags: ..."): on the tuning
pages the lines of such spans were noise 204 times in 211. A date, a line without words or in
another language bounds no span (comments between their dates). The page's first line is
its title: a position rule alone never removes it (a wiki's page name above its infobox), nor
the line right below a breadcrumb trail (a shop's product name above its price and buttons),
nor a wiki's section heading with its edit link ("Übersetzungen[Bearbeiten]": on the tuning
pages such headings were clean about nine times in ten).

A table set out line by line (rows of one shape holding figures and words, or a column of
figures; see :mod:`textfix.boilerplate.noise_tables`) is the text's data: no weak or position
rule names its lines.

The text proper starts at the first prose line with another one near it: a lone sentence
(a site's motto, a search box's help) above a menu does not make the menu part of the text.
A chain of ten or more noise lines between such a sentence and the text goes when one of its
lines is named by its words (a menu word, a site phrase) and few hold a digit; a price list or
a table's cells stay.

A line of enough words whose language the shared identifier
(:func:`textfix.language.identify_language`) names confidently, and differently from the
document's, is removed as ``noise.language`` when it stands before the first or after the last
line of prose: inside the text it is a quotation, an example or a translation as often as
noise. The document's language is read from its longer prose lines. Neighbouring languages
that the model confuses on short text (Swedish and Norwegian, Spanish and Galician, Russian and
Ukrainian...) are not told apart.

The step never looks at a removed line's neighbours in a way a second run could read
differently, so it is idempotent: strong rules read the line alone, prose lines are never
weak, and the document's language stays the same once its minority lines are gone.
"""

from __future__ import annotations

import re
from itertools import pairwise

from textfix.boilerplate.code_lines import fenced_lines
from textfix.boilerplate.noise_language import foreign_lines
from textfix.boilerplate.noise_rules import WEAK_RULES, line_rule
from textfix.boilerplate.noise_runs import mark_runs_and_between, mark_spans_outside
from textfix.boilerplate.noise_tables import table_lines
from textfix.boilerplate.remove import Removal

#: Short lines in a row, outside the prose, that read as a list of links.
#: (On the tuning pages the short lines of runs of three were noise 87% of the time, of longer
#: runs 96%: three short lines are as often an address block or a short list of the text's.)
MIN_RUN = 4
#: The most rounds of classification ``find_noise_lines`` makes (see there).
MAX_ROUNDS = 16
#: The most lines between two noise lines outside the prose that go as ``noise.between``. (On
#: the tuning pages the lines of such spans were noise 55 times in 62 for spans of two or three
#: lines, 149 in 149 for four to ten, 29 in 29 beyond; a longer one is left as a text's list.)
MAX_SPAN = 10
#: The most words a line of a link run has (on the tuning pages, lines of one to three words
#: in such runs were noise 90-93% of the time, lines of five or six words 74-79%).
MAX_RUN_WORDS = 4
HEADING_LINES = 3
#: ... and above the text proper, after a block of chrome: its title alone.
BODY_HEADING_LINES = 1
#: How near (in non-blank lines) two prose lines must be to mark out the text together.
BODY_REACH = 2
#: The fewest lines of a chain of noise lines that goes between a lone sentence and the text.
MIN_CHROME_BLOCK = 10
#: ... when fewer than one line in this many holds a digit.
MAX_DIGIT_SHARE_INVERSE = 4
HEADING_RULES = frozenset({"noise.link-run", "noise.date", "noise.between"})
_POSITION_RULES = frozenset({"noise.link-run", "noise.between"})
#: ... and the rules that do not name a line by what it says: a table's row is data.
_NAMELESS_RULES = _POSITION_RULES | {"noise.table-row"}
#: The rules of this module and of noise_rules that name a line noise only by its position.
WEAK = WEAK_RULES | {"noise.between"}
#: Strong rules whose lines go but do not take the weak lines of their chain with them (on the
#: tuning pages weak lines beside such a line alone were noise 69 times in 84, beside a line
#: named by its words 82 times in 84).
LOOSE_RULES = frozenset({"noise.no-words", "noise.language", "noise.action-link"})
#: Lines that do not bound such a span: a date (comments between their dates on the tuning
#: pages), a line without words or in another language (they say nothing of their neighbours).
UNBOUNDING: frozenset[str | None] = frozenset(
    {None, "noise.date", "noise.no-words", "noise.language"}
)
# Sentence ends that make a line of enough words prose.
# A section number in front of a heading: "1.2 Adjectif", "- 3. Ergebnisse".
_NUMBERED_RE = re.compile(r"[-•*]?\s*\d{1,3}(?:\.\d{1,3}){0,4}\.?\s+\w")
_PROSE_ENDS = (".", "!", "?", "…", '"', "”", "’", "'", ")", "»", ":")


# A wiki's edit link after a section heading, in the languages the step knows:
# "Leben[Bearbeiten | Quelltext bearbeiten]", "Forme de nom commun [modifier le wikicode]".
_WIKI_EDIT_RE = re.compile(
    r"\[(?:edit|bearbeiten|modifier|editar|modifica|bewerken|править|редагувати|ред\.|muokkaa"
    r"|redigera)(?:\s?\|\s?[^\[\]|]{1,40}|\s[^\[\]|]{1,30})?\]",
    re.IGNORECASE,
)


def is_wiki_heading(line: str) -> bool:
    """A section heading with a wiki's edit link after it: the article's own heading.

    >>> is_wiki_heading("Substantiv, f[Bearbeiten]")
    True
    >>> is_wiki_heading("Källor[redigera | redigera wikitext]")
    True
    >>> is_wiki_heading("[edit]"), is_wiki_heading("Press [Edit] to change the name.")
    (False, False)
    """
    stripped = line.strip()
    start = stripped.rfind("[")
    return (
        start > 0
        and stripped.endswith("]")
        and _WIKI_EDIT_RE.fullmatch(stripped, start) is not None
    )


def is_prose_line(line: str) -> bool:
    """True for a line that reads as running text: 8+ words ending a sentence, or 16+ words.

    >>> is_prose_line("Die Wirkung von Ozon wird an der Station gemessen.")
    True
    >>> is_prose_line("Kontakt")
    False
    """
    words = len(line.split())
    return words >= 16 or (words >= 8 and line.rstrip().endswith(_PROSE_ENDS))


def _is_short(line: str) -> bool:
    """A line that can belong to a list of links: a few words, not starting in lower case (a
    wrapped sentence or a verse does), not ending a sentence or a clause, and not a field
    label ("Téléphone:"), nor a numbered heading ("- 1.2 Adjectif": a table of contents, on
    the tuning pages clean 22 times in 36)."""
    stripped = line.strip()
    words = len(stripped.split())
    return (
        0 < words <= MAX_RUN_WORDS
        and not stripped[:1].islower()
        and not stripped.endswith((".", "!", "?", ",", ";", ":"))
        and _NUMBERED_RE.match(stripped) is None
    )


def classify_lines(lines: list[str], *, foreign_language: bool = True) -> list[str | None]:
    """The rule that removes each line (``None``: the line stays), position rules applied.

    >>> classify_lines(["Impressum", "", "Das Rentier kann bis zu 70 km pro Stunde laufen.", "||"])
    ['noise.menu', None, None, 'noise.no-words']
    >>> classify_lines(["Erster Satz der Seite mit genug Wörtern am Stück.", "Kontakt",
    ...                 "Zweiter Satz der Seite mit genug Wörtern am Stück."])
    [None, None, None]
    """
    rules = [line_rule(line) for line in lines]
    if foreign_language:
        for index in foreign_lines(lines, rules):
            rules[index] = "noise.language"
    # A table's rows are the text's data: no weak rule names them, nor do the position rules.
    table = table_lines(lines, rules)
    for index in table:
        rules[index] = None
    nonblank = [index for index, line in enumerate(lines) if line.strip()]
    mark_runs_and_between(lines, rules, nonblank, table, MIN_RUN, _is_short, is_prose_line)
    chains = _chains(rules, nonblank)
    # The prose: lines of running text that no rule names, and those a weak rule names ("…,
    # 3-5 arbetsdagar.") outside any chain holding a strong line (a line that goes anyway never
    # counts: a page's prose would shrink on a second run); none of them is ever removed.
    prose = [i for i in nonblank if rules[i] is None and is_prose_line(lines[i])]
    prose += [
        i
        for chain, strong in chains
        if not strong
        for i in chain
        if rules[i] in WEAK and is_prose_line(lines[i])
    ]
    first = min(prose, default=len(lines))
    last = max(prose, default=-1)
    # Outside the prose, a short span of lines between two noise lines is chrome too (related
    # posts, a footer's column of links): ``noise.between`` reaches over up to MAX_SPAN lines.
    mark_spans_outside(
        lines,
        rules,
        nonblank,
        table,
        lambda i: i < first or i > last,
        UNBOUNDING,
        MAX_SPAN,
        is_prose_line,
    )
    chains = _chains(rules, nonblank)
    # The text proper starts at the first prose line that has another one near it: a long block
    # of chrome between a lone sentence and the text goes too (a site motto above a menu).
    body = _body(sorted(prose), nonblank)
    body_first = min(body, default=len(lines))
    body_last = max(body, default=-1)
    # The short lines right above the first prose line are the text's title and subtitles; a
    # table's row written with pipes ("|Sarja||Valioliiga|", a wiki's infobox ending right
    # above the text) is never a title.
    above = [i for i in nonblank if i < first][-HEADING_LINES:]
    heading = {
        index
        for index in above + [i for i in nonblank if i < body_first][-BODY_HEADING_LINES:]
        if not lines[index].lstrip().startswith("|")
    }
    # The page's first line is its title ("Jalokastanja" above a wiki's infobox): a position
    # rule alone does not remove it (on the tuning pages a first line named by one was clean 16
    # times in 37). A table's row is no title there either.
    title = nonblank[0] if nonblank and not lines[nonblank[0]].lstrip().startswith("|") else -1
    # So is the line right below a breadcrumb trail ("Home › Garden › Watering"): the page's
    # title, as a shop or a help centre lays it out.
    titles = {title} | {
        below for above, below in pairwise(nonblank) if rules[above] == "noise.breadcrumb"
    }
    titles.update(index for index in nonblank if is_wiki_heading(lines[index]))
    keep = set(prose)
    removed: list[str | None] = [None] * len(lines)
    for chain, strong in chains:
        outside = chain[-1] < first or chain[0] > last
        dates_alone = all(rules[index] == "noise.date" for index in chain)
        fringe = (chain[-1] < body_first or chain[0] > body_last) and _is_chrome_block(
            lines, rules, chain
        )
        for index in chain:
            rule = rules[index]
            if (rule in HEADING_RULES and index in heading) or dates_alone:
                continue
            if rule in _POSITION_RULES and index in titles:
                continue
            # A line in another language inside the text is a quotation, an example or a
            # translation as often as noise (on the tuning pages noise 30 times in 40, outside
            # the text 19 in 20): it goes only outside.
            if rule == "noise.language" and not outside:
                continue
            by_place = outside or (fringe and index not in keep)
            if by_place or rule not in WEAK or (strong and rule != "noise.link-run"):
                removed[index] = rule
    return removed


def _is_chrome_block(lines: list[str], rules: list[str | None], chain: list[int]) -> bool:
    """A long chain of noise lines, few of them with a digit, one of them named by what it
    says (a menu word, a site phrase): a menu or a list of links, not a page's facts (prices,
    hours, addresses) or a table set out line by line."""
    digits = sum(any(char.isdigit() for char in lines[index]) for index in chain)
    named = any(rules[index] not in _NAMELESS_RULES for index in chain)
    return (
        named and len(chain) >= MIN_CHROME_BLOCK and digits * MAX_DIGIT_SHARE_INVERSE < len(chain)
    )


def _body(prose: list[int], nonblank: list[int]) -> list[int]:
    """The prose lines that mark out the text: those with another prose line at most
    ``BODY_REACH`` non-blank lines away. A lone sentence in a page's chrome (a site's motto
    between two menus) does not stretch the text over the menus; a page whose prose lines are
    all alone keeps them all."""
    position = {index: rank for rank, index in enumerate(nonblank)}
    ranks = [position[index] for index in prose]
    body = [
        index
        for k, index in enumerate(prose)
        if (k > 0 and ranks[k] - ranks[k - 1] <= BODY_REACH)
        or (k + 1 < len(prose) and ranks[k + 1] - ranks[k] <= BODY_REACH)
    ]
    return body or prose


def _chains(rules: list[str | None], nonblank: list[int]) -> list[tuple[list[int], bool]]:
    """The chains of noise lines (neighbours among the non-blank lines), each with whether it
    holds a line a strong rule names: such a chain goes as a whole, short link lines apart."""
    chains = []
    start = 0
    while start < len(nonblank):
        if rules[nonblank[start]] is None:
            start += 1
            continue
        end = start
        while end + 1 < len(nonblank) and rules[nonblank[end + 1]] is not None:
            end += 1
        chain = nonblank[start : end + 1]
        chains.append((chain, any(rules[i] not in WEAK | LOOSE_RULES for i in chain)))
        start = end + 1
    return chains


#: What the neighbourhood rules read in place of a line of fenced code: a sentence, since code
#: is part of the text.
_CODE_STAND_IN = "This line stands for a line of code, which is part of the text and stays."


def find_noise_lines(text: str, *, foreign_language: bool = True) -> tuple[str, list[Removal]]:
    """The text without its noise lines, and the removals.

    The position rules read a line's neighbours, which a removal changes: a line between two
    removed lines, or a run of short lines that a removal joins, may be noise on the cleaned
    text. So the lines are classified again without the removed ones, until a round removes
    nothing (at most ``MAX_ROUNDS`` rounds; two on almost every page), and the cleaned text is
    what a second call leaves alone.

    >>> text = "Etusivu\\nKoira juoksi pihalla koko päivän ja haukkui."
    >>> cleaned, removals = find_noise_lines(text)
    >>> cleaned, [r.rule_id for r in removals]
    ('Koira juoksi pihalla koko päivän ja haukkui.', ['noise.menu'])
    """
    if not text:
        return text, []
    lines = text.split("\n")
    code = fenced_lines(lines)
    # Code is content: its lines are read as prose by the neighbourhood rules, never removed.
    read = [_CODE_STAND_IN if index in code else line for index, line in enumerate(lines)]
    removed: list[str | None] = [None] * len(lines)
    alive = list(range(len(lines)))
    for _ in range(MAX_ROUNDS):
        found = classify_lines([read[index] for index in alive], foreign_language=foreign_language)
        new = [
            (index, rule)
            for index, rule in zip(alive, found, strict=True)
            if rule is not None and index not in code
        ]
        if not new:
            break
        for index, rule in new:
            removed[index] = rule
        alive = _kept(lines, removed)
    removals = [
        Removal(index + 1, lines[index], rule)
        for index, rule in enumerate(removed)
        if rule is not None
    ]
    if not removals:
        return text, []
    return "\n".join(lines[index] for index in alive), removals


def _kept(lines: list[str], removed: list[str | None]) -> list[int]:
    """The indices of the kept lines; a blank line left beside another (or at an edge) by a
    removal goes."""
    kept: list[int] = []
    gap = False  # a line was removed since the last kept line with text
    for index, (line, rule) in enumerate(zip(lines, removed, strict=True)):
        if rule is not None:
            gap = True
            continue
        if not line.strip():
            if gap and (not kept or not lines[kept[-1]].strip()):
                continue
        else:
            gap = False
        kept.append(index)
    if gap:
        while kept and not lines[kept[-1]].strip():
            kept.pop()
    return kept


def remove_noise_lines(text: str, *, foreign_language: bool = True) -> str:
    """Remove the noise lines of crawled web text (menus, borders, contact lines, ...).

    ``foreign_language=False`` keeps lines in another language than the document's.

    >>> remove_noise_lines("Startseite | Über uns | Kontakt\\n\\nDas Rentier ist ein Hirsch.")
    'Das Rentier ist ein Hirsch.'
    >>> remove_noise_lines("Kontakt\\n\\nKontakt is a Dutch word for contact, the sign said.")
    'Kontakt is a Dutch word for contact, the sign said.'
    >>> remove_noise_lines("The talks failed.\\nCopyright is a subject of the talks.")
    'The talks failed.\\nCopyright is a subject of the talks.'
    """
    return find_noise_lines(text, foreign_language=foreign_language)[0]


def explain_noise_lines(text: str, *, foreign_language: bool = True) -> tuple[str, list[str]]:
    """``remove_noise_lines`` plus a note per removed line naming its rule.

    >>> explain_noise_lines("Der Preis ist hoch, sagte die Ministerin am Montag.\\n© 2020 ACME")[1]
    ["removed by noise.copyright: '© 2020 ACME'"]
    """
    cleaned, removals = find_noise_lines(text, foreign_language=foreign_language)
    return cleaned, [f"removed by {r.rule_id}: {r.line!r}" for r in removals]
