"""Command line: `career-planner [--db PATH] [COMMAND]`; no command opens the window.

Heavy modules (Qt, SQLAlchemy, matplotlib) are imported inside the command that needs
them, so `--help` is instant and the window starts as fast as it can.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

from . import APP_NAME, __version__  # noqa: E402
from .errors import UserError  # noqa: E402

PROG = "career-planner"
VIEWS = ("dashboard", "applications", "board", "study", "contacts", "portfolio", "charts")


class CliError(UserError):
    """Ends the command with one line on stderr and exit status 1."""


def _store(args: argparse.Namespace):  # noqa: ANN202
    from .db import open_store
    from .paths import resolve_db_path

    return open_store(resolve_db_path(args.db))


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


# --- commands ---------------------------------------------------------------------------


def cmd_export_data(args: argparse.Namespace) -> int:
    from .services.datafile import export_data

    store = _store(args)
    counts = export_data(store, Path(args.output))
    if args.json:
        _print_json({"output": str(args.output), "rows": counts})
    else:
        print(f"Exported {sum(counts.values())} rows to {args.output}")
    return 0


def cmd_import_data(args: argparse.Namespace) -> int:
    from .services.datafile import import_data

    store = _store(args)
    counts = import_data(store, Path(args.file), replace=args.replace)
    if args.json:
        _print_json({"file": str(args.file), "rows": counts})
    else:
        print(f"Imported {sum(counts.values())} rows from {args.file}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    store = _store(args)
    dest = store.backup(Path(args.output) if args.output else None)
    print(f"Backup written to {dest}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .db import restore_database
    from .paths import resolve_db_path

    db_path = resolve_db_path(args.db)
    safety = restore_database(db_path, Path(args.file))
    print(f"Restored {db_path} from {args.file}")
    if safety != db_path:
        print(f"The replaced database was saved as {safety}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .services.datafile import holds_user_data
    from .services.demo import load_demo

    if args.scale < 1:
        raise CliError("--scale must be 1 or more.")
    store = _store(args)
    with store.session() as session:
        if holds_user_data(session) and not args.force:
            raise CliError(
                f"{store.path} already holds data; demo data goes into an empty database "
                "(use another --db, or --force to add it anyway)."
            )
    with store.transaction() as session:
        counts = load_demo(session, scale=args.scale)
    if args.json:
        _print_json({"database": str(store.path), "added": counts})
    else:
        added = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
        print(f"Demo data added to {store.path}: {added}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .services.stats import stats_report

    store = _store(args)
    with store.session() as session:
        report = stats_report(session)
    if args.json:
        _print_json(report)
    else:
        for name, value in report["counts"].items():
            print(f"{name.replace('_', ' '):<16} {value}")
        print("applications per status:")
        for status, n in report["applications_per_status"].items():
            print(f"  {status:<14} {n}")
        rate = report["response_rate"]
        print(f"response rate    {'-' if rate is None else f'{rate:.0%}'}")
        median = report["median_days_to_first_response"]
        print(f"median days to first response  {'-' if median is None else median}")
        print(f"due for follow-up  {report['due_for_follow_up']}")
    return 0


def cmd_import_links(args: argparse.Namespace) -> int:
    from .services.link_import import import_links, merge, read_source

    parsed = merge(read_source(source, folder=args.folder) for source in args.sources)
    store = _store(args)
    plan = import_links(store, parsed, status=args.status, dry_run=args.dry_run)
    report = plan.report()
    if args.json:
        _print_json(report)
        return 0
    verb = "Would add" if args.dry_run else "Added"
    print(
        f"{verb} {len(report['added'])} application(s); {len(report['duplicates'])} duplicate(s) "
        f"skipped; {len(report['rejected'])} line(s) rejected."
    )
    for item in report["duplicates"]:
        where = f"application {item['existing_id']}" if item["existing_id"] else "an earlier link"
        print(f"  duplicate of {where}: {item['url']}")
    for item in report["rejected"]:
        print(f"  rejected: {item['input']} — {item['reason']}")
    return 0


def cmd_export_calendar(args: argparse.Namespace) -> int:
    from .services.calendar import export_calendar

    store = _store(args)
    out = Path(args.output)
    counts = export_calendar(store, out)
    if args.json:
        _print_json({"output": str(out), "events": counts})
    else:
        parts = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
        print(f"Exported {sum(counts.values())} events to {out} ({parts})")
    return 0


def _parse_day(text: str, option: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option} {text!r} is not a date; use YYYY-MM-DD.") from None


def cmd_report_applications(args: argparse.Namespace) -> int:
    from .services.reports import applications_in_range, write_report_csv, write_report_pdf

    start = _parse_day(args.start, "--from")
    end = _parse_day(args.end, "--to") if args.end else date.today()
    if start > end:
        raise CliError(f"--from {start} is after --to {end}; the period would be empty.")
    out = Path(args.output)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("pdf", "csv"):
        raise CliError(f"Cannot tell the report format from {out.name!r}: name it .pdf or .csv.")
    page_sizes = {"a4": "A4", "letter": "Letter"}
    page_size = page_sizes.get(args.page_size.lower())
    if page_size is None:
        raise CliError(f"Unknown page size {args.page_size!r}; use A4 or Letter.")
    store = _store(args)
    with store.session() as session:
        rows = applications_in_range(session, start, end)
    if kind == "pdf":
        write_report_pdf(
            rows, out, start=start, end=end, person_name=args.name, page_size=page_size
        )
    else:
        write_report_csv(rows, out)
    if args.json:
        _print_json(
            {
                "output": str(out),
                "format": kind,
                "from": start.isoformat(),
                "to": end.isoformat(),
                "applications": len(rows),
            }
        )
    else:
        print(f"Listed {len(rows)} applications sent {start} to {end} in {out}")
    return 0


def cmd_export_applications(args: argparse.Namespace) -> int:
    from .services.reports import export_applications_csv

    store = _store(args)
    out = Path(args.output)
    with store.session() as session:
        count = export_applications_csv(session, out)
    if args.json:
        _print_json({"output": str(out), "applications": count})
    else:
        print(f"Exported {count} applications to {out}")
    return 0


def _ensure_display_for(offscreen: bool) -> None:
    if offscreen or not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cmd_snapshot(args: argparse.Namespace) -> int:
    _ensure_display_for(True)
    store = _store(args)
    from .ui.app import snapshot

    out = Path(args.output)
    snapshot(store, args.view, out, width=args.width, height=args.height)
    print(f"Snapshot of {args.view} written to {out}")
    return 0


def run_gui(args: argparse.Namespace) -> int:
    from .paths import resolve_db_path

    if args.smoke:
        _ensure_display_for(False)
    from .ui.app import run

    return run(resolve_db_path(args.db), smoke=args.smoke, started=STARTED)


# --- parser -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=f"{APP_NAME}: job applications, certification study plan, contacts and "
        "portfolio for a remote IT project manager. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: per-user data folder; env CAREER_PLANNER_DB)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, wait for its first paint, print the start-up time, exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str,
        func: Callable[[argparse.Namespace], int],
        help_text: str,
        *,
        json_flag: bool = True,
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if json_flag:
            p.add_argument(
                "--json", action="store_true", help="print a machine-readable JSON report"
            )
        p.set_defaults(func=func)
        return p

    p = add("export-data", cmd_export_data, "Write the whole database to a versioned JSON file.")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p = add(
        "import-data",
        cmd_import_data,
        "Load a JSON data file (from export-data) into an empty database.",
    )
    p.add_argument("file", metavar="FILE.json")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace the data of a non-empty database (a backup is taken first)",
    )
    p = add(
        "backup",
        cmd_backup,
        "Copy the database (default: into its backups folder).",
        json_flag=False,
    )
    p.add_argument("-o", "--output", metavar="FILE", help="where to write the copy")
    p = add(
        "restore",
        cmd_restore,
        "Replace the database with a backup (the current one is backed up first).",
        json_flag=False,
    )
    p.add_argument("file", metavar="FILE")
    p = add("demo", cmd_demo, "Fill an empty database with realistic sample data.")
    p.add_argument(
        "--scale", type=int, default=1, metavar="N", help="N times more data (for benchmarks)"
    )
    p.add_argument(
        "--force", action="store_true", help="add demo data to a database that already holds data"
    )
    add(
        "stats",
        cmd_stats,
        "Counts per tracker, applications per status, response rate, follow-ups due.",
    )
    p = add(
        "import-links",
        cmd_import_links,
        "Import job links from URLs, text files of links, browser bookmark exports, CSV files "
        "or saved job pages; duplicates of tracked jobs are skipped.",
    )
    p.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="a URL, a file, or - for standard input"
    )
    p.add_argument(
        "--folder", metavar="NAME", help="only links inside bookmark folders of this name"
    )
    p.add_argument(
        "--status", metavar="STAGE", help="the stage for the new applications (default: saved)"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, change nothing"
    )
    p = add(
        "export-calendar",
        cmd_export_calendar,
        "Write interviews, follow-ups, next actions and exam dates to an .ics calendar file "
        "(re-importing it updates the same events instead of adding copies).",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.ics")
    p = add(
        "report-applications",
        cmd_report_applications,
        "Proof of applications: the applications sent in a period (date, company, title, "
        "channel, outcome) as PDF or CSV, for an unemployment office.",
    )
    p.add_argument(
        "--from", dest="start", required=True, metavar="YYYY-MM-DD", help="first day of the period"
    )
    p.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", help="last day of the period (default: today)"
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.pdf|OUT.csv",
        help="where to write the report; the extension picks the format",
    )
    p.add_argument(
        "--page-size", default="A4", metavar="A4|Letter", help="PDF page size (default: A4)"
    )
    p.add_argument("--name", metavar='"FULL NAME"', help="the applicant's name, printed on the PDF")
    p = add(
        "export-applications",
        cmd_export_applications,
        "Write every application with its fields to a CSV file for spreadsheets.",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.csv")
    p = add(
        "snapshot", cmd_snapshot, "Render a main view offscreen to a PNG file.", json_flag=False
    )
    p.add_argument("view", choices=VIEWS)
    p.add_argument("-o", "--output", required=True, metavar="FILE.png")
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=800)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args)
        return args.func(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every error ends as one clear line
        return _report(exc)


def _report(exc: Exception) -> int:
    if isinstance(exc, UserError):
        message = str(exc)
    elif isinstance(exc, OSError):
        message = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
    else:
        message = f"unexpected error: {type(exc).__name__}: {exc}"
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
