"""Walking input folders: each file once, symlinked folders followed, loops and repeats
reported, ``--glob`` matched as ``Path.glob`` matches but through symlinks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Literal


@dataclass
class Skipped:
    """What a walk of the inputs passed over, for the run's summary: files of a format
    textfix does not read (a ``README.md``, ``LICENSE``), and folders or files reached a second
    time (an input given twice or inside another, a symlink to a folder already read), whose
    documents are read once. Counted, with the first few names.

    >>> skipped = Skipped()
    >>> for name in ("a.md", "b.cor", "c.sgm", "d.pdf"):
    ...     skipped.add(name)
    >>> skipped.add("current", repeat=True)
    >>> skipped.count, skipped.examples, skipped.repeated, skipped.repeated_examples
    (4, ['a.md', 'b.cor', 'c.sgm'], 1, ['current'])
    """

    count: int = 0
    examples: list[str] = field(default_factory=list)
    repeated: int = 0
    repeated_examples: list[str] = field(default_factory=list)

    def add(self, name: str, *, repeat: bool = False) -> None:
        """Count one more skipped file (``repeat``: a folder or file read already)."""
        if repeat:
            self.repeated += 1
            if len(self.repeated_examples) < 3:
                self.repeated_examples.append(name)
            return
        self.count += 1
        if len(self.examples) < 3:
            self.examples.append(name)

    def describe(self) -> str:
        """The summary's line about them (empty when nothing was skipped).

        >>> Skipped(2, ["notes.md", "x.cor"]).describe()
        'skipped 2 files of unknown format in input folders (notes.md, x.cor); read them ...'
        >>> Skipped(0, [], 1, ["bbc/tech"]).describe()
        'skipped 1 folder or file read already under another name (bbc/tech)'
        """
        parts = []
        if self.count:
            parts.append(
                f"skipped {self.count} file{'s' if self.count > 1 else ''} of unknown format in "
                f"input folders ({_listed(self.examples, self.count)}); read them with "
                "--input-format or pick files with --glob"
            )
        if self.repeated:
            many = "s" if self.repeated > 1 else ""
            parts.append(
                f"skipped {self.repeated} folder{many} or file{many} read already under another "
                f"name ({_listed(self.repeated_examples, self.repeated)})"
            )
        return "; ".join(parts)


def _listed(examples: list[str], count: int) -> str:
    return ", ".join(examples) + (", ..." if count > len(examples) else "")


#: What a walk finds: a file (or anything not a folder), or a folder it reports instead of
#: entering: one that cannot be listed, a symlink back to a folder it is inside (a loop), or one
#: read already under another name (a repeat).
WalkKind = Literal["file", "unreadable", "loop", "repeat"]


@dataclass
class Walk:
    """One input folder's walk; ``walked`` (shared by a run's inputs) holds every folder read."""

    root: Path  # resolved
    walked: set[tuple[int, int]]

    def files(
        self,
        folder: Path,
        max_depth: int | None = None,
        above: frozenset[tuple[int, int]] = frozenset(),
    ) -> Iterator[tuple[Path, WalkKind]]:
        """Every file under ``folder`` in ``sorted(folder.rglob("*"))`` order, lazily, with
        the folders that are not entered (to be reported, never skipped in silence).

        Sorting paths compares them part by part, which is a depth-first walk taking each
        directory's entries in name order. Symlinked folders are followed, as ``find -L``
        does, when they lead out of the input folder; one that leads back inside it is a
        ``repeat`` (its files are read under their own names), or a ``loop`` when it leads to a
        folder it is inside. No folder is read twice. ``max_depth`` stops at that many levels
        (a ``--glob`` without ``**`` cannot match deeper).

        >>> import tempfile
        >>> root, away = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
        >>> (root / "a").mkdir(); _ = (root / "a" / "x.txt").write_text("x")
        >>> _ = (away / "y.txt").write_text("y")
        >>> (root / "a" / "up").symlink_to(root, target_is_directory=True)
        >>> (root / "same").symlink_to(root / "a", target_is_directory=True)
        >>> (root / "out").symlink_to(away, target_is_directory=True)
        >>> walk = Walk(root.resolve(), set())
        >>> [(p.relative_to(root).as_posix(), kind) for p, kind in walk.files(root)]
        [('a/up', 'loop'), ('a/x.txt', 'file'), ('out/y.txt', 'file'), ('same', 'repeat')]
        """
        identity = identity_of(folder)
        above = above | {identity}
        self.walked.add(identity)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(
                    (entry.name, _folder_identity(entry), entry.is_symlink()) for entry in listing
                )
        except OSError:
            return  # the folder itself was yielded, and reading it reports why
        for name, child_identity, linked in entries:
            child = folder / name
            if child_identity is None:
                yield child, "file"
            elif child_identity in above:
                yield child, "loop"
            elif child_identity in self.walked or (linked and self._inside(child)):
                yield child, "repeat"
            elif not os.access(child, os.R_OK | os.X_OK):
                yield child, "unreadable"
            elif max_depth is None or max_depth > 1:
                deeper = None if max_depth is None else max_depth - 1
                yield from self.files(child, deeper, above)

    def _inside(self, link: Path) -> bool:
        """Whether a symlinked folder leads back inside the input folder."""
        target = link.resolve()
        return target == self.root or self.root in target.parents


def identity_of(path: Path) -> tuple[int, int]:
    """The device and inode of ``path`` (followed if a symlink): the same file under any name."""
    info = path.stat()
    return info.st_dev, info.st_ino


def _folder_identity(entry: os.DirEntry[str]) -> tuple[int, int] | None:
    """The device and inode of the folder ``entry`` is or links to; None if it is none."""
    try:
        if not entry.is_dir():  # follows symlinks: a dangling one is not a folder
            return None
        info = entry.stat()
    except OSError:
        return None  # reading it reports why
    return info.st_dev, info.st_ino


def glob_parts(pattern: str) -> tuple[str, ...]:
    """A ``--glob`` pattern as path segments (``**`` stands for any number of folders)."""
    return tuple(part for part in pattern.split("/") if part not in ("", "."))


def max_depth(pattern: tuple[str, ...] | None) -> int | None:
    """How deep a glob can match (None: any depth, with ``**``)."""
    return None if pattern is None or "**" in pattern else len(pattern)


def matches(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether a relative path's segments match a glob's, as ``Path.glob`` matches them.

    >>> matches(("a", "b", "c.gz"), ("**", "*.gz")), matches(("c.gz",), ("**", "*.gz"))
    (True, True)
    >>> matches(("a", "c.gz"), ("*.gz",)), matches(("a", "c.gz"), ("a", "*.[gx]z"))
    (False, True)
    """
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(matches(parts[skip:], pattern[1:]) for skip in range(len(parts) + 1))
    return bool(parts) and fnmatchcase(parts[0], pattern[0]) and matches(parts[1:], pattern[1:])
