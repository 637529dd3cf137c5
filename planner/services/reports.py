"""Proof of applications (PDF, CSV) and the applications spreadsheet export, Qt-free.

Unemployment offices in several countries ask job seekers for a dated list of the
applications they sent; `applications_in_range` picks them and `write_report_pdf` /
`write_report_csv` write that list. `export_applications_csv` writes every application
with its fields for spreadsheet users. Every file is written beside its destination
first and moved in place when complete, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import APP_NAME
from ..errors import UserError
from ..models import Application, Stage

NO_VALUE = "—"
PAGE_SIZES = ("A4", "Letter")
# How boards from the link importer (services/links.py BOARDS) are named to people.
BOARD_NAMES = {
    "greenhouse": "Greenhouse",
    "lever": "Lever",
    "workable": "Workable",
    "ashby": "Ashby",
    "smartrecruiters": "SmartRecruiters",
    "workday": "Workday",
    "linkedin": "LinkedIn",
    "indeed": "Indeed",
    "remoteok": "Remote OK",
    "remotive": "Remotive",
    "weworkremotely": "We Work Remotely",
    "wellfound": "Wellfound",
    "web": "Company website",
}
WORK_MODE_NAMES = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Long links are cut in the PDF so one row never outgrows a page; the CSV keeps them whole.
_PDF_URL_CHARS = 110


class ExportError(UserError):
    """An export that could not be written; str() is one sentence naming the file."""


# --- writing files ---------------------------------------------------------------------


@contextmanager
def atomic_output(out: Path) -> Iterator[IO[bytes]]:
    """A binary file to write `out` through: a temporary file beside it, moved in place
    only when the block ends without error (removed otherwise)."""
    out = out.expanduser()
    if out.is_dir():
        raise ExportError(f"Cannot write {out}: it is a folder.")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}-", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise ExportError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        # mkstemp makes the file private (0600); an export is an ordinary user file.
        with suppress(OSError):
            os.chmod(tmp, out.stat().st_mode & 0o777 if out.exists() else 0o644)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def csv_cell(value: Any) -> str:
    """A value as CSV text that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.0f}" if value.is_integer() else f"{value:g}"
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def _write_csv(out: Path, header: list[str], rows: Iterable[list[Any]]) -> int:
    """Write a UTF-8 CSV with a byte-order mark (so Excel reads accents right)."""
    count = 0
    with atomic_output(out) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])
            count += 1
        text.flush()
        text.detach()
    return count


# --- the proof of applications ---------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    """One application sent, as the proof-of-applications report lists it."""

    applied_on: date
    company: str
    title: str
    channel: str  # the application's source, else its job board, else NO_VALUE
    posting_url: str | None
    outcome: str  # the current stage's display name
    location: str | None
    work_mode: str | None  # display name: Remote / Hybrid / On-site

    @property
    def where(self) -> str:
        """Location and work mode in one short phrase, without saying "remote" twice."""
        location = (self.location or "").strip()
        mode = self.work_mode or ""
        if location and mode and mode.lower() not in location.lower():
            return f"{location} · {mode}"
        return location or mode or NO_VALUE


def channel_of(source: str | None, board: str | None) -> str:
    if source and source.strip():
        return source.strip()
    if board:
        return BOARD_NAMES.get(board, board)
    return NO_VALUE


def applications_in_range(session: Session, start: date, end: date) -> list[ReportRow]:
    """Applications sent from `start` to `end` (both included), by date then company."""
    query = (
        select(Application, Stage.name)
        .join(Stage, Stage.key == Application.status)
        .where(Application.applied_on >= start, Application.applied_on <= end)
        .order_by(Application.applied_on, func.lower(Application.company), Application.id)
    )
    return [
        ReportRow(
            applied_on=app.applied_on,
            company=app.company,
            title=app.title or "",
            channel=channel_of(app.source, app.board),
            posting_url=app.posting_url,
            outcome=stage_name,
            location=app.location,
            work_mode=WORK_MODE_NAMES.get(app.work_mode or "", app.work_mode),
        )
        for app, stage_name in session.execute(query)
    ]


REPORT_CSV_HEADER = [
    "Date applied",
    "Company",
    "Position",
    "Channel",
    "Outcome",
    "Location",
    "Work mode",
    "Posting URL",
]


def write_report_csv(rows: list[ReportRow], out: Path) -> int:
    """The proof of applications as CSV; returns the number of rows written."""
    return _write_csv(
        out,
        REPORT_CSV_HEADER,
        (
            [
                r.applied_on,
                r.company,
                r.title,
                r.channel,
                r.outcome,
                r.location,
                r.work_mode,
                r.posting_url,
            ]
            for r in rows
        ),
    )


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _markup(text: str | None) -> str:
    """User text made safe for reportlab's Paragraph mini-markup (it parses tags)."""
    return escape(re.sub(r"\s+", " ", text or "").strip())


def _link_markup(url: str | None) -> str:
    if not url:
        return ""
    url = url.strip()
    shown = url if len(url) <= _PDF_URL_CHARS else url[: _PDF_URL_CHARS - 1] + "…"
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return _markup(shown)
    href = escape(url, {'"': "&quot;"})
    return f'<a href="{href}">{_markup(shown)}</a>'


def write_report_pdf(
    rows: list[ReportRow],
    out: Path,
    *,
    start: date,
    end: date,
    person_name: str | None = None,
    page_size: str = "A4",
    today: date | None = None,
    compress: bool = True,
) -> int:
    """The proof of applications as a PDF document; returns the number of pages.

    `compress=False` leaves the page streams readable (tests look for names in them).
    Text is set in the PDF base font Helvetica, which covers Latin-1 (and the Windows-1252
    extras such as — and €): "Zoë", "García", "Chloé" print fine, but letters outside it
    (Polish Ł, Greek, Cyrillic, CJK) would print as boxes. Embedding a TTF font such as
    DejaVu Sans would lift that limit.
    """
    if page_size not in PAGE_SIZES:
        raise ExportError(f"Unknown page size {page_size!r}; use A4 or Letter.")
    today = today or date.today()
    # Two passes: the first counts the pages for the second's "Page X of Y" footers
    # (footers are drawn outside the frame, so they cannot change the layout).
    _, pages = _build_pdf(rows, start, end, person_name, page_size, today, compress, None)
    data, pages = _build_pdf(rows, start, end, person_name, page_size, today, compress, pages)
    with atomic_output(out) as fh:
        fh.write(data)
    return pages


def _build_pdf(
    rows: list[ReportRow],
    start: date,
    end: date,
    person_name: str | None,
    page_size: str,
    today: date,
    compress: bool,
    total_pages: int | None,
) -> tuple[bytes, int]:
    """Lay the report out; `total_pages` from a first pass prints "Page X of Y"."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4, letter
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    size = A4 if page_size == "A4" else letter
    margin = 18 * mm
    name = re.sub(r"\s+", " ", person_name or "").strip()
    period = f"{long_date(start)} – {long_date(end)}"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 6 * mm,
        title="Proof of job applications" + (f" — {name}" if name else ""),
        author=name or None,
        subject=f"Job applications sent {start.isoformat()} to {end.isoformat()}",
        creator=APP_NAME,
        pageCompression=1 if compress else 0,
        lang="en",
    )
    base = getSampleStyleSheet()
    ink = colors.HexColor("#1f2937")
    muted = colors.HexColor("#6b7280")
    title_style = ParagraphStyle(
        "ReportTitle", parent=base["Title"], alignment=0, fontSize=18, leading=22, textColor=ink
    )
    meta = ParagraphStyle("Meta", parent=base["Normal"], fontSize=10, leading=14, textColor=ink)
    cell = ParagraphStyle("Cell", parent=base["Normal"], fontSize=8.5, leading=10.5, textColor=ink)
    head = ParagraphStyle("Head", parent=cell, fontName="Helvetica-Bold", textColor=ink)
    number = ParagraphStyle("Number", parent=cell, alignment=TA_RIGHT, textColor=muted)
    link = ParagraphStyle(
        "Link", parent=cell, fontSize=7, leading=8.5, textColor=colors.HexColor("#1d4ed8")
    )

    story: list[Any] = [Paragraph("Proof of job applications", title_style)]
    if name:
        story.append(Paragraph(f"<b>Applicant:</b> {_markup(name)}", meta))
    story += [
        Paragraph(f"<b>Period:</b> {escape(period)}", meta),
        Paragraph(f"<b>Generated:</b> {escape(long_date(today))} with {APP_NAME}", meta),
        Spacer(1, 6 * mm),
    ]
    if rows:
        headers = ["#", "Date", "Company", "Position", "Channel", "Location / mode", "Outcome"]
        data: list[list[Any]] = [[Paragraph(h, head) for h in headers]]
        for n, r in enumerate(rows, 1):
            position = Paragraph(_markup(r.title) or NO_VALUE, cell)
            url = _link_markup(r.posting_url)
            data.append(
                [
                    Paragraph(str(n), number),
                    Paragraph(r.applied_on.isoformat(), cell),
                    Paragraph(_markup(r.company), cell),
                    [position, Paragraph(url, link)] if url else position,
                    Paragraph(_markup(r.channel), cell),
                    Paragraph(_markup(r.where), cell),
                    Paragraph(_markup(r.outcome), cell),
                ]
            )
        width = size[0] - 2 * margin
        shares = (0.045, 0.115, 0.19, 0.27, 0.12, 0.14, 0.12)
        table = Table(data, colWidths=[width * s for s in shares], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e5e7eb")),
                    (
                        "ROWBACKGROUNDS",
                        (0, 1),
                        (-1, -1),
                        [colors.white, colors.HexColor("#f8fafc")],
                    ),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ink),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d1d5db")),
                    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story += [table, Spacer(1, 5 * mm)]
        noun = "application" if len(rows) == 1 else "applications"
        story.append(
            Paragraph(
                f"<b>Total:</b> {len(rows)} {noun} sent in the period {escape(period)}.", meta
            )
        )
    else:
        story.append(Paragraph("No applications were sent in this period.", meta))

    footer_left = " · ".join(p for p in ("Proof of job applications", name, period) if p)

    def draw_footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(muted)
        y = margin - 2 * mm
        canvas.drawString(margin, y, footer_left)
        page = document.page
        text = f"Page {page} of {total_pages}" if total_pages else f"Page {page}"
        canvas.drawRightString(size[0] - margin, y, text)
        canvas.restoreState()

    doc.build(story, onFirstPage=draw_footer, onLaterPages=draw_footer)
    return buffer.getvalue(), doc.page


# --- every application, for spreadsheets -----------------------------------------------

APPLICATIONS_CSV_HEADER = [
    "Company",
    "Title",
    "Status",
    "Work mode",
    "Location",
    "Remote region",
    "Team time zones",
    "Overlap hours",
    "Async culture",
    "Salary min",
    "Salary max",
    "Salary currency",
    "Salary period",
    "Employment type",
    "Source",
    "Date posted",
    "Applied on",
    "Priority",
    "Excitement",
    "Next action",
    "Next action due",
    "Posting URL",
    "Job board",
    "External id",
    "Tags",
    "Notes",
]


def export_applications_csv(session: Session, out: Path) -> int:
    """Every application with its user-facing fields as CSV; returns how many."""
    query = (
        select(Application, Stage.name)
        .join(Stage, Stage.key == Application.status)
        .options(selectinload(Application.tags))
        .order_by(Application.id)
        .execution_options(yield_per=500)
    )

    def rows() -> Iterator[list[Any]]:
        for app, stage_name in session.execute(query):
            yield [
                app.company,
                app.title,
                stage_name,
                WORK_MODE_NAMES.get(app.work_mode or "", app.work_mode),
                app.location,
                app.remote_region,
                app.team_timezones,
                app.overlap_hours,
                app.async_culture,
                app.salary_min,
                app.salary_max,
                app.salary_currency,
                app.salary_period,
                (app.employment_type or "").replace("_", "-") or None,
                app.source,
                app.date_posted,
                app.applied_on,
                app.priority,
                app.excitement,
                app.next_action,
                app.next_action_due,
                app.posting_url,
                BOARD_NAMES.get(app.board or "", app.board),
                app.external_id,
                "; ".join(sorted((t.name for t in app.tags), key=str.lower)),
                app.notes,
            ]

    return _write_csv(out, APPLICATIONS_CSV_HEADER, rows())
