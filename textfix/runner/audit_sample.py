"""Bounded, seeded samples that merge: the same sample however a run is cut into tasks.

Each candidate gets a priority: a seeded hash of where it comes from (its source and line),
or a figure to rank by, with that hash as the tie-break. A sample keeps the ``size`` candidates
of smallest priority. Merging two samples keeps the smallest of both, so the sample of a run
is the same with one worker or eight, in one process or resumed after a kill: nothing in it
depends on which process saw which document or in what order.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import Any

Priority = tuple[float, ...]
_TIE = count()  # keeps the heap from comparing items when two priorities are equal


_MASK = (1 << 64) - 1


def seeded_hash(seed: int, *parts: object) -> int:
    """A seeded 64-bit hash of ``parts``: the same in every process and on every run (unlike
    ``hash``, which Python salts per process).

    >>> seeded_hash(0, "a.jsonl", 3) == seeded_hash(0, "a.jsonl", 3)
    True
    >>> seeded_hash(0, "a.jsonl", 3) == seeded_hash(1, "a.jsonl", 3)  # another seed
    False
    """
    text = f"{seed}\0{parts}"  # the tuple's repr: the parts with their types, unambiguous
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def mix(value: int, extra: int) -> int:
    """A 64-bit hash of ``value`` and ``extra`` (SplitMix64's finaliser): a few integer
    operations, so a key per document costs far less than hashing its name again.

    >>> mix(7, 1) != mix(7, 2) and mix(7, 1) == mix(7, 1)
    True
    """
    value = (value ^ extra) + 0x9E3779B97F4A7C15 & _MASK
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
    value = (value ^ (value >> 27)) * 0x94D049BB133111EB & _MASK
    return value ^ (value >> 31)


def as_fraction(value: int) -> float:
    """A 64-bit hash as a key in [0, 1).

    >>> as_fraction(0), as_fraction(2**64 - 1) < 1.0
    (0.0, True)
    """
    return (value >> 11) / 2**53


def sample_key(seed: int, *parts: object) -> float:
    """A seeded key in [0, 1) for ``parts`` (see :func:`seeded_hash`).

    >>> 0.0 <= sample_key(0, "a.jsonl", 3) < 1.0
    True
    """
    return as_fraction(seeded_hash(seed, *parts))


@dataclass
class Sample:
    """The ``size`` items of smallest priority seen so far.

    >>> sample = Sample(2)
    >>> for key, item in [(5.0, "e"), (1.0, "a"), (3.0, "c"), (2.0, "b")]:
    ...     sample.offer((key,), item)
    >>> sample.items()
    ['a', 'b']
    >>> other = Sample(2)
    >>> other.offer((0.5,), "z")
    >>> sample.merge(other)
    >>> sample.items()
    ['z', 'a']
    """

    size: int
    # A max-heap by priority (each priority negated), so the worst kept item is on top.
    heap: list[tuple[Priority, int, Any]] = field(default_factory=list)

    def wants(self, priority: Priority) -> bool:
        """Whether an item of ``priority`` would be kept (build costly items only then)."""
        if len(self.heap) < self.size:
            return self.size > 0
        worst = self.heap[0][0]
        if priority[0] != -worst[0]:  # the common case, decided by the first figure
            return priority[0] < -worst[0]
        return tuple(-p for p in priority) > worst

    def offer(self, priority: Priority, item: Any) -> None:
        """Keep ``item`` if it is among the ``size`` of smallest priority."""
        if not self.wants(priority):
            return
        entry = (tuple(-p for p in priority), next(_TIE), item)
        if len(self.heap) < self.size:
            heapq.heappush(self.heap, entry)
        else:
            heapq.heapreplace(self.heap, entry)

    def merge(self, other: Sample) -> None:
        """Keep the smallest of both samples."""
        for negated, _, item in other.heap:
            self.offer(tuple(-p for p in negated), item)

    def entries(self) -> Iterator[tuple[Priority, Any]]:
        """Each priority and item, smallest priority first."""
        for negated, _, item in sorted(self.heap, key=lambda e: (tuple(-p for p in e[0]), e[1])):
            yield tuple(-p for p in negated), item

    def items(self) -> list[Any]:
        """The items, smallest priority first."""
        return [item for _, item in self.entries()]

    def convert(self, function: Callable[[Any], Any]) -> None:
        """Replace each item by ``function(item)`` (turn a kept candidate into its record)."""
        self.heap = [(negated, tie, function(item)) for negated, tie, item in self.heap]

    def as_list(self) -> list[list[Any]]:
        """The sample as JSON-ready ``[priority, item]`` pairs (items must be JSON-ready)."""
        return [[list(priority), item] for priority, item in self.entries()]

    @classmethod
    def from_list(cls, size: int, pairs: list[list[Any]]) -> Sample:
        """The inverse of :meth:`as_list`.

        >>> s = Sample(3); s.offer((2.0, 1.0), {"id": "x"})
        >>> Sample.from_list(3, s.as_list()).items()
        [{'id': 'x'}]
        """
        sample = cls(size)
        for priority, item in pairs:
            sample.offer(tuple(float(p) for p in priority), item)
        return sample
