"""Proof of applications (PDF, CSV) and the applications spreadsheet export."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from planner.models import Application, Stage, Tag, utcnow
from planner.services.reports import (
    APPLICATIONS_CSV_HEADER,
    ExportError,
    ReportRow,
    applications_in_range,
    atomic_output,
    export_applications_csv,
    write_report_csv,
    write_report_pdf,
)

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) not installed")
BOM = b"\xef\xbb\xbf"


def pdf_text(path: Path) -> str:
    """The PDF's text with every run of whitespace as one space (cells wrap their lines)."""
    done = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, check=True, timeout=60)
    return " ".join(done.stdout.decode("utf-8").split())


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type /Page\b", path.read_bytes()))


def add_app(session, company: str, applied_on: date | None, **fields) -> Application:
    fields.setdefault("status", "applied")
    app = Application(company=company, applied_on=applied_on, last_activity_at=utcnow(), **fields)
    session.add(app)
    session.flush()
    return app


def row(company: str, day: date = date(2030, 3, 2), **fields) -> ReportRow:
    values = dict(
        applied_on=day,
        company=company,
        title="Remote Project Manager",
        channel="LinkedIn",
        posting_url="https://boards.greenhouse.io/acme/jobs/1",
        outcome="Applied",
        location="Remote (Europe)",
        work_mode="Remote",
    )
    values.update(fields)
    return ReportRow(**values)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# --- choosing the applications -----------------------------------------------------------


def test_range_includes_both_ends_and_orders_by_date_then_company(store):
    with store.transaction() as session:
        add_app(session, "Before", date(2030, 2, 28))
        add_app(session, "zeta Labs", date(2030, 3, 1))
        add_app(session, "Alpha Ltd", date(2030, 3, 1))
        add_app(session, "Middle", date(2030, 3, 15))
        add_app(session, "Last Day", date(2030, 3, 31))
        add_app(session, "After", date(2030, 4, 1))
        add_app(session, "Never Sent", None, status="saved")
    with store.session() as session:
        rows = applications_in_range(session, date(2030, 3, 1), date(2030, 3, 31))
    assert [r.company for r in rows] == ["Alpha Ltd", "zeta Labs", "Middle", "Last Day"]


def test_a_row_carries_channel_outcome_and_where(store):
    with store.transaction() as session:
        session.get(Stage, "screening").name = "Phone screen"
        add_app(
            session,
            "Sourced",
            date(2030, 3, 1),
            source="referral",
            board="lever",
            status="screening",
            title="Scrum Master",
            location="Berlin",
            work_mode="hybrid",
        )
        add_app(session, "Boarded", date(2030, 3, 2), board="weworkremotely")
        add_app(session, "Bare", date(2030, 3, 3))
    with store.session() as session:
        sourced, boarded, bare = applications_in_range(session, date(2030, 3, 1), date(2030, 3, 3))
    assert (sourced.channel, sourced.outcome, sourced.where) == (
        "referral",
        "Phone screen",
        "Berlin · Hybrid",
    )
    assert sourced.title == "Scrum Master"
    assert boarded.channel == "We Work Remotely"
    assert (bare.channel, bare.where) == ("—", "—")


def test_where_does_not_repeat_the_work_mode(store):
    assert row("A", location="Remote (US)", work_mode="Remote").where == "Remote (US)"
    assert row("A", location=None, work_mode="On-site").where == "On-site"


# --- the PDF -------------------------------------------------------------------------------


def test_pdf_lists_the_applications_of_the_range_and_not_the_others(demo_store, tmp_path):
    today = date.today()
    start, end = today - timedelta(days=30), today
    with demo_store.session() as session:
        rows = applications_in_range(session, start, end)
        everything = session.scalars(select(Application)).all()
    outside = {a.company for a in everything} - {r.company for r in rows}
    assert rows and outside
    out = tmp_path / "proof.pdf"
    write_report_pdf(rows, out, start=start, end=end, compress=False)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    for r in rows:
        assert f"({r.company}) Tj".encode() in data
    for company in outside:
        assert f"({company})".encode() not in data
    assert f"( {len(rows)} applications sent in the period".encode() in data


@needs_pdftotext
def test_pdf_text_has_title_period_name_rows_total_and_page_numbers(demo_store, tmp_path):
    today = date.today()
    start = today - timedelta(days=60)
    with demo_store.session() as session:
        rows = applications_in_range(session, start, today)
    out = tmp_path / "proof.pdf"
    pages = write_report_pdf(
        rows, out, start=start, end=today, person_name="Zoë García", today=date(2030, 1, 5)
    )
    text = pdf_text(out)
    assert "Proof of job applications" in text
    assert "Applicant: Zoë García" in text
    assert f"{start.day} {start:%B %Y} – {today.day} {today:%B %Y}" in text
    assert "Generated: 5 January 2030" in text
    for r in rows:
        assert r.company in text and r.applied_on.isoformat() in text
    assert f"Total: {len(rows)} applications sent in the period" in text
    assert pages == pdf_pages(out) >= 2
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text


def test_pdf_header_row_repeats_on_every_page(tmp_path):
    rows = [row(f"Company {n:03d}", date(2030, 3, 1) + timedelta(days=n % 28)) for n in range(90)]
    out = tmp_path / "long.pdf"
    pages = write_report_pdf(
        rows, out, start=date(2030, 3, 1), end=date(2030, 3, 31), compress=False
    )
    data = out.read_bytes()
    assert pages == pdf_pages(out) >= 3
    assert data.count(b"(Outcome) Tj") == pages
    assert f"(Page {pages} of {pages}) Tj".encode() in data
    assert b"(Company 089) Tj" in data


def test_an_empty_period_gives_a_valid_pdf_saying_so(tmp_path):
    out = tmp_path / "empty.pdf"
    pages = write_report_pdf([], out, start=date(2030, 1, 1), end=date(2030, 1, 31), compress=False)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert pages == 1
    assert b"No applications were sent in this period." in data
    assert b"(Outcome) Tj" not in data


def test_user_text_is_printed_literally_not_read_as_markup(tmp_path):
    rows = [row("<b>Bold</b> & <font size=40>Big</font>", title="R&D <PM> lead")]
    out = tmp_path / "markup.pdf"
    write_report_pdf(rows, out, start=date(2030, 3, 1), end=date(2030, 3, 31), compress=False)
    data = out.read_bytes()
    assert b"(<) Tj (b) Tj (>) Tj (Bold) Tj" in data
    if PDFTOTEXT:
        text = pdf_text(out)
        assert "<b>Bold</b> & <font size=40>Big</font>" in text
        assert "R&D <PM> lead" in text


@needs_pdftotext
def test_long_titles_wrap_instead_of_being_cut(tmp_path):
    title = "Senior Technical Program Manager for Cloud Migration and Data Platform " * 4
    url = "https://careers.example.com/jobs/" + "x" * 400
    out = tmp_path / "wrap.pdf"
    write_report_pdf(
        [row("Wrap Co", title=title.strip(), posting_url=url)],
        out,
        start=date(2030, 3, 1),
        end=date(2030, 3, 31),
    )
    words = pdf_text(out).split()
    assert words.count("Migration") == 4 and words.count("Platform") == 4


def test_letter_and_a4_page_sizes(tmp_path):
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    write_report_pdf([row("A")], a4, start=date(2030, 3, 1), end=date(2030, 3, 2))
    write_report_pdf(
        [row("A")], letter, start=date(2030, 3, 1), end=date(2030, 3, 2), page_size="Letter"
    )
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in a4.read_bytes()
    assert b"/MediaBox [ 0 0 612 792 ]" in letter.read_bytes()
    with pytest.raises(ExportError, match="page size"):
        write_report_pdf(
            [], tmp_path / "x.pdf", start=date(2030, 3, 1), end=date(2030, 3, 2), page_size="A5"
        )
    assert not (tmp_path / "x.pdf").exists()


@needs_pdftotext
def test_accented_names_render_in_the_pdf(tmp_path):
    out = tmp_path / "accents.pdf"
    write_report_pdf(
        [row("Chloé & Zoë García SL", title="Jefa de proyecto — señor")],
        out,
        start=date(2030, 3, 1),
        end=date(2030, 3, 31),
        person_name="Zoë García",
    )
    text = pdf_text(out)
    assert "Chloé & Zoë García SL" in text and "Jefa de proyecto — señor" in text


# --- CSV ---------------------------------------------------------------------------------


def test_report_csv_round_trips_with_a_bom(tmp_path):
    rows = [
        row("Smith, Jones & Co", title='The "best" PM\nrole'),
        row("Zoë García SL", date(2030, 3, 3), posting_url=None, work_mode=None),
    ]
    out = tmp_path / "proof.csv"
    assert write_report_csv(rows, out) == 2
    assert out.read_bytes().startswith(BOM)
    first, second = read_csv(out)
    assert first == {
        "Date applied": "2030-03-02",
        "Company": "Smith, Jones & Co",
        "Position": 'The "best" PM\nrole',
        "Channel": "LinkedIn",
        "Outcome": "Applied",
        "Location": "Remote (Europe)",
        "Work mode": "Remote",
        "Posting URL": "https://boards.greenhouse.io/acme/jobs/1",
    }
    assert second["Company"] == "Zoë García SL"
    assert second["Posting URL"] == "" and second["Work mode"] == ""


def test_applications_csv_holds_every_demo_application(demo_store, tmp_path):
    out = tmp_path / "apps.csv"
    with demo_store.session() as session:
        count = export_applications_csv(session, out)
        apps = session.scalars(select(Application).order_by(Application.id)).all()
        stage_names = dict(session.execute(select(Stage.key, Stage.name)).all())
        expected = [
            (a.company, a.title, stage_names[a.status], "; ".join(sorted(t.name for t in a.tags)))
            for a in apps
        ]
    assert out.read_bytes().startswith(BOM)
    rows = read_csv(out)
    assert count == len(rows) == 40
    assert list(rows[0]) == APPLICATIONS_CSV_HEADER
    assert [(r["Company"], r["Title"], r["Status"], r["Tags"]) for r in rows] == expected
    salaried = next(r for r, a in zip(rows, apps, strict=True) if a.salary_min)
    assert re.fullmatch(r"\d+", salaried["Salary min"])  # 85000, not 85000.0


def test_applications_csv_round_trips_awkward_text_and_tags(store, tmp_path):
    with store.transaction() as session:
        app = add_app(
            session,
            'Müller, "Smith" & Co',
            date(2030, 3, 1),
            title="PM; remote",
            notes="Line one\nLine two, with a comma",
            salary_min=70000.0,
            salary_max=82500.5,
            salary_currency="EUR",
            salary_period="year",
            work_mode="onsite",
            next_action="Call back",
            next_action_due=date(2030, 3, 9),
        )
        app.tags = [Tag(name="PMI chapter"), Tag(name="bookmarks/remote")]
    out = tmp_path / "apps.csv"
    with store.session() as session:
        export_applications_csv(session, out)
    (only,) = read_csv(out)
    assert only["Company"] == 'Müller, "Smith" & Co'
    assert only["Title"] == "PM; remote"
    assert only["Notes"] == "Line one\nLine two, with a comma"
    assert (only["Salary min"], only["Salary max"]) == ("70000", "82500.5")
    assert only["Work mode"] == "On-site" and only["Status"] == "Applied"
    assert (only["Next action"], only["Next action due"]) == ("Call back", "2030-03-09")
    assert only["Applied on"] == "2030-03-01"
    assert only["Tags"] == "bookmarks/remote; PMI chapter"


@pytest.mark.parametrize(
    "dangerous",
    ['=HYPERLINK("http://evil.example")', "+1 555 0100", "-2+3", "@SUM(A1:A9)", "\tx", "\rx"],
)
def test_csv_values_that_would_run_as_formulas_are_neutralised(store, tmp_path, dangerous):
    with store.transaction() as session:
        add_app(session, dangerous, date(2030, 3, 1), title=dangerous, notes=dangerous)
    apps_out, report_out = tmp_path / "apps.csv", tmp_path / "proof.csv"
    with store.session() as session:
        export_applications_csv(session, apps_out)
        write_report_csv(
            applications_in_range(session, date(2030, 3, 1), date(2030, 3, 1)), report_out
        )
    (app_row,) = read_csv(apps_out)
    (report_row,) = read_csv(report_out)
    for value in (app_row["Company"], app_row["Title"], app_row["Notes"], report_row["Company"]):
        assert value == "'" + dangerous


def test_a_harmless_value_is_left_alone(tmp_path):
    out = tmp_path / "ok.csv"
    write_report_csv([row("A-Team (a dash inside is fine)", channel="e-mail")], out)
    (only,) = read_csv(out)
    assert only["Company"] == "A-Team (a dash inside is fine)" and only["Channel"] == "e-mail"


# --- writing safely --------------------------------------------------------------------


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "report.csv"
    out.write_text("old content")
    with pytest.raises(RuntimeError), atomic_output(out) as fh:
        fh.write(b"half a fi")
        raise RuntimeError("interrupted")
    assert out.read_text() == "old content"
    assert [p.name for p in folder.iterdir()] == ["report.csv"]


def test_an_export_replaces_the_old_file_with_normal_permissions(tmp_path):
    out = tmp_path / "report.csv"
    write_report_csv([row("A")], out)
    assert out.stat().st_mode & 0o777 == 0o644
    write_report_csv([row("B")], out)
    assert read_csv(out)[0]["Company"] == "B"


def test_writing_into_a_file_instead_of_a_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ExportError, match=r"^Cannot write .*report\.pdf: "):
        write_report_pdf([], blocker / "report.pdf", start=date(2030, 1, 1), end=date(2030, 1, 2))
