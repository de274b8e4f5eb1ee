"""textfix's spelled-out tables of ftfy's ``BADNESS_RE`` and triggers equal what the installed
ftfy's regexes say (read through their syntax trees in ``tests/ftfy_triggers_oracle.py``)."""

from __future__ import annotations

from ftfy import fixes
from ftfy.badness import BADNESS_RE
from ftfy.chardata import C1_CONTROL_RE, HTML_ENTITY_RE, LIGATURES

from tests import ftfy_triggers_oracle as oracle
from textfix.normalisers import ftfy_triggers


def test_alternatives_are_badness_re_item_by_item() -> None:
    assert list(ftfy_triggers.ALTERNATIVES) == oracle.alternatives(BADNESS_RE)


def test_width_is_badness_re_width() -> None:
    assert oracle.width(BADNESS_RE) == ftfy_triggers.BADNESS_WIDTH


def test_derived_sets_equal_those_read_from_the_regex() -> None:
    parsed = oracle.alternatives(BADNESS_RE)
    assert ftfy_triggers.derive_prone_chars(parsed) == ftfy_triggers.PRONE_CHARS
    assert ftfy_triggers.derive_badness_screen(parsed) == (
        ftfy_triggers._LONE,
        ftfy_triggers._PAIRS,
    )


def test_hard_triggers_equal_ftfys_regexes() -> None:
    assert (
        frozenset(
            {oracle.first_literal(HTML_ENTITY_RE), oracle.first_literal(fixes.ANSI_RE)}
            | oracle.class_chars(C1_CONTROL_RE)
            | oracle.class_chars(fixes.SURROGATE_RE)
            | set(LIGATURES)
        )
        == ftfy_triggers.HARD_TRIGGERS
    )
    assert chr(oracle.first_literal(fixes.ANSI_RE)) == ftfy_triggers.TERMINAL_ESCAPE
