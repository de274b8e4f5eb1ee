"""``textfix learn``: corpus-learned boilerplate lines, deterministic and bounded."""

from __future__ import annotations

import random
from pathlib import Path

import orjson
from typer.testing import CliRunner

from textfix import Pipeline
from textfix.boilerplate.learn import LineCounter, learn_lines, rules_toml
from textfix.boilerplate.rules import read_rule_file
from textfix.cli import app

FOOTER = "The Ferry Gazette (est. 1889) is part of Harbour Media Group"
BODY = [
    f"Story number {n} is about the council meeting on day {n}, which lasted {n} hours. "
    "Councillors argued about the ferry timetable, the harbour wall and the cost of repairs, "
    "and agreed to meet again next month."
    for n in range(40)
]


def corpus() -> list[str]:
    docs = []
    for n, body in enumerate(BODY):
        lines = ["By Jane Smith", "", body, "", "London", ""]
        if n % 2 == 0:
            lines.append(FOOTER)
        if n % 10 == 0:
            lines.append("Rarely seen closing words here")
        docs.append("\n".join(lines))
    return docs


def test_learns_recurring_short_lines_but_not_bylines_or_single_words() -> None:
    learned, counter = learn_lines(corpus(), min_docs=5)
    assert [(item.line, item.docs) for item in learned] == [(FOOTER.lower(), 20)]
    assert counter.documents == 40


def test_learning_is_independent_of_order_and_of_splitting_across_workers() -> None:
    docs = corpus()
    expected = learn_lines(docs, min_docs=3)[0]
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    assert learn_lines(shuffled, min_docs=3)[0] == expected
    left, right = LineCounter(min_docs=3), LineCounter(min_docs=3)
    for n, doc in enumerate(shuffled):
        (left if n % 2 else right).add_document(doc)
    left.merge(right)
    assert left.learned() == expected


def test_memory_is_bounded_by_the_sketch_not_the_corpus() -> None:
    counter = LineCounter(width=1 << 16, min_docs=3)
    for n in range(5000):
        counter.add_document(f"unique line number {n} of many\n{FOOTER}")
    # Counters are a fixed 4 x 65,536 table; line texts are kept only for heavy lines.
    assert [len(row) for row in counter.rows] == [1 << 16] * 4
    assert list(counter.candidates) == [FOOTER.lower()]
    assert [item.line for item in counter.learned()] == [FOOTER.lower()]


def test_learned_rules_round_trip_through_clean(tmp_path: Path) -> None:
    docs = corpus()
    learned, counter = learn_lines(docs, min_docs=5)
    path = tmp_path / "learned.toml"
    path.write_text(rules_toml(learned, documents=counter.documents), encoding="utf-8")
    rules = read_rule_file(str(path))
    assert [rule.id for rule in rules] == [learned[0].rule_id]
    # The byline stays in the text for remove_boilerplate (extract_header would take it next).
    cleaned = Pipeline(["remove_boilerplate"], rules=str(path))(docs[0]).text
    assert FOOTER not in cleaned
    assert "By Jane Smith" in cleaned and "London" in cleaned


def test_cli_learn_then_clean_with_rules(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(b"\n".join(orjson.dumps({"text": doc}) for doc in corpus()) + b"\n")
    rules = tmp_path / "rules.toml"
    runner = CliRunner()
    result = runner.invoke(app, ["learn", str(source), "-o", str(rules), "--min-docs", "5"])
    assert result.exit_code == 0, result.output
    assert "1 lines learned from 40 documents" in result.output
    article = tmp_path / "a.txt"
    article.write_text(corpus()[0], encoding="utf-8")
    result = runner.invoke(app, ["explain", str(article), "-p", "news", "--rules", str(rules)])
    assert result.exit_code == 0, result.output
    assert "removed by learned." in result.output
    result = runner.invoke(
        app, ["explain", str(article), "-p", "news", "--skip-rule", "en.no-such-rule"]
    )
    assert result.exit_code == 2
    assert "unknown boilerplate rule id 'en.no-such-rule'" in result.output
