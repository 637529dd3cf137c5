"""Fetching a posting: a local HTTP server on 127.0.0.1 stands in for the web (never the
internet), and every case ends in a result or one clear sentence, within its time limit."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from planner.services.fetch import (
    FetchCancelled,
    FetchError,
    describe_details,
    details_to_fill,
    fetch_posting,
    pick_candidate,
)
from planner.services.link_sources import Candidate, ParseResult
from planner.services.links import parse_link

POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Remote Technical Project Manager",
    "description": "<p>Run delivery for three <strong>distributed</strong> squads.</p>",
    "datePosted": "2026-10-28",
    "validThrough": "2026-12-31",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Northwind Labs"},
    "jobLocationType": "TELECOMMUTE",
    "applicantLocationRequirements": {"@type": "Country", "name": "USA"},
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "minValue": 115000, "maxValue": 140000},
        "unitText": "YEAR",
    },
}


def _page(*postings: dict, title: str = "Job") -> bytes:
    blocks = "".join(
        f'<script type="application/ld+json">{json.dumps(p)}</script>' for p in postings
    )
    return f"<!DOCTYPE html><html><head><title>{title}</title>{blocks}</head></html>".encode()


SEVERAL = _page(
    {**POSTING, "title": "Delivery Lead", "url": "https://boards.greenhouse.io/northwind/jobs/1"},
    {**POSTING, "title": "Agile PM", "url": "https://boards.greenhouse.io/northwind/jobs/2"},
)
HTML = "text/html; charset=utf-8"


class _Handler(BaseHTTPRequestHandler):
    stop: threading.Event
    user_agents: list[str]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _send(self, code: int, body: bytes = b"", content_type: str | None = HTML, **headers):  # noqa: ANN003, ANN202
        self.send_response(code)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        self.user_agents.append(self.headers.get("User-Agent", ""))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._route(self.path)  # the client may stop reading, as it should past the cap

    def _route(self, path: str) -> None:
        if path == "/job":
            self._send(200, _page(POSTING))
        elif path == "/several":
            self._send(200, SEVERAL)
        elif path == "/koi8":
            body = "<html><head><title>Менеджер проектов</title></head></html>"
            self._send(200, body.encode("koi8-r"), "text/html; charset=koi8-r")
        elif path == "/redirect":
            self._send(302, content_type=None, Location="/job")
        elif path == "/to-file":
            self._send(302, content_type=None, Location="file:///etc/passwd")
        elif path == "/missing":
            self._send(404, b"<html>gone</html>")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.7 ...", "application/pdf")
        elif path == "/huge":  # no Content-Length: only counting while reading catches it
            self._send(200, b"<html>" + b"x" * 200_000)
        elif path == "/huge-declared":
            self._send(200, b"<html>", Content_Length="99999999")
        elif path == "/slow":
            if not self.stop.wait(5):
                self._send(200, _page(POSTING))
        elif path == "/trickle":  # always a little more, never the end
            self._send(200, b"<html>")
            while not self.stop.wait(0.05):
                self.wfile.write(b"x")
                self.wfile.flush()
        else:
            self._send(500, b"unexpected")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, type[_Handler]]]:
    for name in (
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    handler = type("Handler", (_Handler,), {"stop": threading.Event(), "user_agents": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        handler.stop.set()
        httpd.shutdown()
        httpd.server_close()  # joins the handler threads, which the stop event ends
        thread.join(5)


def test_fetching_a_job_page_reads_its_posting_and_names_career_planner(server):
    base, handler = server
    result = fetch_posting(f"{base}/job", timeout=5)
    [candidate] = result.candidates
    assert candidate.title == "Remote Technical Project Manager"
    assert candidate.company_name == "Northwind Labs"
    assert candidate.work_mode == "remote" and candidate.remote_region == "USA"
    assert (candidate.salary_min, candidate.salary_max) == (115000, 140000)
    assert candidate.date_posted == date(2026, 10, 28)
    assert candidate.description == "Run delivery for three distributed squads."
    assert candidate.link.url == f"{base}/job"
    assert "CareerPlanner/" in handler.user_agents[0]


def test_a_redirect_is_followed_and_the_final_url_is_the_base(server):
    base, _ = server
    [candidate] = fetch_posting(f"{base}/redirect", timeout=5).candidates
    assert candidate.link.url == f"{base}/job"
    assert candidate.title == "Remote Technical Project Manager"


def test_the_charset_from_the_content_type_header_decodes_the_page(server):
    base, _ = server
    [candidate] = fetch_posting(f"{base}/koi8", timeout=5).candidates
    assert candidate.title == "Менеджер проектов"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/missing", "404"),
        ("/pdf", "application/pdf"),
        ("/to-file", "“file:”"),
        ("/huge", "larger than 64 KB"),
        ("/huge-declared", "larger than 64 KB"),
    ],
)
def test_refusals_are_one_clear_sentence(server, path, words):
    base, _ = server
    with pytest.raises(FetchError) as caught:
        fetch_posting(f"{base}{path}", timeout=5, max_bytes=64 * 1024)
    message = str(caught.value)
    assert words in message
    assert message.endswith(".") and "\n" not in message


@pytest.mark.parametrize("path", ["/slow", "/trickle"])
def test_a_slow_page_stops_at_the_time_limit(server, path):
    base, _ = server
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"did not answer within 0\.5 seconds"):
        fetch_posting(f"{base}{path}", timeout=0.5)
    assert time.monotonic() - started < 2


def test_cancel_stops_waiting_at_once(server):
    base, _ = server
    started = time.monotonic()
    with pytest.raises(FetchCancelled):
        fetch_posting(f"{base}/slow", timeout=5, cancelled=lambda: time.monotonic() - started > 0.2)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/job", "example.com"]
)
def test_only_http_links_are_fetched(url):
    with pytest.raises(FetchError, match="http"):
        fetch_posting(url)


def test_a_closed_port_is_a_clear_error(server):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="Could not connect to 127.0.0.1"):
        fetch_posting(f"http://127.0.0.1:{port}/job", timeout=5)


# --- choosing a posting and the fields to fill ------------------------------------------


def test_the_posting_matching_the_application_link_is_picked(server):
    base, _ = server
    result = fetch_posting(f"{base}/several", timeout=5)
    wanted = "https://boards.greenhouse.io/northwind/jobs/2?gh_src=abc"
    assert pick_candidate(result, wanted).title == "Agile PM"
    assert pick_candidate(result, "https://example.com/other").title == "Delivery Lead"
    assert pick_candidate(ParseResult([], []), wanted) is None


def _candidate(**fields) -> Candidate:  # noqa: ANN003
    return Candidate(parse_link("https://example.com/job/1"), **fields)


FULL = _candidate(
    title="Delivery Lead",
    company_name="Northwind Labs",
    location="Berlin, DE",
    work_mode="remote",
    remote_region="EU",
    salary_min=80000.0,
    salary_max=95000.0,
    salary_currency="EUR",
    salary_period="year",
    employment_type="full_time",
    date_posted=date(2026, 10, 1),
    valid_through=date(2026, 12, 1),
    description="The posting text.",
)


def test_details_fill_only_empty_fields():
    app = {
        "company": "Northwind",
        "title": "My own title",
        "location": "  ",
        "work_mode": None,
        "remote_region": None,
        "salary_min": None,
        "salary_max": None,
        "salary_currency": None,
        "salary_period": None,
        "employment_type": "contract",
        "date_posted": None,
        "valid_through": None,
        "posting_snapshot": None,
    }
    details = details_to_fill(app, FULL)
    assert details == {
        "location": "Berlin, DE",
        "work_mode": "remote",
        "remote_region": "EU",
        "salary_min": 80000.0,
        "salary_max": 95000.0,
        "salary_currency": "EUR",
        "salary_period": "year",
        "date_posted": date(2026, 10, 1),
        "valid_through": date(2026, 12, 1),
        "posting_snapshot": "The posting text.",
    }
    assert describe_details(details)[:4] == [
        "Location: Berlin, DE",
        "Work mode: Remote",
        "Remote from: EU",
        "Salary: EUR 80k–95k / year",
    ]


def test_details_never_overwrite_and_company_fills_only_when_empty():
    filled: dict = dict.fromkeys(("title", "company", "location", "remote_region"), "x")
    filled |= {"work_mode": "hybrid", "employment_type": "contract", "posting_snapshot": "mine"}
    filled |= {"salary_min": 1.0, "salary_max": 2.0, "salary_currency": "USD"}
    filled |= {"salary_period": "hour", "date_posted": date(2026, 1, 1)}
    filled |= {"valid_through": date(2026, 2, 1)}
    assert details_to_fill(filled, FULL) == {}
    assert details_to_fill({"company": ""}, FULL)["company"] == "Northwind Labs"


def test_half_a_salary_range_is_not_mixed_with_the_users_figure():
    app = {"company": "A", "salary_min": 150000.0, "salary_max": None, "salary_currency": None}
    details = details_to_fill(app, FULL)
    assert "salary_min" not in details and "salary_max" not in details
    assert details["salary_currency"] == "EUR"


def test_values_the_application_would_refuse_are_left_out():
    odd = _candidate(title="  ", salary_currency="euros", work_mode="sometimes")
    assert details_to_fill({"company": "A"}, odd) == {}
