"""The shared language identifier: right on plain prose, total on any ``str``, bounded in cost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix.language import MAX_CHARS, identify_language

# Sentences written for these tests, one per language textfix knows and a few it meets in crawls.
PROSE = {
    "en": "The council said on Tuesday that the new bridge would open to traffic next spring.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke im Frühjahr abzureißen.",
    "fr": "Le conseil municipal a décidé mardi de fermer la vieille gare pendant tout l'été.",
    "es": "El ayuntamiento anunció el martes que el nuevo puente abrirá la próxima primavera.",
    "pt": "O governo português anunciou ontem um novo plano para reduzir os impostos.",
    "it": "Il consiglio comunale ha deciso martedì di chiudere la vecchia stazione per l'estate.",
    "nl": "De gemeenteraad heeft dinsdag besloten de oude brug in het voorjaar af te breken.",
    "ru": "Городской совет во вторник решил закрыть старый вокзал на всё лето.",
    "uk": "Міська рада у вівторок вирішила закрити старий вокзал на все літо.",
    "sv": "Kommunfullmäktige beslutade på tisdagen att den gamla bron ska rivas till våren.",
    "fi": "Kaupunginvaltuusto päätti tiistaina, että vanha silta puretaan ensi keväänä.",
}


@pytest.mark.parametrize("code", sorted(PROSE))
def test_prose_is_identified_confidently(code: str) -> None:
    guess = identify_language(PROSE[code])
    assert guess is not None
    assert guess.code == code
    assert guess.confidence > 0.8


@pytest.mark.parametrize("text", ["", "   ", "12:30 – 14:45", "€ 4,99 | * * *", "\n\n"])
def test_text_without_letters_has_no_language(text: str) -> None:
    assert identify_language(text) is None


def test_only_the_first_characters_are_read() -> None:
    # Swedish first, then far more German than the model is shown: the guess stays Swedish.
    text = PROSE["sv"] + " " + " ".join([PROSE["de"]] * (MAX_CHARS // 40))
    guess = identify_language(text, max_chars=len(PROSE["sv"]) + 1)
    assert guess is not None and guess.code == "sv"


def test_all_the_characters_given_are_read() -> None:
    # A short English headline, then Swedish prose: the model reads past the headline (the
    # library it wraps reads only 80 characters unless told otherwise).
    headline = "Talks Fail In Geneva As Leaders Meet Again After Six Long Hours Of Debate Tuesday."
    assert len(headline) > 80
    guess = identify_language(headline + " " + " ".join([PROSE["sv"]] * 3))
    assert guess is not None and guess.code == "sv"


@given(st.text())
def test_identify_language_is_total(text: str) -> None:
    guess = identify_language(text)
    assert guess is None or (isinstance(guess.code, str) and 0.0 <= guess.confidence <= 1.0)


def test_lone_surrogates_and_controls_do_not_raise() -> None:
    assert identify_language("abc\udc80def\x00\u2028ghi") is not None
