"""Reading job links out of files (planner.services.link_sources)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.gen_bookmarks import generate_bookmarks
from planner.services.link_sources import (
    Candidate,
    ParseResult,
    SourceError,
    decode_bytes,
    dedupe,
    detect_kind,
    parse_bookmarks,
    parse_csv,
    parse_job_page,
    parse_source,
    parse_text,
)
from planner.services.links import parse_link

DATA = Path(__file__).resolve().parents[1] / "data" / "links"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="shared fixtures not present")


def load(name: str) -> ParseResult:
    """Parse one of our sample files the way the importer does."""
    return parse_source((DATA / name).read_bytes(), name)


def by_url(result: ParseResult) -> dict[str, Candidate]:
    """Candidates of a result by normalized URL."""
    return {c.link.url: c for c in result.candidates}


# --- plain text ----------------------------------------------------------------------------


def test_text_skips_blank_lines_and_comments() -> None:
    result = parse_text("# my links\n\n   \nhttps://example.com/a\n  # indented comment\n")
    assert [c.link.url for c in result.candidates] == ["https://example.com/a"]
    assert result.rejected == []
    assert result.kind == "text"
    assert result.folders == []


def test_text_rejects_each_bad_line_with_its_reason() -> None:
    result = parse_text(
        "not a link at all\nftp://x.example/a\njavascript:alert(1)\nhttps://ok.example/"
    )
    assert [(r.input, r.reason) for r in result.rejected] == [
        ("not a link at all", "not a link"),
        ("ftp://x.example/a", "not an http(s) link (ftp:)"),
        ("javascript:alert(1)", "not an http(s) link (javascript:)"),
    ]
    assert [c.source for c in result.candidates] == ["text"]


def test_text_line_longer_than_2048_characters_is_rejected_and_truncated() -> None:
    line = "https://example.com/" + "x" * 3000
    result = parse_text(line)
    assert result.candidates == []
    assert result.rejected[0].reason == "longer than 2048 characters"
    assert len(result.rejected[0].input) == 200


def test_text_picks_links_out_of_prose_and_markdown() -> None:
    text = (
        "Senior PM at Acme - https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21.\n"
        "[Scrum Master](https://apply.workable.com/fabrikam/j/3C5E7A9B1D/)\n"
        "<https://example.com/job/1>, and (see https://example.com/job/2)\n"
    )
    urls = [c.link.url for c in parse_text(text).candidates]
    assert urls == [
        "https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21",
        "https://apply.workable.com/fabrikam/j/3C5E7A9B1D",
        "https://example.com/job/1",
        "https://example.com/job/2",
    ]


def test_text_handles_crlf_bom_and_zero_width_spaces() -> None:
    result = parse_text("\ufeffhttps://example.com/a\r\n\u200bhttps://example.com/b\r\n")
    assert [c.link.url for c in result.candidates] == [
        "https://example.com/a",
        "https://example.com/b",
    ]


def test_text_with_no_links_rejects_every_line() -> None:
    result = parse_source(b"groceries\nmilk\neggs\n", "notes.txt")
    assert result.kind == "text"
    assert result.candidates == []
    assert [r.input for r in result.rejected] == ["groceries", "milk", "eggs"]


def test_text_keeps_duplicates_for_dedupe_to_report() -> None:
    result = parse_text("https://example.com/a\nhttps://www.example.com/a/#x\n")
    assert len(result.candidates) == 2
    kept, dropped = dedupe(result.candidates)
    assert [c.link.url for c in kept] == ["https://example.com/a"]
    assert dropped == [(result.candidates[1], result.candidates[0])]


# --- dedupe --------------------------------------------------------------------------------


def test_dedupe_keeps_the_first_of_each_job_and_pairs_the_rest() -> None:
    a = Candidate(parse_link("https://boards.greenhouse.io/acme/jobs/1"), title="first")
    b = Candidate(parse_link("https://boards.greenhouse.io/embed/job_app?for=acme&token=1"))
    c = Candidate(parse_link("https://example.com/other"))
    d = Candidate(parse_link("https://boards.greenhouse.io/ACME/jobs/1?gh_src=x"))
    kept, dropped = dedupe([a, b, c, d])
    assert kept == [a, c]
    assert dropped == [(b, a), (d, a)]


def test_dedupe_of_nothing_is_nothing() -> None:
    assert dedupe([]) == ([], [])


# --- bookmarks -----------------------------------------------------------------------------


@needs_shared
def test_chrome_bookmarks_fixture_reads_folders_tags_dates_and_rejects_bookmarklet() -> None:
    result = parse_source((SHARED / "bookmarks_chrome.html").read_bytes(), "bookmarks.html")
    assert result.kind == "bookmarks"
    assert result.folders == [
        ("Bookmarks bar",),
        ("Bookmarks bar", "Job hunt"),
        ("Bookmarks bar", "Job hunt", "Dream companies"),
        ("Other bookmarks",),
    ]
    urls = [c.link.url for c in result.candidates]
    assert urls.count("https://boards.greenhouse.io/northwindlabs/jobs/4821937") == 2
    lever = by_url(result)[
        "https://jobs.lever.co/contoso-cloud/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21"
    ]
    assert lever.tags == ("Bookmarks bar", "Job hunt")
    assert lever.added_on == date(2024, 10, 27)
    assert lever.title == "Contoso Cloud - Agile Delivery Lead"
    assert lever.source == "bookmarks"
    assert [r.reason for r in result.rejected] == ["not an http(s) link (javascript:)"]
    kept, dropped = dedupe(result.candidates)
    assert len(kept) == len(result.candidates) - 1
    assert dropped[0][1].title == "Remote Technical Project Manager - Northwind Labs"


@needs_shared
def test_folder_filter_keeps_subfolders_and_is_case_insensitive() -> None:
    data = (SHARED / "bookmarks_chrome.html").read_bytes()
    result = parse_source(data, "bookmarks.html", folder="job HUNT")
    assert len(result.candidates) == 8
    assert all("Job hunt" in c.tags for c in result.candidates)
    assert {c.tags for c in result.candidates} == {
        ("Bookmarks bar", "Job hunt"),
        ("Bookmarks bar", "Job hunt", "Dream companies"),
    }
    assert len(result.rejected) == 1  # the bookmarklet inside Job hunt
    nested = parse_source(data, "bookmarks.html", folder="Dream companies")
    assert len(nested.candidates) == 3
    assert result.folders == nested.folders == parse_source(data, "b.html").folders


@needs_shared
def test_folder_filter_accepts_a_folder_path() -> None:
    data = (SHARED / "bookmarks_chrome.html").read_bytes()
    result = parse_source(data, folder="Job hunt/Dream companies")
    assert len(result.candidates) == 3


@needs_shared
def test_unknown_folder_is_an_error_naming_the_folders() -> None:
    with pytest.raises(SourceError) as caught:
        parse_source((SHARED / "bookmarks_chrome.html").read_bytes(), folder="Jobs 2019")
    message = str(caught.value)
    assert "'Jobs 2019'" in message
    assert "Job hunt" in message and "Dream companies" in message and "Other bookmarks" in message


def test_firefox_export_reads_tags_descriptions_and_special_folders() -> None:
    result = load("firefox_bookmarks.html")
    assert result.kind == "bookmarks"
    assert ("Bookmarks Toolbar", "Remote PM & Agile", "Maybe later") in result.folders
    assert ("Other Bookmarks",) in result.folders
    found = by_url(result)
    lever = found[
        "https://jobs.lever.co/tailspin/0b6d2f5e-1c3a-4e7b-9a8d-2f4c6e8a0b1c?lever-origin=applied"
    ]
    assert lever.tags == ("Bookmarks Toolbar", "Remote PM & Agile", "remote", "pmp")
    assert lever.description == "Recruiter said: apply before Friday & mention the PMP"
    assert lever.added_on == date(2024, 11, 7)
    ashby = found["https://jobs.ashbyhq.com/woodgrove/7a1e3c5b-2d4f-4a6b-8c0e-9f1a3b5c7d9e"]
    assert ashby.tags[-1] == "Maybe later"
    indeed = found["https://indeed.com/viewjob?jk=0f1e2d3c4b5a6978"]
    assert indeed.tags == ("Other Bookmarks",)
    assert indeed.title == "IT Project Manager - Hybrid"
    assert indeed.work_mode == "hybrid"
    assert [r.reason for r in result.rejected] == [
        "not an http(s) link (place:)",
        "not an http(s) link (file:)",
    ]


def test_firefox_folder_description_is_not_given_to_a_link() -> None:
    result = load("firefox_bookmarks.html")
    assert all(c.description != "Roles I am tracking this autumn" for c in result.candidates)


def test_safari_export_without_root_list_or_dates() -> None:
    result = load("safari_bookmarks.html")
    assert result.kind == "bookmarks"
    assert result.folders == [
        ("Favorites",),
        ("BookmarksMenu",),
        ("Job search",),
        ("Job search", "PM & Scrum"),
        ("Reading List",),
    ]
    assert all(c.added_on is None for c in result.candidates)
    found = by_url(result)
    assert found["https://wellfound.com/jobs/2871234-technical-program-manager"].tags == (
        "Job search",
        "PM & Scrum",
    )
    wwr = found["https://weworkremotely.com/remote-jobs/trey-research-senior-project-manager"]
    assert wwr.tags == ("Reading List",)
    assert wwr.description.startswith("Trey Research is hiring")
    remotive = found[
        "https://remotive.com/remote-jobs/project-management/senior-scrum-master-1928374"
    ]
    assert remotive.title == "Senior Scrum Master at Proseware"


def test_safari_reading_list_can_be_picked_as_a_folder() -> None:
    result = parse_source((DATA / "safari_bookmarks.html").read_bytes(), folder="reading list")
    assert [c.link.board for c in result.candidates] == ["weworkremotely"]


def test_edge_export_with_icons_and_browser_links() -> None:
    result = load("edge_bookmarks.html")
    found = by_url(result)
    assert len(result.candidates) == 4
    linkedin = found["https://linkedin.com/jobs/view/senior-project-manager-at-contoso-4012345678"]
    assert linkedin.title == "Contoso hiring Senior Project Manager in London"
    assert linkedin.tags == ("Favorites bar", "Jobs")
    assert (
        found["https://uk.indeed.com/rc/clk?jk=a1b2c3d4e5f60718&pos=bottom"].title
        == "Delivery Lead <contract>"
    )
    assert (
        found["https://remoteok.com/remote-jobs/remote-scrum-master-humongous-998877"].work_mode
        == "remote"
    )
    assert [r.reason for r in result.rejected] == [
        "not an http(s) link (javascript:)",
        "not an http(s) link (edge:)",
    ]


def test_localized_export_decodes_entities_in_folder_names() -> None:
    result = load("chrome_localized.html")
    assert result.folders == [
        ("Lesezeichenleiste",),
        ("Lesezeichenleiste", 'Stellen "Remote" & Projekte'),
    ]
    assert all(c.tags[-1] == 'Stellen "Remote" & Projekte' for c in result.candidates)
    boards = [(c.link.board, c.link.external_id) for c in result.candidates]
    assert boards == [
        ("greenhouse", "5566778"),
        ("greenhouse", "5566778"),
        ("greenhouse", "4711001"),
        ("ashby", "5f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b"),
    ]
    kept, dropped = dedupe(result.candidates)
    assert len(dropped) == 1


def test_pocket_html_export_reads_time_added_and_tags() -> None:
    result = load("pocket_export.html")
    assert result.kind == "bookmarks"
    lever = result.candidates[0]
    assert lever.link.board == "lever"
    assert lever.tags == ("jobs", "remote")
    assert lever.added_on == date(2023, 11, 14)


def test_bookmarks_without_folders_and_unclosed_tags() -> None:
    text = (
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF='https://example.com/a'>A\n"
        '<DT><A HREF=https://example.com/b ADD_DATE=0>B</A>\n<DT><A NAME="x">no href</A>\n'
        '<DT><A HREF="">empty</A>\n'
    )
    result = parse_bookmarks(text)
    assert [(c.link.url, c.title, c.tags, c.added_on) for c in result.candidates] == [
        ("https://example.com/a", "A", (), None),
        ("https://example.com/b", "B", (), None),
    ]
    assert [r.reason for r in result.rejected] == ["empty link"]
    assert result.folders == []


def test_folder_in_a_file_without_folders_says_so() -> None:
    with pytest.raises(SourceError, match="has no folders"):
        parse_bookmarks("<DL><DT><A HREF='https://example.com/'>x</A></DL>", folder="Jobs")


def test_bookmark_comments_and_attribute_quotes_do_not_confuse_the_parser() -> None:
    text = (
        '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<!-- <DT><A HREF="https://hidden.example/">no</A> -->\n'
        "<DL><p><DT><H3>Jobs</H3><DL><p>\n"
        '<DT><A HREF="https://example.com/a?x=1&amp;y=2" TITLE="a > b">A &amp; B</A>\n'
        "</DL><p></DL><p>\n"
    )
    result = parse_bookmarks(text)
    assert [(c.link.url, c.title, c.tags) for c in result.candidates] == [
        ("https://example.com/a?x=1&y=2", "A & B", ("Jobs",))
    ]


def test_unbalanced_closing_lists_are_ignored() -> None:
    text = "</DL></DL><DL><DT><H3>F</H3><DL><DT><A HREF='https://example.com/'>x</A></DL></DL></DL>"
    result = parse_bookmarks(text)
    assert result.candidates[0].tags == ("F",)


def test_add_date_in_milliseconds_or_microseconds_is_read() -> None:
    text = (
        "<DL><DT><A HREF='https://example.com/1' ADD_DATE='1731000000000'>ms</A>"
        "<DT><A HREF='https://example.com/2' ADD_DATE='1731000000000000'>us</A>"
        "<DT><A HREF='https://example.com/3' ADD_DATE='garbage'>bad</A></DL>"
    )
    dates = [c.added_on for c in parse_bookmarks(text).candidates]
    assert dates == [date(2024, 11, 7), date(2024, 11, 7), None]


def test_generated_chrome_file_parses_every_link() -> None:
    text = generate_bookmarks(300, seed=3)
    result = parse_bookmarks(text)
    assert len(result.candidates) + len(result.rejected) == 300
    assert all(r.reason == "not an http(s) link (javascript:)" for r in result.rejected)
    assert {c.link.board for c in result.candidates} >= {
        "greenhouse",
        "lever",
        "linkedin",
        "indeed",
        "workday",
    }
    kept, dropped = dedupe(result.candidates)
    assert 10 <= len(dropped) <= 60
    assert ("Bookmarks bar", "Job hunt", "PM roles", "2024") in result.folders


# --- CSV -----------------------------------------------------------------------------------


def test_linkedin_saved_jobs_csv() -> None:
    result = load("linkedin_saved_jobs.csv")
    assert result.kind == "csv"
    assert [
        (c.link.external_id, c.title, c.company_name, c.added_on) for c in result.candidates
    ] == [
        ("4087654321", "Remote IT Project Manager", "Northwind Labs", date(2024, 11, 20)),
        ("4076543210", "Program Manager, Cloud Migration", "Contoso, Inc.", date(2024, 11, 18)),
        ("4012345678", "Scrum Master (Hybrid)", "Tailspin Toys", date(2024, 11, 2)),
    ]
    assert all(c.status == "saved" and c.source == "csv" for c in result.candidates)
    assert result.rejected == []  # the trailing ",,," row is skipped


def test_linkedin_job_applications_import_as_applied() -> None:
    result = load("linkedin_job_applications.csv")
    assert [(c.status, c.applied_on, c.company_name) for c in result.candidates] == [
        ("applied", date(2024, 11, 20), "Northwind Labs"),
        ("applied", date(2025, 1, 5), "Woodgrove Bank"),
    ]
    assert len(result.rejected) == 1
    assert result.rejected[0].reason == "no link in the 'Job Url' column"
    assert result.rejected[0].input.startswith("12/30/24, 9:00 AM,me@example.com")


def test_semicolon_csv_in_windows_1252_with_excel_separator_line() -> None:
    result = load("tracker_semicolon.csv")
    first, second = result.candidates
    assert first.link.url == "https://alpineski.example/jobs/it-pl-17"
    assert first.location == "München"
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        60000.0,
        70000.0,
        "EUR",
        "year",
    )
    assert first.work_mode == "hybrid"
    assert first.status == "interviewing"
    assert first.added_on == date(2024, 11, 20)
    assert first.tags == ("DACH", "PMP")
    assert (second.salary_min, second.salary_max, second.salary_currency) == (
        45000.0,
        55000.0,
        "GBP",
    )
    assert second.work_mode == "remote" and second.status == "applied"
    assert [(r.input, r.reason) for r in result.rejected] == [
        ("Margie's Travel;Scrum Master;not yet posted;;;;;;", "not a link")
    ]


def test_tab_separated_export() -> None:
    result = load("jobs_export.tsv")
    assert result.kind == "csv"
    workable, workday = result.candidates
    assert (workable.link.board, workable.title, workable.company_name) == (
        "workable",
        "Remote Project Coordinator",
        "Proseware",
    )
    assert workable.date_posted == date(2024, 11, 1)
    assert workable.employment_type == "full_time"
    assert (workday.link.board, workday.link.external_id, workday.employment_type) == (
        "workday",
        "R0042",
        "contract",
    )


def test_csv_without_header_and_a_single_column_of_urls() -> None:
    result = load("urls_only.csv")
    assert [c.link.board for c in result.candidates] == ["lever", "remoteok"]
    assert [r.reason for r in result.rejected] == ["not an http(s) link (mailto:)"]


def test_pocket_csv_with_pipe_separated_tags_and_epoch_dates() -> None:
    result = load("pocket_export.csv")
    ashby = result.candidates[0]
    assert ashby.tags == ("jobs", "remote")
    assert ashby.added_on == date(2024, 11, 7)
    assert ashby.status == "saved"  # Pocket's "unread" is not a pipeline stage


def test_csv_url_column_found_by_content_when_header_names_are_unknown() -> None:
    text = "Firma,Stelle,Adresse web\nAcme,PM,https://example.com/1\nBeta,Scrum,https://example.com/2\n"
    result = parse_csv(text)
    assert [c.link.url for c in result.candidates] == [
        "https://example.com/1",
        "https://example.com/2",
    ]


def test_csv_prefers_the_job_link_over_a_company_website() -> None:
    text = (
        "Company Website,Job Link,Title\n"
        "https://acme.example,https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21,PM\n"
    )
    result = parse_csv(text)
    assert [c.link.board for c in result.candidates] == ["lever"]
    assert result.candidates[0].title == "PM"


def test_csv_skips_preamble_lines_before_the_header() -> None:
    text = (
        "Notes:\n"
        '"Exported from my tracker, see https://example.com/help for details"\n'
        "\n"
        "Job Title,Company,URL\n"
        "PM,Acme,https://example.com/jobs/1\n"
    )
    result = parse_csv(text)
    assert [(c.title, c.company_name) for c in result.candidates] == [("PM", "Acme")]
    assert result.rejected == []


def test_csv_without_any_link_column_is_an_error() -> None:
    with pytest.raises(SourceError, match="no column of links"):
        parse_csv("Company,Title\nAcme,PM\nBeta,Scrum Master\n")


def test_linkedin_connections_export_is_refused_as_contacts() -> None:
    text = (
        "Notes:\nsomething\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "A,B,https://www.linkedin.com/in/ab,,X,Y,15 Mar 2024\n"
    )
    with pytest.raises(SourceError, match="Connections"):
        parse_csv(text)


@needs_shared
def test_shared_linkedin_connections_fixture_is_refused_as_contacts() -> None:
    with pytest.raises(SourceError, match="contacts"):
        parse_source((SHARED / "linkedin_connections.csv").read_bytes(), "Connections.csv")


def test_csv_with_quoted_newlines_and_a_repeated_header() -> None:
    text = (
        'url,title\n"https://example.com/1","multi\nline"\nurl,title\n"https://example.com/2",two\n'
    )
    result = parse_csv(text)
    assert [c.title for c in result.candidates] == ["multi line", "two"]
    assert result.rejected == []


def test_csv_dates_in_several_formats() -> None:
    text = (
        "url,date saved\n"
        "https://e.example/1,2024-11-20\n"
        "https://e.example/2,20.11.2024\n"
        "https://e.example/3,15 Mar 2024\n"
        'https://e.example/4,"Mar 15, 2024"\n'
        "https://e.example/5,25/12/2024\n"
        "https://e.example/6,2024-02-30\n"
        "https://e.example/7,yesterday\n"
    )
    dates = [c.added_on for c in parse_csv(text).candidates]
    assert dates == [
        date(2024, 11, 20),
        date(2024, 11, 20),
        date(2024, 3, 15),
        date(2024, 3, 15),
        date(2024, 12, 25),
        None,
        None,
    ]


# --- job pages -----------------------------------------------------------------------------


@needs_shared
def test_greenhouse_page_fixture_reads_every_field() -> None:
    result = parse_source((SHARED / "jobposting_greenhouse.html").read_bytes(), "job.html")
    assert result.kind == "page"
    (job,) = result.candidates
    assert job.link.url == "https://boards.greenhouse.io/northwindlabs/jobs/4821937"
    assert job.link.external_id == "4821937"
    assert job.title == "Remote Technical Project Manager"
    assert job.company_name == "Northwind Labs"
    assert job.work_mode == "remote"
    assert job.remote_region == "USA"
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == (
        115000.0,
        140000.0,
        "USD",
        "year",
    )
    assert job.employment_type == "full_time"
    assert job.date_posted == date(2026, 10, 28)
    assert job.valid_through == date(2026, 12, 31)
    assert job.description.startswith("Northwind Labs builds data tools")
    assert "&lt;" not in job.description and "<" not in job.description
    assert "\n\n- 5+ years leading software projects\n- PMP or PMI-ACP preferred" in job.description
    assert job.source == "page"


@needs_shared
def test_graph_page_fixture_with_list_type_several_locations_and_hourly_pay() -> None:
    (job,) = parse_source((SHARED / "jobposting_graph.html").read_bytes()).candidates
    assert job.link.url == "https://careers.contoso-cloud.example/jobs/agile-delivery-lead-1187"
    assert job.title == "Agile Delivery Lead"
    assert job.company_name == "Contoso Cloud GmbH"
    assert job.location == "Berlin, BE, DE; Lisbon, PT"
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == (
        62.0,
        62.0,
        "EUR",
        "hour",
    )
    assert job.employment_type == "full_time"
    assert job.date_posted == date(2026, 11, 2)


def test_top_level_array_with_string_org_string_salary_and_escaped_title() -> None:
    (job,) = load("page_array.html").candidates
    assert job.title == "Data & ML Project Manager"
    assert job.company_name == "Wingtip Toys"
    assert (job.salary_min, job.salary_max, job.salary_currency) == (90000.0, 120000.0, "USD")
    assert job.employment_type == "contract"
    assert job.remote_region == "USA, Canada"
    assert job.valid_through == date(2025, 1, 31)
    assert job.date_posted == date(2024, 11, 3)
    assert job.description == 'Own the roadmap.\n\nWork with "data" teams.\nAsync first.'
    assert job.link.external_id == "WT-3301"  # identifier fills the id a career site's URL lacks


def test_item_list_yields_one_candidate_per_posting() -> None:
    result = load("page_itemlist.html")
    lever, scrum = result.candidates
    assert lever.link.board == "lever"
    assert lever.employment_type == "full_time"
    assert (
        scrum.link.url == "https://relecloud.example/careers/scrum-master-22"
    )  # relative url resolved
    assert (scrum.salary_min, scrum.salary_max, scrum.salary_currency, scrum.salary_period) == (
        400.0,
        550.0,
        "GBP",
        "day",
    )
    assert [r.input for r in result.rejected] == ["Delivery Manager (no link)"]


def test_several_blocks_list_type_odd_locations_and_numeric_identifier() -> None:
    (job,) = load("page_several_blocks.html").candidates
    assert job.link.url == "https://proseware.example/jobs/77-senior-pm"
    assert job.location == "Ontario, CA"  # "UNAVAILABLE", strings and numbers skipped
    assert (job.salary_min, job.salary_max, job.salary_currency) == (105000.0, 105000.0, "CAD")
    assert job.employment_type == "full_time"
    assert job.link.external_id == "77"


def test_graph_references_are_resolved() -> None:
    (job,) = load("page_graph_refs.html").candidates
    assert job.company_name == "Trey Research"
    assert job.location == "Dublin, IE"
    assert job.work_mode == "remote"
    assert job.remote_region == "European Union"
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == (
        70000.0,
        85000.0,
        "EUR",
        "year",
    )


def test_broken_json_with_control_characters_and_trailing_comma_is_repaired() -> None:
    (job,) = load("page_broken_json.html").candidates
    assert job.link.url == "https://fabrikam.example/careers/agile-coach-9"
    assert job.company_name == "Fabrikam"
    assert job.date_posted == date(2024, 11, 10)
    assert job.description == "Line one\nstill the description"


def test_unrepairable_json_falls_back_to_title_and_canonical() -> None:
    result = load("page_truncated_json.html")
    (job,) = result.candidates
    assert job.link.url == "https://litware.example/jobs/itpm-5"
    assert job.title == "IT Project Manager & Release Lead - Litware"
    assert job.company_name is None


def test_entity_escaped_json_ld_and_saved_from_comment() -> None:
    (job,) = load("page_escaped_jsonld.html").candidates
    assert job.link.board == "ashby" and job.link.company == "contoso"
    assert job.title == "Platform Program Manager"
    assert (job.salary_min, job.salary_period) == (85.0, "hour")


def test_posting_without_any_url_is_rejected_with_the_reason() -> None:
    result = load("page_no_url.html")
    assert result.candidates == []
    assert [(r.input, r.reason) for r in result.rejected] == [
        ("Project Manager", "page has no URL (no canonical link or og:url)")
    ]


def test_base_url_argument_is_the_last_resort_url() -> None:
    text = (DATA / "page_no_url.html").read_text()
    (job,) = parse_job_page(text, base_url="https://adatum.example/jobs/pm").candidates
    assert job.link.url == "https://adatum.example/jobs/pm"
    assert job.company_name == "Adatum"


def test_page_without_posting_but_with_og_tags_is_one_candidate() -> None:
    page = (
        '<html><head><meta property="og:title" content="PM &amp; Lead | Acme">'
        '<meta property="og:url" content="https://acme.example/jobs/5?utm_source=x">'
        '<meta name="description" content="Lead &lt;b&gt;things&lt;/b&gt;"></head></html>'
    )
    (job,) = parse_job_page(page).candidates
    assert (job.link.url, job.title, job.description) == (
        "https://acme.example/jobs/5",
        "PM & Lead | Acme",
        "Lead things",
    )


def test_page_with_neither_posting_nor_url_nor_title_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="no job posting"):
        parse_job_page("<html><body><p>hi</p></body></html>")


def test_page_with_only_a_title_is_a_rejection() -> None:
    result = load("page_plain_no_url.html")
    assert [(r.input, r.reason) for r in result.rejected] == [
        ("Nothing here", "page has no URL (no canonical link or og:url)")
    ]


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        ('"$100,000"', (100000.0, 100000.0, "USD", None)),
        ('"$90k - $120k"', (90000.0, 120000.0, "USD", None)),
        ('"€50.000 – €60.000 per year"', (50000.0, 60000.0, "EUR", "year")),
        ('"£30/hour"', (30.0, 30.0, "GBP", "hour")),
        ('"100000-120000 USD annually"', (100000.0, 120000.0, "USD", "year")),
        ("95000", (95000.0, 95000.0, None, None)),
        (
            '{"@type":"MonetaryAmount","currency":"usd","value":{"minValue":120000,"maxValue":90000,'
            '"unitText":"YEAR"}}',
            (90000.0, 120000.0, "USD", "year"),
        ),
        ('{"currency":"EUR","value":"5.000","unitText":"MONTH"}', (5000.0, 5000.0, "EUR", "month")),
        ('[{"currency":"EUR","value":{"value":"61.5"}}]', (61.5, 61.5, "EUR", None)),
        ('{"currency":"USD","value":{"value":true}}', (None, None, None, None)),
        ("-5", (None, None, None, None)),
        ('"competitive"', (None, None, None, None)),
    ],
)
def test_base_salary_variants(salary: str, expected: tuple) -> None:
    page = (
        '<link rel="canonical" href="https://example.com/j/1"><script type="application/ld+json">'
        f'{{"@type":"JobPosting","title":"PM","baseSalary":{salary}}}</script>'
    )
    (job,) = parse_job_page(page).candidates
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"FULL_TIME"', "full_time"),
        ('"PART_TIME"', "part_time"),
        ('["CONTRACTOR","FULL_TIME"]', "contract"),
        ('"TEMPORARY"', "temporary"),
        ('"INTERN"', "internship"),
        ('"VOLUNTEER"', "volunteer"),
        ('"PER_DIEM"', "other"),
        ('"Full-time"', "full_time"),
        ('["SOMETHING", "part time"]', "part_time"),
        ("7", None),
    ],
)
def test_employment_type_variants(value: str, expected: str | None) -> None:
    page = (
        '<link rel="canonical" href="https://example.com/j/1"><script type="application/ld+json">'
        f'{{"@type":"JobPosting","title":"PM","employmentType":{value}}}</script>'
    )
    assert parse_job_page(page).candidates[0].employment_type == expected


def test_job_posting_nested_under_web_page_main_entity_and_schema_prefix() -> None:
    page = (
        '<link rel="canonical" href="https://example.com/j/1"><script type="application/ld+json">'
        '{"@type":"WebPage","mainEntity":{"@type":"schema:JobPosting","title":"Nested PM",'
        '"datePosted":"2024-05-06 10:00","hiringOrganization":[{"name":"A"},{"name":"B"}]}}</script>'
    )
    (job,) = parse_job_page(page).candidates
    assert (job.title, job.date_posted, job.company_name) == ("Nested PM", date(2024, 5, 6), "A")


def test_hybrid_and_onsite_location_types() -> None:
    page = (
        '<link rel="canonical" href="https://example.com/j/1"><script type="application/ld+json">'
        '{"@type":"JobPosting","title":"PM","jobLocationType":"HYBRID"}</script>'
    )
    assert parse_job_page(page).candidates[0].work_mode == "hybrid"


def test_description_keeps_paragraphs_and_drops_scripts() -> None:
    page = (
        '<link rel="canonical" href="https://example.com/j/1"><script type="application/ld+json">'
        '{"@type":"JobPosting","title":"PM","description":"<h2>About</h2><div>We ship.</div>'
        '<style>p{color:red}</style><p>R&amp;D &nbsp; teams</p><ol><li>One</li><li>Two</li></ol>"}</script>'
    )
    description = parse_job_page(page).candidates[0].description
    assert description == "About\n\nWe ship.\n\nR&D teams\n\n- One\n- Two"


# --- decoding and detection ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfhttps://example.com/\xc3\xa9", "https://example.com/é"),
        ("https://example.com/é".encode("utf-16"), "https://example.com/é"),
        ("https://example.com/é".encode("utf-16-le"), "https://example.com/é"),
        ("https://example.com/é".encode("utf-16-be"), "https://example.com/é"),
        ("https://example.com/é".encode("utf-32"), "https://example.com/é"),
        ("Café;€5".encode("cp1252"), "Café;€5"),
        (
            b'<html><head><meta charset="iso-8859-7"></head>\xe1\xe2</html>',
            '<html><head><meta charset="iso-8859-7"></head>αβ</html>',
        ),
        (b"", ""),
    ],
)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"%PDF-1.7\n\x00\x01binary", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"SQLite format 3\x00\x10\x00", "SQLite"),
        (b"\x00\x01\x02\x03\x04\x05\x06\x07" * 20, "binary"),
        (bytes(range(1, 32)) * 10, "binary"),
    ],
)
def test_binary_files_are_a_source_error(data: bytes, word: str) -> None:
    with pytest.raises(SourceError, match=word):
        decode_bytes(data)
    with pytest.raises(SourceError):
        parse_source(data, "links.txt")


def test_binary_message_says_what_it_is_not() -> None:
    with pytest.raises(SourceError) as caught:
        decode_bytes(b"\x00\x00\x01\x02abc\x00\xff")
    assert "looks like a binary file, not" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>", None, "bookmarks"),
        (b"<dl><p><dt><a href='https://x.example/'>x</a>", "export.html", "bookmarks"),
        (b"<!doctype html><html><head></head></html>", None, "page"),
        (b'<script type="application/ld+json">{}</script>', "x.txt", "page"),
        (b"https://example.com/a\nhttps://example.com/b\n", "links.csv", "csv"),
        (b"https://example.com/a\nhttps://example.com/b\n", None, "text"),
        (b"https://example.com/a?x=1,2\nhttps://example.com/b?y=3,4\n", None, "text"),
        (b"title,url\nPM,https://example.com/a\n", None, "csv"),
        (b"Senior PM,https://example.com/a\nScrum Master,https://example.com/b\n", None, "csv"),
        (b"title\turl\nPM\thttps://example.com/a\n", "x.txt", "csv"),
        (b"just some words\n", None, "text"),
        (b"<p>fragment</p>", "saved.htm", "page"),
        (b"<!DOCTYPE NETSCAPE-Bookmark-file-1>", "wrong.csv", "bookmarks"),
        (b"| a | b |\n|---|---|\n| plain list of links | x |\n", "README.md", "text"),
    ],
)
def test_detect_kind(data: bytes, name: str | None, kind: str) -> None:
    assert detect_kind(data, name) == kind


def test_vcard_is_refused_with_a_hint() -> None:
    with pytest.raises(SourceError, match="vCard"):
        detect_kind(b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")


def test_folder_is_refused_for_a_source_that_is_not_bookmarks() -> None:
    with pytest.raises(SourceError, match="folder"):
        parse_source(b"https://example.com/", "links.txt", folder="Jobs")


def test_parse_source_accepts_text_as_well_as_bytes() -> None:
    assert parse_source("https://example.com/a").candidates[0].link.url == "https://example.com/a"


def test_parse_source_of_empty_input_is_an_empty_text_result() -> None:
    result = parse_source(b"")
    assert (result.candidates, result.rejected, result.kind) == ([], [], "text")


@needs_shared
def test_shared_job_links_fixture() -> None:
    result = parse_source((SHARED / "job_links.txt").read_bytes(), "job_links.txt")
    assert [c.link.board for c in result.candidates] == [
        "greenhouse",
        "lever",
        "linkedin",
        "remoteok",
        "web",
    ]
    assert (
        result.candidates[1].link.url
        == "https://jobs.lever.co/contoso-cloud/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21"
    )
    assert result.candidates[2].link.url == "https://linkedin.com/jobs/view/3987654321"
    assert result.candidates[4].link.url == "https://careers.example-corp.com/positions/pm-remote"
    assert [(r.input, r.reason) for r in result.rejected] == [
        ("not a link at all", "not a link"),
        ("ftp://files.example.com/job.pdf", "not an http(s) link (ftp:)"),
    ]


@needs_shared
def test_shared_contacts_vcard_is_not_taken_for_links() -> None:
    with pytest.raises(SourceError, match="contacts"):
        parse_source((SHARED / "contacts.vcf").read_bytes(), "contacts.vcf")


def test_candidate_vocabularies_match_the_database_checks() -> None:
    from planner.models import applications as model
    from planner.services import link_sources

    assert link_sources.WORK_MODES == model.WORK_MODES
    assert link_sources.SALARY_PERIODS == model.SALARY_PERIODS
    assert link_sources.EMPLOYMENT_TYPES == model.EMPLOYMENT_TYPES
    stage_keys = {key for key, _name, _outcome in model.DEFAULT_STAGES}
    assert set(link_sources._STATUS_WORDS.values()) <= stage_keys


def test_parsing_layer_imports_neither_qt_nor_sqlalchemy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, planner.services.link_sources;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
