"""Import of a 10,000-link Chrome bookmarks file into an empty database.

Reports links per second for the whole import (read, parse, de-duplicate, write in one
transaction) against a baseline in the same run: a raw `sqlite3` executemany of the same
number of rows into a table of the same shape. Target (brief): over 5,000 links/s.

    .venv/bin/python benchmarks/bench_import.py [--links 10000]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_bookmarks import generate_bookmarks  # noqa: E402


def baseline_insert(rows: int, folder: Path) -> float:
    """Raw sqlite3: create the applications table and insert `rows` rows in one transaction."""
    conn = sqlite3.connect(folder / "raw.sqlite3")
    conn.execute(
        "CREATE TABLE applications (id INTEGER PRIMARY KEY, company TEXT, title TEXT, status TEXT,"
        " posting_url TEXT, board TEXT, external_id TEXT, last_activity_at TEXT)"
    )
    data = [
        (
            f"Company {i}",
            f"Title {i}",
            "saved",
            f"https://example.com/jobs/{i}",
            "web",
            str(i),
            "2026-11-23 10:00:00",
        )
        for i in range(rows)
    ]
    start = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO applications (company, title, status, posting_url, board, external_id,"
            " last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            data,
        )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def import_once(source: Path, folder: Path, n: int) -> tuple[float, int, int]:
    from planner.db import open_store
    from planner.services.link_import import import_links, read_source

    store = open_store(folder / f"run{n}.sqlite3")
    start = time.perf_counter()
    plan = import_links(store, read_source(source))
    elapsed = time.perf_counter() - start
    store.close()
    return (
        elapsed,
        len(plan.added_ids),
        len(plan.duplicates) + len(plan.added_ids) + len(plan.rejected),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "bookmarks.html"
        source.write_text(generate_bookmarks(args.links), encoding="utf-8")
        runs = [import_once(source, folder, n) for n in range(args.repeat)]
        seconds = statistics.median(r[0] for r in runs)
        _, added, seen = runs[0]
        raw = statistics.median(
            baseline_insert(added, Path(tempfile.mkdtemp(dir=tmp))) for _ in range(args.repeat)
        )
        size = source.stat().st_size / 1e6
    print(
        f"bookmarks file: {args.links:,} links, {size:.1f} MB; {seen:,} inputs, {added:,} added (rest duplicates/rejected)"
    )
    print(
        f"import (read+parse+dedupe+write)  median {seconds * 1000:7.0f} ms  = {seen / seconds:8,.0f} links/s   target > 5,000 links/s"
    )
    print(
        f"baseline raw sqlite3 insert       median {raw * 1000:7.0f} ms  = {added / raw:8,.0f} rows/s"
    )
    print(f"ratio import / raw insert: {seconds / raw:.1f}x")


if __name__ == "__main__":
    main()
