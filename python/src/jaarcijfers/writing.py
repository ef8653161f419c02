"""Write the files of one extract all or none: every file beside its target first, then each
renamed over its target, so that a full disk leaves the seeds as they were."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from jaarcijfers.inputs import UNCHANGED
from jaarcijfers.records import ExtractionError


def replace_all(source: Path, targets: dict[Path, str | Path]) -> None:
    """Write each target's new content (a text, or a file to copy) as TARGET.partial, then rename
    each over its target. A write that fails (disk full) removes the partial files and refuses
    `source` in one line; nothing has been renamed then."""
    partials: dict[Path, Path] = {}
    try:
        for target, content in targets.items():
            partial = target.with_name(target.name + ".partial")
            partials[target] = partial
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                shutil.copyfile(content, partial)
            else:
                partial.write_text(content, encoding="utf-8", newline="")
    except OSError as error:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
        raise ExtractionError(source, 0, f"cannot write {partial}: {error.strerror}; {UNCHANGED}") from None
    for target, partial in partials.items():
        os.replace(partial, target)
