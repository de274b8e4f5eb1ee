"""Damage clean text the way real pipelines do: mojibake and broken quoting.

Plain functions of ``(text, seed, options)``; they need no Hypothesis, and the strategies in
``textfix.strategies`` draw their randomness through them. Arguments are checked before any
randomness is used, so a bad option fails at once with a message that says what is allowed.
"""

from __future__ import annotations

import codecs as codec_registry
import random
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from textfix.strategies.words import Seed, as_random

#: The codecs browsers, databases and spreadsheet exports mis-decode UTF-8 with.
MOJIBAKE_CODECS: tuple[str, ...] = ("cp1252", "latin-1", "macroman")
_Replacer = Callable[[re.Match[str]], str]


@lru_cache(maxsize=32)
def byte_table(codec: str) -> dict[int, str]:
    """How ``codec`` decodes each byte, read byte by byte, for the bytes latin-1 gets wrong.

    Bytes a codec leaves undefined (0x81, 0x8D, 0x8F, 0x90 and 0x9D in cp1252) decode to the
    C1 control of the same number, as browsers (WHATWG windows-1252) and most databases do;
    ftfy calls this "sloppy" decoding. The result is a ``str.translate`` table over latin-1.

    >>> "\\x80\\x81".translate(byte_table("cp1252"))
    '€\\x81'
    >>> byte_table("utf-16")
    Traceback (most recent call last):
    ...
    ValueError: 'utf-16' is not a single-byte codec; use one of cp1252, latin-1, macroman or ...
    """
    try:
        codec_registry.lookup(codec)
    except LookupError:
        raise ValueError(f"unknown codec {codec!r}") from None
    table: dict[int, str] = {}
    defined = 0
    for byte in range(256):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            char = chr(byte)
        else:
            defined += byte >= 0x80
        if len(char) != 1:
            defined = -1
            break
        if char != chr(byte):
            table[byte] = char
    if defined < 120:  # UTF-8, UTF-16 and the CJK codecs decode few high bytes alone
        raise ValueError(
            f"{codec!r} is not a single-byte codec; use one of "
            f"{', '.join(MOJIBAKE_CODECS)} or another 8-bit code page"
        )
    return table


def check_codecs(codecs: Sequence[str]) -> tuple[str, ...]:
    """The codecs as a tuple, after checking each is a usable single-byte codec."""
    if isinstance(codecs, str):
        codecs = (codecs,)
    if not codecs:
        raise ValueError("codecs must name at least one codec")
    for codec in codecs:
        byte_table(codec)
    return tuple(codecs)


def check_rate(rate: float, name: str = "rate") -> None:
    """Raise ValueError unless ``0 < rate <= 1``."""
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate <= 1:
        raise ValueError(f"{name} must be a probability in (0, 1], got {rate!r}")


def add_mojibake(
    text: str,
    seed: Seed = 0,
    *,
    codecs: Sequence[str] = MOJIBAKE_CODECS,
    layers: int = 1,
    lost_nbsp: float = 0.0,
) -> str:
    """Encode ``text`` as UTF-8 and decode it with a codec from ``codecs``, ``layers`` times.

    ``lost_nbsp`` is the chance that each no-break space the wrong decoding produced became a
    plain space (HTML whitespace folding does this: ``"à"`` → ``"Ã\\xa0"`` → ``"Ã "``). Lone
    surrogates are encoded with ``surrogatepass``, so any ``str`` can be damaged.

    >>> add_mojibake("Café — it’s fine", codecs=("cp1252",))
    'CafÃ© â€” itâ€™s fine'
    >>> add_mojibake("Café", codecs=("macroman",), layers=2)
    'Caf‚àö¬©'
    >>> add_mojibake("déjà vu", codecs=("cp1252",), lost_nbsp=1.0)
    'dÃ©jÃ  vu'
    """
    codecs = check_codecs(codecs)
    if isinstance(layers, bool) or not isinstance(layers, int) or layers < 1:
        raise ValueError(f"layers must be an int >= 1, got {layers!r}")
    if lost_nbsp:
        check_rate(lost_nbsp, "lost_nbsp")
    rng = as_random(seed)
    for _ in range(layers):
        codec = rng.choice(codecs)
        raw = text.encode("utf-8", "surrogatepass")
        text = raw.decode("latin-1").translate(byte_table(codec))
        if lost_nbsp and "\xa0" in text:
            text = "".join(
                " " if char == "\xa0" and rng.random() < lost_nbsp else char for char in text
            )
    return text


# A curly opener after a space that follows a word: the seed's "is ‘set" before the damage.
_SWALLOWABLE_RE = re.compile(r"(?<=\w) ([‘“])(?=\w)")
# A double-quoted span on one line that padding can be added inside.
_PADDABLE_RE = re.compile(r"“([^“”\n]+)”")
_SWAP_DIRECTION = {"‘": "’", "’": "‘", "“": "”", "”": "“"}
_CURLY_RE = re.compile("[‘’“”]")
# Straight and look-alike replacements for each curly quote, as scrapers, word processors and
# LaTeX sources mix them in. Apostrophes (’ between letters) also become ´ or `.
_MIXED = {
    "“": ('"', "``", "''"),
    "”": ('"', "''"),
    "‘": ("'",),
    "’": ("'",),
}
_APOSTROPHE_LOOKALIKES = ("'", "´", "`")


def _sub_some(
    pattern: re.Pattern[str], text: str, rng: random.Random, rate: float, replace: _Replacer
) -> str:
    return pattern.sub(
        lambda match: replace(match) if rng.random() < rate else match[0],
        text,
    )


def add_stray_quotes(text: str, seed: Seed = 0, *, rate: float = 0.5) -> str:
    """Glue curly openers to the word before them, the way the seed article has them
    (``is ‘set`` → ``is’set``), and pad some double-quoted spans (``“ Go home ”``).

    Each eligible site is damaged with probability ``rate``.

    >>> add_stray_quotes("Russia is ‘set to invade’ and", rate=1.0)
    'Russia is’set to invade’ and'
    >>> add_stray_quotes("“Go home”, they said.", rate=1.0)
    '“ Go home ”, they said.'
    >>> add_stray_quotes("No quotes here.", rate=1.0)
    'No quotes here.'
    """
    check_rate(rate)
    rng = as_random(seed)
    text = _sub_some(_SWALLOWABLE_RE, text, rng, rate, lambda m: _SWAP_DIRECTION[m[1]])
    return _sub_some(_PADDABLE_RE, text, rng, rate, lambda m: f"“ {m[1]} ”")


def misdirect_quotes(text: str, seed: Seed = 0, *, rate: float = 0.3) -> str:
    """Turn curly quotes the wrong way round: ``“a game changer”`` → ``”a game changer”``,
    ``don’t`` → ``don‘t``; each quote with probability ``rate``.

    >>> misdirect_quotes("“Go,” she didn’t say.", rate=1.0)
    '”Go,“ she didn‘t say.'
    """
    check_rate(rate)
    rng = as_random(seed)
    return _sub_some(_CURLY_RE, text, rng, rate, lambda m: _SWAP_DIRECTION[m[0]])


def mix_quotes(text: str, seed: Seed = 0, *, rate: float = 0.5) -> str:
    """Replace some curly quotes with straight quotes, LaTeX or doubled apostrophes
    (``` ``word'' ```, ``''word''``), and some apostrophes with ``´`` or a backtick.

    >>> mixed = mix_quotes("“It’s late,” he said.", 1, rate=1.0)
    >>> any(q in mixed for q in "“’”")
    False
    """
    check_rate(rate)
    rng = as_random(seed)

    def replace(match: re.Match[str]) -> str:
        quote = match[0]
        start, end = match.span()
        if quote == "’" and text[start - 1 : start].isalpha() and text[end : end + 1].isalpha():
            return rng.choice(_APOSTROPHE_LOOKALIKES)
        return rng.choice(_MIXED[quote])

    return _sub_some(_CURLY_RE, text, rng, rate, replace)
