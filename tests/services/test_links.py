"""URL recognition and normalization of job links (planner.services.links)."""

from __future__ import annotations

import pytest

from planner.services.links import BOARDS, LinkError, LinkInfo, normalize_url, parse_link

# (raw link, board, company, external id)
BOARD_CASES = [
    # greenhouse
    (
        "https://boards.greenhouse.io/northwindlabs/jobs/4821937",
        "greenhouse",
        "northwindlabs",
        "4821937",
    ),
    (
        "https://boards.eu.greenhouse.io/litware/jobs/4455667?gh_src=abc",
        "greenhouse",
        "litware",
        "4455667",
    ),
    (
        "https://job-boards.greenhouse.io/alpineski/jobs/5566778",
        "greenhouse",
        "alpineski",
        "5566778",
    ),
    ("https://job-boards.eu.greenhouse.io/trey/jobs/7001234", "greenhouse", "trey", "7001234"),
    (
        "https://boards.greenhouse.io/embed/job_app?for=alpineski&token=5566778",
        "greenhouse",
        "alpineski",
        "5566778",
    ),
    (
        "https://boards.greenhouse.io/embed/job_app?token=5566778&for=alpineski&b=https%3A%2F%2Fx.example",
        "greenhouse",
        "alpineski",
        "5566778",
    ),
    ("https://www.acme.com/careers/openings?gh_jid=4821937", "greenhouse", "acme", "4821937"),
    ("https://careers.beispiel.co.uk/jobs?gh_jid=12&gh_src=x", "greenhouse", "beispiel", "12"),
    ("https://boards.greenhouse.io/northwindlabs", "greenhouse", "northwindlabs", None),
    # lever
    (
        "https://jobs.lever.co/contoso-cloud/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21",
        "lever",
        "contoso-cloud",
        "8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21",
    ),
    (
        "https://jobs.eu.lever.co/tailspin/0B6D2F5E-1C3A-4E7B-9A8D-2F4C6E8A0B1C/apply",
        "lever",
        "tailspin",
        "0b6d2f5e-1c3a-4e7b-9a8d-2f4c6e8a0b1c",
    ),
    ("https://jobs.lever.co/contoso-cloud", "lever", "contoso-cloud", None),
    # workable
    ("https://apply.workable.com/fabrikam/j/3C5E7A9B1D/", "workable", "fabrikam", "3C5E7A9B1D"),
    (
        "https://apply.workable.com/fabrikam/j/3c5e7a9b1d/apply",
        "workable",
        "fabrikam",
        "3C5E7A9B1D",
    ),
    ("https://fabrikam.workable.com/j/A1B2C3D4E5", "workable", "fabrikam", "A1B2C3D4E5"),
    ("https://apply.workable.com/fabrikam/", "workable", "fabrikam", None),
    # ashby
    (
        "https://jobs.ashbyhq.com/tailspin/2d9f4b7a-61c3-4e8d-a0b5-7c2e9f1d4a36",
        "ashby",
        "tailspin",
        "2d9f4b7a-61c3-4e8d-a0b5-7c2e9f1d4a36",
    ),
    (
        "https://jobs.ashbyhq.com/tailspin/2d9f4b7a-61c3-4e8d-a0b5-7c2e9f1d4a36/application",
        "ashby",
        "tailspin",
        "2d9f4b7a-61c3-4e8d-a0b5-7c2e9f1d4a36",
    ),
    (
        "https://www.beispiel.de/karriere?ashby_jid=5f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b",
        "ashby",
        "beispiel",
        "5f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b",
    ),
    # smartrecruiters
    (
        "https://jobs.smartrecruiters.com/FabrikamInc/743999987654321-remote-it-project-manager",
        "smartrecruiters",
        "FabrikamInc",
        "743999987654321",
    ),
    (
        "https://jobs.smartrecruiters.com/Acme/743999912345678",
        "smartrecruiters",
        "Acme",
        "743999912345678",
    ),
    ("https://careers.smartrecruiters.com/Acme", "smartrecruiters", "Acme", None),
    # workday
    (
        "https://acme.wd5.myworkdayjobs.com/en-US/External/job/Remote-USA/Senior-IT-Project-Manager_R-012345",
        "workday",
        "acme",
        "R-012345",
    ),
    (
        "https://acme.wd1.myworkdayjobs.com/Careers/job/New-York-NY/Project-Manager_JR1001234?source=LinkedIn",
        "workday",
        "acme",
        "JR1001234",
    ),
    (
        "https://wingtiptoys.wd3.myworkdayjobs.com/en-US/Careers/details/Release-Manager_R0042",
        "workday",
        "wingtiptoys",
        "R0042",
    ),
    (
        "https://acme.wd5.myworkdayjobs.com/de-DE/External/job/Berlin/PM_Team_Lead_R-9/apply",
        "workday",
        "acme",
        "R-9",
    ),
    ("https://acme.wd5.myworkdayjobs.com/en-US/External", "workday", "acme", None),
    # linkedin
    ("https://www.linkedin.com/jobs/view/3987654321/", "linkedin", None, "3987654321"),
    (
        "https://www.linkedin.com/jobs/view/senior-project-manager-at-contoso-4012345678/",
        "linkedin",
        None,
        "4012345678",
    ),
    (
        "https://www.linkedin.com/jobs/search/?currentJobId=3987654321&keywords=pm",
        "linkedin",
        None,
        "3987654321",
    ),
    (
        "https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4001",
        "linkedin",
        None,
        "4001",
    ),
    ("https://uk.linkedin.com/jobs/view/3987654321", "linkedin", None, "3987654321"),
    ("https://www.linkedin.com/comm/jobs/view/3987654321", "linkedin", None, "3987654321"),
    ("https://www.linkedin.com/in/someone", "linkedin", None, None),
    # indeed
    (
        "https://www.indeed.com/viewjob?jk=5a1b2c3d4e5f6a7b&from=serp&vjs=3",
        "indeed",
        None,
        "5a1b2c3d4e5f6a7b",
    ),
    (
        "https://uk.indeed.com/rc/clk?jk=A1B2C3D4E5F60718&from=vj",
        "indeed",
        None,
        "a1b2c3d4e5f60718",
    ),
    (
        "https://de.indeed.com/jobs?q=projektmanager&vjk=0f1e2d3c4b5a6978",
        "indeed",
        None,
        "0f1e2d3c4b5a6978",
    ),
    ("https://www.indeed.co.uk/viewjob?jk=1234567890abcdef", "indeed", None, "1234567890abcdef"),
    ("https://ca.indeed.com/jobs?q=scrum", "indeed", None, None),
    # remoteok
    (
        "https://remoteok.com/remote-jobs/remote-agile-project-manager-litware-112233",
        "remoteok",
        None,
        "112233",
    ),
    (
        "https://remoteok.io/remote-jobs/remote-scrum-master-humongous-998877",
        "remoteok",
        None,
        "998877",
    ),
    ("https://remoteok.com/remote-jobs/1130405", "remoteok", None, "1130405"),
    # remotive
    (
        "https://remotive.com/remote-jobs/project-management/senior-scrum-master-1928374",
        "remotive",
        None,
        "1928374",
    ),
    ("https://remotive.com/remote-jobs/software-dev/pm-77", "remotive", None, "77"),
    # weworkremotely
    (
        "https://weworkremotely.com/remote-jobs/adatum-remote-project-manager",
        "weworkremotely",
        "adatum",
        "adatum-remote-project-manager",
    ),
    (
        "https://weworkremotely.com/remote-jobs/trey-research-senior-project-manager",
        "weworkremotely",
        "trey-research",
        "trey-research-senior-project-manager",
    ),
    ("https://weworkremotely.com/remote-jobs/search?term=pm", "weworkremotely", None, None),
    # wellfound
    ("https://wellfound.com/jobs/2871234-technical-program-manager", "wellfound", None, "2871234"),
    (
        "https://angel.co/company/relecloud/jobs/2871234-technical-program-manager",
        "wellfound",
        "relecloud",
        "2871234",
    ),
    # web
    ("https://careers.example-corp.com/positions/pm-remote", "web", None, None),
    ("https://news.example.org/articles/123", "web", None, None),
]


@pytest.mark.parametrize(("raw", "board", "company", "external_id"), BOARD_CASES)
def test_board_company_and_job_id_are_read_from_the_url(
    raw: str, board: str, company: str | None, external_id: str | None
) -> None:
    info = parse_link(raw)
    assert (info.board, info.company, info.external_id) == (board, company, external_id)
    assert info.board in BOARDS


def test_every_board_has_a_test_case() -> None:
    assert {case[1] for case in BOARD_CASES} == set(BOARDS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "HTTPS://WWW.LINKEDIN.COM/jobs/view/3987654321",
            "https://linkedin.com/jobs/view/3987654321",
        ),
        ("https://Example.COM/Path/Case", "https://example.com/Path/Case"),
        ("https://example.com/jobs/#apply", "https://example.com/jobs"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com/a//", "https://example.com/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://example.com/a?utm_source=x&utm_medium=y&id=3", "https://example.com/a?id=3"),
        ("https://example.com/a?b=2&a=1&fbclid=z&gclid=q", "https://example.com/a?b=2&a=1"),
        (
            "https://example.com/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5&msclkid=6",
            "https://example.com/a",
        ),
        ("https://example.com/a?UTM_Source=x&keep=1", "https://example.com/a?keep=1"),
        (
            "https://example.com/a?ref=friend&source=mail&from=x",
            "https://example.com/a?ref=friend&source=mail&from=x",
        ),
        ("https://remoteok.com/remote-jobs/pm-1?ref=rss", "https://remoteok.com/remote-jobs/pm-1"),
        (
            "https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21?lever-source=LinkedIn&x=1",
            "https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21?x=1",
        ),
        (
            "https://www.linkedin.com/jobs/view/1234567/?refId=a&trackingId=b&trk=c&trkInfo=d&eBP=e"
            "&midToken=f&midSig=g&originalSubdomain=uk",
            "https://linkedin.com/jobs/view/1234567",
        ),
        ("https://example.com/a?refId=7", "https://example.com/a?refId=7"),
        ("https://example.com/a?&&x=1&", "https://example.com/a?x=1"),
        ("https://example.com/a?", "https://example.com/a"),
        ("https://www.acme.com/jobs?gh_jid=55&gh_src=abc", "https://acme.com/jobs?gh_jid=55"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://example.com/jobs/café", "https://example.com/jobs/caf%C3%A9"),
        ("https://example.com/a%2fb", "https://example.com/a%2Fb"),
        ("www.example.com/jobs/1", "https://example.com/jobs/1"),
        ("boards.greenhouse.io/acme/jobs/12", "https://boards.greenhouse.io/acme/jobs/12"),
        ("//example.com/a", "https://example.com/a"),
        ("http://boards.greenhouse.io/acme/jobs/12", "https://boards.greenhouse.io/acme/jobs/12"),
        ("https://example.com./a", "https://example.com/a"),
        ("https://www.com/", "https://www.com/"),
        ("https://angel.co/jobs/123-pm", "https://wellfound.com/jobs/123-pm"),
        ("https://example.com/\u200bjobs", "https://example.com/jobs"),
    ],
)
def test_normalize_url(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


def test_client_side_route_fragment_is_kept_on_unknown_sites() -> None:
    assert (
        normalize_url("https://careers.acme.example/#/jobs/12")
        == "https://careers.acme.example/#/jobs/12"
    )
    assert (
        normalize_url("https://careers.acme.example/#!/jobs/13")
        == "https://careers.acme.example/#!/jobs/13"
    )
    assert (
        normalize_url("https://careers.acme.example/jobs#top")
        == "https://careers.acme.example/jobs"
    )


def test_lever_apply_suffix_is_the_same_job() -> None:
    plain = parse_link("https://jobs.lever.co/contoso-cloud/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21")
    apply = parse_link(
        "https://jobs.lever.co/contoso-cloud/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21/apply/"
    )
    assert apply.url == plain.url
    assert apply.key == plain.key


def test_workday_apply_suffix_is_stripped() -> None:
    info = parse_link(
        "https://acme.wd5.myworkdayjobs.com/External/job/Remote/PM_R-1/apply/autofillWithResume"
    )
    assert info.url == "https://acme.wd5.myworkdayjobs.com/External/job/Remote/PM_R-1"


def test_tracking_parameters_and_fragment_do_not_change_the_key() -> None:
    a = parse_link(
        "https://boards.greenhouse.io/northwindlabs/jobs/4821937?gh_src=linkedin&utm_source=n"
    )
    b = parse_link("https://boards.greenhouse.io/northwindlabs/jobs/4821937#app")
    assert a.url == b.url == "https://boards.greenhouse.io/northwindlabs/jobs/4821937"
    assert a.key == b.key == ("board", "greenhouse", "northwindlabs", "4821937")


def test_greenhouse_embed_and_board_page_are_the_same_job() -> None:
    embed = parse_link("https://boards.greenhouse.io/embed/job_app?for=AlpineSki&token=5566778")
    board = parse_link("https://job-boards.greenhouse.io/alpineski/jobs/5566778")
    assert embed.key == board.key


def test_indeed_country_subdomains_share_the_job_key() -> None:
    us = parse_link("https://www.indeed.com/viewjob?jk=5a1b2c3d4e5f6a7b")
    uk = parse_link("https://uk.indeed.com/rc/clk?jk=5A1B2C3D4E5F6A7B&from=vj")
    assert us.key == uk.key == ("board", "indeed", "", "5a1b2c3d4e5f6a7b")


def test_linkedin_search_with_current_job_is_the_same_job_as_the_view_page() -> None:
    search = parse_link("https://www.linkedin.com/jobs/search/?currentJobId=3987654321&geoId=1")
    view = parse_link("https://linkedin.com/jobs/view/it-project-manager-3987654321")
    assert search.key == view.key
    assert "currentJobId=3987654321" in search.url


def test_linkedin_params_are_kept_off_linkedin_hosts_only_when_listed() -> None:
    assert parse_link("https://www.linkedin.com/jobs/view/1234567?trk=x").url.endswith("/1234567")
    assert parse_link("https://example.com/x?trk=1").url == "https://example.com/x?trk=1"


def test_remoteok_old_domain_is_the_same_job() -> None:
    old = parse_link("https://remoteok.io/remote-jobs/remote-pm-litware-112233")
    new = parse_link("https://remoteok.com/remote-jobs/remote-pm-litware-112233")
    assert old == new


def test_wellfound_formerly_angel_co() -> None:
    info = parse_link("https://angel.co/jobs/2871234-technical-program-manager")
    assert info.url == "https://wellfound.com/jobs/2871234-technical-program-manager"
    assert info.key == ("board", "wellfound", "", "2871234")


def test_key_of_unknown_site_is_the_normalized_url() -> None:
    info = parse_link("https://www.example.com/jobs/1?utm_source=x")
    assert info.key == ("url", "https://example.com/jobs/1")


def test_key_without_job_id_on_a_known_board_is_the_url() -> None:
    info = parse_link("https://jobs.lever.co/contoso-cloud")
    assert info.key == ("url", "https://jobs.lever.co/contoso-cloud")


def test_key_lower_cases_the_company() -> None:
    a = parse_link("https://jobs.smartrecruiters.com/FabrikamInc/743999987654321-pm")
    b = parse_link("https://jobs.smartrecruiters.com/fabrikaminc/743999987654321")
    assert a.key == b.key
    assert a.company == "FabrikamInc"


def test_web_link_with_an_external_id_still_keys_by_url() -> None:
    info = LinkInfo("https://example.com/j/1", "web", None, "J-1")
    assert info.key == ("url", "https://example.com/j/1")


def test_link_info_is_frozen() -> None:
    info = parse_link("https://example.com/")
    with pytest.raises(AttributeError):
        info.url = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty link"),
        ("   ", "empty link"),
        ("javascript:(function(){alert('clip')})()", "not an http(s) link (javascript:)"),
        ("JavaScript:void(0)", "not an http(s) link (javascript:)"),
        ("place:sort=8&maxResults=10", "not an http(s) link (place:)"),
        ("file:///home/me/cv.pdf", "not an http(s) link (file:)"),
        ("data:text/html,<b>hi</b>", "not an http(s) link (data:)"),
        ("ftp://files.example.com/job.pdf", "not an http(s) link (ftp:)"),
        ("mailto:jobs@example.com", "not an http(s) link (mailto:)"),
        ("edge://settings/", "not an http(s) link (edge:)"),
        ("C:\\Users\\me\\job.html", "a file path on a disk, not a web link"),
        ("not a link at all", "not a link"),
        ("hello", "not a link"),
        ("https://", "link has no host name"),
        ("https:///path", "link has no host name"),
        ("http:example.com", "link has no host name"),
        ("https://exa mple.com/", "link contains a space"),
        ("https://example.com/a\x00b", "link contains a control character"),
        ("https://example.com:99999/", "invalid port number"),
        ("https://example.com:http/", "invalid port number"),
        ("https://exa<mple.com/", "invalid host name"),
        ("https://localhostx/", "invalid host name"),
        ("https://1.2.3/", "invalid host name"),
        ("https://a..b/", "invalid host name"),
        ("https://example.com/" + "a" * 2100, "link is longer than 2048 characters"),
    ],
)
def test_bad_links_are_rejected_with_a_reason(raw: str, reason: str) -> None:
    with pytest.raises(LinkError) as caught:
        parse_link(raw)
    assert str(caught.value) == reason


def test_link_error_is_a_value_error() -> None:
    assert issubclass(LinkError, ValueError)


def test_ip_addresses_and_localhost_are_links() -> None:
    assert parse_link("http://127.0.0.1:8000/jobs").url == "http://127.0.0.1:8000/jobs"
    assert parse_link("http://localhost/jobs").url == "http://localhost/jobs"
    assert parse_link("http://[::1]:8080/x").url == "http://[::1]:8080/x"


def test_non_string_is_a_link_error() -> None:
    with pytest.raises(LinkError):
        parse_link(None)  # type: ignore[arg-type]


def test_link_of_exactly_the_maximum_length_is_accepted() -> None:
    raw = "https://example.com/" + "a" * (2048 - len("https://example.com/"))
    assert len(raw) == 2048
    assert parse_link(raw).url == raw
