"""Run `dbt build` with its output in a log file, and say on the terminal only what a user needs.

dbt prints a line for every seed, model and test (about 240 lines per build, out of order under
several threads). Here every line goes to `logs/build.log`; the terminal gets a progress line
(when it is a terminal) and, at the end, dbt's own summary: the warnings and errors with the
file, row and value they name. `verbose` passes dbt's output through as it comes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

BUILD_LOG = Path("logs") / "build.log"
# dbt's line for a node that finished: "12:01:02  57 of 114 PASS not_null_... [PASS in 0.1s]".
FINISHED_NODE = re.compile(r"^\S+\s+(\d+) of (\d+) (OK|PASS|WARN|ERROR|FAIL|SKIP|NO-OP)\b")
# Where dbt's summary starts: after it, every line is about a warning, an error or the totals.
SUMMARY_START = re.compile(r"^\S+\s+(Completed |Finished running|Encountered an error|Runtime Error)")
TIMESTAMP = re.compile(r"^\d\d:\d\d:\d\d\s{1,2}")


def run_dbt_build(command: list[str], environment: dict[str, str], project_dir: Path, verbose: bool) -> int:
    """Run `command` (a dbt build); return its exit status after printing what matters."""
    log_path = project_dir / BUILD_LOG
    log_path.parent.mkdir(parents=True, exist_ok=True)
    environment = {**environment, "DBT_USE_COLORS": "false", "DBT_PRINTER_WIDTH": "100"}
    on_terminal = sys.stdout.isatty()
    lines: list[str] = []
    summary_from: int | None = None
    done = total = 0
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command,
            env=environment,
            cwd=project_dir,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        try:
            for line in process.stdout:
                log.write(line)
                lines.append(line.rstrip("\n"))
                if verbose:
                    print(line, end="", flush=True)
                    continue
                if summary_from is None and SUMMARY_START.match(line):
                    summary_from = len(lines) - 1
                if (match := FINISHED_NODE.match(line)) and on_terminal:
                    done, total = done + 1, int(match.group(2))
                    print(f"\rdbt build: {done} of {total} nodes", end="", flush=True)
            returncode = process.wait()
        except BaseException:
            # Ctrl-C reaches dbt by itself; `kill` of this process alone does not.
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
            raise
    if on_terminal and done and not verbose:
        print("\r", end="")
    if not verbose:
        shown = lines[summary_from:] if summary_from is not None else lines[-20:]
        for line in shown:
            text = TIMESTAMP.sub("", line).rstrip()
            if text:
                print(f"  {text}")
    print(f"dbt's whole output: {os.path.relpath(log_path)}")
    return returncode
