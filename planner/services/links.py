"""Recognize and normalize job-posting links, offline (no Qt, no database).

A link alone tells the job board, the company slug and the job id; the patterns, the
tracking parameters to strip and the normalization rules are FACTS.md "Job board links".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote

BOARDS = (
    "greenhouse",
    "lever",
    "workable",
    "ashby",
    "smartrecruiters",
    "workday",
    "linkedin",
    "indeed",
    "remoteok",
    "remotive",
    "weworkremotely",
    "wellfound",
    "web",
)

MAX_URL_LENGTH = 2048


class LinkError(ValueError):
    """A link that cannot be imported; str(exc) is the reason, a short human sentence."""


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """A normalized link and what its URL says about the job."""

    url: str
    board: str
    company: str | None = None
    external_id: str | None = None

    @property
    def key(self) -> tuple[str, ...]:
        """Duplicate key: (board, company, job id) where the board is known, else the URL."""
        if self.board != "web" and self.external_id:
            return ("board", self.board, (self.company or "").lower(), self.external_id)
        return ("url", self.url)


# --- tracking parameters (FACTS.md "Job board links": "Strip for de-duplication") ---------

_TRACKING_PARAMS = frozenset(
    {
        "gclid",
        "gclsrc",
        "dclid",
        "wbraid",
        "gbraid",
        "fbclid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "_ga",
        "_gl",
        "gh_src",
    }
)
# LinkedIn's own trackers, stripped on LinkedIn hosts (another site's "refId" may be an id).
_LINKEDIN_PARAMS = frozenset(
    {
        "trk",
        "trkinfo",
        "trackingid",
        "refid",
        "ebp",
        "midtoken",
        "midsig",
        "originalsubdomain",
        "lipi",
    }
)
# Generic names that are only known to be tracking on job-board hosts.
_JOB_HOST_PARAMS = frozenset({"ref", "source", "lever-source", "from"})

# --- low-level URL syntax ------------------------------------------------------------------

_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_BAD_CHAR_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_SPLIT_RE = re.compile(r"([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.S)
_HOST_RE = re.compile(r"[\w\-]+(?:\.[\w\-]+)*")
_IPV6_RE = re.compile(r"\[[0-9a-f:.]+\]")
_PORT_RE = re.compile(r"[0-9]{1,5}")
# Characters a browser would percent-encode before sending the URL.
_ENCODE_RE = re.compile(r'[^\x21-\x7e]+|["<>\\^`{|}]')
_PERCENT_RE = re.compile(r"%[0-9a-f]{2}|%[0-9A-F][a-f]|%[a-f][0-9A-F]")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_HOST_ALIASES = {
    "remoteok.io": "remoteok.com",
    "angel.co": "wellfound.com",
    "remotive.io": "remotive.com",
}
_KNOWN_SUFFIXES = (
    "greenhouse.io",
    "lever.co",
    "workable.com",
    "ashbyhq.com",
    "smartrecruiters.com",
    "myworkdayjobs.com",
    "myworkdaysite.com",
    "linkedin.com",
    "indeed.com",
    "remoteok.com",
    "remoteok.io",
    "remotive.com",
    "remotive.io",
    "weworkremotely.com",
    "wellfound.com",
    "angel.co",
)
# A scheme-less link is accepted when it clearly names a web host: "www." or a job board.
_SCHEMELESS_RE = re.compile(
    r"(?:www\.[\w\-]+(?:\.[\w\-]+)*|(?:[\w\-]+\.)*(?:"
    + "|".join(re.escape(s) for s in _KNOWN_SUFFIXES)
    + r"))(?:[:/?#]|$)",
    re.I,
)


def _reject_scheme(scheme: str, rest: str) -> LinkError:
    """The error for a link whose scheme is not http(s)."""
    if len(scheme) == 1 and rest[:1] in ("\\", "/"):
        return LinkError("a file path on a disk, not a web link")
    return LinkError(f"not an http(s) link ({scheme.lower()[:20]}:)")


def _split_scheme(text: str) -> tuple[str, str]:
    """Split off the scheme; scheme-less web hosts get https. Raises LinkError."""
    if text.startswith("//"):
        return "https", text[2:]
    if _SCHEMELESS_RE.match(text):
        return "https", text
    match = _SCHEME_RE.match(text)
    if match is None:
        raise LinkError("not a link")
    scheme = match.group(1).lower()
    rest = text[match.end() :]
    if scheme not in ("http", "https"):
        raise _reject_scheme(scheme, rest)
    if not rest.startswith("//"):
        raise LinkError("link has no host name")
    return scheme, rest[2:]


def _encode(part: str) -> str:
    """Percent-encode what a browser would (non-ASCII, quotes, brackets); upper-case escapes."""
    if _ENCODE_RE.search(part):
        part = _ENCODE_RE.sub(lambda m: quote(m.group(), safe=""), part)
    if "%" in part and _PERCENT_RE.search(part):
        part = _PERCENT_RE.sub(lambda m: m.group().upper(), part)
    return part


def _clean_host(netloc: str, scheme: str) -> tuple[str, str]:
    """Return (host, port) lower-cased, without credentials, "www." and a default port."""
    hostport = netloc.rpartition("@")[2]
    if hostport.startswith("["):
        end = hostport.find("]")
        host, port_part = hostport[: end + 1], hostport[end + 1 :]
        if end < 0 or (port_part and not port_part.startswith(":")):
            raise LinkError("invalid host name")
        port = port_part[1:]
        host = host.lower()
        if not _IPV6_RE.fullmatch(host):
            raise LinkError("invalid host name")
    else:
        host, _, port = hostport.partition(":")
        host = host.lower().rstrip(".")
        if not host:
            raise LinkError("link has no host name")
        if len(host) > 253 or not _HOST_RE.fullmatch(host) or not _plausible_host(host):
            raise LinkError("invalid host name")
        while host.startswith("www.") and "." in host[4:]:
            host = host[4:]
        host = _HOST_ALIASES.get(host, host)
    if port:
        if not _PORT_RE.fullmatch(port) or not 0 < int(port) < 65536:
            raise LinkError("invalid port number")
        port = str(int(port))
        if _DEFAULT_PORTS.get(scheme) == port:
            port = ""
    return host, port


def _plausible_host(host: str) -> bool:
    """A host with a dot (not all-numeric unless an IPv4 address) or localhost."""
    if host == "localhost":
        return True
    labels = host.split(".")
    if len(labels) < 2:
        return False
    if labels[-1].isdigit():
        return len(labels) == 4 and all(
            p.isascii() and p.isdigit() and int(p) < 256 for p in labels
        )
    return True


def _clean_path(path: str) -> str:
    """Encode, and drop trailing slashes (but keep a lone "/")."""
    path = _encode(path)
    path = path.rstrip("/")
    return path or "/"


def _clean_query(query: str, board: str) -> str:
    """Drop empty and tracking parameters, keep the rest in their order."""
    if not query:
        return ""
    on_job_host = board != "web"
    on_linkedin = board == "linkedin"
    kept = []
    for part in query.split("&"):
        if not part:
            continue
        name = part.partition("=")[0].lower()
        if name.startswith("utm_") or name in _TRACKING_PARAMS:
            continue
        if on_job_host and name in _JOB_HOST_PARAMS:
            continue
        if on_linkedin and name in _LINKEDIN_PARAMS:
            continue
        kept.append(part)
    return _encode("&".join(kept))


def _query_value(query: str, name: str) -> str | None:
    """The first value of a query parameter (exact name), percent-decoded."""
    if not query or name not in query:
        return None
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == name:
            return unquote(value)
    return None


# --- boards --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Match:
    """What a board handler found: the board, company slug, job id and the job's path."""

    board: str
    company: str | None = None
    external_id: str | None = None
    path: str | None = None


_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_DIGITS_RE = re.compile(r"[0-9]{1,20}")
_UUID_RE = re.compile(_UUID)
_SLUG_ONLY_RE = re.compile(r"/([^/]+)")
_GH_JOB_RE = re.compile(r"/([^/]+)/jobs/([0-9]{1,20})")
_GH_API_RE = re.compile(r"/v1/boards/([^/]+)/jobs/([0-9]{1,20})")
_LEVER_JOB_RE = re.compile(r"/([^/]+)/(" + _UUID + r")(/apply)?")
_WORKABLE_JOB_RE = re.compile(r"(?:/([^/]+))?/j/([0-9A-Za-z]{4,20})(/apply)?")
_ASHBY_JOB_RE = re.compile(r"/([^/]+)/(" + _UUID + r")(/application)?")
_SR_JOB_RE = re.compile(r"/([^/]+)/([0-9]{5,20})(?:-[^/]*)?")
_WORKDAY_HOST_RE = re.compile(r"([a-z0-9\-]+)\.wd[0-9]{1,3}\.myworkdayjobs\.com")
_WORKDAY_SITE_RE = re.compile(r"wd[0-9]{1,3}\.myworkdaysite\.com")
_WORKDAY_TENANT_RE = re.compile(r"(?:/[A-Za-z]{2}(?:-[A-Za-z]{2})?)?/recruiting/([^/]+)/")
_WORKDAY_APPLY_RE = re.compile(r"/apply(?:/[^/]*)?$")
_LINKEDIN_JOB_RE = re.compile(r"/(?:comm/)?jobs/view/(?:[^/]*?-)?([0-9]{6,20})(?:/.*)?")
_INDEED_HOST_RE = re.compile(
    r"(?:[a-z0-9\-]+\.)*indeed\.(?:com|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})"
)
_INDEED_ID_RE = re.compile(r"[0-9a-fA-F]{16}")
_REMOTEOK_JOB_RE = re.compile(r"/remote-jobs/(?:[^/]*-)?([0-9]{1,20})")
_REMOTIVE_JOB_RE = re.compile(r"/(?:remote-jobs|remote/jobs)/[^/]+/(?:[^/]*-)?([0-9]{1,20})")
_WWR_JOB_RE = re.compile(r"/(?:remote-jobs|listings)/([A-Za-z0-9][A-Za-z0-9\-]*)")
_WWR_NOT_JOBS = frozenset({"search", "new", "feed", "rss"})
_WELLFOUND_JOB_RE = re.compile(r"(?:/company/([^/]+))?/jobs/([0-9]{1,20})(?:-[^/]*)?")
# Words that start a job title in We Work Remotely slugs ("<company>-<title>").
_TITLE_WORDS = frozenset(
    [
        "remote",
        "senior",
        "sr",
        "junior",
        "jr",
        "lead",
        "principal",
        "staff",
        "head",
        "director",
        "vp",
        "chief",
        "associate",
        "assistant",
        "project",
        "program",
        "programme",
        "product",
        "technical",
        "tech",
        "it",
        "agile",
        "scrum",
        "delivery",
        "engineering",
        "engineer",
        "software",
        "manager",
        "management",
        "coordinator",
        "consultant",
        "analyst",
        "developer",
        "designer",
        "devops",
        "data",
        "qa",
        "operations",
        "ops",
        "marketing",
        "sales",
        "customer",
        "support",
        "account",
        "executive",
        "business",
        "full",
        "fullstack",
        "frontend",
        "backend",
        "mid",
        "global",
        "part",
        "contract",
        "freelance",
        "international",
        "entry",
        "digital",
        "content",
        "ux",
        "ui",
        "web",
        "mobile",
        "cloud",
        "security",
        "systems",
        "implementation",
        "release",
        "change",
        "pmo",
        "portfolio",
        "hr",
        "people",
        "finance",
        "legal",
        "community",
        "growth",
        "infrastructure",
        "platform",
        "solutions",
        "solution",
        "service",
        "services",
    ]
)
_HOST_PREFIXES = frozenset(
    {"www", "careers", "career", "jobs", "job", "apply", "boards", "work", "talent", "join", "hire"}
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"})


def _host_company(host: str) -> str | None:
    """Best-effort company from a career-site host: careers.acme.co.uk -> acme."""
    labels = [p for p in host.split(".") if p]
    if len(labels) < 2:
        return None
    labels = labels[:-1]
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    while len(labels) > 1 and labels[0] in _HOST_PREFIXES:
        labels = labels[1:]
    return labels[-1] if labels else None


def _greenhouse(host: str, path: str, query: str) -> _Match:
    """boards[.eu]/job-boards.greenhouse.io paths, the embed form and the API form."""
    if m := _GH_JOB_RE.fullmatch(path) or _GH_API_RE.fullmatch(path):
        return _Match("greenhouse", unquote(m.group(1)), m.group(2))
    if path.startswith("/embed/"):
        company = _query_value(query, "for")
        token = _query_value(query, "token") or _query_value(query, "gh_jid")
        job_id = token if token and _DIGITS_RE.fullmatch(token) else None
        return _Match("greenhouse", company or None, job_id)
    slug = _SLUG_ONLY_RE.fullmatch(path)
    company = unquote(slug.group(1)) if slug else None
    return _Match("greenhouse", company, _gh_jid(query))


def _gh_jid(query: str) -> str | None:
    """The Greenhouse job id of a career site (?gh_jid=)."""
    value = _query_value(query, "gh_jid")
    return value if value and _DIGITS_RE.fullmatch(value) else None


def _ashby_jid(query: str) -> str | None:
    """The Ashby job id of an embedded job board (?ashby_jid=)."""
    value = _query_value(query, "ashby_jid")
    return value.lower() if value and _UUID_RE.fullmatch(value) else None


def _lever(host: str, path: str, query: str) -> _Match:
    """jobs[.eu].lever.co/<company>/<uuid>[/apply]: /apply is the same job."""
    if m := _LEVER_JOB_RE.fullmatch(path):
        company, job_id = unquote(m.group(1)), m.group(2).lower()
        return _Match("lever", company, job_id, f"/{m.group(1)}/{m.group(2)}")
    slug = _SLUG_ONLY_RE.fullmatch(path)
    return _Match("lever", unquote(slug.group(1)) if slug else None)


def _workable(host: str, path: str, query: str) -> _Match:
    """apply.workable.com/<company>/j/<shortcode>, or the older <company>.workable.com/j/<code>."""
    sub = host[: -len(".workable.com")] if host.endswith(".workable.com") else ""
    sub_company = sub if sub and sub not in ("apply", "jobs") and "." not in sub else None
    if m := _WORKABLE_JOB_RE.fullmatch(path):
        company = unquote(m.group(1)) if m.group(1) else sub_company
        new_path = path[: -len("/apply")] if m.group(3) else path
        return _Match("workable", company, m.group(2).upper(), new_path)
    slug = _SLUG_ONLY_RE.fullmatch(path)
    if sub_company is None and slug and sub == "apply":
        return _Match("workable", unquote(slug.group(1)))
    return _Match("workable", sub_company)


def _ashby(host: str, path: str, query: str) -> _Match:
    """jobs.ashbyhq.com/<company>/<uuid>[/application], or ?ashby_jid= on the board page."""
    if m := _ASHBY_JOB_RE.fullmatch(path):
        company, job_id = unquote(m.group(1)), m.group(2).lower()
        return _Match("ashby", company, job_id, f"/{m.group(1)}/{m.group(2)}")
    slug = _SLUG_ONLY_RE.fullmatch(path)
    return _Match("ashby", unquote(slug.group(1)) if slug else None, _ashby_jid(query))


def _smartrecruiters(host: str, path: str, query: str) -> _Match:
    """jobs.smartrecruiters.com/<Company>/<digits>-<slug>."""
    if m := _SR_JOB_RE.fullmatch(path):
        return _Match("smartrecruiters", unquote(m.group(1)), m.group(2))
    slug = _SLUG_ONLY_RE.fullmatch(path)
    return _Match("smartrecruiters", unquote(slug.group(1)) if slug else None)


def _workday(host: str, path: str, query: str) -> _Match:
    """<tenant>.wdN.myworkdayjobs.com/[locale/]<site>/job/<location>/<Title>_<ReqId>."""
    if m := _WORKDAY_HOST_RE.fullmatch(host):
        tenant: str | None = m.group(1)
    else:
        tm = _WORKDAY_TENANT_RE.match(path)
        tenant = unquote(tm.group(1)) if tm else None
    job_path = _WORKDAY_APPLY_RE.sub("", path)
    starts = [at + len(mark) for mark in ("/job/", "/details/") if (at := job_path.find(mark)) >= 0]
    last = job_path.rpartition("/")[2]
    if not starts or len(job_path) <= min(starts) or "_" not in last:
        return _Match("workday", tenant)
    req_id = unquote(last.rpartition("_")[2])
    return _Match("workday", tenant, req_id or None, job_path if req_id else None)


def _linkedin(host: str, path: str, query: str) -> _Match:
    """/jobs/view/<id>, /jobs/view/<slug>-<id>, or any jobs page with ?currentJobId=<id>."""
    if m := _LINKEDIN_JOB_RE.fullmatch(path):
        return _Match("linkedin", None, m.group(1))
    current = _query_value(query, "currentJobId")
    job_id = current if current and _DIGITS_RE.fullmatch(current) else None
    return _Match("linkedin", None, job_id)


def _indeed(host: str, path: str, query: str) -> _Match:
    """Any Indeed page (any country) with ?jk=<16 hex> (viewjob, /rc/clk) or ?vjk=."""
    for name in ("jk", "vjk"):
        value = _query_value(query, name)
        if value and _INDEED_ID_RE.fullmatch(value):
            return _Match("indeed", None, value.lower())
    return _Match("indeed")


def _remoteok(host: str, path: str, query: str) -> _Match:
    """remoteok.com/remote-jobs/<slug>-<id> (remoteok.io is the old domain)."""
    m = _REMOTEOK_JOB_RE.fullmatch(path)
    return _Match("remoteok", None, m.group(1) if m else None)


def _remotive(host: str, path: str, query: str) -> _Match:
    """remotive.com/remote-jobs/<category>/<slug>-<id>."""
    m = _REMOTIVE_JOB_RE.fullmatch(path)
    return _Match("remotive", None, m.group(1) if m else None)


def _weworkremotely(host: str, path: str, query: str) -> _Match:
    """weworkremotely.com/remote-jobs/<company>-<title-slug>: the slug is the id."""
    m = _WWR_JOB_RE.fullmatch(path)
    if m is None or m.group(1).lower() in _WWR_NOT_JOBS:
        return _Match("weworkremotely")
    slug = m.group(1).lower()
    return _Match("weworkremotely", _wwr_company(slug), slug)


def _wwr_company(slug: str) -> str | None:
    """Best effort: the words of the slug before the first word that starts a job title."""
    words = [w for w in slug.split("-") if w]
    for index, word in enumerate(words):
        if word in _TITLE_WORDS:
            return "-".join(words[:index]) or None
    return words[0] if len(words) > 1 else None


def _wellfound(host: str, path: str, query: str) -> _Match:
    """wellfound.com/jobs/<id>-<slug> or /company/<co>/jobs/<id>-<slug> (formerly angel.co)."""
    if m := _WELLFOUND_JOB_RE.fullmatch(path):
        company = unquote(m.group(1)) if m.group(1) else None
        return _Match("wellfound", company, m.group(2))
    return _Match("wellfound")


_Handler = Callable[[str, str, str], _Match]
_EXACT_HOSTS: dict[str, _Handler] = {
    "boards.greenhouse.io": _greenhouse,
    "boards.eu.greenhouse.io": _greenhouse,
    "job-boards.greenhouse.io": _greenhouse,
    "job-boards.eu.greenhouse.io": _greenhouse,
    "boards-api.greenhouse.io": _greenhouse,
    "jobs.lever.co": _lever,
    "jobs.eu.lever.co": _lever,
    "jobs.ashbyhq.com": _ashby,
    "jobs.smartrecruiters.com": _smartrecruiters,
    "careers.smartrecruiters.com": _smartrecruiters,
    "remoteok.com": _remoteok,
    "remotive.com": _remotive,
    "weworkremotely.com": _weworkremotely,
    "wellfound.com": _wellfound,
    "linkedin.com": _linkedin,
}


def _handler_for(host: str) -> _Handler | None:
    """The board handler for a host, or None for an unknown web host."""
    handler = _EXACT_HOSTS.get(host)
    if handler is not None:
        return handler
    if host.endswith(".linkedin.com"):
        return _linkedin
    if host.endswith(".myworkdayjobs.com") or _WORKDAY_SITE_RE.fullmatch(host):
        return _workday
    if host.endswith(".workable.com") or host == "workable.com":
        return _workable
    if "indeed." in host and _INDEED_HOST_RE.fullmatch(host):
        return _indeed
    return None


def _detect(host: str, path: str, query: str) -> _Match:
    """Which board a normalized host/path/query belongs to."""
    handler = _handler_for(host)
    if handler is not None:
        return handler(host, path, query)
    if query:
        if gh_id := _gh_jid(query):
            return _Match("greenhouse", _host_company(host), gh_id)
        if ashby_id := _ashby_jid(query):
            return _Match("ashby", _host_company(host), ashby_id)
    return _Match("web")


# --- public API ----------------------------------------------------------------------------


def parse_link(raw: str) -> LinkInfo:
    """Normalize a link and read its board, company and job id. Raises LinkError."""
    if not isinstance(raw, str):
        raise LinkError("not a link")
    text = raw.strip()
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text).strip()
    if not text:
        raise LinkError("empty link")
    if len(text) > MAX_URL_LENGTH:
        raise LinkError(f"link is longer than {MAX_URL_LENGTH} characters")
    scheme, rest = _split_scheme(text)
    if bad := _BAD_CHAR_RE.search(text):
        if bad.group().isspace():
            raise LinkError("link contains a space")
        raise LinkError("link contains a control character")
    netloc, path, query, fragment = _SPLIT_RE.fullmatch(rest).groups()  # type: ignore[union-attr]
    host, port = _clean_host(netloc, scheme)
    path = _clean_path(path)
    found = _detect(host, path, query or "")
    if found.path is not None:
        path = found.path
    if found.board != "web":
        # Job boards are https-only; a port that was default for http is no port there.
        scheme, port = "https", "" if port in ("80", "443") else port
    url = f"{scheme}://{host}:{port}{path}" if port else f"{scheme}://{host}{path}"
    if query_text := _clean_query(query or "", found.board):
        url = f"{url}?{query_text}"
    # A fragment is dropped, except a client-side route ("#/jobs/12", "#!/jobs/12").
    if fragment and found.board == "web" and fragment[0] in "/!":
        url = f"{url}#{_encode(fragment)}"
    if len(url) > MAX_URL_LENGTH:  # percent-encoding can make a link longer
        raise LinkError(f"link is longer than {MAX_URL_LENGTH} characters")
    return LinkInfo(url, found.board, found.company or None, found.external_id or None)


def normalize_url(raw: str) -> str:
    """The normalized form of a link (see parse_link). Raises LinkError."""
    return parse_link(raw).url
