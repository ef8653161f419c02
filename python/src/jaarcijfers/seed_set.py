"""Change the seed set (seeds, the publication's archived copy, the provenance catalogue) all at once.

An extract writes several files. Renaming them one by one would leave, after a kill between two
renames, figures without their publication row. So every new file is first written in full
beside its target (`<name>.partial`), then a journal listing the renames is written and synced:
that is the commit point. The renames follow; the journal goes last. Whatever is interrupted,
the next extract, build or check finds either no journal (and removes leftover `.partial`
files: the old set stands) or a journal (and completes its renames: the new set stands).
All of it happens under the seed lock, so no two extracts interleave.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jaarcijfers.inputs import UNCHANGED
from jaarcijfers.locking import exclusive_lock
from jaarcijfers.records import ExtractionError

PARTIAL_SUFFIX = ".partial"
JOURNAL = Path("seeds") / ".extract-journal.json"
LOCK = Path("seeds") / ".extract.lock"
# Where an extract writes; leftovers of an interrupted one are looked for here.
WRITTEN_FOLDERS = (Path("seeds"), Path("publications"))


def render_seed(columns: tuple[str, ...] | list[str], rows: list[dict[str, str]]) -> str:
    """A seed file's text: the header, then each row, every source's seeds written alike."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def sha256_of(path: Path) -> str:
    """The file's sha256, as the files seeds record each loaded file and the build the published warehouse."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def refuse_replacing_archived(source: Path, archived: Path, what: str = "file") -> None:
    """An archived copy in publications/ is never replaced by another file of the same name."""
    if archived.exists() and archived.resolve() != source.resolve() and archived.read_bytes() != source.read_bytes():
        raise ExtractionError(source, 1, f"{archived} already exists with other content: rename the new {what}")


def seeds_that_differ(
    project_dir: Path, expected: dict[Path, str], files_seed: Path, listed: set[str], archived: set[str]
) -> list[str]:
    """`jaarcijfers check` for a source that loads files in order: the seeds (paths under seeds/raw/)
    whose text is not what replaying its files gives, and its files seed when it does not list
    exactly the files archived in publications/."""
    raw = project_dir / "seeds" / "raw"
    problems = [
        str(path.relative_to(raw))
        for path, text in expected.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    files_seed_name = str(files_seed.relative_to(raw))
    if listed != archived and files_seed_name not in problems:
        problems.append(files_seed_name)
    return problems


@contextmanager
def seed_lock(project_dir: Path, wait: bool = True) -> Iterator[str | None]:
    """Hold the seed set's lock; yield what was done to finish an interrupted extract, if anything."""
    with exclusive_lock(project_dir / LOCK, "changing or reading the seeds", wait=wait):
        yield complete_interrupted_extract(project_dir)


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_directory(directory: Path) -> None:
    _fsync_file(directory)


def _partial(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL_SUFFIX)


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def commit_files(project_dir: Path, contents: dict[Path, bytes], source: Path, description: str) -> None:
    """Replace every file of `contents` (paths in the project) or none; call under `seed_lock`.

    A write that fails before the commit point (a full disk) refuses `source` in one line.
    """
    written: list[Path] = []
    try:
        for target, data in contents.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = _partial(target)
            written.append(partial)
            _write_durably(partial, data)
        journal = project_dir / JOURNAL
        relative = [path.relative_to(project_dir) for path in contents]
        entries = [[str(_partial(path)), str(path)] for path in relative]
        journal_partial = _partial(journal)
        written.append(journal_partial)
        _write_durably(journal_partial, json.dumps({"extract": description, "renames": entries}, indent=1).encode())
        # The commit point: from here on, the new set stands.
        os.replace(journal_partial, journal)
        _fsync_directory(journal.parent)
    except BaseException as error:
        for leftover in written:
            leftover.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ExtractionError(source, 0, f"cannot write {written[-1]}: {error.strerror}; {UNCHANGED}") from None
        raise
    _complete(project_dir, journal)


def _complete(project_dir: Path, journal: Path) -> str:
    plan = json.loads(journal.read_text(encoding="utf-8"))
    folders = set()
    for partial_name, target_name in plan["renames"]:
        partial, target = project_dir / partial_name, project_dir / target_name
        # A rename done before an interruption has no partial file left.
        if partial.exists():
            os.replace(partial, target)
        folders.add(target.parent)
    for folder in folders:
        _fsync_directory(folder)
    journal.unlink()
    _fsync_directory(journal.parent)
    return plan["extract"]


def complete_interrupted_extract(project_dir: Path) -> str | None:
    """Finish or undo an extract that was interrupted; say which, or None if there was none."""
    journal = project_dir / JOURNAL
    if journal.exists():
        description = _complete(project_dir, journal)
        return f"an interrupted extract ({description}) was completed: the seeds hold it"
    leftovers = [
        path
        for folder in WRITTEN_FOLDERS
        if (project_dir / folder).is_dir()
        for path in (project_dir / folder).rglob(f"*{PARTIAL_SUFFIX}")
    ]
    for path in leftovers:
        path.unlink()
    if leftovers:
        names = ", ".join(sorted(str(path.relative_to(project_dir)) for path in leftovers))
        return f"an interrupted extract was undone (removed {names}): the seeds are as they were before it"
    return None
