"""Importing job links into the database: de-duplication, one transaction, cancel."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planner.__main__ import main
from planner.models import Application, StatusChange, Tag
from planner.services.link_import import (
    ImportCancelled,
    LinkImportError,
    import_links,
    merge,
    plan_import,
    read_source,
)
from planner.services.link_sources import parse_text

DATA = Path(__file__).resolve().parents[1] / "data" / "links"


def _count(store, model=Application) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_links_become_saved_applications_with_what_the_url_says(store):
    parsed = parse_text(
        "https://boards.greenhouse.io/acme-labs/jobs/123456?gh_src=abc\n"
        "https://jobs.lever.co/contoso/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21/apply\n"
    )
    plan = import_links(store, parsed)
    assert len(plan.added_ids) == 2
    with store.session() as session:
        apps = session.scalars(select(Application).order_by(Application.id)).all()
        assert [(a.board, a.external_id, a.status) for a in apps] == [
            ("greenhouse", "123456", "saved"),
            ("lever", "8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21", "saved"),
        ]
        assert apps[0].company == "Acme Labs"
        assert apps[0].posting_url == "https://boards.greenhouse.io/acme-labs/jobs/123456"
        assert session.scalar(select(func.count()).select_from(StatusChange)) == 2


def test_reimporting_the_same_links_adds_nothing(store):
    text = (
        "https://boards.greenhouse.io/acme/jobs/1\n"
        "https://jobs.lever.co/x/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21\n"
    )
    import_links(store, parse_text(text))
    again = import_links(
        store,
        parse_text(
            "HTTPS://WWW.Boards.Greenhouse.IO/acme/jobs/1?utm_source=newsletter\n"
            "https://jobs.lever.co/x/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21/apply#apply\n"
        ),
    )
    assert again.added_ids == []
    assert len(again.duplicates) == 2
    assert all(d.existing_id for d in again.duplicates)
    assert _count(store) == 2


def test_duplicates_inside_one_batch_are_reported_once(store):
    parsed = parse_text(
        "https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21\n"
        "https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21/apply?lever-source=LinkedIn\n"
        "https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21#top\n"
    )
    plan = import_links(store, parsed)
    report = plan.report()
    assert len(report["added"]) == 1
    assert [d["existing_id"] for d in report["duplicates"]] == [plan.added_ids[0]] * 2


def test_a_manually_entered_posting_is_recognised_as_a_duplicate(store):
    from planner.services.applications import create_application

    with store.transaction() as session:
        create_application(
            session, company="Acme", posting_url="https://boards.greenhouse.io/acme/jobs/77"
        )
    plan = import_links(store, parse_text("https://boards.greenhouse.io/acme/jobs/77?utm_source=x"))
    assert plan.added_ids == [] and plan.duplicates[0].existing_id == 1


def test_bookmark_folders_become_tags_without_the_browsers_own_folders(store):
    from planner.services.link_import import BROWSER_ROOT_FOLDERS

    parsed = read_source(DATA / "firefox_bookmarks.html")
    plan = import_links(store, parsed)
    assert plan.added_ids
    with store.session() as session:
        names = set(session.scalars(select(Tag.name)))
    expected = {t for c in plan.to_add for t in c.tags if t.casefold() not in BROWSER_ROOT_FOLDERS}
    assert expected and names == expected
    assert not {n.casefold() for n in names} & BROWSER_ROOT_FOLDERS


def test_linkedin_job_applications_are_imported_as_applied_with_their_date(store):
    plan = import_links(store, read_source(DATA / "linkedin_job_applications.csv"))
    with store.session() as session:
        apps = session.scalars(select(Application).where(Application.id.in_(plan.added_ids))).all()
    assert apps and all(a.status == "applied" and a.applied_on is not None for a in apps)
    assert all(a.applied_on <= date.today() for a in apps)


def test_status_option_overrides_the_stage(store):
    plan = import_links(
        store,
        parse_text("https://jobs.ashbyhq.com/acme/2d9f4b7a-61c3-4e8d-a0b5-7c2e9f1d4a36"),
        status="applied",
    )
    with store.session() as session:
        app = session.get(Application, plan.added_ids[0])
        assert app.status == "applied" and app.applied_on == date.today()


def test_unknown_status_is_a_clear_error_and_writes_nothing(store):
    with pytest.raises(LinkImportError, match="Unknown stage"):
        import_links(
            store, parse_text("https://boards.greenhouse.io/acme/jobs/1"), status="dreaming"
        )
    assert _count(store) == 0


def test_a_cancelled_import_leaves_the_database_as_it_was(store):
    text = "\n".join(f"https://boards.greenhouse.io/acme/jobs/{n}" for n in range(1, 1800))
    calls = []

    def cancel_after_first_batch() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ImportCancelled):
        import_links(store, parse_text(text), cancelled=cancel_after_first_batch)
    assert _count(store) == 0
    assert _count(store, StatusChange) == 0


def test_dry_run_writes_nothing(store):
    plan = import_links(store, parse_text("https://boards.greenhouse.io/acme/jobs/1"), dry_run=True)
    assert len(plan.to_add) == 1 and plan.report()["added"][0]["id"] is None
    assert _count(store) == 0


def test_unreadable_or_binary_sources_are_clear_errors(tmp_path):
    with pytest.raises(LinkImportError, match="Cannot read"):
        read_source(tmp_path / "missing.txt")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(LinkImportError, match="photo.jpg"):
        read_source(binary)
    with pytest.raises(LinkImportError, match="folder"):
        read_source(tmp_path)


def test_a_url_argument_is_a_source(store):
    parsed = merge(
        [
            read_source("https://apply.workable.com/fabrikam/j/3C5E7A9B1D"),
            read_source("javascript:alert(1)"),
        ]
    )
    assert len(parsed.candidates) == 1 and len(parsed.rejected) == 1


# --- the command line ---------------------------------------------------------------------


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_report_has_the_documented_shape(capsys, tmp_path):
    links = tmp_path / "links.txt"
    links.write_text(
        "# my links\n\nhttps://boards.greenhouse.io/acme/jobs/1\nhttps://boards.greenhouse.io/acme/jobs/1#x\n"
        "javascript:void(0)\nfile:///etc/passwd\n"
    )
    db = str(tmp_path / "x.sqlite3")
    code, out, _ = run(capsys, "--db", db, "import-links", str(links), "--json")
    report = json.loads(out)
    assert code == 0
    assert set(report) == {"added", "duplicates", "rejected"}
    assert report["added"] == [
        {
            "id": 1,
            "url": "https://boards.greenhouse.io/acme/jobs/1",
            "board": "greenhouse",
            "company": "Acme",
            "external_id": "1",
            "title": "",
        }
    ]
    assert report["duplicates"] == [
        {"url": "https://boards.greenhouse.io/acme/jobs/1", "existing_id": 1}
    ]
    assert {r["input"] for r in report["rejected"]} == {"javascript:void(0)", "file:///etc/passwd"}
    assert all(r["reason"] for r in report["rejected"])


def test_cli_reads_standard_input(capsys, tmp_path, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(
        sys,
        "stdin",
        io.TextIOWrapper(
            io.BytesIO(b"https://remotive.com/remote-jobs/project-management/senior-pm-123456\n")
        ),
    )
    code, out, _ = run(capsys, "--db", str(tmp_path / "x.sqlite3"), "import-links", "-", "--json")
    assert code == 0 and json.loads(out)["added"][0]["board"] == "remotive"


def test_cli_folder_option_keeps_one_bookmark_folder(capsys, tmp_path):
    shared = (
        Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "bookmarks_chrome.html"
    )
    if not shared.exists():
        pytest.skip("shared fixtures not present")
    db = str(tmp_path / "x.sqlite3")
    _, all_out, _ = run(capsys, "--db", db, "import-links", str(shared), "--json", "--dry-run")
    _, folder_out, _ = run(
        capsys,
        "--db",
        db,
        "import-links",
        str(shared),
        "--json",
        "--dry-run",
        "--folder",
        "JOB HUNT",
    )
    assert 0 < len(json.loads(folder_out)["added"]) <= len(json.loads(all_out)["added"])


def test_cli_unreadable_file_fails_with_one_line_and_writes_nothing(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("https://boards.greenhouse.io/acme/jobs/1\n")
    db = tmp_path / "x.sqlite3"
    code, _, err = run(
        capsys, "--db", str(db), "import-links", str(good), str(tmp_path / "nope.txt")
    )
    assert code == 1 and err.count("\n") == 1 and "Cannot read" in err
    code, out, _ = run(capsys, "--db", str(db), "stats", "--json")
    assert json.loads(out)["counts"]["applications"] == 0


def test_plan_against_a_big_existing_database_is_correct(demo_store):
    with demo_store.session() as session:
        url = session.scalar(
            select(Application.posting_url).where(Application.board == "greenhouse")
        )
        plan = plan_import(
            session,
            parse_text(url + "?utm_campaign=x\nhttps://boards.greenhouse.io/brand-new/jobs/999"),
        )
    assert len(plan.duplicates) == 1 and len(plan.to_add) == 1
