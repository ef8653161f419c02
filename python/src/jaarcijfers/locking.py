"""One writer at a time: an exclusive OS lock (flock) on a lock file beside what a command writes.

The lock belongs to the open file description, so the operating system releases it when the
holder exits, however it exits (Ctrl-C, SIGKILL, a crash): a lock is never left behind. The
lock file stays in place and holds the holder's process id and command, so that a second
command can say whom it waits for. It is never removed: removing it while a third process
waits on it would let two processes hold two different files "locked".
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# How often a waiting command says it still waits, in seconds.
WAIT_NOTICE_INTERVAL = 60.0


class LockHeld(Exception):
    """Another process holds the lock and the caller asked not to wait."""


def _holder(handle) -> str:
    handle.seek(0)
    text = handle.read().strip()
    return text or "another process"


@contextmanager
def exclusive_lock(lock_file: Path, purpose: str, wait: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on `lock_file` for the block; yield whether it had to wait for another holder.

    `purpose` says what the holder does, in messages.
    Without `wait`, raise LockHeld naming the holder when another process holds it.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    # Opened without truncating, so that a waiting process can still read the holder's line.
    descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    with os.fdopen(descriptor, "r+", encoding="utf-8") as handle:
        waited = False
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waited = True
            holder = _holder(handle)
            if not wait:
                raise LockHeld(f"{holder} is {purpose} (lock {lock_file})") from None
            print(f"jaarcijfers: waiting: {holder} is {purpose} (lock {lock_file})", file=sys.stderr, flush=True)
            _wait_for(handle, lock_file, purpose)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} ({' '.join(_command())})\n")
        handle.flush()
        try:
            yield waited
        finally:
            # Cleared before the lock goes, so the file never names a holder that has finished.
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_for(handle, lock_file: Path, purpose: str) -> None:
    last_notice = time.monotonic()
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            time.sleep(0.2)
        if time.monotonic() - last_notice >= WAIT_NOTICE_INTERVAL:
            last_notice = time.monotonic()
            print(
                f"jaarcijfers: still waiting: {_holder(handle)} is {purpose} (lock {lock_file})",
                file=sys.stderr,
                flush=True,
            )


def _command() -> list[str]:
    # Through `python -m jaarcijfers` argv[0] is the package's __main__.py: name the command instead.
    arguments = ["jaarcijfers", *sys.argv[1:]]
    return arguments[:6] + (["..."] if len(arguments) > 6 else [])
