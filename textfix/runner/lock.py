"""Output locks: one run at a time may write an output, its journal and its side files.

Two runs writing the same output would interleave their temporary files, journals and part
files and leave a corrupt result that looks finished. Each run takes an exclusive,
non-blocking ``flock`` on a lock file beside every file it writes (``.NAME.lock``); a second
run is refused at once with a message naming the file. The kernel releases the lock when the
process ends, however it ends, so a killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import ExitStack
from pathlib import Path

from textfix.errors import InputError

# The lock descriptors this process holds. A forked worker gets a copy of each, and the kernel
# releases an ``flock`` only when the last copy is closed: the children close theirs at once,
# so a killed run's locks never outlive it by as long as its workers take to die.
_HELD: set[int] = set()


def _close_held_in_child() -> None:
    for descriptor in _HELD:
        os.close(descriptor)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


def _unlock(descriptor: int) -> None:
    _HELD.discard(descriptor)
    os.close(descriptor)


def lock_path(target: Path) -> Path:
    """The lock file guarding ``target``.

    >>> lock_path(Path("out/clean.jsonl"))
    PosixPath('out/.clean.jsonl.lock')
    """
    return target.with_name(f".{target.name}.lock")


class OutputLocks:
    """Exclusive locks on a run's outputs, held until :meth:`release`.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "o.jsonl"
    >>> first, second = OutputLocks(), OutputLocks()
    >>> first.acquire([out])
    >>> second.acquire([out])
    Traceback (most recent call last):
    ...
    textfix.errors.InputError: another textfix run is writing .../o.jsonl; ...
    >>> first.release(); second.acquire([out]); second.release()
    """

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._paths: list[Path] = []

    def acquire(self, targets: list[Path]) -> None:
        """Lock every target, or raise InputError (holding none) when one is taken."""
        try:
            for target in targets:
                self._lock(target)
        except BaseException:
            self.release()
            raise

    def _lock(self, target: Path) -> None:
        path = lock_path(target)
        while True:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                raise InputError(
                    f"another textfix run is writing {target}; wait for it to finish, or "
                    f"write elsewhere (its lock: {path})"
                ) from None
            # The holder before us may have removed the file after we opened it: the lock is
            # only ours if the name still leads to the file we locked.
            try:
                same = os.stat(path).st_ino == os.fstat(descriptor).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(descriptor)
        _HELD.add(descriptor)
        self._stack.callback(_unlock, descriptor)
        self._paths.append(path)

    def release(self, *, remove: bool = True) -> None:
        """Remove the lock files (when ``remove``) and release the locks."""
        if remove:
            for path in self._paths:
                path.unlink(missing_ok=True)
        self._paths = []
        self._stack.close()


def check_folders(targets: list[Path]) -> None:
    """Refuse outputs in folders that do not exist: a typo in ``-o`` must not create a tree.

    >>> check_folders([Path("/no/dir/o.jsonl")])
    Traceback (most recent call last):
    ...
    textfix.errors.InputError: /no/dir: no such folder for the output /no/dir/o.jsonl
    """
    for target in targets:
        folder = target.parent
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder for the output {target}")
