"""What the HTML report shows beyond the run's counts, collected while the run cleans.

Each worker fills an :class:`Audit` per task from what cleaning already records (the steps
that changed a document and the rule of every removed line): lines removed per rule, metadata
found, dates per month, the share of each document's characters removed, and bounded seeded
samples (removed lines with context, changed documents with each step's change, the documents
that lost the most, errors). The parent merges the task audits as it merges ``RunStats``, and
the resume journal carries the merged audit, so a resumed or multi-worker run reports figures
of the whole run. Samples are bounded (see :mod:`textfix.runner.audit_sample`): a run of a
million documents keeps a few hundred kilobytes, never its documents.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from textfix.runner.audit_diffs import (
    MAX_LINE,
    Pending,
    changed_document,
    lines_at_removal,
    lossy_document,
    step_of_rule,
)
from textfix.runner.audit_sample import Sample, as_fraction, mix, sample_key, seeded_hash

if TYPE_CHECKING:
    from textfix.io.records import Record
    from textfix.pipeline import Pipeline
    from textfix.runner.cleaning import Cleaned
    from textfix.runner.tasks import Unit

#: Bins of the share of characters removed: 0 is "nothing removed", bin i is (i-1, i] x 5%.
SHARE_BINS = 20
#: At most this many distinct metadata keys, error reasons, or days are counted one by one.
MAX_KEYS = 200
MAX_DAYS = 40_000
#: Documents counted together (see Audit.observe): a bound on what the audit holds uncounted.
BATCH = 64
#: A sampled document holding more characters than this (its texts before and after each
#: step) is made a record when its task ends, so that what a task sends back stays small.
SHIP_CHARS = 1 << 18


@dataclass(frozen=True)
class AuditOptions:
    """How much to sample, the seed, and the run's description (command line, settings)."""

    seed: int = 0
    changes: int = 24  # changed documents shown as diffs
    per_rule: int = 4  # removed lines shown per rule
    per_error: int = 4  # examples per error reason
    top: int = 15  # documents that lost the most
    command: tuple[str, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()

    def fingerprint(self) -> dict[str, int]:
        """What makes two runs' samples comparable (a resume must keep these)."""
        return {
            "seed": self.seed,
            "changes": self.changes,
            "per_rule": self.per_rule,
            "per_error": self.per_error,
            "top": self.top,
        }


def _counted(counts: dict[str, int], key: str, n: int = 1, limit: int = MAX_KEYS) -> None:
    if key in counts or len(counts) < limit:
        counts[key] = counts.get(key, 0) + n
    else:
        counts["(other)"] = counts.get("(other)", 0) + n


@dataclass
class Audit:
    """The report's figures and samples for one task, or merged for a whole run.

    >>> from textfix.io.records import Record
    >>> from textfix.pipeline import Pipeline
    >>> from textfix.runner.cleaning import clean_record
    >>> from textfix.runner.tasks import Unit
    >>> text = "Talks failed after six long hours on Friday.\\n\\nMost read"
    >>> record = Record({"text": text}, "a", 1)
    >>> cleaned = clean_record(Pipeline.from_preset("news"), record, count_steps=True,
    ...                        want_removed=True, want_trace=True)
    >>> audit = Audit(AuditOptions())
    >>> audit.observe(record, Unit(0, "a", "a", 9), cleaned, changed=True); audit.finish()
    >>> audit.rule_lines, audit.removed_hist.index(1)  # 11 of 55 characters: the 15-20% bin
    ({'en.most-read': 1}, 4)
    >>> [step["step"] for step in audit.as_dict()["changes"][0][1]["steps"]]
    ['remove_boilerplate']
    """

    options: AuditOptions
    documents: int = 0
    chars_in: int = 0
    chars_out: int = 0
    rule_lines: dict[str, int] = field(default_factory=dict)
    rule_samples: dict[str, Sample] = field(default_factory=dict)
    metadata_keys: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    removed_hist: list[int] = field(default_factory=lambda: [0] * (SHARE_BINS + 1))
    top_losses: Sample = field(init=False)
    changes: Sample = field(init=False)
    error_reasons: dict[str, int] = field(default_factory=dict)
    error_samples: dict[str, Sample] = field(default_factory=dict)
    resumes: int = 0
    run: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.top_losses = Sample(self.options.top)
        self.changes = Sample(self.options.changes)
        # Each unit's seeded hash, so a document's key is one mix() away (cleared by finish).
        self._units: dict[tuple[str, int], int] = {}
        # Documents observed but not yet counted (see observe).
        self._waiting: list[tuple[Record, Unit, Cleaned, bool]] = []

    def _document_hash(self, record: Record, unit: Unit) -> int:
        where = (record.source, unit.start)
        base = self._units.get(where)
        if base is None:
            base = self._units[where] = seeded_hash(self.options.seed, *where)
        return mix(base, record.number)

    # -- in the worker, per document ---------------------------------------------------------

    def observe(self, record: Record, unit: Unit, cleaned: Cleaned, *, changed: bool) -> None:
        """Count one cleaned document (by :meth:`finish` at the latest); ``changed`` is the
        runner's verdict (``cleaning.counts_as_changed``), so the report and the summary agree.

        Documents are counted in batches of ``BATCH``: right after cleaning a document the
        audit's own tables are out of the processor's caches, and counting one document then
        cost several times what it costs in a run of them.
        """
        waiting = self._waiting
        waiting.append((record, unit, cleaned, changed))
        if len(waiting) >= BATCH:
            self._count_waiting()

    def _count_waiting(self) -> None:
        for record, unit, cleaned, changed in self._waiting:
            self._count(record, unit, cleaned, changed)
        self._waiting.clear()

    def _count(self, record: Record, unit: Unit, cleaned: Cleaned, changed: bool) -> None:
        """Count one cleaned document; keep it as a candidate for the samples if it may be one.

        Runs once per document of a run with a report, so it is written for speed: plain dict
        updates, and a sample candidate is built only when a sample would keep it.
        """
        document = cleaned.document
        self.documents += 1
        metadata = document.metadata
        if metadata:
            keys = self.metadata_keys
            for name in metadata:
                if name in keys:
                    keys[name] += 1
                else:
                    _counted(keys, name)
            date = metadata.get("date")
            if isinstance(date, str):
                self._count_date(date)
        before, after = len(record.text), len(document.text)
        self.chars_in += before
        self.chars_out += after
        trace = cleaned.trace
        if not trace or not changed:
            self.removed_hist[0] += 1
            return
        share = (before - after) / before if before > after else 0.0
        self.removed_hist[-int(-share * SHARE_BINS // 1)] += 1  # ceil: (0, 5%] is bin 1
        document_hash = self._document_hash(record, unit)
        for removal in cleaned.removals:
            key = as_fraction(mix(document_hash, removal.line_number))
            self._observe_removal(record, unit, cleaned, removal.rule_id, removal.line_number, key)
        key = as_fraction(document_hash)
        pending: Pending | None = None
        if share > 0.0 and self.top_losses.wants((-share, after - before, key)):
            pending = Pending(record.id, record.source, record.number, before, after, trace)
            self.top_losses.offer((-share, after - before, key), pending)
        if self.changes.wants((key,)):
            pending = pending or Pending(
                record.id, record.source, record.number, before, after, trace
            )
            self.changes.offer((key,), pending)

    def _count_date(self, date: str) -> None:
        month, months = date[:7], self.months
        if month in months:  # a month seen before: a valid one, or "(not a date)" is not 7 long
            months[month] += 1
        elif len(month) == 7 and month[:4].isdigit() and month[4] == "-" and month[5:].isdigit():
            _counted(months, month, limit=MAX_DAYS)
        else:
            _counted(months, "(not a date)", limit=MAX_DAYS)
            return
        day, days = date[:10], self.days
        if day in days:
            days[day] += 1
        elif len(day) == 10 and day[7] == "-" and day[8:].isdigit():
            _counted(days, day, limit=MAX_DAYS)

    def _observe_removal(
        self,
        record: Record,
        unit: Unit,
        cleaned: Cleaned,
        rule: str,
        line_number: int,
        key: float,
    ) -> None:
        lines = self.rule_lines
        lines[rule] = lines.get(rule, 0) + 1
        sample = self.rule_samples.get(rule)
        if sample is None:
            sample = self.rule_samples[rule] = Sample(self.options.per_rule)
        if len(sample.heap) == sample.size and key >= -sample.heap[0][0][0]:
            return  # the sample is full of smaller keys: the common case, decided cheaply
        above, line, below = lines_at_removal(cleaned.trace, line_number, step_of_rule(rule))
        item = {
            "id": record.id,
            "source": record.source,
            "number": record.number,
            "line_number": line_number,
            "above": None if above is None else above[:MAX_LINE],
            "line": line[:MAX_LINE],
            "below": None if below is None else below[:MAX_LINE],
        }
        sample.offer((key,), item)

    def finish(self) -> None:
        """At the end of a task: count what waits. The sampled documents stay texts (see
        :class:`~textfix.runner.audit_diffs.Pending`) but for the few larger than
        ``SHIP_CHARS``, made records now so that a task's result stays small."""
        self._count_waiting()
        self._settle(SHIP_CHARS)
        self._units.clear()

    def _settle(self, limit: int = 0) -> None:
        """Make the sampled documents holding at least ``limit`` characters records."""
        for sample, record in ((self.changes, changed_document), (self.top_losses, lossy_document)):
            sample.convert(partial(_settled, record, limit))

    # -- in the parent ------------------------------------------------------------------------

    def add_task(self, other: Audit | None, errors: list[dict[str, Any]]) -> None:
        """Merge a task's audit and its error records (their line numbers are already the
        input's own: a range knows the number of its first line)."""
        if other is not None:
            self.merge(other)
        for error in errors:
            reason = str(error.get("error", "")).split(":", 1)[0][:120] or "(no reason)"
            _counted(self.error_reasons, reason)
            examples = self.error_samples.get(reason)
            if examples is None:
                examples = self.error_samples[reason] = Sample(self.options.per_error)
            number = int(error["number"])
            key = sample_key(self.options.seed, error.get("source"), number)
            if examples.wants((key,)):
                raw = str(error.get("raw", ""))[:MAX_LINE]
                item = {"source": error.get("source"), "number": number, "raw": raw}
                examples.offer((key,), {**item, "error": str(error.get("error", ""))[:MAX_LINE]})

    def merge(self, other: Audit) -> None:
        """Add ``other``'s counts and keep the smallest of both samples."""
        self.documents += other.documents
        self.chars_in += other.chars_in
        self.chars_out += other.chars_out
        for mine, theirs in (
            (self.rule_lines, other.rule_lines),
            (self.metadata_keys, other.metadata_keys),
            (self.months, other.months),
            (self.days, other.days),
            (self.error_reasons, other.error_reasons),
        ):
            for key, n in theirs.items():
                _counted(mine, key, n, limit=MAX_DAYS if mine is self.days else MAX_KEYS)
        self.removed_hist = [
            a + b for a, b in zip(self.removed_hist, other.removed_hist, strict=True)
        ]
        self.top_losses.merge(other.top_losses)
        self.changes.merge(other.changes)
        for mine_samples, theirs_samples, size in (
            (self.rule_samples, other.rule_samples, self.options.per_rule),
            (self.error_samples, other.error_samples, self.options.per_error),
        ):
            for key, sample in theirs_samples.items():
                mine_samples.setdefault(key, Sample(size)).merge(sample)

    def describe(self, pipeline: Pipeline) -> None:
        """Record the versions, the command line, the settings and the pipeline's steps."""
        import ftfy

        from textfix import __version__

        self.run = {
            "textfix": __version__,
            "ftfy": ftfy.__version__,
            "python": platform.python_version(),
            "command": list(self.options.command) or list(sys.argv),
            "settings": dict(self.options.settings),
            "steps": list(pipeline.step_names),
            "options": {key: str(value) for key, value in pipeline.config.options},
        }

    def as_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready values (for the journal and the JSON report); the sampled
        documents still kept as texts are made records first, once."""
        self._settle()

        def samples(table: dict[str, Sample]) -> dict[str, list[list[Any]]]:
            return {key: sample.as_list() for key, sample in sorted(table.items())}

        return {
            "options": self.options.fingerprint(),
            "run": self.run,
            "resumes": self.resumes,
            "documents": self.documents,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "rule_lines": dict(sorted(self.rule_lines.items())),
            "rule_samples": samples(self.rule_samples),
            "metadata_keys": dict(sorted(self.metadata_keys.items())),
            "months": dict(sorted(self.months.items())),
            "days": dict(sorted(self.days.items())),
            "removed_hist": list(self.removed_hist),
            "top_losses": self.top_losses.as_list(),
            "changes": self.changes.as_list(),
            "error_reasons": dict(sorted(self.error_reasons.items())),
            "error_samples": samples(self.error_samples),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], options: AuditOptions | None = None) -> Audit:
        """The inverse of :meth:`as_dict` (``options`` gives the command line of a resume).

        >>> audit = Audit(AuditOptions(top=3)); audit.rule_lines["en.x"] = 2
        >>> again = Audit.from_dict(audit.as_dict())
        >>> again.rule_lines, again.options.top
        ({'en.x': 2}, 3)
        """
        if options is None:
            saved = data.get("options", {})
            n = {k: int(saved.get(k, v)) for k, v in AuditOptions().fingerprint().items()}
            options = AuditOptions(n["seed"], n["changes"], n["per_rule"], n["per_error"], n["top"])
        audit = cls(options)
        audit.run = dict(data.get("run", {}))
        audit.resumes = int(data.get("resumes", 0))
        audit.documents = int(data.get("documents", 0))
        audit.chars_in = int(data.get("chars_in", 0))
        audit.chars_out = int(data.get("chars_out", 0))
        for name in ("rule_lines", "metadata_keys", "months", "days", "error_reasons"):
            setattr(audit, name, {str(k): int(v) for k, v in data.get(name, {}).items()})
        hist = [int(n) for n in data.get("removed_hist", [])]
        audit.removed_hist = hist if len(hist) == SHARE_BINS + 1 else audit.removed_hist
        audit.top_losses = Sample.from_list(options.top, data.get("top_losses", []))
        audit.changes = Sample.from_list(options.changes, data.get("changes", []))
        for name, size in (
            ("rule_samples", options.per_rule),
            ("error_samples", options.per_error),
        ):
            table = {k: Sample.from_list(size, v) for k, v in data.get(name, {}).items()}
            setattr(audit, name, table)
        return audit


def start_audit(
    options: AuditOptions | None, pipeline: Pipeline, saved: dict[str, Any] | None
) -> Audit | None:
    """The parent's audit: None without a report, else a fresh one or the one a resumed run's
    journal saved (so the report covers the whole run), described with this process's command.

    >>> from textfix.pipeline import Pipeline
    >>> start_audit(None, Pipeline(), None) is None
    True
    >>> start_audit(AuditOptions(), Pipeline(), Audit(AuditOptions()).as_dict()).resumes
    1
    """
    if options is None:
        return None
    audit = Audit(options) if saved is None else Audit.from_dict(saved, options)
    audit.resumes += saved is not None
    audit.describe(pipeline)
    return audit


def _settled(record: Callable[[Pending], dict[str, Any]], limit: int, item: Any) -> Any:
    """``item`` made a record when it is a :class:`Pending` holding ``limit`` characters or more.

    >>> pending = Pending(None, "a", 1, 2, 1, [("s", "ab", "a", {})])
    >>> _settled(lossy_document, 4, pending) is pending, _settled(lossy_document, 3, pending)["id"]
    (True, None)
    """
    return record(item) if isinstance(item, Pending) and item.chars >= limit else item
