"""Running a pipeline over a corpus: planning, parallel workers, progress, resume, statistics.

Documents in = documents out + documents in the errors file, always: a bad record or a failure
on one document becomes an error record and the run goes on.
"""

from __future__ import annotations

from textfix.runner.cleaning import output_record
from textfix.runner.core import RunOptions, default_errors_path, run_clean
from textfix.runner.stats import RunStats
from textfix.runner.worker import error_record

__all__ = [
    "RunOptions",
    "RunStats",
    "default_errors_path",
    "error_record",
    "output_record",
    "run_clean",
]
