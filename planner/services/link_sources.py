"""Read job links out of user files: plain lists, browser bookmarks, CSV, saved job pages.

Qt-free and database-free: every parser returns a ParseResult of candidates and
rejected inputs, and the caller decides what to write. Format facts: FACTS.md sections
"Netscape bookmark files", "LinkedIn data export", "schema.org JobPosting".
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from urllib.parse import urljoin

from planner.services.links import MAX_URL_LENGTH, LinkError, LinkInfo, parse_link

MAX_INPUT_SHOWN = 200
WORK_MODES = ("remote", "hybrid", "onsite")
EMPLOYMENT_TYPES = (
    "full_time",
    "part_time",
    "contract",
    "temporary",
    "internship",
    "volunteer",
    "other",
)
SALARY_PERIODS = ("hour", "day", "week", "month", "year")


class SourceError(Exception):
    """The whole source is unusable; str(exc) is one clear line for the user."""


@dataclass(slots=True)
class Candidate:
    """One job link found in a source, with whatever else the source said about it."""

    link: LinkInfo
    title: str | None = None
    company_name: str | None = None
    location: str | None = None
    work_mode: str | None = None
    remote_region: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    employment_type: str | None = None
    date_posted: date | None = None
    valid_through: date | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    status: str = "saved"
    applied_on: date | None = None
    added_on: date | None = None
    source: str = "text"


@dataclass(slots=True)
class Rejection:
    """An input that is not an importable link, and why."""

    input: str
    reason: str


@dataclass(slots=True)
class ParseResult:
    """What a source yielded: candidates in source order, rejections, bookmark folders."""

    candidates: list[Candidate]
    rejected: list[Rejection]
    folders: list[tuple[str, ...]] = field(default_factory=list)
    kind: str = "text"


def dedupe(
    candidates: Iterable[Candidate],
) -> tuple[list[Candidate], list[tuple[Candidate, Candidate]]]:
    """Keep the first candidate of each job (LinkInfo.key); return (kept, [(dropped, kept_one)])."""
    first_by_key: dict[tuple[str, ...], Candidate] = {}
    kept: list[Candidate] = []
    dropped: list[tuple[Candidate, Candidate]] = []
    for candidate in candidates:
        key = candidate.link.key
        first = first_by_key.get(key)
        if first is None:
            first_by_key[key] = candidate
            kept.append(candidate)
        else:
            dropped.append((candidate, first))
    return kept, dropped


def _shown(text: str) -> str:
    """An input as shown in a rejection: at most MAX_INPUT_SHOWN characters."""
    return text if len(text) <= MAX_INPUT_SHOWN else text[: MAX_INPUT_SHOWN - 1] + "…"


# --- decoding ------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NOT_TEXT = "not a list of links, a CSV file, a bookmarks export or a web page"
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (an .xlsx or .docx file is one: save it as CSV first)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.xls/.doc: save it as CSV first)"),
    (b"bplist00", "a binary property list"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-:.]{1,40})""", re.I
)


def decode_bytes(data: bytes) -> str:
    """Decode a file: BOM first, then UTF-8, then the page's charset or cp1252 for text."""
    if isinstance(data, str):
        return data
    data = bytes(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise SourceError(
                    f"the file starts with a {codec} marker but is not valid {codec}"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"this looks like {what}, {_NOT_TEXT}")
    if b"\x00" in data:
        return _decode_utf16_without_bom(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if _looks_binary(data[:65536]):
        raise SourceError(f"this looks like a binary file, {_NOT_TEXT}")
    return text if text is not None else _decode_legacy(data)


def _decode_utf16_without_bom(data: bytes) -> str:
    """UTF-16 text without a byte-order mark (NULs in every other byte), else binary."""
    sample = data[:4096]
    half = max(len(sample) // 2, 1)
    for codec, zeros, other in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if len(data) % 2 == 0 and zeros.count(0) > 0.9 * half and other.count(0) < 0.05 * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            if not _looks_binary(text[:65536].encode("utf-8", "replace")):
                return text
    raise SourceError(f"this looks like a binary file, {_NOT_TEXT}")


def _looks_binary(sample: bytes) -> bool:
    """More than 1 in 50 bytes are control characters that text files do not contain."""
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls * 50 > len(sample)


def _decode_legacy(data: bytes) -> str:
    """Not UTF-8: the charset a web page declares, else Windows-1252."""
    if match := _META_CHARSET_RE.search(data[:4096]):
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError, ValueError):
            pass
    return data.decode("cp1252", errors="replace")


# --- sniffing ------------------------------------------------------------------------------

_BOOKMARK_SHAPE_RE = re.compile(r"<dt>\s*<a\s[^>]*href", re.I)
_POCKET_SHAPE_RE = re.compile(r"<a\s[^>]*\btime_added\s*=", re.I)
_HTML_MARK_RE = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<script[\s>]", re.I
)
_CSV_EXTENSIONS = (".csv", ".tsv")
_PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")


def detect_kind(data: bytes, name: str | None = None) -> str:
    """'text', 'bookmarks', 'csv' or 'page': content first, file name second. SourceError."""
    return _sniff_kind(_as_text(data), name if isinstance(name, str) else None)


def _sniff_kind(text: str, name: str | None) -> str:
    """The kind of an already decoded source."""
    head = text[:65536]
    low_head = head.lower()
    first = low_head.lstrip("\ufeff \t\r\n")[:15]
    if first.startswith("begin:vcard"):
        raise SourceError("this is a vCard contacts file, not job links: import it as contacts")
    if first.startswith("begin:vcalendar"):
        raise SourceError("this is a calendar (.ics) file, not job links")
    if "netscape-bookmark-file" in low_head[:8192]:
        return "bookmarks"
    if "<dl" in low_head and _BOOKMARK_SHAPE_RE.search(head):
        return "bookmarks"
    if "time_added" in low_head and _POCKET_SHAPE_RE.search(head):
        return "bookmarks"
    if _HTML_MARK_RE.search(low_head[:8192]) or "application/ld+json" in low_head:
        return "page"
    suffix = (name or "").lower().rsplit("/", 1)[-1]
    if suffix.endswith(_CSV_EXTENSIONS):
        return "csv"
    if suffix.endswith(_PAGE_EXTENSIONS):
        return "page"
    layout = _sniff_csv(head)
    return "csv" if layout is not None and layout.has_links else "text"


def parse_source(
    data: bytes | str, name: str | None = None, *, folder: str | None = None
) -> ParseResult:
    """Decode, detect the kind and parse any source. Raises SourceError only."""
    data = _as_text(data)
    kind = _sniff_kind(data, name if isinstance(name, str) else None)
    if folder is not None and folder.strip() and kind != "bookmarks":
        raise SourceError(
            f"a folder can only be picked in a bookmarks file; this is a {_KIND_NAMES[kind]}"
        )
    if kind == "bookmarks":
        return parse_bookmarks(data, folder=folder)
    if kind == "csv":
        return parse_csv(data)
    if kind == "page":
        return parse_job_page(data)
    return parse_text(data)


_KIND_NAMES = {
    "text": "list of links",
    "csv": "CSV file",
    "page": "web page",
    "bookmarks": "bookmarks file",
}


# --- plain text ----------------------------------------------------------------------------

_URL_IN_TEXT_RE = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+", re.I)
_TRAILING_PUNCT = ".,;:!?*_~"


def parse_text(text: str) -> ParseResult:
    """One link per line; blank lines and '#' comments are skipped, the rest parse or reject."""
    text = _as_text(text)
    candidates: list[Candidate] = []
    rejected: list[Rejection] = []
    for raw_line in text.splitlines():
        line = raw_line.strip().lstrip("\ufeff\u200b").strip()
        if not line or line.startswith("#"):
            continue
        _take_links(line, "text", candidates, rejected)
    return ParseResult(candidates, rejected, [], "text")


def _as_text(data: str | bytes) -> str:
    """Text as given, or bytes decoded as decode_bytes does (SourceError if binary)."""
    if isinstance(data, str):
        return data
    if isinstance(data, bytes | bytearray | memoryview):
        return decode_bytes(bytes(data))
    raise SourceError("nothing to import: expected the text or bytes of a file")


def _take_links(
    text: str, source: str, candidates: list[Candidate], rejected: list[Rejection]
) -> None:
    """Parse one line or cell into candidates; links inside prose are picked out as well."""
    if len(text) > MAX_URL_LENGTH:
        rejected.append(Rejection(_shown(text), f"longer than {MAX_URL_LENGTH} characters"))
        return
    try:
        candidates.append(Candidate(parse_link(text), source=source))
        return
    except LinkError as exc:
        reason = str(exc)
    found = list(_links_in_text(text))
    if not found:
        rejected.append(Rejection(_shown(text), reason))
        return
    for url in found:
        try:
            candidates.append(Candidate(parse_link(url), source=source))
        except LinkError as exc:
            rejected.append(Rejection(_shown(url), str(exc)))


def _links_in_text(text: str) -> Iterator[str]:
    """http(s) links written inside other text (Markdown, e-mail, "Title - link")."""
    for match in _URL_IN_TEXT_RE.finditer(text):
        url = match.group().rstrip(_TRAILING_PUNCT)
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip(_TRAILING_PUNCT)
        yield url


# --- shared field helpers ------------------------------------------------------------------

_SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ANY_SPACE_RE = re.compile(r"\s+")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "jän", "janv"),
            ("feb", "february", "febr", "févr"),
            ("mar", "march", "mär", "mars"),
            ("apr", "april", "avr"),
            ("may", "mai"),
            ("jun", "june", "juni", "juin"),
            ("jul", "july", "juli", "juil"),
            ("aug", "august", "août"),
            ("sep", "sept", "september"),
            ("oct", "october", "okt", "oktober"),
            ("nov", "november"),
            ("dec", "december", "dez", "dezember", "déc"),
        ),
        start=1,
    )
    for name in names
}
_ISO_DATE_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_SLASH_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d])")
_DOT_DATE_RE = re.compile(r"(\d{1,2})[.\-](\d{1,2})[.\-](\d{4}|\d{2})(?![\d])")
_DAY_MONTH_RE = re.compile(r"(\d{1,2})\.?[ \-]([^\W\d_]{3,9})\.?,?[ \-](\d{4})(?![\d])")
_MONTH_DAY_RE = re.compile(r"([^\W\d_]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?![\d])")
_EPOCH_RE = re.compile(r"\d{9,17}(?:\.\d+)?")


def _parse_date(value: object) -> date | None:
    """A date from the formats exports use (ISO, US 11/20/24, 20.11.2024, 15 Mar 2024, epoch)."""
    if not isinstance(value, str):
        return None
    text = value.strip()[:64]
    if not text:
        return None
    if _EPOCH_RE.fullmatch(text):
        return _epoch_date(text)
    if m := _ISO_DATE_RE.match(text):
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _SLASH_DATE_RE.match(text):
        first, second, year = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        # US order (LinkedIn's "11/20/24"), unless the first number cannot be a month.
        if first > 12:
            return _make_date(year, second, first)
        return _make_date(year, first, second)
    if m := _DOT_DATE_RE.match(text):
        return _make_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _DAY_MONTH_RE.match(text):
        month = _MONTHS.get(m.group(2).lower())
        return _make_date(int(m.group(3)), month, int(m.group(1))) if month else None
    if m := _MONTH_DAY_RE.match(text):
        month = _MONTHS.get(m.group(1).lower())
        return _make_date(int(m.group(3)), month, int(m.group(2))) if month else None
    return None


def _year(text: str) -> int:
    """A four-digit year from "24" or "2024"."""
    return 2000 + int(text) if len(text) == 2 else int(text)


def _make_date(year: int, month: int, day: int) -> date | None:
    """A date within 1970..2199, or None."""
    if not 1970 <= year < 2200:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _epoch_date(value: str) -> date | None:
    """The UTC date of a Unix time in seconds (or milli/microseconds), None if implausible."""
    text = value.strip()
    if not text or len(text) > 24:
        return None
    try:
        stamp = float(text)
    except ValueError:
        return None
    if not math.isfinite(stamp) or stamp <= 0:
        return None
    while stamp > 1e11:  # milliseconds or microseconds
        stamp /= 1000
    if stamp < 86400 or stamp > 7258118400:  # before 1970-01-02 or after 2200
        return None
    return datetime.fromtimestamp(stamp, tz=UTC).date()


def _clean_text(value: str) -> str | None:
    """Entity-decoded, tag-free, single-spaced text; None when empty."""
    text = value
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    if "<" in text:
        text = _TAG_RE.sub(" ", text)
    text = " ".join(text.split())
    return text or None


_TAG_RE = re.compile(r"<[A-Za-z/!?][^<>]*>")
_ESCAPED_TAG_RE = re.compile(r"&lt;/?[A-Za-z][A-Za-z0-9]*(?:\s|/|&gt;)")
_DROP_BLOCK_RE = re.compile(r"<(script|style|head|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BREAK_RE = re.compile(r"<br\s*/?>", re.I)
_ITEM_RE = re.compile(r"<li\b[^>]*>", re.I)
_CELL_RE = re.compile(r"</?t[dh]\b[^>]*>", re.I)
_BLOCK_RE = re.compile(
    r"</?(?:p|div|section|article|header|footer|main|aside|h[1-6]|ul|ol|dl|dd|dt|table|tr"
    r"|blockquote|pre|hr|figure|details|summary)\b[^>]*>",
    re.I,
)
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def _html_to_text(value: str) -> str | None:
    """Plain text of an HTML fragment (maybe entity-escaped): paragraphs as blank lines."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if _ESCAPED_TAG_RE.search(text):
        text = html.unescape(text)
    if "<" in text:
        text = _DROP_BLOCK_RE.sub("", text)
        text = _BREAK_RE.sub("\n", text)
        text = _ITEM_RE.sub("\n- ", text)
        text = _CELL_RE.sub(" ", text)
        text = _BLOCK_RE.sub("\n\n", text)
        text = _TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    text = _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip()
    return text or None


_EMPLOYMENT = {
    "FULL_TIME": "full_time",
    "FULLTIME": "full_time",
    "PERMANENT": "full_time",
    "PART_TIME": "part_time",
    "PARTTIME": "part_time",
    "CONTRACTOR": "contract",
    "CONTRACT": "contract",
    "FREELANCE": "contract",
    "FREELANCER": "contract",
    "TEMPORARY": "temporary",
    "TEMP": "temporary",
    "INTERN": "internship",
    "INTERNSHIP": "internship",
    "VOLUNTEER": "volunteer",
    "PER_DIEM": "other",
    "SEASONAL": "other",
    "OTHER": "other",
}


def _employment_type(value: object) -> str | None:
    """Our employment type for schema.org's FULL_TIME, CONTRACTOR... or "Full-time"."""
    for item in _as_list(value):
        if isinstance(item, str):
            key = re.sub(r"[\s\-]+", "_", item.strip().upper())
            if found := _EMPLOYMENT.get(key):
                return found
    return None


_MODE_WORDS = {
    "remote": "remote",
    "telecommute": "remote",
    "fully remote": "remote",
    "work from home": "remote",
    "wfh": "remote",
    "anywhere": "remote",
    "yes": "remote",
    "true": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "on-site": "onsite",
    "on site": "onsite",
    "on_site": "onsite",
    "in office": "onsite",
    "in-office": "onsite",
    "office": "onsite",
}
_LOCATION_MODE_RE = re.compile(r"\b(remote|hybrid|telecommute|on-?site)\b", re.I)
_TITLE_MODE_RE = re.compile(
    r"(?:^|[(\[,|/–—:]\s*|\s-\s*)(remote|hybrid|on-?site)(?=\s*(?:$|[)\],|/–—:]|\s-|\())", re.I
)
_TITLE_STARTS_REMOTE_RE = re.compile(r"remote\s", re.I)


def _mode_from_words(value: str) -> str | None:
    """'remote' | 'hybrid' | 'onsite' from a work-mode cell ("Remote", "On-site", "yes")."""
    return _MODE_WORDS.get(" ".join(value.lower().split()))


def _mode_hint(location: str | None, title: str | None) -> str | None:
    """Work mode said in a location ("Remote - US") or a title ("PM (Remote)")."""
    if location and (m := _LOCATION_MODE_RE.search(location)):
        return _mode_from_words(m.group(1).replace("telecommute", "remote"))
    if title:
        if m := _TITLE_MODE_RE.search(title):
            return _mode_from_words(m.group(1))
        if _TITLE_STARTS_REMOTE_RE.match(title):
            return "remote"
    return None


# --- salary --------------------------------------------------------------------------------

_CURRENCY_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CAD",
        "AUD",
        "NZD",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "INR",
        "JPY",
        "CNY",
        "SGD",
        "HKD",
        "BRL",
        "MXN",
        "ARS",
        "CLP",
        "COP",
        "ZAR",
        "ILS",
        "AED",
        "SAR",
        "TRY",
        "UAH",
        "PHP",
        "IDR",
        "MYR",
        "THB",
        "VND",
        "KRW",
        "TWD",
        "NGN",
        "KES",
        "EGP",
        "PKR",
    ]
)
_CURRENCY_SYMBOLS = (
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("S$", "SGD"),
    ("HK$", "HKD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₹", "INR"),
    ("¥", "JPY"),
    ("zł", "PLN"),
    ("$", "USD"),
)
_CODE_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3})(?![A-Za-z])")
_AMOUNT_RE = re.compile(r"(\d[\d,.'\u00a0\u202f ]*\d|\d)\s*([kKmM](?![a-zA-Z]))?")
_PERIOD_RE = re.compile(
    r"\b(hour|hourly|hr|hrs|h|day|daily|week|weekly|wk|month|monthly|mo|mth|"
    r"year|yearly|yr|annual|annually|annum|pa|p\.a)\b",
    re.I,
)
_PERIODS = {
    "hour": "hour",
    "hourly": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "wk": "week",
    "month": "month",
    "monthly": "month",
    "mo": "month",
    "mth": "month",
    "year": "year",
    "yearly": "year",
    "yr": "year",
    "annual": "year",
    "annually": "year",
    "annum": "year",
    "pa": "year",
    "p.a": "year",
    "per_hour": "hour",
    "per_day": "day",
    "per_week": "week",
    "per_month": "month",
    "per_year": "year",
}


@dataclass(slots=True)
class _Salary:
    """A salary as read from a page or a cell."""

    low: float | None = None
    high: float | None = None
    currency: str | None = None
    period: str | None = None


def _number(value: object) -> float | None:
    """A finite, non-negative number from a JSON number or a string such as "115,000"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            return None
        return number if math.isfinite(number) and number >= 0 else None
    if isinstance(value, str):
        amounts = _amounts(value)
        return amounts[0] if amounts else None
    return None


def _amount(digits: str, suffix: str | None) -> float | None:
    """One amount: "100,000" "100.000" "62.50" "1'200" with an optional k/M suffix."""
    text = re.sub(r"[\s'\u00a0\u202f]", "", digits)
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in text:
        text = (
            text.replace(",", "")
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text)
            else text.replace(",", ".")
        )
    elif "." in text and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        number = float(text)
    except ValueError:
        return None
    if suffix:
        number *= 1000 if suffix in "kK" else 1_000_000
    return number if math.isfinite(number) else None


def _amounts(text: str) -> list[float]:
    """The amounts written in a salary text, in order."""
    found = []
    for match in _AMOUNT_RE.finditer(text[:200]):
        number = _amount(match.group(1), match.group(2))
        if number is not None:
            found.append(number)
    return found


def _currency_in(text: str) -> str | None:
    """An ISO 4217 code or a currency symbol in a text ('$' -> USD when the only hint)."""
    for match in _CODE_RE.finditer(text):
        code = match.group(1).upper()
        if code in _CURRENCY_CODES:
            return code
    for symbol, code in _CURRENCY_SYMBOLS:
        if symbol in text:
            return code
    return None


def _period_in(text: object) -> str | None:
    """'hour'|'day'|'week'|'month'|'year' from schema.org unitText or words like "/hr"."""
    if not isinstance(text, str):
        return None
    key = text.strip().lower().replace(" ", "_")
    if key in _PERIODS:
        return _PERIODS[key]
    match = _PERIOD_RE.search(text)
    return _PERIODS.get(match.group(1).lower()) if match else None


def _salary_from_text(text: str) -> _Salary:
    """A salary from a string: "$100,000", "$90k - $120k", "€50.000–60.000 per year"."""
    amounts = _amounts(text)
    salary = _Salary(currency=_currency_in(text), period=_period_in(text))
    if amounts:
        salary.low = amounts[0]
        salary.high = amounts[1] if len(amounts) > 1 else amounts[0]
    return salary


def _salary_from_jsonld(value: object) -> _Salary:
    """baseSalary: MonetaryAmount with a QuantitativeValue or a number, a number, a string."""
    for item in _as_list(value):
        if isinstance(item, dict):
            salary = _salary_from_amount(item)
        elif isinstance(item, str):
            salary = _salary_from_text(item)
        else:
            number = _number(item)
            salary = _Salary(number, number)
        if salary.low is not None or salary.high is not None:
            return salary
    return _Salary()


def _salary_from_amount(amount: dict) -> _Salary:
    """A MonetaryAmount (or a bare QuantitativeValue) as a salary."""
    currency = amount.get("currency") or amount.get("salaryCurrency")
    salary = _Salary(currency=_currency_code(currency), period=_period_in(amount.get("unitText")))
    inner = amount.get("value", amount)
    if isinstance(inner, list):
        inner = next((v for v in inner if v is not None), None)
    if isinstance(inner, dict):
        exact = _number(inner.get("value"))
        salary.low = _number(inner.get("minValue"))
        salary.high = _number(inner.get("maxValue"))
        if exact is not None:
            salary.low = salary.low if salary.low is not None else exact
            salary.high = salary.high if salary.high is not None else exact
        salary.period = _period_in(inner.get("unitText")) or salary.period
    elif isinstance(inner, str):
        from_text = _salary_from_text(inner)
        salary.low, salary.high = from_text.low, from_text.high
        salary.currency = salary.currency or from_text.currency
        salary.period = salary.period or from_text.period
    else:
        salary.low = salary.high = _number(inner)
    if salary.low is None:
        salary.low = salary.high
    if salary.high is None:
        salary.high = salary.low
    return salary


def _currency_code(value: object) -> str | None:
    """An upper-case ISO 4217 code from a JSON-LD currency value or symbol."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) == 3 and text.isascii() and text.isalpha():
        return text.upper()
    return _currency_in(text)


def _apply_salary(candidate: Candidate, salary: _Salary) -> None:
    """Copy a salary onto a candidate, lowest first."""
    low, high = salary.low, salary.high
    if low is not None and high is not None and low > high:
        low, high = high, low
    if low is None and high is None:
        return
    candidate.salary_min, candidate.salary_max = low, high
    candidate.salary_currency = salary.currency
    candidate.salary_period = salary.period


def _as_list(value: object) -> list:
    """A JSON value as a list (a list stays, None is empty, anything else is one item)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# --- bookmarks -----------------------------------------------------------------------------

# Only the tags that matter are tokenized; attribute values may hold '>' inside quotes.
_BOOKMARK_TOKEN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"""|<(/?)(a|h3|dl|dd)(?=[\s>/])([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""",
    re.I | re.S,
)
_ATTR_RE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_TITLE_SUFFIX_RE = re.compile(
    r"\s+[|\-–—•·]\s+(?:LinkedIn|Indeed(?:\.com)?|We Work Remotely|Remote OK|Remotive|Wellfound)\s*$",
    re.I,
)


def _attributes(text: str) -> dict[str, str]:
    """Tag attributes by lower-case name (first one wins), values not yet entity-decoded."""
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(text):
        name = match.group(1).lower()
        if name not in attrs:
            value = match.group(2)
            if value is None:
                value = match.group(3) if match.group(3) is not None else match.group(4) or ""
            attrs[name] = value
    return attrs


def _text_after(source: str, start: int) -> str:
    """The text from start to the next tag, entity-decoded and single-spaced."""
    end = source.find("<", start)
    raw = source[start:] if end < 0 else source[start:end]
    if "&" in raw:
        raw = html.unescape(raw)
    return " ".join(raw.split())


def _bookmark_title(text: str) -> str | None:
    """A bookmark's title without a job board's " | LinkedIn" suffix."""
    if not text:
        return None
    if len(text) < 300:
        text = _TITLE_SUFFIX_RE.sub("", text)
    return text or None


class _FolderScope:
    """Which folder paths the user picked (a name, or a "/"-joined run of names)."""

    def __init__(self, folder: str | None) -> None:
        target = (folder or "").strip()
        self.target = target.casefold()
        self.active = bool(target)
        self.matched = False
        self._cache: dict[tuple[str, ...], bool] = {}

    def contains(self, path: tuple[str, ...]) -> bool:
        """True when the path lies inside a folder of the picked name."""
        if not self.active:
            return True
        inside = self._cache.get(path)
        if inside is None:
            names = [name.casefold() for name in path]
            inside = any(
                "/".join(names[start : end + 1]) == self.target
                for end in range(len(names))
                for start in range(end + 1)
            )
            self._cache[path] = inside
        self.matched = self.matched or inside
        return inside


def parse_bookmarks(text: str, *, folder: str | None = None) -> ParseResult:
    """A Netscape bookmark export (Chrome, Edge, Firefox, Safari); folders become tags.

    A tag-event parser over a stack of <DL> levels, not a DOM: exports leave <DT> and <p>
    unclosed, Firefox closes the root without <p>, Safari has no root <DL> and no
    ADD_DATE, and the H1 is localized (FACTS.md "Netscape bookmark files").
    """
    text = _as_text(text)
    scope = _FolderScope(folder)
    candidates: list[Candidate] = []
    rejected: list[Rejection] = []
    folders: list[tuple[str, ...]] = []
    seen_folders: set[tuple[str, ...]] = set()
    stack: list[str | None] = []
    path: tuple[str, ...] = ()
    pending: str | None = None
    last: Candidate | None = None
    for match in _BOOKMARK_TOKEN_RE.finditer(text):
        tag = match.group(2)
        if tag is None:  # a comment
            continue
        tag = tag.lower()
        closing = match.group(1) == "/"
        if tag == "a" and not closing:
            last = _bookmark(text, match, path, scope, candidates, rejected)
        elif closing:
            if tag == "dl" and stack:
                stack.pop()
                path = tuple(name for name in stack if name)
                pending = None
        elif tag == "h3":
            pending = _text_after(text, match.end()) or None
            last = None
        elif tag == "dl":
            # Each <DL> opens the folder of the <H3> before it; the root <DL> follows the H1.
            stack.append(pending)
            pending = None
            path = tuple(name for name in stack if name)
            if path and path not in seen_folders and stack[-1]:
                seen_folders.add(path)
                folders.append(path)
        elif tag == "dd" and last is not None:
            # Firefox writes a bookmark's description as <DD> text after the link.
            last.description = _text_after(text, match.end()) or last.description
            last = None
    if scope.active and not scope.matched and not any(scope.contains(p) for p in folders):
        raise SourceError(_no_such_folder(folder or "", folders))
    return ParseResult(candidates, rejected, folders, "bookmarks")


def _bookmark(
    text: str,
    match: re.Match[str],
    path: tuple[str, ...],
    scope: _FolderScope,
    candidates: list[Candidate],
    rejected: list[Rejection],
) -> Candidate | None:
    """Turn one <A> tag into a candidate or a rejection; returns the candidate."""
    if not scope.contains(path):
        return None
    attrs = _attributes(match.group(3))
    href = attrs.get("href")
    if href is None:
        return None
    if "&" in href:
        href = html.unescape(href)
    try:
        link = parse_link(href)
    except LinkError as exc:
        rejected.append(Rejection(_shown(href.strip()), str(exc)))
        return None
    title = _bookmark_title(_text_after(text, match.end()))
    tags = path
    if extra := attrs.get("tags"):
        # Firefox TAGS="a,b" (Pocket uses tags="a,b" too) add to the folder path.
        names = [_clean_text(t) for t in html.unescape(extra).split(",")]
        tags = tuple(dict.fromkeys([*path, *(n for n in names if n)]))
    added = attrs.get("add_date") or attrs.get("time_added")
    candidate = Candidate(
        link,
        title=title,
        work_mode=_mode_hint(None, title),
        tags=tags,
        added_on=_epoch_date(added) if added else None,
        source="bookmarks",
    )
    candidates.append(candidate)
    return candidate


def _no_such_folder(folder: str, folders: list[tuple[str, ...]]) -> str:
    """The message for a folder name the bookmarks file does not have."""
    if not folders:
        return f"no folder named '{folder}': this bookmarks file has no folders"
    names = list(dict.fromkeys(name for path in folders for name in path))
    shown = ", ".join(names[:30]) + (f" … ({len(names) - 30} more)" if len(names) > 30 else "")
    return f"no folder named '{folder}' in this bookmarks file; its folders are: {shown}"


# --- CSV -----------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t", "|")
_HEADER_SCAN_ROWS = 50
_SNIFF_ROWS = 200


def _header_key(cell: str) -> str:
    """A header cell reduced to lower-case letters and digits ("Job Url" -> "joburl")."""
    return re.sub(r"[^0-9a-z]+", "", cell.lower())


_URL_HEADERS = {
    "joburl": 10,
    "jobpostingurl": 10,
    "postingurl": 10,
    "joblink": 10,
    "jobpostinglink": 10,
    "listingurl": 9,
    "jobposting": 9,
    "postinglink": 9,
    "jobpage": 8,
    "applicationurl": 8,
    "applicationlink": 8,
    "applyurl": 8,
    "applylink": 8,
    "url": 7,
    "link": 7,
    "href": 7,
    "uri": 6,
    "permalink": 6,
    "links": 6,
    "urls": 6,
    "posting": 5,
    "address": 2,
    "website": 2,
}
_LINK_WORDS = ("url", "link", "href", "urls", "links")
_NOT_POSTING_WORDS = ("email", "logo", "image", "photo", "profile", "resume", "company", "linkedin")
_COLUMN_NAMES = {
    "title": {
        "jobtitle",
        "title",
        "position",
        "role",
        "jobname",
        "positiontitle",
        "job",
        "vacancy",
        "opening",
        "postingtitle",
        "jobrole",
    },
    "company": {
        "company",
        "companyname",
        "employer",
        "organization",
        "organisation",
        "org",
        "hiringcompany",
        "hiringorganization",
        "client",
    },
    "location": {"location", "joblocation", "city", "locations", "place", "joblocations"},
    "added": {
        "saveddate",
        "datesaved",
        "dateadded",
        "added",
        "addedon",
        "dateaddedon",
        "created",
        "createdat",
        "createdon",
        "date",
        "saved",
        "savedon",
        "bookmarked",
        "timeadded",
    },
    "applied": {
        "applicationdate",
        "applieddate",
        "dateapplied",
        "appliedon",
        "applied",
        "appliedat",
        "submitted",
        "submittedon",
        "datesubmitted",
        "dateofapplication",
    },
    "posted": {
        "dateposted",
        "posted",
        "postedon",
        "posteddate",
        "publishdate",
        "published",
        "publishedon",
    },
    "deadline": {
        "deadline",
        "validthrough",
        "closingdate",
        "applyby",
        "expires",
        "expirydate",
        "closes",
    },
    "status": {"status", "stage", "applicationstatus"},
    "salary": {"salary", "pay", "compensation", "salaryrange", "payrange", "basesalary", "rate"},
    "mode": {
        "workmode",
        "remote",
        "worktype",
        "workplace",
        "workplacetype",
        "locationtype",
        "remotetype",
        "remotestatus",
        "workarrangement",
        "onsiteremote",
        "remoteonsite",
    },
    "employment": {"type", "employmenttype", "jobtype", "contracttype", "employment"},
    "tags": {"tags", "labels", "folder", "category", "categories", "list"},
    "description": {"description", "jobdescription", "summary"},
}
# LinkedIn's Connections.csv header (FACTS.md "LinkedIn data export"): people, not jobs.
_CONNECTIONS_HEADER = {"firstname", "lastname", "url", "connectedon"}
_STATUS_WORDS = {
    "saved": "saved",
    "bookmarked": "saved",
    "wishlist": "saved",
    "interested": "saved",
    "applied": "applied",
    "submitted": "applied",
    "screening": "screening",
    "phone screen": "screening",
    "screen": "screening",
    "interview": "interviewing",
    "interviewing": "interviewing",
    "interviews": "interviewing",
    "offer": "offer",
    "offered": "offer",
    "accepted": "accepted",
    "hired": "accepted",
    "rejected": "rejected",
    "declined": "rejected",
    "withdrawn": "withdrawn",
    "withdrew": "withdrawn",
    "ghosted": "ghosted",
    "no response": "ghosted",
}


@dataclass(slots=True)
class _CsvLayout:
    """Where things are in a CSV: delimiter, header row, URL column, field columns."""

    delimiter: str
    width: int
    header_row: int | None
    url_column: int | None
    columns: dict[str, int] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)
    has_links: bool = False


def _read_rows(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    """CSV rows (at most limit); a malformed file raises SourceError."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        if limit is not None:  # a sample cut in the middle of a field
            return rows
        raise SourceError(f"this CSV file cannot be read: {exc}") from None
    return rows


def _is_url(cell: str) -> bool:
    """A cell that holds an http(s) link."""
    return cell.lstrip()[:8].lower().startswith(("http://", "https://"))


def _url_header_score(cell: str) -> int:
    """How much a header name looks like the posting-link column (0: not at all)."""
    key = _header_key(cell)
    if not key:
        return 0
    if key in _URL_HEADERS:
        return _URL_HEADERS[key]
    if len(key) <= 30 and (key.startswith(_LINK_WORDS) or key.endswith(_LINK_WORDS)):
        score = 4 + (2 if "job" in key or "posting" in key else 0)
        return 1 if any(w in key for w in _NOT_POSTING_WORDS) else score
    return 0


def _layout_for(rows: list[list[str]], delimiter: str) -> _CsvLayout:
    """Find the header row, the URL column and the known columns of sampled rows."""
    header_row = _find_header(rows)
    header = rows[header_row] if header_row is not None else []
    data = rows[header_row + 1 :] if header_row is not None else rows
    url_column = _pick_url_column(header, data)
    if header_row is None and url_column is not None:
        header_row = _unnamed_header(rows, url_column)
        header = rows[header_row] if header_row is not None else []
    width = len(header) or _modal_width(rows)
    layout = _CsvLayout(delimiter, width, header_row, url_column, header=header)
    layout.columns = _named_columns(header, url_column)
    layout.has_links = url_column is not None and any(
        len(row) > url_column and _is_url(row[url_column]) for row in data
    )
    return layout


def _modal_width(rows: list[list[str]]) -> int:
    """The most common number of cells among rows of two or more cells (else 1, or 0)."""
    widths = Counter(len(r) for r in rows if len(r) >= 2 and any(c.strip() for c in r))
    if widths:
        return widths.most_common(1)[0][0]
    return 1 if any(any(c.strip() for c in r) for r in rows) else 0


def _find_header(rows: list[list[str]]) -> int | None:
    """The first row that names a link column and holds no link.

    Rows before it are a preamble, such as LinkedIn's "Notes:" lines whose wording and
    length vary (FACTS.md "LinkedIn data export").
    """
    for index, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        if any(_is_url(c) for c in row):
            continue
        scores = [_url_header_score(c) for c in row]
        if scores and max(scores) >= (4 if len(row) >= 2 else 6):
            return index
    return None


def _unnamed_header(rows: list[list[str]], url_column: int) -> int | None:
    """Without known names: the row just before the first link row, if it is a header."""
    for index, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        if len(row) > url_column and _is_url(row[url_column]):
            if index == 0:
                return None
            before = rows[index - 1]
            if len(before) == len(row) and len(row) >= 2 and not any(_is_url(c) for c in before):
                return index - 1
            return None
    return None


def _pick_url_column(header: list[str], data: list[list[str]]) -> int | None:
    """The column by header name (preferring one with links in it), else by its content."""
    counts = Counter(i for row in data[:_SNIFF_ROWS] for i, c in enumerate(row) if _is_url(c))
    named = [(s, counts[i], i) for i, c in enumerate(header) if (s := _url_header_score(c))]
    with_links = [n for n in named if n[1]]
    if with_links:
        return max(with_links, key=lambda n: (n[1] > 0, n[0], n[1], -n[2]))[2]
    if counts:
        return max(counts.items(), key=lambda item: (item[1], -item[0]))[0]
    if named:
        return max(named, key=lambda n: (n[0], -n[2]))[2]
    return None


def _named_columns(header: list[str], url_column: int | None) -> dict[str, int]:
    """Columns we can use beside the link, by header name."""
    columns: dict[str, int] = {}
    keys = [_header_key(c) for c in header]
    for field_name, names in _COLUMN_NAMES.items():
        for index, key in enumerate(keys):
            if key in names and index != url_column:
                columns[field_name] = index
                break
    if "location" not in columns:
        for index, key in enumerate(keys):
            if "location" in key and index != url_column and index not in columns.values():
                columns["location"] = index
                break
    return columns


def _sniff_csv(text: str) -> _CsvLayout | None:
    """Pick the delimiter whose rows give a link column; None for a one-column text."""
    sample = text[:65536]
    if sample.startswith("\ufeff"):
        sample = sample[1:]
    forced = _excel_separator(sample)
    best: tuple[tuple[int, int, int], _CsvLayout] | None = None
    for rank, delimiter in enumerate((forced,) if forced else _DELIMITERS):
        rows = _read_rows(
            _skip_separator_line(sample) if forced else sample, delimiter, _SNIFF_ROWS
        )
        layout = _layout_for(rows, delimiter)
        if layout.url_column is None or layout.width < 2 or not _is_table(layout, rows):
            continue
        in_width = sum(1 for r in rows if len(r) == layout.width)
        named = 1 if layout.header_row is not None and layout.header else 0
        score = (named, in_width, -rank)
        if best is None or score > best[0]:
            best = (score, layout)
    return best[1] if best else None


def _is_table(layout: _CsvLayout, rows: list[list[str]]) -> bool:
    """A header, or other columns with words; not links that merely contain commas."""
    if layout.header_row is not None or layout.url_column != 0 or layout.delimiter == "\t":
        return True
    link_rows = [r for r in rows if r and _is_url(r[0])]
    worded = sum(1 for r in link_rows if any(" " in c.strip() for c in r[1:]))
    return worded * 2 >= len(link_rows) > 0


def _excel_separator(text: str) -> str | None:
    """Excel's "sep=;" first line names the delimiter."""
    if text[:4].lower() == "sep=" and len(text) > 4 and text[4] not in "\r\n":
        return text[4]
    return None


def _skip_separator_line(text: str) -> str:
    """The text after Excel's "sep=" line."""
    newline = text.find("\n")
    return text[newline + 1 :] if newline >= 0 else ""


def parse_csv(text: str) -> ParseResult:
    """A CSV (or TSV) with a link column; other known columns fill the candidate."""
    text = _as_text(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    layout = _sniff_csv(text)
    forced = _excel_separator(text)
    if forced:
        text = _skip_separator_line(text)
    if layout is None:
        return _without_link_column(_read_rows(text, forced or ","))
    rows = _read_rows(text, layout.delimiter)
    if {_header_key(c) for c in layout.header} >= _CONNECTIONS_HEADER:
        raise SourceError(
            "this is a LinkedIn Connections export (people, not job links): import it as contacts"
        )
    start = layout.header_row + 1 if layout.header_row is not None else 0
    candidates: list[Candidate] = []
    rejected: list[Rejection] = []
    for row in rows[start:]:
        if not any(c.strip() for c in row) or row == layout.header:
            continue
        _csv_row(row, layout, candidates, rejected)
    return ParseResult(candidates, rejected, [], "csv")


def _without_link_column(rows: list[list[str]]) -> ParseResult:
    """A CSV where no column holds links: a one-column list of lines, or an error."""
    cells = [c for row in rows[:_SNIFF_ROWS] for c in row if c.strip()]
    if _modal_width(rows) >= 2 and not any("://" in c for c in cells):
        names = ", ".join(c.strip() for c in rows[0][:12] if c.strip())
        raise SourceError(f"this CSV has no column of links (its first row is: {names[:150]})")
    return _single_column(rows)


def _single_column(rows: list[list[str]]) -> ParseResult:
    """Rows without a link column: each non-empty row is one link (or a rejection)."""
    candidates: list[Candidate] = []
    rejected: list[Rejection] = []
    for index, row in enumerate(rows):
        cells = [c.strip() for c in row if c.strip()]
        if not cells:
            continue
        line = ",".join(cells)
        if index == 0 and len(cells) == 1 and "://" not in line and _url_header_score(line):
            continue  # a lone header such as "URL"
        _take_links(line if len(cells) > 1 else cells[0], "csv", candidates, rejected)
    return ParseResult(candidates, rejected, [], "csv")


def _csv_row(
    row: list[str], layout: _CsvLayout, candidates: list[Candidate], rejected: list[Rejection]
) -> None:
    """One data row: a candidate with its known columns, or a rejection."""
    assert layout.url_column is not None
    shown = _shown(layout.delimiter.join(row))
    cell = row[layout.url_column].strip() if len(row) > layout.url_column else ""
    if not cell:
        rejected.append(Rejection(shown, f"no link in the {_column_name(layout)} column"))
        return
    found: list[Candidate] = []
    problems: list[Rejection] = []
    _take_links(cell, "csv", found, problems)
    if not found:
        rejected.append(Rejection(shown, problems[0].reason if problems else "no link"))
        return
    candidate = found[0]
    _fill_from_row(candidate, row, layout.columns)
    candidates.append(candidate)


def _column_name(layout: _CsvLayout) -> str:
    """The link column as the user knows it: 'Job Url', or column 3."""
    index = layout.url_column or 0
    name = layout.header[index].strip() if index < len(layout.header) else ""
    return f"'{name}'" if name else f"column {index + 1}"


def _cell(row: list[str], columns: dict[str, int], name: str) -> str | None:
    """A known column's stripped value in a row, None when absent or empty."""
    index = columns.get(name)
    if index is None or index >= len(row):
        return None
    value = row[index].strip()
    return value or None


def _fill_from_row(candidate: Candidate, row: list[str], columns: dict[str, int]) -> None:
    """Copy the known columns of a row onto a candidate."""
    candidate.title = _clean_text(_cell(row, columns, "title") or "")
    candidate.company_name = _clean_text(_cell(row, columns, "company") or "")
    candidate.location = _clean_text(_cell(row, columns, "location") or "")
    candidate.added_on = _parse_date(_cell(row, columns, "added"))
    candidate.date_posted = _parse_date(_cell(row, columns, "posted"))
    candidate.valid_through = _parse_date(_cell(row, columns, "deadline"))
    candidate.employment_type = _employment_type(_cell(row, columns, "employment"))
    if description := _cell(row, columns, "description"):
        candidate.description = _html_to_text(description)
    if salary := _cell(row, columns, "salary"):
        _apply_salary(candidate, _salary_from_text(salary))
    if tags := _cell(row, columns, "tags"):
        names = (_clean_text(t) for t in re.split(r"[,;|]", tags))
        candidate.tags = tuple(dict.fromkeys(n for n in names if n))
    mode = _cell(row, columns, "mode")
    candidate.work_mode = (_mode_from_words(mode) if mode else None) or _mode_hint(
        candidate.location, candidate.title
    )
    applied = _parse_date(_cell(row, columns, "applied"))
    status = _STATUS_WORDS.get(" ".join((_cell(row, columns, "status") or "").lower().split()))
    if applied is not None:
        # LinkedIn "Job Applications.csv": every row is an application sent on that date.
        candidate.applied_on = applied
        candidate.status = "applied"
    if status is not None:
        candidate.status = status


# --- saved job pages (schema.org JobPosting JSON-LD) ---------------------------------------

_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_LD_JSON_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?\s*application/ld\+json""", re.I)
_META_TAG_RE = re.compile(r"<meta\b([^>]*)>", re.I)
_LINK_TAG_RE = re.compile(r"<link\b([^>]*)>", re.I)
_TITLE_TAG_RE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_JSON_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")
_JSON_WRAPPERS_RE = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_MAX_JSON_NODES = 100_000
_NO_URL = "page has no URL (no canonical link or og:url)"


@dataclass(slots=True)
class _PageMeta:
    """What a page's head says: title, canonical URL, og: tags, the "saved from" URL."""

    title: str | None = None
    og_title: str | None = None
    description: str | None = None
    canonical: str | None = None
    og_url: str | None = None
    saved_from: str | None = None

    def urls(self, base_url: str | None) -> list[str]:
        """Candidate page URLs, best first: canonical, og:url, saved-from, base_url."""
        found = [self.canonical, self.og_url, self.saved_from, base_url]
        return [u for u in found if u]


def _page_meta(text: str) -> _PageMeta:
    """Read the <title>, canonical link and og: tags of a page."""
    meta = _PageMeta()
    for match in _META_TAG_RE.finditer(text):
        attrs = _attributes(match.group(1))
        name = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        content = html.unescape(attrs.get("content", "")).strip()
        if not content:
            continue
        if name == "og:url" and meta.og_url is None:
            meta.og_url = content
        elif name in ("og:title", "twitter:title") and meta.og_title is None:
            meta.og_title = _clean_text(content)
        elif name in ("og:description", "description") and meta.description is None:
            meta.description = _html_to_text(content)
    for match in _LINK_TAG_RE.finditer(text):
        attrs = _attributes(match.group(1))
        rels = html.unescape(attrs.get("rel", "")).lower().split()
        if "canonical" in rels and attrs.get("href") and meta.canonical is None:
            meta.canonical = html.unescape(attrs["href"]).strip()
    if match := _TITLE_TAG_RE.search(text):
        meta.title = _clean_text(match.group(1))
    if match := _SAVED_FROM_RE.search(text[:4096]):
        meta.saved_from = match.group(1)
    return meta


def _json_blocks(text: str) -> list[object]:
    """Parsed values of every ld+json script block (a page may have several)."""
    values: list[object] = []
    for match in _SCRIPT_RE.finditer(text):
        if _LD_JSON_TYPE_RE.search(match.group(1)):
            values.extend(_load_json(match.group(2)) or ())
    return values


def _load_json(raw: str) -> list[object] | None:
    """One block's JSON values, repairing what real pages break; None if beyond repair.

    FACTS.md "schema.org JobPosting": raw control characters, trailing commas and
    entity-escaped blocks occur in public pages.
    """
    text = _JSON_WRAPPERS_RE.sub("", raw.strip()).strip()
    if not text:
        return []
    attempts = [text]
    if _JSON_CONTROL_RE.search(text):
        attempts.append(_JSON_CONTROL_RE.sub(" ", text))
    attempts.append(_TRAILING_COMMA_RE.sub(r"\1", attempts[-1]))
    if "&quot;" in text:
        attempts.append(html.unescape(attempts[-1]))
    for attempt in attempts:
        values = _decode_json(attempt)
        if values:
            return values
    return None


def _decode_json(text: str) -> list[object]:
    """All JSON values in a text (some pages concatenate several objects)."""
    decoder = json.JSONDecoder(strict=False)
    values: list[object] = []
    index = 0
    while index < len(text):
        while index < len(text) and (text[index].isspace() or text[index] in ",;"):
            index += 1
        if index >= len(text):
            break
        try:
            value, index = decoder.raw_decode(text, index)
        except (ValueError, RecursionError):
            return values
        values.append(value)
    return values


def _type_names(node: dict) -> set[str]:
    """The node's @type values without schema.org prefixes, lower-case."""
    names = set()
    for item in _as_list(node.get("@type")):
        if isinstance(item, str):
            names.add(item.rsplit("/", 1)[-1].rsplit(":", 1)[-1].strip().lower())
    return names


def _find_postings(values: list[object]) -> tuple[list[dict], dict[str, dict]]:
    """Every JobPosting node and an @id index, walking the whole structure.

    Covers the variants in FACTS.md: a top-level array, "@graph", ItemList
    itemListElement[].item, and postings nested in another node (WebPage.mainEntity).
    """
    postings: list[dict] = []
    index: dict[str, dict] = {}
    stack: list[object] = list(reversed(values))
    visited = 0
    while stack and visited < _MAX_JSON_NODES:
        node = stack.pop()
        visited += 1
        if isinstance(node, dict):
            ident = node.get("@id")
            if isinstance(ident, str) and len(node) > 1:
                index.setdefault(ident, node)
            if "jobposting" in _type_names(node):
                postings.append(node)
            stack.extend(reversed([v for v in node.values() if isinstance(v, dict | list)]))
        elif isinstance(node, list):
            stack.extend(reversed([v for v in node if isinstance(v, dict | list)]))
    return postings, index


def _resolve(value: object, index: dict[str, dict]) -> object:
    """A node for an {"@id": ...} reference, when the page defines it."""
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("@id"), str):
        return index.get(value["@id"], value)
    return value


def _text_value(value: object, index: dict[str, dict]) -> str | None:
    """Clean text from a string, number, {"@value"}/{"name"} node or a list of them."""
    value = _resolve(value, index)
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("@value", "name", "legalName", "value"):
            if key in value and (text := _text_value(value[key], {})):
                return text
        return None
    if isinstance(value, list):
        for item in value[:20]:
            if text := _text_value(item, index):
                return text
    return None


def _organization(value: object, index: dict[str, dict]) -> str | None:
    """hiringOrganization: an Organization (maybe an @id reference) or a plain string."""
    for item in _as_list(_resolve(value, index)):
        if text := _text_value(item, index):
            return text
    return None


_UNKNOWN_PARTS = frozenset({"unavailable", "n/a", "na", "none", "null", "unknown", "-"})


def _address_text(address: object, index: dict[str, dict]) -> str | None:
    """ "Berlin, BE, DE" from a PostalAddress (or a string), skipping "UNAVAILABLE" parts."""
    address = _resolve(address, index)
    if isinstance(address, str):
        text = _clean_text(address)
        return None if text is None or text.lower() in _UNKNOWN_PARTS else text
    if not isinstance(address, dict):
        return None
    parts: list[str] = []
    for key in ("addressLocality", "addressRegion", "addressCountry"):
        text = _text_value(address.get(key), index)
        if text and text.lower() not in _UNKNOWN_PARTS and text not in parts:
            parts.append(text)
    return ", ".join(parts) or None


def _location(value: object, index: dict[str, dict]) -> str | None:
    """jobLocation: one Place or a list (non-objects ignored) as "Berlin, DE; Lisbon, PT"."""
    places: list[str] = []
    for item in _as_list(_resolve(value, index))[:50]:
        item = _resolve(item, index)
        if not isinstance(item, dict):
            continue
        addresses = _as_list(item.get("address"))
        text = next((t for a in addresses if (t := _address_text(a, index))), None)
        if text is None:
            text = _text_value(item.get("name"), index)
        if text and text.lower() not in _UNKNOWN_PARTS and text not in places:
            places.append(text)
    return "; ".join(places) or None


def _region(value: object, index: dict[str, dict]) -> str | None:
    """applicantLocationRequirements as "USA, Canada"."""
    names: list[str] = []
    for item in _as_list(_resolve(value, index))[:50]:
        text = _text_value(item, index)
        if text and text.lower() not in _UNKNOWN_PARTS and text not in names:
            names.append(text)
    return ", ".join(names) or None


def _location_type(value: object) -> str | None:
    """jobLocationType: TELECOMMUTE means a fully remote job (FACTS.md)."""
    for item in _as_list(value):
        if isinstance(item, str):
            word = item.strip().lower()
            if word in ("telecommute", "remote", "fully_remote"):
                return "remote"
            if mode := _mode_from_words(word.replace("_", " ")):
                return mode
    return None


def _identifier(value: object) -> str | None:
    """identifier: a PropertyValue's value, or a plain string/number."""
    for item in _as_list(value):
        if isinstance(item, dict):
            item = item.get("value", item.get("@value"))
        if isinstance(item, bool) or item is None:
            continue
        if isinstance(item, int | float | str):
            text = str(item).strip()
            if text and len(text) <= 100:
                return text
    return None


def _posting_urls(posting: dict) -> list[str]:
    """The posting's own url property (a string or a list of strings)."""
    return [u.strip() for u in _as_list(posting.get("url")) if isinstance(u, str) and u.strip()]


def _link_for(urls: Iterable[str], base: str | None) -> LinkInfo | None:
    """The first URL that parses, relative ones resolved against base."""
    for url in urls:
        if "&" in url:
            url = html.unescape(url)
        if base and not url.lower().startswith(("http://", "https://")):
            try:
                url = urljoin(base, url)
            except ValueError:
                continue
        try:
            return parse_link(url)
        except LinkError:
            continue
    return None


def _posting_candidate(posting: dict, index: dict[str, dict], link: LinkInfo) -> Candidate:
    """A candidate with everything a JobPosting node says."""
    title = _text_value(posting.get("title"), index) or _text_value(posting.get("name"), index)
    location = _location(posting.get("jobLocation"), index)
    candidate = Candidate(
        link,
        title=title,
        company_name=_organization(posting.get("hiringOrganization"), index),
        location=location,
        work_mode=_location_type(posting.get("jobLocationType")) or _mode_hint(location, title),
        remote_region=_region(posting.get("applicantLocationRequirements"), index),
        employment_type=_employment_type(posting.get("employmentType")),
        date_posted=_parse_date(posting.get("datePosted")),
        valid_through=_parse_date(posting.get("validThrough")),
        source="page",
    )
    description = posting.get("description")
    if isinstance(description, str):
        candidate.description = _html_to_text(description)
    salary = _salary_from_jsonld(posting.get("baseSalary"))
    if salary.low is None:
        salary = _salary_from_jsonld(posting.get("estimatedSalary"))
    _apply_salary(candidate, salary)
    if link.external_id is None and (ident := _identifier(posting.get("identifier"))):
        candidate.link = replace(link, external_id=ident)
    return candidate


def parse_job_page(text: str, base_url: str | None = None) -> ParseResult:
    """A saved job page: every JSON-LD JobPosting, else the page's title and URL."""
    text = _as_text(text)
    if base_url is not None and not isinstance(base_url, str):
        base_url = None
    meta = _page_meta(text)
    page_link = _link_for(meta.urls(base_url), base_url)
    base = page_link.url if page_link else base_url
    postings, index = _find_postings(_json_blocks(text))
    candidates: list[Candidate] = []
    rejected: list[Rejection] = []
    for posting in postings:
        link = _link_for(_posting_urls(posting), base)
        if link is None and len(postings) == 1:
            link = page_link
        if link is None:
            title = _text_value(posting.get("title"), index) or "(job posting)"
            reason = (
                _NO_URL
                if len(postings) == 1
                else "posting has no URL of its own (page lists several)"
            )
            rejected.append(Rejection(_shown(title), reason))
            continue
        candidate = _posting_candidate(posting, index, link)
        if len(postings) == 1:
            candidate.title = candidate.title or meta.og_title or meta.title
        candidates.append(candidate)
    if postings:
        return ParseResult(candidates, rejected, [], "page")
    return _page_without_posting(meta, page_link)


def _page_without_posting(meta: _PageMeta, page_link: LinkInfo | None) -> ParseResult:
    """A page with no JobPosting: one candidate from its title and URL, if it has a URL."""
    title = meta.og_title or meta.title
    if page_link is None:
        if title is None:
            raise SourceError(
                "no job posting found in this page: it has no schema.org JobPosting and no URL "
                "(no canonical link or og:url)"
            )
        return ParseResult([], [Rejection(_shown(title), _NO_URL)], [], "page")
    candidate = Candidate(
        page_link,
        title=title,
        description=meta.description,
        work_mode=_mode_hint(None, title),
        source="page",
    )
    return ParseResult([candidate], [], [], "page")
