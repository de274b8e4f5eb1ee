"""extract_header's options are checked when a pipeline is built, not on the first document."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import textfix
from textfix.config import Config


@pytest.mark.parametrize(
    "options",
    [
        {"min_date": "not-a-date"},
        {"max_date": "2022-13-01"},
        {"min_date": 20220101},
        {"min_date": "2022-01-01", "max_date": "2021-12-31"},
        {"date_order": "ymd"},
    ],
    ids=["bad-min", "bad-max", "not-a-string", "min-after-max", "bad-order"],
)
def test_bad_header_options_fail_at_construction(options: dict[str, Any]) -> None:
    with pytest.raises(textfix.ConfigError):
        textfix.Pipeline.from_preset("news", **options)
    with pytest.raises(textfix.ConfigError):
        Config.from_mapping({"preset": "news", "options": options})


def test_dates_given_as_date_objects_become_iso_strings() -> None:
    pipeline = textfix.Pipeline.from_preset(
        "news", min_date=dt.date(2000, 1, 1), max_date=dt.datetime(2021, 12, 31, 9, 30)
    )
    assert pipeline.config.option_dict == {"min_date": "2000-01-01", "max_date": "2021-12-31"}
    document = pipeline("12 February 2022\n\nThe council met on Thursday evening to vote.")
    assert "date" not in document.metadata  # after max_date: not taken


def test_good_header_options_are_kept() -> None:
    pipeline = textfix.Pipeline.from_preset("news", date_order="dmy", min_date="2000-01-01")
    document = pipeline("02/03/2022\n\nThe council met on Thursday evening to vote on it.")
    assert document.metadata["date"] == "2022-03-02"
