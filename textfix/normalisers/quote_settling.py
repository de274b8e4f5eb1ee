"""When quote repair has no work after lines were taken off a text it had repaired.

The pipeline asks after each pass whether ``repair_quotes`` would change the final text
(settling, see ``Pipeline.__call__``). A header taken off the top and a sign-off taken off the
end are the common later edits; re-running quote repair over the whole text to learn that it
changes nothing cost as much as the repair itself.

``settled_after_line_removal(output, text, style)`` answers from the lines that went instead,
given that ``repair_quotes(output) == output`` and ``text`` is ``output[a:b]`` cut at line
breaks. Quote repair reads a text paragraph by paragraph, with three facts about the whole
document (``quote_convention.DocumentFacts``); when the lines that went hold no quote mark and
none of ``[]{}`` (which decide the MediaWiki fact), the facts and the choice of paragraphs to
analyse are those of ``output``, so each paragraph of ``text`` that is a paragraph of
``output`` comes back unchanged, and so does a last paragraph that lost lines after its
marks. A first paragraph that lost lines above them is settled when the quote pre-check
shows every mark in it canonical (``quotes.precheck_settled``). Whole paragraphs that went
(a quoted headline) may hold quote marks: pairs never cross a paragraph break, so then only
the facts and the choice of paragraphs are compared. The third fact, whether
``”…”`` is the document's convention, is read from the document's language sample: it
matters only where ``”`` or ``’`` stands, and then the sample must provably be the same (a
text of up to 20,000 characters whose removed lines are not prose, with a prose line left).

>>> article = "Talks fail\\n\\nThe talks in Geneva failed, officials said on Friday.\\n\\nReuter"
>>> settled_after_line_removal(article, article[12:-8], "keep")
True
>>> settled_after_line_removal("“Fine,” she\\nsaid.\\nReuter", "said.\\nReuter", "keep")
False
>>> settled_after_line_removal("said ”x\\nReuter", "said ”x", "keep")  # an edge paragraph's mark
False
>>> body = "The minister’s talks in Geneva failed, officials said on Friday."
>>> settled_after_line_removal("‘Talks’ fail\\n\\n" + body, body, "keep")
True
>>> settled_after_line_removal("‘Talks’ fail\\n\\n" + article[12:], article[12:], "keep")
False
"""

from __future__ import annotations

import re

from textfix.normalisers.quote_convention import SAMPLE_CHARS, DocumentFacts, sample_line
from textfix.normalisers.quote_lexicon import QUOTE_CHARS
from textfix.normalisers.quotes import QuoteStyle, needs_analysis, precheck_settled
from textfix.normalisers.whitespace import whole_lines_at

# A character whose removal can change what quote repair reads in what is left: a quote
# mark (pairs, the document's quote families) or a bracket of MediaWiki markup.
_READ_RE = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS)) + "[]{}") + "]")
_PARAGRAPH_WHITESPACE = " \t\r\f\v"
_BREAK_CHARACTERS = "\n" + _PARAGRAPH_WHITESPACE


def _has_sample_line(text: str) -> bool:
    """True when a line of ``text`` is one the language sample reads as prose; read line by
    line from the top, so the first paragraph usually decides."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if any(map(sample_line, text[start:end].splitlines())):
            return True
        start = end + 1
    return False


def _same_sample(output: str, text: str, start: int, removed: str) -> bool:
    """True when the language sample of ``text``, which stands at ``start`` in ``output``, is
    provably that of ``output``, ``removed`` being the lines that went: the sample reads the
    prose lines of the first ``SAMPLE_CHARS * 20`` characters, or every line if none is prose.
    """
    window = SAMPLE_CHARS * 20
    if start == 0 and len(text) >= window:
        return True  # the same first characters: a long text that lost lines at its end
    if len(output) > window or any(map(sample_line, removed.splitlines())):
        return False
    return _has_sample_line(text)


def _paragraph_starts_at(output: str, index: int) -> bool:
    """Whether a paragraph of ``output`` (as quote repair splits it, ``PARAGRAPH_BREAK_RE``)
    starts at ``index``, the start of a line that is not blank: after a plain blank line."""
    return index == 0 or (
        output[index - 2 : index] == "\n\n"
        and (index < 3 or output[index - 3] not in _BREAK_CHARACTERS)
    )


def _same_facts(output: str, text: str, style: QuoteStyle) -> bool:
    """Whether quote repair reads the same document facts and chooses the same paragraphs to
    analyse in ``text`` as in ``output`` (the language sample aside)."""
    before, after = DocumentFacts(output), DocumentFacts(text)
    return (
        before.uses_curly == after.uses_curly
        and before.markup == after.markup
        and needs_analysis(output, style) == needs_analysis(text, style)
    )


def settled_after_line_removal(output: str, text: str, style: QuoteStyle) -> bool:
    """True when ``repair_quotes(text, quote_style=style) == text`` certainly holds, given
    that ``output`` is settled and ``text`` is what whole-line removals left of it.

    False means only "run it": ``text`` is not a run of whole lines of ``output``, a line
    that went held a quote mark or a markup bracket, or the first paragraph needs a look.
    """
    if not text or text == output:
        return text == output
    start = whole_lines_at(output, text)
    if start == -1:
        return False
    end = start + len(text)
    removed = output[:start] + "\n" + output[end:]
    head_whole = _paragraph_starts_at(output, start)
    if _READ_RE.search(removed) is not None:
        # Whole paragraphs that went (a quoted headline) take no partner from what is left;
        # then only the document's facts must stay.
        tail_whole = end == len(output) or output[end : end + 2] == "\n\n"
        if not (head_whole and tail_whole and _same_facts(output, text, style)):
            return False
    first_end = text.find("\n")
    first = text if first_end == -1 else text[:first_end]
    last = text[text.rfind("\n") + 1 :]
    if not first.strip(_PARAGRAPH_WHITESPACE) or not last.strip(_PARAGRAPH_WHITESPACE):
        return False  # a blank edge line: a paragraph break could reach across the cut
    if ("’" in text or "”" in text) and not _same_sample(output, text, start, removed):
        return False
    # The paragraphs of ``text`` are paragraphs of ``output``, but for its first and last,
    # which may have lost lines. The last reads as it did: losing lines after its last mark
    # moves no mark, and every context after a mark that quote repair reads stops at a line
    # break, which reads as the paragraph's end does. The first may not (a mark's offset in
    # the paragraph and what stands before it change): unless a paragraph break stands at the
    # cut, it is checked within the whole lines up to the first blank line.
    if head_whole:
        return True
    head_end = text.find("\n\n")
    return precheck_settled(text if head_end == -1 else text[:head_end], style)
