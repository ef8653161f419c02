"""The `jaarcijfers` command: extract a publication into the raw seeds, check them, build and
publish the warehouse, write the report, export its marts, build the docs site, ask the
semantic layer (mf) on the published warehouse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from jaarcijfers.answers import AnswersError, write_answers
from jaarcijfers.docs import DocsError, generate_docs
from jaarcijfers.export import ExportError, export_marts, marts_in_manifest
from jaarcijfers.locking import LockHeld
from jaarcijfers.publish import build_and_publish
from jaarcijfers.publish_postgres import build_and_publish_postgres
from jaarcijfers.records import ExtractionError
from jaarcijfers.report import build_report
from jaarcijfers.seed_set import seed_lock
from jaarcijfers.semantic_layer import SemanticLayerError, run_mf, run_mf_on_server
from jaarcijfers.sources import SOURCES, source_for, unrecognised

PUBLISHED = Path("warehouse/ind.duckdb")


def _extract(args: argparse.Namespace) -> int:
    project_dir = args.project_dir.resolve()
    try:
        with seed_lock(project_dir, wait=not args.no_wait) as fixed:
            if fixed:
                print(f"jaarcijfers extract: {fixed}", file=sys.stderr)
            return _extract_locked(args, project_dir)
    except LockHeld as held:
        print(f"error: {args.publication}: not extracted: {held}; the seeds are unchanged", file=sys.stderr)
        return 1


def _extract_locked(args: argparse.Namespace, project_dir: Path) -> int:
    path = args.publication
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    source = source_for(path)
    if source is None:
        print(f"error: {path}:1: {unrecognised(path)}", file=sys.stderr)
        return 1
    return source.extract(path, project_dir, args)


def check_seeds(project_dir: Path) -> list[str]:
    """Re-extract every source's publications; return the seed files (paths under seeds/raw/) that
    differ from the output."""
    return [problem for source in SOURCES for problem in source.check(project_dir)]


def _check(args: argparse.Namespace) -> int:
    project_dir = args.project_dir.resolve()
    try:
        with seed_lock(project_dir) as fixed:
            if fixed:
                print(f"jaarcijfers check: {fixed}")
            problems = check_seeds(project_dir)
    except ExtractionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for name in problems:
        print(f"error: seeds/raw/{name} is not the extractor's output for publications/", file=sys.stderr)
    if not problems:
        print("seeds/raw matches the extractor's output for every publication in publications/")
    return 1 if problems else 0


def _build(args: argparse.Namespace) -> int:
    # `jaarcijfers build -- --select x`: the `--` only ends jaarcijfers' own options.
    dbt_arguments = args.dbt_arguments[1:] if args.dbt_arguments[:1] == ["--"] else args.dbt_arguments
    project_dir = args.project_dir.resolve()
    if args.target is not None:
        try:
            engine = target_type(project_dir, args.target)
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        if engine == "postgres":
            return build_and_publish_postgres(
                project_dir, args.target, dbt_arguments, wait=not args.no_wait, verbose=args.verbose
            )
        dbt_arguments = ["--target", args.target, *dbt_arguments]
    return build_and_publish(project_dir, args.warehouse, dbt_arguments, wait=not args.no_wait, verbose=args.verbose)


def target_type(project_dir: Path, target: str) -> str:
    """The adapter type of a target of profiles.yml (duckdb, postgres)."""
    profiles = yaml.safe_load((project_dir / "profiles.yml").read_text(encoding="utf-8"))
    outputs = next(iter(profiles.values()))["outputs"]
    if target not in outputs:
        raise ValueError(f"profiles.yml has no target {target!r}; its targets: {', '.join(outputs)}")
    return outputs[target]["type"]


def _report(args: argparse.Namespace) -> int:
    project_dir = args.project_dir.resolve()
    warehouse = args.warehouse if args.warehouse.is_absolute() else project_dir / args.warehouse
    output = args.output if args.output.is_absolute() else project_dir / args.output
    if not warehouse.is_file():
        print(f"error: {warehouse}: no warehouse; run make build first", file=sys.stderr)
        return 2
    chart_count = build_report(warehouse, output)
    print(f"jaarcijfers report: wrote {output} ({chart_count} charts)")
    return 0


def _in_project(project_dir: Path, path: Path) -> Path:
    return path if path.is_absolute() else project_dir / path


def _export(args: argparse.Namespace) -> int:
    project_dir = args.project_dir.resolve()
    export_dir = _in_project(project_dir, args.output)
    try:
        written = export_marts(
            _in_project(project_dir, args.warehouse), project_dir / "target" / "manifest.json", export_dir
        )
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"jaarcijfers export: wrote {len(written)} files to {export_dir}")
    return 0


def _docs(args: argparse.Namespace) -> int:
    project_dir = args.project_dir.resolve()
    try:
        marts = marts_in_manifest(project_dir / "target" / "manifest.json")
        page = generate_docs(
            project_dir,
            _in_project(project_dir, args.warehouse),
            _in_project(project_dir, args.output),
            [mart.name for mart in marts],
        )
    except (ExportError, DocsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"jaarcijfers docs: wrote {page}")
    return 0


def _answers(args: argparse.Namespace) -> int:
    project_dir = args.project_dir.resolve()
    output = _in_project(project_dir, args.output)
    try:
        count = write_answers(project_dir, _in_project(project_dir, args.warehouse), output)
    except AnswersError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"jaarcijfers answers: wrote {output} ({count} questions)")
    return 0


def _mf(args: argparse.Namespace) -> int:
    project_dir = args.project_dir.resolve()
    try:
        # A DuckDB target's warehouse is the published file, whichever target built it.
        if args.target is not None and target_type(project_dir, args.target) == "postgres":
            return run_mf_on_server(project_dir, args.target, args.mf_arguments)
        return run_mf(project_dir, _in_project(project_dir, PUBLISHED), args.mf_arguments)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except SemanticLayerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jaarcijfers", description=__doc__)
    parser.add_argument("--project-dir", type=Path, default=Path("."), help="repository root (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="add a publication's figures to seeds/raw")
    extract.add_argument(
        "publication",
        type=Path,
        help="a file of one of the sources: "
        + "; ".join(f"{source.code}: {source.expects}" for source in SOURCES).replace("%", "%%"),
    )
    extract.add_argument("--replace", action="store_true", help="jaarcijfers: restate an edition already loaded")
    extract.add_argument(
        "--allow-missing",
        action="store_true",
        help="jaarcijfers: load an edition that lacks tables, rows, lists or footnote texts the previous one printed",
    )
    extract.add_argument(
        "--no-wait", action="store_true", help="refuse, naming the holder, when another command changes the seeds"
    )
    extract.add_argument(
        "--source-url", help="jaarcijfers: where the publication was published (writes its provenance row)"
    )
    extract.add_argument("--published", help="jaarcijfers: publication date, YYYY-MM-DD")
    extract.add_argument("--source-type", help="jaarcijfers: kind of source (default: annual figures publication)")
    extract.add_argument("--producer", help="jaarcijfers: who published it (default: the IND)")
    extract.add_argument("--note", help="jaarcijfers: how the text was obtained")
    extract.set_defaults(run=_extract)
    check = commands.add_parser("check", help="verify seeds/raw is the extractor's output")
    check.set_defaults(run=_check)
    build = commands.add_parser(
        "build", help="dbt build into a new file, then publish it over the warehouse in one rename"
    )
    build.add_argument(
        "--warehouse",
        type=Path,
        default=PUBLISHED,
        help=f"published warehouse file (default: {PUBLISHED})",
    )
    build.add_argument("--no-wait", action="store_true", help="refuse, naming the holder, when another build runs")
    build.add_argument(
        "--target",
        help="a target of profiles.yml; `postgres` builds and publishes on the PostgreSQL server (default: the file)",
    )
    build.add_argument(
        "-v", "--verbose", action="store_true", help="show dbt's output as it comes (it always goes to logs/build.log)"
    )
    build.add_argument("dbt_arguments", nargs=argparse.REMAINDER, help="passed on to dbt build, after --")
    build.set_defaults(run=_build)
    report = commands.add_parser("report", help="write the HTML report of charts from the reporting tables")
    report.add_argument(
        "--warehouse",
        type=Path,
        default=Path("warehouse/ind.duckdb"),
        help="warehouse to read, opened read-only (default: warehouse/ind.duckdb)",
    )
    report.add_argument(
        "--output",
        type=Path,
        default=Path("reports/jaarcijfers.html"),
        help="HTML file to write (default: reports/jaarcijfers.html)",
    )
    report.set_defaults(run=_report)
    export = commands.add_parser(
        "export", help="write every mart as Parquet and CSV, with a Frictionless datapackage.json"
    )
    export.add_argument("--warehouse", type=Path, default=PUBLISHED, help=f"warehouse to read (default: {PUBLISHED})")
    export.add_argument("--output", type=Path, default=Path("exports"), help="folder to write (default: exports)")
    export.set_defaults(run=_export)
    answers = commands.add_parser("answers", help="answer the questions of analyses/ from the warehouse into a page")
    answers.add_argument("--warehouse", type=Path, default=PUBLISHED, help=f"warehouse to read (default: {PUBLISHED})")
    answers.add_argument(
        "--output", type=Path, default=Path("docs/answers.md"), help="page to write (default: docs/answers.md)"
    )
    answers.set_defaults(run=_answers)
    docs = commands.add_parser("docs", help="build dbt's documentation site as one HTML file")
    docs.add_argument("--warehouse", type=Path, default=PUBLISHED, help=f"warehouse to document (default: {PUBLISHED})")
    docs.add_argument("--output", type=Path, default=Path("docs/site"), help="folder to write (default: docs/site)")
    docs.set_defaults(run=_docs)
    mf = commands.add_parser(
        "mf", help=f"MetricFlow's mf on the published warehouse {PUBLISHED}, read-only, e.g. `jaarcijfers mf query ...`"
    )
    mf.add_argument(
        "--target",
        help="`postgres`: the warehouse published on the PostgreSQL server of the libpq variables, as their user "
        "(default: the file)",
    )
    mf.add_argument("mf_arguments", nargs=argparse.REMAINDER, help="passed on to mf")
    mf.set_defaults(run=_mf)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
