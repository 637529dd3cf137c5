"""Fetch one job posting over the network, when the user asks for it; Qt-free.

Optional and explicit (PRODUCT.md "Importing job links"): http(s) only, a time limit
for the whole fetch, a size cap, no new dependencies. The page is read by
`link_sources.parse_job_page`, and `details_to_fill` decides what may go into an
application: only fields that are still empty, never what the user typed.
"""

from __future__ import annotations

import http.client
import queue
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import UserError
from .applications import format_salary, validate_fields
from .link_sources import Candidate, ParseResult, SourceError, decode_bytes, parse_job_page
from .links import LinkError, parse_link

TIMEOUT_SECONDS = 10.0
MAX_BYTES = 3 * 1024 * 1024
USER_AGENT = (
    f"Mozilla/5.0 (compatible; CareerPlanner/{__version__}; "
    "desktop app fetching one job posting for its user)"
)
_CHUNK = 64 * 1024
_POLL_SECONDS = 0.1
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTTP_SCHEMES = ("http", "https")


class FetchError(UserError):
    """The posting could not be fetched; str() is one sentence for the user."""


class FetchCancelled(Exception):
    """The user pressed Cancel; nothing was changed."""


# --- fetching ----------------------------------------------------------------------------


def fetch_posting(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    cancelled: Callable[[], bool] | None = None,
) -> ParseResult:
    """Download the page at `url` and read its job postings. Raises FetchError, FetchCancelled.

    `timeout` bounds the whole fetch (name lookup, connection, redirects, body), and
    `cancelled()` is asked several times a second, so Cancel never waits for the network.
    """
    _check_scheme(url, redirected=False)
    page = _download(url, timeout, max_bytes, cancelled)
    try:
        text = _decode(page)
        return parse_job_page(text, base_url=page.url)
    except SourceError as exc:
        raise FetchError(f"Career Planner could not read the page: {exc}.") from None


@dataclass(slots=True)
class _Page:
    url: str  # after redirects
    body: bytes
    charset: str | None


def _check_scheme(url: str, *, redirected: bool) -> None:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        parts = None
    if parts is not None and parts.scheme.lower() in _HTTP_SCHEMES and parts.hostname:
        return
    scheme = parts.scheme.lower() if parts is not None and parts.scheme else ""
    what = f"a “{scheme}:” link" if scheme else "something that is not a web link"
    if redirected:
        raise FetchError(f"The site redirected to {what}, which Career Planner does not follow.")
    if scheme:
        raise FetchError(f"Only http and https links can be fetched, not {what}.")
    raise FetchError("Only full http or https links can be fetched.")


def _download(
    url: str, timeout: float, max_bytes: int, cancelled: Callable[[], bool] | None
) -> _Page:
    """Run the blocking download in a helper thread and wait for it, watching the clock
    and Cancel: name lookups ignore socket timeouts, and Cancel should not wait."""
    outcome: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
    stop = threading.Event()

    def run() -> None:
        try:
            outcome.put((True, _read(url, timeout, max_bytes, stop)))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome.put((False, exc))

    threading.Thread(target=run, name="fetch-posting", daemon=True).start()
    deadline = time.monotonic() + timeout
    try:
        while True:
            if cancelled is not None and cancelled():
                raise FetchCancelled()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(_too_slow(timeout))
            try:
                ok, value = outcome.get(timeout=min(remaining, _POLL_SECONDS))
            except queue.Empty:
                continue
            if ok:
                return value
            raise value
    finally:
        stop.set()  # a download still running stops at its next chunk or socket timeout


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib itself would follow one to ftp:)."""

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001, ANN201
        target = headers.get("Location") or headers.get("URI")
        if target:
            try:
                _check_scheme(urljoin(req.full_url, target), redirected=True)
            except FetchError:
                fp.close()
                raise
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _read(url: str, timeout: float, max_bytes: int, stop: threading.Event) -> _Page | None:
    host = urlsplit(url).hostname or url
    opener = urllib.request.build_opener(_RedirectHandler)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "identity",
        },
    )
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(_status_problem(exc.code, exc.reason)) from None
    except urllib.error.URLError as exc:
        raise FetchError(_network_problem(exc.reason, host, timeout)) from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(_network_problem(exc, host, timeout)) from None
    with response:
        final_url = response.geturl()
        host = urlsplit(final_url).hostname or host
        if not 200 <= response.status < 300:
            raise FetchError(_status_problem(response.status, response.reason))
        headers = response.headers
        if headers.get("Content-Type") and headers.get_content_type() not in _HTML_TYPES:
            raise FetchError(
                f"The link leads to “{headers.get_content_type()}” content, not a web page."
            )
        if headers.get("Content-Encoding", "identity").strip().lower() != "identity":
            raise FetchError("The site sent a compressed page that Career Planner cannot read.")
        too_big = (
            f"The page is larger than {_size(max_bytes)}, so Career Planner stopped reading it."
        )
        length = headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(too_big)
        chunks: list[bytes] = []
        size = 0
        while not stop.is_set():
            try:
                chunk = response.read(_CHUNK)
            except (OSError, http.client.HTTPException) as exc:
                raise FetchError(_network_problem(exc, host, timeout)) from None
            if not chunk:
                return _Page(final_url, b"".join(chunks), headers.get_content_charset())
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(too_big)
            chunks.append(chunk)
    return None  # abandoned: the caller has stopped waiting


def _decode(page: _Page) -> str:
    """The charset the server declared, else what link_sources guesses from the bytes."""
    if page.charset and not page.body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(page.body)


def _too_slow(timeout: float) -> str:
    return f"The page did not answer within {timeout:g} seconds."


def _status_problem(code: int, reason: object) -> str:
    what = f"{code} {reason}".strip() if reason else str(code)
    if code in (404, 410):
        return f"The site answered “{what}”: the posting may have been taken down."
    if code in (401, 403):
        return f"The site answered “{what}”: it does not let Career Planner read the page."
    if code == 429:
        return f"The site answered “{what}”: it wants fewer requests, so try again later."
    if 300 <= code < 400:
        return f"The site answered “{what}” and redirected too often or to nowhere."
    if code >= 500:
        return f"The site answered “{what}”: it has a problem of its own, so try again later."
    return f"The site answered “{what}” instead of the page."


def _network_problem(reason: object, host: str, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return _too_slow(timeout)
    if isinstance(reason, socket.gaierror):
        return f"Could not find the site {host}: check the link and the internet connection."
    if isinstance(reason, ConnectionRefusedError):
        return f"Could not connect to {host}: the site refused the connection."
    if isinstance(reason, ssl.SSLError):
        return f"Could not open a secure connection to {host} ({reason})."
    return f"Could not reach {host} ({reason or 'no reason given'})."


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):g} MB"
    if count >= 1024:
        return f"{count / 1024:g} KB"
    return f"{count} bytes"


# --- filling an application --------------------------------------------------------------

# Application field -> (Candidate attribute, longest value the column holds).
_FILLABLE = {
    "title": ("title", 300),
    "company": ("company_name", 200),
    "location": ("location", 200),
    "work_mode": ("work_mode", None),
    "remote_region": ("remote_region", 300),
    "salary_min": ("salary_min", None),
    "salary_max": ("salary_max", None),
    "salary_currency": ("salary_currency", None),
    "salary_period": ("salary_period", None),
    "employment_type": ("employment_type", None),
    "date_posted": ("date_posted", None),
    "valid_through": ("valid_through", None),
    "posting_snapshot": ("description", None),
}
FIELD_LABELS = {
    "title": "Title",
    "company": "Company",
    "location": "Location",
    "work_mode": "Work mode",
    "remote_region": "Remote from",
    "salary_min": "Salary",  # shown as one range with max, currency and period
    "salary_currency": "Salary currency",
    "salary_period": "Salary per",
    "employment_type": "Employment type",
    "date_posted": "Date posted",
    "valid_through": "Open until",
    "posting_snapshot": "Posting text",
}
_SALARY_FIELDS = ("salary_min", "salary_max", "salary_currency", "salary_period")


def pick_candidate(result: ParseResult, posting_url: str | None) -> Candidate | None:
    """The posting on the page that is the application's job, else the page's first one."""
    if not result.candidates:
        return None
    try:
        key = parse_link(posting_url or "").key
    except LinkError:
        key = None
    for candidate in result.candidates:
        if candidate.link.key == key:
            return candidate
    return result.candidates[0]


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def details_to_fill(app_fields: dict[str, Any], candidate: Candidate) -> dict[str, Any]:
    """Fields the page knows that are still empty in the application; nothing else.

    Salary amounts come only when the application has none (half a range from the
    page next to the user's own figure would make a range nobody stated), and any value
    the application would refuse (validate_fields) is left out.
    """
    details: dict[str, Any] = {}
    for name, (attribute, longest) in _FILLABLE.items():
        value = getattr(candidate, attribute)
        if isinstance(value, str):
            value = value.strip()[:longest] if longest else value.strip()
        if _empty(value) or not _empty(app_fields.get(name)):
            continue
        details[name] = value
    if not (_empty(app_fields.get("salary_min")) and _empty(app_fields.get("salary_max"))):
        details.pop("salary_min", None)
        details.pop("salary_max", None)
    for _ in range(len(details)):
        problems = validate_fields({**app_fields, **details})
        bad = [name for name in problems if name in details]
        if not bad:
            break
        for name in bad:
            details.pop(name)
            if name in ("salary_min", "salary_max"):
                details.pop("salary_min", None)
                details.pop("salary_max", None)
    return details


def describe_details(details: dict[str, Any]) -> list[str]:
    """One line per field to fill, as a confirmation shows them: "Location: Berlin, DE"."""
    shown = dict(details)
    if "salary_min" in shown or "salary_max" in shown:
        amounts = [shown.pop(name, None) for name in _SALARY_FIELDS]
        shown["salary_min"] = format_salary(*amounts)
    lines: list[str] = []
    for name, label in FIELD_LABELS.items():
        if name not in shown:
            continue
        value = shown[name]
        if name == "posting_snapshot":
            text = f"{len(value):,} characters"
        elif isinstance(value, date):
            text = value.isoformat()
        else:
            text = str(value)
            if name in ("work_mode", "employment_type"):
                text = text.replace("_", " ").capitalize()
        lines.append(f"{label}: {text if len(text) <= 80 else text[:79] + '…'}")
    return lines
