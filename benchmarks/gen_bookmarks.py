"""Generate a realistic Chrome bookmarks export and time parsing it.

Run: python benchmarks/gen_bookmarks.py [N]  (prints links/s for parse_bookmarks + parse_link).
"""

from __future__ import annotations

import base64
import random
import sys
import time
from html import escape

_BOARD_URLS = (
    "https://boards.greenhouse.io/{co}/jobs/{n7}?gh_src={tok}&utm_source=linkedin",
    "https://job-boards.greenhouse.io/{co}/jobs/{n7}",
    "https://www.{co}.com/careers/open-roles?gh_jid={n7}&gh_src=abc123",
    "https://jobs.lever.co/{co}/{uuid}?lever-source=LinkedIn",
    "https://jobs.lever.co/{co}/{uuid}/apply",
    "https://apply.workable.com/{co}/j/{code}/",
    "https://jobs.ashbyhq.com/{co}/{uuid}?utm_medium=email",
    "https://jobs.smartrecruiters.com/{Co}/{n15}-remote-it-project-manager",
    "https://{co}.wd5.myworkdayjobs.com/en-US/External/job/Remote-USA/Senior-Project-Manager_R-{n6}?source=LinkedIn",
    "https://www.linkedin.com/jobs/view/{n10}/?refId={tok}&trackingId={tok}%3D%3D&trk=flagship3",
    "https://www.linkedin.com/jobs/search/?currentJobId={n10}&keywords=project%20manager",
    "https://www.indeed.com/viewjob?jk={hex16}&from=serp&vjs=3",
    "https://uk.indeed.com/rc/clk?jk={hex16}&from=vj",
    "https://remoteok.com/remote-jobs/remote-project-manager-{co}-{n6}",
    "https://remotive.com/remote-jobs/project-management/senior-delivery-manager-{n7}",
    "https://weworkremotely.com/remote-jobs/{co}-remote-technical-project-manager-{n3}",
    "https://wellfound.com/jobs/{n7}-technical-program-manager",
    "https://careers.{co}.io/positions/{n5}-scrum-master?utm_campaign=fall&utm_source=x",
    "https://news.example.org/articles/{n5}-remote-work-tips",
)
_COMPANIES = (
    "northwind",
    "contoso",
    "fabrikam",
    "tailspin",
    "adatum",
    "litware",
    "woodgrove",
    "proseware",
    "wingtip",
    "lucerne",
    "alpine-ski",
    "fourth-coffee",
    "relecloud",
    "trey-research",
)
_FOLDERS = (
    ("Job hunt",),
    ("Job hunt", "PM roles"),
    ("Job hunt", "PM roles", "2024"),
    ("Job hunt", "Scrum Master"),
    ("Job hunt", "Applied"),
    ("Reading",),
    ("Dev tools",),
)


def _icon(rng: random.Random) -> str:
    """A data URI favicon of 1-2 KB, like Chrome's exports carry."""
    return (
        "data:image/png;base64," + base64.b64encode(rng.randbytes(rng.randint(750, 1500))).decode()
    )


def _uuid(rng: random.Random) -> str:
    """A random version-4 style UUID."""
    parts = (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12))
    return (
        f"{parts[0]:08x}-{parts[1]:04x}-4{parts[2]:03x}-a{parts[3]:03x}-{rng.getrandbits(48):012x}"
    )


def _url(rng: random.Random) -> str:
    """One random job link with the board's usual tracking parameters."""
    company = rng.choice(_COMPANIES)
    return rng.choice(_BOARD_URLS).format(
        co=company,
        Co=company.title().replace("-", ""),
        tok=f"{rng.getrandbits(40):x}",
        uuid=_uuid(rng),
        code=f"{rng.getrandbits(40):010X}",
        hex16=f"{rng.getrandbits(64):016x}",
        n3=rng.randint(100, 999),
        n5=rng.randint(10000, 99999),
        n6=rng.randint(100000, 999999),
        n7=rng.randint(1000000, 9999999),
        n10=rng.randint(3000000000, 4999999999),
        n15=rng.randint(740000000000000, 749999999999999),
    )


def _links(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """n (url, title) pairs: ~10% repeat an earlier job, ~1% are bookmarklets."""
    links: list[tuple[str, str]] = []
    for index in range(n):
        roll = rng.random()
        if links and roll < 0.10:
            url, title = rng.choice(links)
            if "#" not in url and not url.startswith("javascript:"):
                url += rng.choice(
                    ("#apply", "", "&utm_source=again" if "?" in url else "?utm_source=x")
                )
        elif roll < 0.11:
            url, title = f"javascript:(function(){{alert('clip {index}')}})()", "Clip job"
        else:
            url = _url(rng)
            title = f"Remote IT Project Manager #{index} & Scrum <Lead> | LinkedIn"
        links.append((url, title))
    return links


def generate_bookmarks(n: int, seed: int = 0) -> str:
    """A Chrome-style bookmarks export with n links in nested folders."""
    rng = random.Random(seed)
    by_folder: dict[tuple[str, ...], list[tuple[str, str]]] = {f: [] for f in _FOLDERS}
    for link in _links(n, rng):
        by_folder[rng.choice(_FOLDERS)].append(link)
    out = [
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
        "<!-- This is an automatically generated file.",
        "     It will be read and overwritten.",
        "     DO NOT EDIT! -->",
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
        "<TITLE>Bookmarks</TITLE>",
        "<H1>Bookmarks</H1>",
        "<DL><p>",
        '    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1731513600" '
        'PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>',
        "    <DL><p>",
    ]
    _write_tree(out, by_folder, (), 2, rng)
    out += ["    </DL><p>", "</DL><p>", ""]
    return "\n".join(out)


def _write_tree(
    out: list[str],
    by_folder: dict[tuple[str, ...], list[tuple[str, str]]],
    prefix: tuple[str, ...],
    depth: int,
    rng: random.Random,
) -> None:
    """Write the links of folder prefix, then its subfolders, Chrome's way (4-space indent)."""
    pad = "    " * depth
    for url, title in by_folder.get(prefix, []):
        stamp = 1700000000 + rng.randint(0, 30000000)
        out.append(
            f'{pad}<DT><A HREF="{escape(url)}" ADD_DATE="{stamp}" ICON="{_icon(rng)}">'
            f"{escape(title, quote=False)}</A>"
        )
    children = sorted(
        {
            f[: len(prefix) + 1]
            for f in by_folder
            if f[: len(prefix)] == prefix and len(f) > len(prefix)
        }
    )
    for child in children:
        out.append(
            f'{pad}<DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1731513600">{escape(child[-1])}</H3>'
        )
        out.append(f"{pad}<DL><p>")
        _write_tree(out, by_folder, child, depth + 1, rng)
        out.append(f"{pad}</DL><p>")


def main(argv: list[str]) -> None:
    """Time parse_bookmarks (with parse_link per link) and dedupe on a generated file."""
    from planner.services.link_sources import dedupe, parse_bookmarks

    n = int(argv[1]) if len(argv) > 1 else 10_000
    text = generate_bookmarks(n)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        result = parse_bookmarks(text)
        kept, dropped = dedupe(result.candidates)
        best = min(best, time.perf_counter() - start)
    print(
        f"{n} links, {len(text) / 1e6:.1f} MB: {len(result.candidates)} candidates, "
        f"{len(kept)} kept, {len(dropped)} duplicates, {len(result.rejected)} rejected; "
        f"best {best * 1000:.0f} ms = {n / best:,.0f} links/s"
    )


if __name__ == "__main__":
    main(sys.argv)
