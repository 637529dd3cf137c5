"""Property tests: no input makes the link importers fail other than with their own errors."""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.services.link_sources import (
    EMPLOYMENT_TYPES,
    SALARY_PERIODS,
    WORK_MODES,
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
from planner.services.links import BOARDS, LinkError, LinkInfo, normalize_url, parse_link

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTS = st.sampled_from(
    [
        "boards.greenhouse.io",
        "job-boards.eu.greenhouse.io",
        "jobs.lever.co",
        "apply.workable.com",
        "acme.workable.com",
        "jobs.ashbyhq.com",
        "jobs.smartrecruiters.com",
        "acme.wd5.myworkdayjobs.com",
        "wd3.myworkdaysite.com",
        "www.linkedin.com",
        "uk.indeed.com",
        "indeed.co.uk",
        "remoteok.io",
        "remotive.com",
        "weworkremotely.com",
        "angel.co",
        "www.example.com",
        "WWW.WWW.Example.COM",
        "careers.acme.co.uk",
        "127.0.0.1",
        "[::1]",
        "xn--bcher-kva.example",
        "bücher.example",
    ]
)
SEGMENTS = st.one_of(
    st.sampled_from(
        [
            "jobs",
            "j",
            "view",
            "apply",
            "application",
            "embed",
            "job_app",
            "remote-jobs",
            "listings",
            "company",
            "job",
            "details",
            "en-US",
            "recruiting",
            "acme",
            "PM_R-123",
            "4821937",
            "8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21",
            "3C5E7A9B1D",
            "remote-pm-112233",
            "",
            ".",
            "..",
            "%2F",
            "%e9",
            "café",
        ]
    ),
    st.text(max_size=12),
)
PARAMS = st.tuples(
    st.sampled_from(
        [
            "utm_source",
            "UTM_Medium",
            "gh_jid",
            "gh_src",
            "ashby_jid",
            "jk",
            "vjk",
            "currentJobId",
            "for",
            "token",
            "ref",
            "source",
            "from",
            "lever-source",
            "trk",
            "refId",
            "q",
            "",
        ]
    ),
    st.one_of(
        st.sampled_from(
            [
                "4821937",
                "5a1b2c3d4e5f6a7b",
                "5f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b",
                "acme",
                "",
                "%31",
            ]
        ),
        st.text(max_size=8),
    ),
)


@st.composite
def url_like(draw: st.DrawFn) -> str:
    """Strings shaped like job links, with odd parts mixed in."""
    scheme = draw(
        st.sampled_from(["https://", "http://", "HTTP://", "", "//", "javascript:", "ftp://"])
    )
    host = draw(HOSTS)
    port = draw(st.sampled_from(["", ":443", ":80", ":8080", ":0", ":99999"]))
    path = "/".join(draw(st.lists(SEGMENTS, max_size=6)))
    params = draw(st.lists(PARAMS, max_size=5))
    query = "&".join(f"{k}={v}" for k, v in params)
    fragment = draw(st.sampled_from(["", "#app", "#/jobs/1", "#!/x", "#"]))
    return f"{scheme}{host}{port}/{path}" + (f"?{query}" if params else "") + fragment


def check_link(info: LinkInfo) -> None:
    """Invariants of every parsed link."""
    assert info.board in BOARDS
    assert info.url.startswith(("http://", "https://"))
    assert len(info.url) <= 2048
    assert parse_link(info.url) == info, "normalizing a normalized link changes it"
    assert isinstance(info.key, tuple) and info.key[0] in ("board", "url")


def check_result(result: ParseResult) -> None:
    """Invariants of every parse result."""
    assert result.kind in ("text", "bookmarks", "csv", "page")
    for candidate in result.candidates:
        if candidate.source == "page":  # a page's identifier may fill external_id
            assert parse_link(candidate.link.url).url == candidate.link.url
        else:
            check_link(candidate.link)
        assert candidate.work_mode in (*WORK_MODES, None)
        assert candidate.employment_type in (*EMPLOYMENT_TYPES, None)
        assert candidate.salary_period in (*SALARY_PERIODS, None)
        low, high = candidate.salary_min, candidate.salary_max
        for number in (low, high):
            assert number is None or (math.isfinite(number) and number >= 0)
        assert low is None or high is None or low <= high
        cur = candidate.salary_currency
        assert cur is None or (len(cur) == 3 and cur.isupper())
        assert all(isinstance(tag, str) and tag for tag in candidate.tags)
    for rejection in result.rejected:
        assert len(rejection.input) <= 200
        assert rejection.reason
    assert all(path and all(path) for path in result.folders)


@FAST
@given(st.one_of(url_like(), st.text(max_size=200)))
def test_parse_link_returns_a_normalized_link_or_a_link_error(raw: str) -> None:
    try:
        info = parse_link(raw)
    except LinkError as exc:
        assert str(exc)
        return
    check_link(info)
    assert normalize_url(info.url) == info.url


@FAST
@given(url_like())
def test_duplicate_key_ignores_tracking_parameters_and_fragments(raw: str) -> None:
    try:
        info = parse_link(raw)
    except LinkError:
        return
    url, hash_mark, fragment = info.url.partition("#")
    sep = "&" if "?" in url else "?"
    noisy = f"{url}{sep}utm_source=newsletter&fbclid=abc{hash_mark}{fragment or 'section'}"
    assert parse_link(noisy).key == info.key


@FAST
@given(st.binary(max_size=600))
def test_decode_bytes_returns_text_or_a_source_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except SourceError as exc:
        assert str(exc)
        return
    assert isinstance(text, str)


@FAST
@given(
    st.one_of(st.binary(max_size=600), st.text(max_size=600)),
    st.sampled_from([None, "a.txt", "a.csv", "a.html", "Bookmarks", "x.tsv"]),
)
def test_parse_source_never_fails_unexpectedly(data: bytes | str, name: str | None) -> None:
    try:
        kind = detect_kind(data, name)
        result = parse_source(data, name)
    except SourceError as exc:
        assert str(exc)
        return
    assert result.kind == kind
    check_result(result)


@FAST
@given(st.lists(st.one_of(url_like(), st.text(max_size=40)), max_size=15))
def test_text_gives_every_line_a_candidate_or_a_rejection(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = parse_text(text)
    check_result(result)
    meaningful = [ln for ln in text.splitlines() if ln.strip().lstrip("\ufeff\u200b").strip()]
    meaningful = [
        ln for ln in meaningful if not ln.strip().lstrip("\ufeff\u200b").strip().startswith("#")
    ]
    assert len(result.candidates) + len(result.rejected) >= len(meaningful)
    kept, dropped = dedupe(result.candidates)
    assert len(kept) + len(dropped) == len(result.candidates)
    assert len({c.link.key for c in kept}) == len(kept)


BOOKMARK_PIECES = st.one_of(
    st.sampled_from(
        [
            "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
            "<DT>",
            "<DL><p>",
            "</DL><p>",
            "</DL>",
            "<p>",
            "<HR>",
            "<H1>Root</H1>",
            "<DT><H3 ADD_DATE='1' PERSONAL_TOOLBAR_FOLDER=\"true\">Bar</H3>",
            "<DT><H3>Jobs &amp; more</H3>",
            "<H3></H3>",
            "<DD>a description",
            "<!--",
            "-->",
            '"',
            "'",
            "<A",
            ">",
            "</A>",
            "&#0;",
            "&amp;",
            '<A HREF="javascript:alert(1)">x</A>',
            '<A HREF="place:sort=8">p</A>',
        ]
    ),
    url_like().map(lambda u: f'<DT><A HREF="{u}" ADD_DATE="1731000000" TAGS="a,,b">t</A>'),
    st.text(max_size=20),
)


@FAST
@given(st.lists(BOOKMARK_PIECES, max_size=30), st.sampled_from([None, "jobs & more", "Bar", "x/y"]))
def test_bookmarks_parser_survives_any_tag_soup(pieces: list[str], folder: str | None) -> None:
    text = "\n".join(pieces)
    try:
        result = parse_bookmarks(text, folder=folder)
    except SourceError as exc:
        assert folder is not None and "no folder named" in str(exc)
        return
    check_result(result)
    for candidate in result.candidates:
        assert candidate.source == "bookmarks"


JSON_KEYS = st.sampled_from(
    [
        "@type",
        "@graph",
        "@id",
        "@context",
        "itemListElement",
        "item",
        "title",
        "name",
        "url",
        "description",
        "hiringOrganization",
        "jobLocation",
        "address",
        "addressLocality",
        "addressCountry",
        "jobLocationType",
        "applicantLocationRequirements",
        "baseSalary",
        "estimatedSalary",
        "currency",
        "value",
        "minValue",
        "maxValue",
        "unitText",
        "employmentType",
        "datePosted",
        "validThrough",
        "identifier",
        "mainEntity",
    ]
)
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "JobPosting",
            "TELECOMMUTE",
            "FULL_TIME",
            "HOUR",
            "YEAR",
            "USD",
            "$90k - $120k",
            "€50.000",
            "UNAVAILABLE",
            "2024-11-03T08:30:00Z",
            "2024-02-30",
            "&lt;p&gt;Hi&lt;/p&gt;",
            "https://example.com/j/1",
            "/relative/2",
            "#ref",
            "javascript:x",
        ]
    ),
    st.text(max_size=15),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(JSON_KEYS, children, max_size=6),
    ),
    max_leaves=25,
)


@st.composite
def job_page(draw: st.DrawFn) -> str:
    """A page with JSON-LD blocks built from schema.org-like keys, sometimes broken."""
    blocks = []
    for value in draw(st.lists(JSON_VALUES, min_size=1, max_size=3)):
        if isinstance(value, dict) and draw(st.booleans()):
            value = {
                **value,
                "@type": draw(st.sampled_from(["JobPosting", ["JobPosting"], "ItemList"])),
            }
        text = json.dumps(value)
        damage = draw(st.sampled_from(["", "cut", "control", "comma", "escape"]))
        if damage == "cut":
            text = text[: draw(st.integers(0, len(text)))]
        elif damage == "control":
            text = text.replace(" ", "\x01")
        elif damage == "comma":
            text = text.replace("}", ",}")
        elif damage == "escape":
            text = text.replace('"', "&quot;")
        blocks.append(f'<script type="application/ld+json">{text}</script>')
    head = draw(
        st.sampled_from(
            [
                "",
                '<link rel="canonical" href="https://example.com/jobs/1">',
                '<meta property="og:url" content="/relative">',
                "<title>A &amp; B</title>",
            ]
        )
    )
    return f"<html><head>{head}{''.join(blocks)}</head></html>"


@FAST
@given(job_page(), st.sampled_from([None, "https://base.example/jobs/", "not a url"]))
def test_job_page_parser_survives_any_json_ld(page: str, base_url: str | None) -> None:
    try:
        result = parse_job_page(page, base_url=base_url)
    except SourceError as exc:
        assert "no job posting" in str(exc)
        return
    check_result(result)


@FAST
@given(st.text(max_size=400), st.sampled_from([None, "https://base.example/"]))
def test_job_page_parser_survives_any_text(page: str, base_url: str | None) -> None:
    try:
        result = parse_job_page(page, base_url=base_url)
    except SourceError:
        return
    check_result(result)


CSV_CELLS = st.one_of(
    url_like(),
    st.sampled_from(
        [
            "",
            "Job Url",
            "URL",
            "Title",
            "Company Name",
            "Saved Date",
            "Application Date",
            "11/20/24, 8:15 AM",
            "Notes:",
            "Salary",
            "$90k-$120k",
            "Remote",
            "Status",
            "Interviewing",
            '"',
            "First Name",
            "Connected On",
            "sep=;",
        ]
    ),
    st.text(max_size=12),
)


@FAST
@given(
    st.lists(st.lists(CSV_CELLS, max_size=6), max_size=12),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["\n", "\r\n"]),
)
def test_csv_parser_survives_any_table(rows: list[list[str]], delimiter: str, newline: str) -> None:
    text = newline.join(delimiter.join(row) for row in rows)
    try:
        result = parse_csv(text)
    except SourceError as exc:
        assert str(exc)
        return
    check_result(result)
    assert all(c.source == "csv" for c in result.candidates)
