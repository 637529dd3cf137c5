"""The command line: same data, no GUI; errors are one line on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from planner.__main__ import main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_stats_json_reports_counts_and_statuses(capsys, tmp_path):
    db = str(tmp_path / "x.sqlite3")
    assert run_cli(capsys, "--db", db, "demo")[0] == 0
    code, out, _ = run_cli(capsys, "--db", db, "stats", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["counts"]["applications"] == 40
    assert report["counts"]["contacts"] == 25
    assert sum(report["applications_per_status"].values()) == 40
    assert all(report["applications_per_status"][s] > 0 for s in ("saved", "offer", "ghosted"))
    assert 0 < report["response_rate"] < 1


def test_demo_scale_multiplies_the_volume(capsys, tmp_path):
    code, out, _ = run_cli(
        capsys, "--db", str(tmp_path / "x.sqlite3"), "demo", "--scale", "3", "--json"
    )
    assert code == 0
    assert json.loads(out)["added"]["applications"] == 120


def test_demo_refuses_a_database_with_data(capsys, tmp_path):
    db = str(tmp_path / "x.sqlite3")
    run_cli(capsys, "--db", db, "demo")
    code, out, err = run_cli(capsys, "--db", db, "demo")
    assert code == 1
    assert err.count("\n") == 1 and "already holds data" in err


def test_round_trip_through_the_cli(capsys, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    src, dst = str(tmp_path / "src.sqlite3"), str(tmp_path / "dst.sqlite3")
    run_cli(capsys, "--db", src, "demo")
    assert run_cli(capsys, "--db", src, "export-data", "-o", str(a))[0] == 0
    assert run_cli(capsys, "--db", dst, "import-data", str(a))[0] == 0
    assert run_cli(capsys, "--db", dst, "export-data", "-o", str(b))[0] == 0
    first, second = json.loads(a.read_text()), json.loads(b.read_text())
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second


def test_db_env_variable_is_used_when_no_option_is_given(capsys, tmp_path, monkeypatch):
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("CAREER_PLANNER_DB", str(path))
    assert run_cli(capsys, "demo")[0] == 0
    assert path.exists()


def test_default_database_lives_in_the_user_data_dir(capsys, isolated_home):
    assert run_cli(capsys, "stats")[0] == 0
    assert (isolated_home / "planner.sqlite3").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("import-data", "does-not-exist.json"),
        ("restore", "does-not-exist.sqlite3"),
    ],
)
def test_errors_are_one_line_on_stderr_with_nonzero_exit(capsys, tmp_path, args):
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "x.sqlite3"), *args)
    assert code == 1
    assert err.startswith("career-planner: ") and err.count("\n") == 1


def test_a_foreign_database_gives_a_clear_error(capsys, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 JFIF")
    code, _, err = run_cli(capsys, "--db", str(path), "stats")
    assert code == 1 and "not a Career Planner database" in err
    assert path.read_bytes() == b"\xff\xd8\xff\xe0 JFIF"


def test_backup_and_restore_commands(capsys, tmp_path):
    db = str(tmp_path / "x.sqlite3")
    copy = tmp_path / "copy.sqlite3"
    run_cli(capsys, "--db", db, "demo")
    assert run_cli(capsys, "--db", db, "backup", "-o", str(copy))[0] == 0
    assert copy.exists()
    empty = str(tmp_path / "empty.sqlite3")
    code, out, _ = run_cli(capsys, "--db", empty, "restore", str(copy))
    assert code == 0
    _, out, _ = run_cli(capsys, "--db", empty, "stats", "--json")
    assert json.loads(out)["counts"]["applications"] == 40


def test_every_command_has_help(capsys):
    for command in ("export-data", "import-data", "backup", "restore", "demo", "stats", "snapshot"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_snapshot_writes_a_png_of_a_view(capsys, tmp_path, qapp):
    db = str(tmp_path / "x.sqlite3")
    run_cli(capsys, "--db", db, "demo")
    out = tmp_path / "dash.png"
    assert run_cli(capsys, "--db", db, "snapshot", "dashboard", "-o", str(out))[0] == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_smoke_opens_the_window_and_prints_the_start_up_time(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(tmp_path / "s.sqlite3"), "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "First paint after" in result.stdout
    assert "matplotlib" not in result.stderr


# --- calendar, proof of applications, applications CSV ------------------------------------


@pytest.fixture
def demo_db(capsys, tmp_path) -> str:
    db = str(tmp_path / "demo.sqlite3")
    assert run_cli(capsys, "--db", db, "demo")[0] == 0
    return db


def test_new_export_commands_have_help(capsys):
    for command in ("export-calendar", "report-applications", "export-applications"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_export_calendar_writes_an_ics_and_reports_counts(capsys, tmp_path, demo_db):
    from icalendar import Calendar

    out = tmp_path / "cal" / "planner.ics"
    code, stdout, err = run_cli(
        capsys, "--db", demo_db, "export-calendar", "-o", str(out), "--json"
    )
    assert code == 0, err
    report = json.loads(stdout)
    assert report["output"] == str(out)
    assert report["events"]["interviews"] > 0 and report["events"]["exams"] == 1
    calendar = Calendar.from_ical(out.read_bytes())
    assert len(calendar.events) == sum(report["events"].values())
    code, stdout, _ = run_cli(capsys, "--db", demo_db, "export-calendar", "-o", str(out))
    assert code == 0 and stdout.startswith("Exported ") and stdout.count("\n") == 1


def test_report_applications_writes_a_pdf_and_a_csv(capsys, tmp_path, demo_db):
    import csv
    from datetime import date, timedelta

    start = (date.today() - timedelta(days=45)).isoformat()
    pdf, table = tmp_path / "proof.pdf", tmp_path / "proof.CSV"
    code, stdout, err = run_cli(
        capsys,
        "--db",
        demo_db,
        "report-applications",
        "--from",
        start,
        "--to",
        date.today().isoformat(),
        "-o",
        str(pdf),
        "--page-size",
        "letter",
        "--name",
        "Zoë García",
        "--json",
    )
    assert code == 0, err
    report = json.loads(stdout)
    assert report["format"] == "pdf" and report["applications"] > 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert b"/MediaBox [ 0 0 612 792 ]" in pdf.read_bytes()
    code, stdout, err = run_cli(
        capsys, "--db", demo_db, "report-applications", "--from", start, "-o", str(table)
    )
    assert code == 0, err
    assert stdout.startswith(f"Listed {report['applications']} applications sent {start}")
    with table.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == report["applications"]
    assert all(start <= r["Date applied"] <= date.today().isoformat() for r in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2030-03-10", "--to", "2030-03-01", "-o", "r.pdf"), "is after --to"),
        (("--from", "2030-02-30", "-o", "r.pdf"), "is not a date"),
        (("--from", "10/03/2030", "-o", "r.pdf"), "is not a date"),
        (("--from", "2030-03-01", "--to", "soon", "-o", "r.pdf"), "--to 'soon' is not a date"),
        (("--from", "2020-03-01", "-o", "r.docx"), "name it .pdf or .csv"),
        (("--from", "2020-03-01", "-o", "r.pdf", "--page-size", "A5"), "Unknown page size"),
    ],
)
def test_report_applications_refuses_bad_input_in_one_line(
    capsys, tmp_path, monkeypatch, args, message
):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "x.sqlite3"
    code, stdout, err = run_cli(capsys, "--db", str(db), "report-applications", *args)
    assert code == 1 and stdout == ""
    assert err.startswith("career-planner: ") and err.count("\n") == 1
    assert message in err
    assert sorted(p.name for p in tmp_path.glob("r.*")) == []


def test_an_export_to_an_unwritable_place_is_one_line_on_stderr(capsys, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    db = str(tmp_path / "x.sqlite3")
    for args in (
        ("export-calendar", "-o", str(blocker / "c.ics")),
        ("export-applications", "-o", str(blocker / "a.csv")),
        ("report-applications", "--from", "2020-01-01", "-o", str(blocker / "r.pdf")),
    ):
        code, _, err = run_cli(capsys, "--db", db, *args)
        assert code == 1, args
        assert err.startswith("career-planner: Cannot write ") and err.count("\n") == 1


def test_export_applications_writes_every_application(capsys, tmp_path, demo_db):
    import csv

    out = tmp_path / "apps.csv"
    code, stdout, err = run_cli(capsys, "--db", demo_db, "export-applications", "-o", str(out))
    assert code == 0, err
    assert stdout == f"Exported 40 applications to {out}\n"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 40
