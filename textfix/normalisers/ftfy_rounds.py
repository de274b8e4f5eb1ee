"""ftfy's fixing rounds for one segment, asking textfix's exact fast checks before each fix.

``ftfy.fix_and_explain`` fixes a segment in rounds (unescape HTML, fix the encoding, then the
character fixes) until a round changes nothing, and ``ftfy.fix_encoding`` runs its decoding
steps the same way. So once mojibake is repaired both loops go round once more to see that
nothing changes, and on mojibake that costs more than the repair: each does a full
``BADNESS_RE`` search of the repaired text (about 130 ns a character), and each round runs a
``str.translate`` and three regex passes for fixes with nothing to do. Measured on the noisy
benchmark's mojibake lines: 229 ms in ftfy, 66 ms here.

``fix_segment`` runs the same rounds, calling the same ftfy functions in the same order, and
skips a call only when it cannot change the text:

- ``unescape_html`` when the text holds no ``&`` (every entity starts with it);
- a decoding step when the text is ASCII or not bad: the step's first check is exactly that
  (``possible_encoding(text, "ascii")`` is ``str.isascii``; ``ftfy_triggers.is_bad`` equals
  ftfy's, tested), and it returns the text unchanged, which ends ftfy's decoding loop;
- the C1, ligature, surrogate and terminal-escape fixes when no hard trigger is there (each
  fix's pattern or table holds only hard triggers, see ``ftfy_triggers``).

The decoding itself stays ftfy's. It is reached through ``_fix_encoding_one_step_and_explain``,
the private single step of ftfy 6.3 (pinned in pyproject.toml); without it, ftfy's public
``fix_encoding`` runs the whole decoding loop. Configurations this does not cover go to
``ftfy.fix_and_explain`` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ftfy
from ftfy.fixes import unescape_html

from textfix.normalisers.ftfy_triggers import HARD_TRIGGER_RE, is_bad

# ftfy.fix_and_explain calls fix_encoding without the caller's configuration, so with ftfy's
# defaults (restore_byte_a0, replace_lossy_sequences, decode_inconsistent_utf8 all on).
_ENCODING_CONFIG = ftfy.TextFixerConfig(explain=False)
_ONE_STEP: Callable[[str, ftfy.TextFixerConfig], Any] | None = getattr(
    ftfy, "_fix_encoding_one_step_and_explain", None
)
# The fixes ftfy applies after fixing the encoding, in ftfy's order, that only act on hard
# triggers (ftfy_triggers.HARD_TRIGGERS covers their patterns and tables).
_HARD_TRIGGER_FIXES = (
    "fix_c1_controls",
    "fix_latin_ligatures",
    "fix_surrogates",
    "remove_terminal_escapes",
)
# The other fixes of a round; fix_segment covers only configurations that switch them off.
_OTHER_FIXES = ("fix_character_width", "uncurl_quotes", "fix_line_breaks", "remove_control_chars")


def covers(config: ftfy.TextFixerConfig) -> bool:
    """True when ``fix_segment`` repeats ftfy's rounds for ``config``.

    >>> covers(ftfy.TextFixerConfig(explain=False, uncurl_quotes=False, fix_line_breaks=False,
    ...     fix_character_width=False, remove_control_chars=False, normalization=None))
    True
    >>> covers(ftfy.TextFixerConfig())
    False
    """
    return (
        not config.explain
        and config.fix_encoding
        and config.normalization is None
        and not any(getattr(config, name) for name in _OTHER_FIXES)
    )


def _fix_encoding(text: str) -> str:
    """``ftfy.fix_encoding(text)``: ftfy's decoding steps until one changes nothing."""
    while is_bad(text):
        if _ONE_STEP is None:
            return ftfy.fix_encoding(text)
        fixed: str = _ONE_STEP(text, _ENCODING_CONFIG).text
        if fixed == text:
            break
        text = fixed
    return text


def fix_segment(segment: str, config: ftfy.TextFixerConfig) -> str:
    """``ftfy.fix_and_explain(segment, config).text``, skipping fixes that would change nothing.

    >>> config = ftfy.TextFixerConfig(explain=False, uncurl_quotes=False, normalization=None,
    ...     fix_line_breaks=False, fix_character_width=False, remove_control_chars=False)
    >>> fix_segment("CafÃ© &amp; \\ufb01sh", config)
    'Café & fish'
    >>> fix_segment("<b>CafÃ©</b> &amp;", config)
    '<b>Café</b> &amp;'
    """
    if not covers(config):
        return ftfy.fix_and_explain(segment, config).text
    # As ftfy decides: "auto" turns unescaping off for a segment holding a tag.
    unescape = bool(config.unescape_html) and not (
        config.unescape_html == "auto" and "<" in segment
    )
    fixes = [ftfy.FIXERS[name] for name in _HARD_TRIGGER_FIXES if getattr(config, name)]
    text = segment
    while True:
        before = text
        if unescape and "&" in text:
            text = unescape_html(text)
        text = _fix_encoding(text)
        if fixes and HARD_TRIGGER_RE.search(text):
            for fix in fixes:
                text = fix(text)
        if text == before:
            return text
