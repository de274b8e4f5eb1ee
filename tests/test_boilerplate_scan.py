"""The boilerplate scan never misses a line a rule matches: remove_boilerplate and
find_boilerplate equal their ``*_reference`` (every line folded and matched), and every line
the reference matches is among ``RuleSet.candidate_lines``.

Lines are made by taking matches of the rules (curated ones and user rules with unusual
patterns) and undoing the folding at random: case changed, spaces made whitespace runs of any
kind, quotes curled, junk and bullets added at the ends, "k" written as the Kelvin sign, "İ"
and final sigmas put in; then put among real news text.
"""

from __future__ import annotations

import csv
import re
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tests.corpora import CORPORA, HAVE_SHARED, fixture_texts, needs_shared
from textfix.boilerplate_bytes import WHITESPACE, encodings, raw_forms
from textfix.boilerplate_factors import factor_sets
from textfix.boilerplate_heads import DIGIT, Head, rule_heads
from textfix.boilerplate_index import split_branches
from textfix.boilerplate_rules import (
    _EDGE_JUNK,
    _TRAILING_JUNK,
    BoilerplateRule,
    RuleSet,
    compile_rules,
    curated_rules,
    fold_line,
    load_ruleset,
)
from textfix.boilerplate_scan import LineScan
from textfix.normalisers.boilerplate import (
    _match_lines,
    find_boilerplate,
    find_boilerplate_reference,
    remove_boilerplate,
    remove_boilerplate_reference,
    word_count,
)

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})

# --- the character facts the scan stands on ---------------------------------------------------


def test_every_raw_character_is_a_form_of_what_it_folds_to() -> None:
    # fold_line maps each character on its own (lower case, straight quotes) except "İ", the
    # one that folds to two; and capital sigma folds to a final sigma at the end of a word.
    for char in EVERY_CHARACTER:
        folded = char.translate(_QUOTES).lower()
        if char == "\u0130":
            assert folded == "i\u0307"
            continue
        assert len(folded) == 1, hex(ord(char))
        assert char in raw_forms(folded), hex(ord(char))
    assert "\u03a3" in raw_forms("ς") and ("x" + "\u03a3").lower().endswith("ς")


def test_raw_forms_fold_back() -> None:
    # (A character that is no folded character, "S", is its own form: it never needs one.)
    chars = {c for rule in curated_rules() for c in rule.pattern} | set("kiς'\"åωθß")
    for char in (c for c in chars if c.lower() == c):
        for form in raw_forms(char):
            assert form.translate(_QUOTES).lower() == char or form == "\u03a3", (char, form)


def test_whitespace_is_what_split_splits_on() -> None:
    assert set(WHITESPACE) == {c for c in EVERY_CHARACTER if c.isspace()} - {"\n"}
    assert all(f"a{c}b".split() == ["a", "b"] for c in WHITESPACE)
    # No other character lower cases to whitespace or to a line break.
    assert not [c for c in EVERY_CHARACTER if c not in WHITESPACE + "\n" and c.lower().isspace()]


def test_only_ascii_forms_of_ascii_letters_are_the_kelvin_sign_and_dotted_capital_i() -> None:
    # The scan reads ASCII letters lower cased and any other character as its UTF-8 bytes.
    found = {c for c in EVERY_CHARACTER[128:] if any(ord(x) < 128 for x in c.lower())}
    assert found == {"\u212a", "\u0130"}
    assert encodings("k") == {b"k", "\u212a".encode()}


def test_digit_class_is_str_isdecimal() -> None:
    assert re.findall(r"\d", EVERY_CHARACTER) == [c for c in EVERY_CHARACTER if c.isdecimal()]


# --- heads and factor sets cover every match ---------------------------------------------------

_BRANCHES = sorted({b for rule in curated_rules() for b in split_branches(rule.pattern)})


def starts_with(folded: str, head: Head) -> bool:
    """Whether ``folded`` starts with (or, for a complete head, is) ``head``."""
    atoms, complete = head
    if len(folded) < len(atoms) or (complete and len(folded) != len(atoms)):
        return False
    pairs = zip(folded, atoms, strict=False)
    return all(c in atom or (DIGIT in atom and c.isdecimal()) for c, atom in pairs)


def _generated(branch: str) -> st.SearchStrategy[str]:
    """Lines that ``branch`` fully matches."""
    # Hypothesis cannot generate through lookarounds: generate without them and keep the lines
    # the whole branch matches.
    source = re.sub(r"\(\?<?[=!][^()]*\)", "", branch)
    return st.from_regex(re.compile(source), fullmatch=True).filter(
        lambda line: re.fullmatch(branch, line) is not None
    )


def assert_heads_and_factors_cover(branch: str, line: str) -> None:
    if fold_line(line) != line:
        return  # no folded line: the scan need not find it (a line cannot fold to it)
    assert any(starts_with(line, head) for head in rule_heads(branch)), line
    for members in factor_sets(branch):
        assert any(member in line for member in members), (line, sorted(members))


@pytest.mark.parametrize("branch", _BRANCHES)
@settings(max_examples=40, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_starts_with_a_head_and_holds_each_factor_set(
    branch: str, data: st.DataObject
) -> None:
    assert_heads_and_factors_cover(branch, data.draw(_generated(branch)))


_ODD_PATTERNS = [
    r"(?i:breaking)",
    r"(?=.*\d).{0,20}photos?",
    r"(?!the )[a-z]+ news",
    r"a(?:b|c){2,5}d|[xy]{3}z?",
    r"\d{1,2}:\d\d (?:am|pm)",
    r"(?:[a-z]\.){2,}",
    r"k+ı?ß|σς|ω",
    r"é{2}|ü+ber|ǅ",
    r"\w+@\w+",
    r"\s*foo\s*",
    r"(?:x|)(?:y|)z",
    r"[^a]bc",
    r"'quoted' \"words\"",
]


@pytest.mark.parametrize("pattern", _ODD_PATTERNS)
@settings(max_examples=60, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_heads_and_factor_sets_of_odd_patterns(pattern: str, data: st.DataObject) -> None:
    for branch in split_branches(pattern):
        assert_heads_and_factors_cover(branch, data.draw(_generated(branch)))


# --- raw lines from folded ones ---------------------------------------------------------------


@st.composite
def raw_line(draw: st.DrawFn, folded: str) -> str:
    """A raw line that folds to (about) ``folded``: the folding undone at random."""
    out = [draw(st.text(st.sampled_from(WHITESPACE + _EDGE_JUNK), max_size=3))]
    for char in folded:
        if char == " ":
            out.append(draw(st.text(st.sampled_from(WHITESPACE), min_size=1, max_size=3)))
        elif draw(st.booleans()):
            out.append(draw(st.sampled_from(sorted(raw_forms(char)))))
        else:
            out.append(char)
    out.append(draw(st.text(st.sampled_from(WHITESPACE + _TRAILING_JUNK), max_size=3)))
    return "".join(out)


_PROSE = (
    "The talks in Geneva ended without agreement after six long hours on Friday.",
    "Officials said they would meet again next week in Vienna, Reuters reported.",
    "“It was a difficult day,” the minister said: “we will try again.”",
    "Share prices fell 3% in London; the pound rose to $1.21.",
    "Photo: the harbour at dawn. Reporting by the Kyiv bureau, 24/7 coverage.",
)
_FRAGMENTS = (
    "\u0130stanbul",
    "\u212a",
    "ΣΟΦΟΣ ΛΟΓΟΣ",
    "İ",
    "\ud800",
    "x" * 400,
    "\u00a0\u2028",
    "",
    "* * *",
    "—",
    "…",
    "• ",
)


def document(rules: list[BoilerplateRule]) -> st.SearchStrategy[str]:
    """A document of prose, odd fragments and raw lines made from matches of ``rules``."""
    matches = st.sampled_from(rules).flatmap(
        lambda rule: _generated(rule.pattern).flatmap(lambda f: raw_line(f))
    )
    lines = st.lists(
        st.sampled_from(_PROSE) | st.sampled_from(_FRAGMENTS) | matches | st.text(max_size=8),
        min_size=1,
        max_size=12,
    )
    return st.tuples(lines, st.sampled_from(["\n", "\n\n"])).map(lambda x: x[1].join(x[0]))


def assert_scan_sound(text: str, ruleset: RuleSet) -> None:
    numbers = ruleset.candidate_lines(text)
    if numbers is None:
        return
    matched = _match_lines(text.split("\n"), ruleset)
    missed = [i for i, rule in enumerate(matched) if rule is not None and i not in numbers]
    assert missed == [], [text.split("\n")[i] for i in missed]
    assert numbers == sorted(set(numbers))


_CURATED = list(curated_rules())


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(text=document(_CURATED))
@example("\u212aomments")
@example("Advert\u0130sement")
@example("ΣΧΟΛΙΑ\n\nFollow us on Twitter")
@example("• • •\n—\n…\n* Advertisement *")
@example("   \t \u00a0Share\u2028this\u3000article ›")
def test_curated_scan_is_sound_and_removal_equals_reference(text: str) -> None:
    assert_scan_sound(text, load_ruleset())
    assert find_boilerplate(text) == find_boilerplate_reference(text)


_USER_RULES = [
    BoilerplateRule(f"x.odd{number}", pattern) for number, pattern in enumerate(_ODD_PATTERNS)
] + [
    BoilerplateRule("x.subscribe", r"подпишитесь|abonnez-vous.{0,20}"),
    BoilerplateRule("x.quote", r"“?tap here”?|'tap'"),
]


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(text=document(_USER_RULES))
def test_user_rule_scan_is_sound(text: str) -> None:
    ruleset = compile_rules(_USER_RULES)
    assert_scan_sound(text, ruleset)
    lines = text.split("\n")
    matched = _match_lines(lines, ruleset)
    numbers = ruleset.candidate_lines(text)
    if numbers is not None:
        assert [m if i in numbers else None for i, m in enumerate(matched)] == matched


def test_a_rule_that_could_match_any_line_turns_the_scan_off() -> None:
    assert compile_rules([BoilerplateRule("x.any", r"[^x]{3,}")]).candidate_lines("a\nb") is None
    # A literal to look for is enough.
    foo = compile_rules([BoilerplateRule("x.foo", r".*foo")])
    assert foo.candidate_lines("a\nb") == [] and foo.candidate_lines("a\nthe FOO") == [1]
    assert load_ruleset().candidate_lines("İstanbul\nAdvertisement") is None
    assert LineScan(["advertisement"]).candidates("Talks.\n\nAdvertisement") == [2]


def test_patterns_with_line_breaks_and_empty_matches_are_read() -> None:
    scan = LineScan(["foo\\nbar", "x\\n", "\\n", "(?:)", "a?", "(?:.{0,150}\\n)?all rights"])
    assert scan.candidates("foo\nbar\nAll rights\nx") == [2]


def test_user_rule_files_equal_reference(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    body = "".join(
        f"[[rule]]\nid = 'x.{n}'\npattern = '''{p}'''\n" for n, p in enumerate(_ODD_PATTERNS)
    )
    rules.write_text(body, encoding="utf-8")
    texts = ["\n".join(_PROSE), "Breaking\n\n" + "\n".join(_PROSE), "k ß\n12:30 pm\nfoo"]
    for text in texts:
        assert remove_boilerplate(text, rules=str(rules)) == remove_boilerplate_reference(
            text, rules=str(rules)
        )


# --- real text -------------------------------------------------------------------------------


def _real_documents() -> list[str]:
    """Guardian, NYT and BBC articles, or without the shared corpora the fixtures' articles."""
    if not HAVE_SHARED:
        return [text for text in fixture_texts() if text.count("\n") >= 4]
    folder = CORPORA / "guardian_nyt_russia_ukraine_2022"
    docs = []
    for name in ("Guardians_Russia_Ukraine.csv", "NYT_Russia_Ukraine.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            docs += [f"{r['headlines']}\n\n{r['articles']}" for r in csv.DictReader(handle)][::3]
    with tarfile.open(CORPORA / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz") as archive:
        members = sorted((m for m in archive.getmembers() if m.name.endswith(".txt")), key=str)
        for member in members[::4]:
            handle = archive.extractfile(member)
            if handle is not None:
                docs.append(handle.read().decode("utf-8", errors="replace"))
    return docs


REAL_DOCUMENTS = _real_documents()
_BOILERPLATE = [
    "Advertisement",
    "  • Share this article",
    "Photograph: Sergei Supinsky/AFP via Getty Images",
    "Reuters contributed reporting.",
    "© 2022 The Associated Press. All rights reserved.",
    "Most read",
    "12:30",
    "Sign up to First Edition, our free daily newsletter",
    "Follow us on Twitter",
    "READ MORE: Oil prices rise",
    "Jane Doe/Reuters",
    "press@example.com",
]


def _with_boilerplate(doc: str, number: int) -> str:
    lines = doc.split("\n")
    at = number % (len(lines) + 1)
    return "\n".join([*lines[:at], _BOILERPLATE[number % len(_BOILERPLATE)], *lines[at:]])


@pytest.mark.parametrize(
    "make", [lambda d, n: d, _with_boilerplate, lambda d, n: d.upper(), lambda d, n: d.lower()]
)
def test_real_documents_equal_reference(make: Callable[[str, int], str]) -> None:
    ruleset = load_ruleset()
    for number, doc in enumerate(REAL_DOCUMENTS):
        text = make(doc, number)
        assert_scan_sound(text, ruleset)
        assert remove_boilerplate(text) == remove_boilerplate_reference(text), number


@needs_shared  # the fixtures' articles hold boilerplate on purpose
def test_real_documents_are_mostly_ruled_out_by_the_scan() -> None:
    ruleset = load_ruleset()
    candidates = [ruleset.candidate_lines(doc) for doc in REAL_DOCUMENTS]
    assert sum(c == [] for c in candidates) > 0.8 * len(candidates)


@settings(max_examples=300)
@given(folded=st.sampled_from(_CURATED).flatmap(lambda r: _generated(r.pattern)), data=st.data())
def test_a_raw_line_of_a_match_is_a_candidate_wherever_it_stands(
    folded: str, data: st.DataObject
) -> None:
    line = data.draw(raw_line(folded))
    ruleset = load_ruleset()
    assume(ruleset.match(fold_line(line)) is not None)
    doc = data.draw(st.sampled_from(REAL_DOCUMENTS[:50]))
    lines = doc.split("\n")
    at = data.draw(st.integers(0, len(lines)))
    text = "\n".join([*lines[:at], line, *lines[at:]])
    numbers = ruleset.candidate_lines(text)
    assert numbers is None or at in numbers


# --- linear time on inputs aimed at the scan --------------------------------------------------

_ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "head-then-spaces": lambda n: "The" + " \u00a0\t" * (n // 3) + "associated",
    "junk-run": lambda n: "•·- " * (n // 4),
    "junk-lines": lambda n: "* * *\n—\n" * (n // 8),
    "digits": lambda n: "1" * n,
    "digit-lines": lambda n: "12:30\n" * (n // 6),
    "share-row": lambda n: "share x " * (n // 8),
    "colons": lambda n: "photo: " * (n // 7),
    "slashes": lambda n: "a/reuters/" * (n // 10),
    "letters-gate": lambda n: "contributed " * (n // 12),
    "cyrillic": lambda n: "реклама " * (n // 8),
    "curly-quotes": lambda n: "“" * n,
    "kelvin": lambda n: "\u212a" * n,
    "trailing-junk": lambda n: "Advertisement" + ".…!" * (n // 3),
}


@pytest.mark.slow
@pytest.mark.parametrize("pattern", list(_ADVERSARIAL))
def test_remove_boilerplate_time_scales_linearly(pattern: str) -> None:
    from tests.test_linear_time import assert_linear

    assert_linear(remove_boilerplate, _ADVERSARIAL[pattern], f"remove_boilerplate on {pattern!r}")


# --- the shortcuts in the removal itself -------------------------------------------------------


@given(text=st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\u00a0\u2028ab.é"), max_size=30))
def test_word_count_is_split(text: str) -> None:
    assert word_count(text) == len(text.split())


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(text=document(_CURATED), share=st.sampled_from([0.0, 0.1, 0.3, 0.5, 1.0]))
def test_guard_keeps_a_document_exactly_when_removals_exceed_the_share(
    text: str, share: float
) -> None:
    # The guard counts the document's words only when a cheap lower bound cannot settle it.
    _, removals, reason = find_boilerplate(text, max_removed_share=share)
    if not removals:
        return
    removed_words = sum(len(removal.line.split()) for removal in removals)
    assert (reason is not None) == (removed_words > share * max(1, len(text.split())))
