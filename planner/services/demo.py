"""Realistic sample data for a remote-PM job seeker (`career-planner demo`).

Deterministic for a given day and scale. `scale` multiplies every volume, for the
benchmarks; scale 1 is what a user sees when trying the app.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..models import (
    Application,
    ApplicationActivity,
    ApplicationContact,
    Contact,
    Interaction,
    Interview,
    PduRecord,
    PracticeExam,
    Project,
    Setting,
    Skill,
    SkillRating,
    StatusChange,
    StudyPlan,
    StudySession,
    StudyTopic,
    Tag,
    TrainingRecord,
)
from ..models.base import utcnow
from ..models.portfolio import project_skills
from ..models.tags import application_tags, contact_tags
from .catalog import ensure_certification

COMPANIES = [
    "Northwind Cloud",
    "Bluefin Analytics",
    "Cobalt Health",
    "Driftwood Labs",
    "Evergreen Pay",
    "Fjord Systems",
    "Granite Logistics",
    "Harbor AI",
    "Ionic Learning",
    "Juniper Security",
    "Kestrel Media",
    "Lumen Retail",
    "Meridian Travel",
    "Nimbus HR",
    "Orchid Biotech",
    "Pinecone Data",
    "Quartz Finance",
    "Riverstone Games",
    "Saffron Foods",
    "Tidal Energy",
    "Umbra Robotics",
    "Vantage Insurance",
    "Willow Telecom",
    "Xenon Mobility",
    "Yarrow Legal",
    "Zephyr Devices",
    "Atlas Commerce",
    "Beacon Civic",
    "Cinder Studio",
    "Delta Mesh",
    "Ember Payments",
    "Falcon Freight",
    "Glacier DB",
    "Helix Genomics",
    "Indigo Ads",
    "Jade Property",
    "Kite Aviation",
    "Lattice Edu",
    "Mosaic Nonprofit",
    "Nova Quantum",
]
TITLES = [
    "Remote Project Manager",
    "Technical Project Manager (Remote)",
    "IT Project Manager",
    "Agile Delivery Manager",
    "Senior Project Manager, Platform",
    "Scrum Master",
    "Program Manager, Cloud Migration",
    "Project Manager, Data & ML",
    "Digital Project Manager",
    "Implementation Project Manager",
    "Release Manager",
    "Project Coordinator (Remote, EMEA)",
]
BOARDS = [
    ("greenhouse", "https://boards.greenhouse.io/{slug}/jobs/{num}"),
    ("lever", "https://jobs.lever.co/{slug}/{uuid}"),
    ("workable", "https://apply.workable.com/{slug}/j/{short}"),
    ("ashby", "https://jobs.ashbyhq.com/{slug}/{uuid}"),
    ("linkedin", "https://linkedin.com/jobs/view/{num}"),
    ("remotive", "https://remotive.com/remote-jobs/project-management/{slug}-pm-{num}"),
    ("weworkremotely", "https://weworkremotely.com/remote-jobs/{slug}-project-manager"),
    ("web", "https://careers.{slug}.example/jobs/{num}"),
]
REGIONS = ["Worldwide", "EMEA", "Europe", "USA, Canada", "UTC-3 to UTC+3", "Americas", "EU only"]
TIMEZONES = ["CET, EET", "ET, PT", "UTC±2", "GMT, CET", "PT, ET, CET", "IST, CET"]
LOCATIONS = ["Remote", "Remote (Europe)", "Remote (US)", "Berlin / Remote", "London (hybrid)"]
FIRST = [
    "Ana",
    "Ben",
    "Chloé",
    "Dev",
    "Elif",
    "Femi",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kaito",
    "Lena",
    "Marta",
    "Noah",
    "Olu",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Vera",
    "Wei",
    "Ximena",
    "Yusuf",
    "Zoë",
]
LAST = [
    "Alvarez",
    "Becker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zimmermann",
]
CONTACT_ROLES = [
    ("Technical Recruiter", "recruiter"),
    ("Talent Partner", "recruiter"),
    ("Engineering Manager", "peer"),
    ("Head of PMO", "mentor"),
    ("Senior Project Manager", "peer"),
    ("VP Programs, PMI chapter", "PMI chapter"),
    ("Scrum Master", "peer"),
    ("Director of Delivery", "hiring manager"),
    ("Product Owner", "peer"),
]
WHERE_MET = [
    ("event", "PMI Global Summit (online)"),
    ("association", "PMI chapter monthly meetup"),
    ("referral", "Introduced by a former colleague"),
    ("online", "LinkedIn remote-PM group"),
    ("work", "Former colleague"),
    ("event", "Agile Europe conference"),
]
PROJECTS = [
    dict(
        name="Billing platform cloud migration",
        organization="Fjord Systems",
        role="Technical Project Manager",
        kind="employment",
        months=(-44, -30),
        team_size=14,
        distributed=True,
        methodology="scrum",
        budget=850000,
        budget_currency="EUR",
        tools="Jira, Confluence, AWS, Miro",
        summary="Moved the billing platform from a data centre to AWS with zero downtime.",
        outcomes="Cut hosting costs 31%\nZero-downtime cut-over across 3 time zones\n"
        "Release cadence from monthly to weekly",
        skills=["Stakeholder communication", "Risk management", "Scrum", "Remote team leadership"],
    ),
    dict(
        name="E-commerce replatforming",
        organization="Lumen Retail",
        role="Project Manager",
        kind="freelance",
        months=(-28, -20),
        team_size=8,
        distributed=True,
        methodology="hybrid",
        budget=220000,
        budget_currency="USD",
        tools="Asana, Slack, Shopify Plus",
        summary="Led a distributed agency team through a storefront replatforming.",
        outcomes="Launched 2 weeks early\nCheckout conversion +12%\nBudget variance under 3%",
        skills=["Budgeting", "Vendor management", "Stakeholder communication"],
    ),
    dict(
        name="Volunteer scheduling app",
        organization="Mosaic Nonprofit",
        role="Volunteer Project Lead",
        kind="volunteer",
        months=(-19, -14),
        team_size=5,
        distributed=True,
        methodology="kanban",
        budget=None,
        budget_currency=None,
        tools="Trello, GitHub, Google Meet",
        summary="Coordinated volunteers building a shift-scheduling web app.",
        outcomes="Onboarded 300 volunteers\nNo-shows down 40%",
        skills=["Kanban", "Remote team leadership", "Facilitation"],
    ),
    dict(
        name="ERP finance module rollout",
        organization="Granite Logistics",
        role="Project Manager",
        kind="employment",
        months=(-70, -46),
        team_size=22,
        distributed=False,
        methodology="waterfall",
        budget=1400000,
        budget_currency="EUR",
        tools="MS Project, SAP, SharePoint",
        summary="Rolled out the ERP finance module to 6 country offices.",
        outcomes="6 countries live on schedule\n98% user adoption in 3 months",
        skills=["Risk management", "Budgeting", "Change management"],
    ),
    dict(
        name="Mobile banking MVP",
        organization="Quartz Finance",
        role="Delivery Manager",
        kind="employment",
        months=(-12, None),
        team_size=9,
        distributed=True,
        methodology="scrum",
        budget=400000,
        budget_currency="GBP",
        tools="Jira, Figma, Slack, Zoom",
        summary="Running delivery for a fully remote squad across London, Lisbon and Kyiv.",
        outcomes="MVP shipped in 5 sprints\nApp store rating 4.7\nSprint predictability 85%",
        skills=["Scrum", "Stakeholder communication", "Remote team leadership", "Jira"],
    ),
    dict(
        name="PMP course capstone: CRM selection",
        organization="Online PM Academy",
        role="Student project manager",
        kind="course",
        months=(-8, -7),
        team_size=4,
        distributed=True,
        methodology="waterfall",
        budget=None,
        budget_currency=None,
        tools="MS Project, Excel",
        summary="Planned a CRM vendor selection end to end as the course capstone.",
        outcomes="Full plan, risk register and business case graded 96%",
        skills=["Risk management", "Vendor management"],
    ),
]
SKILLS = {
    "Stakeholder communication": "communication",
    "Risk management": "organization",
    "Scrum": "methodology",
    "Kanban": "methodology",
    "Remote team leadership": "leadership",
    "Budgeting": "organization",
    "Vendor management": "organization",
    "Facilitation": "communication",
    "Change management": "leadership",
    "Jira": "tools",
}
PLAN_PATH = ["saved", "applied", "screening", "interviewing", "offer", "accepted"]
# Final status of the 40 base applications: every stage of the pipeline appears.
FINAL_STATUSES = (
    ["saved"] * 8
    + ["applied"] * 11
    + ["screening"] * 4
    + ["interviewing"] * 4
    + ["offer"] * 1
    + ["accepted"] * 1
    + ["rejected"] * 6
    + ["withdrawn"] * 2
    + ["ghosted"] * 3
)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _month(today: date, offset: int) -> date:
    index = today.year * 12 + today.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)


def _path_to(final: str, rng: random.Random) -> list[str]:
    if final in PLAN_PATH:
        return PLAN_PATH[: PLAN_PATH.index(final) + 1]
    if final == "ghosted":
        return ["saved", "applied", "ghosted"]
    if final == "withdrawn":
        return ["saved", "applied", "screening", "withdrawn"]
    stop = rng.choice(["applied", "applied", "screening", "interviewing"])
    return PLAN_PATH[: PLAN_PATH.index(stop) + 1] + ["rejected"]


def load_demo(
    session: Session, *, scale: int = 1, today: date | None = None, seed: int = 7
) -> dict[str, int]:
    """Fill the database with sample data; returns counts of what was added."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    today = today or date.today()
    rng = random.Random(seed)
    now = utcnow()
    counts: dict[str, int] = {}

    tags = {
        name: Tag(name=name)
        for name in [
            "Job hunt",
            "PM roles",
            "recruiter",
            "PMI chapter",
            "peer",
            "mentor",
            "hiring manager",
        ]
    }
    tags["recruiter"].keep_in_touch_days = 30
    session.add_all(tags.values())
    session.flush()

    # --- applications -----------------------------------------------------------------
    apps: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    interviews: list[dict[str, Any]] = []
    activities: list[dict[str, Any]] = []
    app_tags: list[dict[str, Any]] = []
    next_id = 1
    for copy in range(scale):
        for i, final in enumerate(FINAL_STATUSES):
            company = COMPANIES[i % len(COMPANIES)]
            if copy:
                company = f"{company} {copy + 1}"
            slug = company.lower().replace(" ", "")
            board, pattern = BOARDS[rng.randrange(len(BOARDS))]
            num = rng.randrange(1_000_000, 9_999_999)
            uuid = f"{rng.getrandbits(128):032x}"
            url = pattern.format(
                slug=slug,
                num=num,
                short=f"{rng.getrandbits(40):010X}",
                uuid=f"{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:]}",
            )
            path = _path_to(final, rng)
            saved_on = today - timedelta(days=rng.randint(3, 92))
            day = saved_on
            steps = []
            for status in path:
                steps.append((status, day))
                day = min(today, day + timedelta(days=rng.randint(1, 9)))
            applied_on = next((d for s, d in steps if s == "applied"), None)
            salary_min = rng.choice([None, 70000, 80000, 90000, 100000, 110000])
            remote = rng.random() < 0.8
            app_id = next_id
            next_id += 1
            last_step_at = _at(steps[-1][1], 10)
            apps.append(
                dict(
                    id=app_id,
                    company=company,
                    title=TITLES[rng.randrange(len(TITLES))],
                    status=final,
                    posting_url=url,
                    board=board,
                    external_id=None if board == "weworkremotely" else str(num),
                    location=rng.choice(LOCATIONS),
                    work_mode="remote" if remote else "hybrid",
                    remote_region=rng.choice(REGIONS) if remote else None,
                    team_timezones=rng.choice(TIMEZONES),
                    overlap_hours=rng.choice([2.0, 3.0, 4.0, 6.0]),
                    async_culture=rng.choice(["async", "mixed", "sync"]),
                    salary_min=salary_min,
                    salary_max=salary_min + rng.choice([10000, 20000, 30000])
                    if salary_min
                    else None,
                    salary_currency=rng.choice(["USD", "EUR", "GBP"]) if salary_min else None,
                    salary_period="year" if salary_min else None,
                    employment_type=rng.choice(["full_time"] * 4 + ["contract"]),
                    source=rng.choice(
                        ["bookmarks", "LinkedIn", "referral", "job board", "newsletter"]
                    ),
                    date_posted=saved_on - timedelta(days=rng.randint(0, 10)),
                    applied_on=applied_on,
                    priority=rng.randint(0, 3),
                    excitement=rng.randint(1, 5),
                    next_action=(
                        "Send follow-up email"
                        if final in ("applied", "screening")
                        else "Prepare STAR stories"
                        if final == "interviewing"
                        else None
                    ),
                    next_action_due=(
                        today + timedelta(days=rng.randint(-3, 7))
                        if final in ("applied", "screening", "interviewing")
                        else None
                    ),
                    notes=rng.choice(
                        [
                            "",
                            "Async-first team, 4-day week.",
                            "Referral possible via PMI chapter.",
                            "Asked for PMP or equivalent.",
                            "Salary band published.",
                        ]
                    ),
                    posting_snapshot=(
                        f"{company} is hiring a remote project manager to run delivery "
                        "for a distributed team. You will own plans, risks and stakeholder "
                        "communication across time zones."
                    ),
                    last_activity_at=last_step_at,
                    created_at=_at(saved_on, 9),
                    updated_at=now,
                )
            )
            previous = None
            for status, day in steps:
                history.append(
                    dict(
                        application_id=app_id,
                        from_status=previous,
                        to_status=status,
                        at=_at(day, 10),
                        created_at=_at(day, 10),
                        updated_at=_at(day, 10),
                    )
                )
                previous = status
            if final in ("interviewing", "offer", "accepted") or (
                final == "rejected" and "interviewing" in path
            ):
                start = next(d for s, d in steps if s == "interviewing")
                for rnd in range(1, rng.randint(2, 3) + 1):
                    when = start + timedelta(days=4 * (rnd - 1))
                    if final == "interviewing" and rnd > 1:
                        when = today + timedelta(days=rnd + i % 5)  # the next round is coming up
                    interviews.append(
                        dict(
                            application_id=app_id,
                            round=rnd,
                            scheduled_at=_at(when, 14),
                            timezone=rng.choice(
                                ["Europe/Berlin", "America/New_York", "Europe/London"]
                            ),
                            duration_minutes=rng.choice([30, 45, 60]),
                            kind=["phone", "video", "take_home", "video"][min(rnd, 3)],
                            people=rng.choice(
                                ["Hiring manager", "Head of PMO and a tech lead", "Panel of 3"]
                            ),
                            notes="",
                            outcome="pending" if when >= today else "passed",
                            created_at=now,
                            updated_at=now,
                        )
                    )
            if final in ("applied", "screening") and rng.random() < 0.4:
                activities.append(
                    dict(
                        application_id=app_id,
                        at=last_step_at + timedelta(days=2),
                        summary="Sent a follow-up email to the recruiter",
                        created_at=now,
                        updated_at=now,
                    )
                )
            if board != "linkedin":
                app_tags.append(
                    dict(application_id=app_id, tag_id=tags["Job hunt"].id, created_at=now)
                )
    session.execute(insert(Application), apps)
    session.execute(insert(StatusChange), history)
    if interviews:
        session.execute(insert(Interview), interviews)
    if activities:
        session.execute(insert(ApplicationActivity), activities)
    session.execute(application_tags.insert(), app_tags)
    counts["applications"] = len(apps)

    # --- contacts ---------------------------------------------------------------------
    contacts: list[dict[str, Any]] = []
    interactions: list[dict[str, Any]] = []
    ctags: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    contact_id = 1
    for copy in range(scale):
        for i in range(25):
            first, last = FIRST[(i + copy) % len(FIRST)], LAST[(i * 7 + copy) % len(LAST)]
            position, tag = CONTACT_ROLES[i % len(CONTACT_ROLES)]
            met_via, where = WHERE_MET[i % len(WHERE_MET)]
            company = COMPANIES[(i * 3) % len(COMPANIES)] + (f" {copy + 1}" if copy else "")
            handle = f"{first}-{last}-{copy}{i}".lower()
            contacts.append(
                dict(
                    id=contact_id,
                    name=f"{first} {last}",
                    company=company,
                    position=position,
                    email=f"{handle}@example.com" if i % 3 else None,
                    phone=None,
                    linkedin_url=f"https://linkedin.com/in/{handle}",
                    met_via=met_via,
                    where_met=where,
                    strength=rng.randint(1, 5),
                    keep_in_touch_days=rng.choice([None, 30, 60, 90]),
                    connected_on=today - timedelta(days=rng.randint(30, 900)),
                    notes=rng.choice(
                        [
                            "",
                            "Happy to refer for remote PM roles.",
                            "Runs the chapter's mentoring circle.",
                        ]
                    ),
                    created_at=now,
                    updated_at=now,
                )
            )
            ctags.append(dict(contact_id=contact_id, tag_id=tags[tag].id, created_at=now))
            for _ in range(rng.randint(0, 4)):
                day = today - timedelta(days=rng.randint(1, 120))
                follow = day + timedelta(days=14) if rng.random() < 0.3 else None
                interactions.append(
                    dict(
                        contact_id=contact_id,
                        occurred_on=day,
                        channel=rng.choice(["email", "linkedin", "video", "event", "call"]),
                        summary=rng.choice(
                            [
                                "Coffee chat about remote PM roles",
                                "Asked for a referral",
                                "Met at the chapter meetup",
                                "Shared my portfolio",
                                "Congratulated on new role",
                            ]
                        ),
                        follow_up_on=follow,
                        follow_up_done=bool(follow and follow < today - timedelta(days=7)),
                        created_at=now,
                        updated_at=now,
                    )
                )
            if tag in ("recruiter", "hiring manager") and apps:
                app = apps[(contact_id * 5) % len(apps)]
                links.append(
                    dict(
                        application_id=app["id"],
                        contact_id=contact_id,
                        role="recruiter" if tag == "recruiter" else "hiring_manager",
                        created_at=now,
                        updated_at=now,
                    )
                )
            contact_id += 1
    session.execute(insert(Contact), contacts)
    session.execute(insert(Interaction), interactions)
    session.execute(contact_tags.insert(), ctags)
    session.execute(insert(ApplicationContact), links)
    counts["contacts"] = len(contacts)

    # --- portfolio --------------------------------------------------------------------
    skills = {name: Skill(name=name, category=cat) for name, cat in SKILLS.items()}
    session.add_all(skills.values())
    session.flush()
    ratings = []
    for skill in skills.values():
        start = rng.randint(1, 3)
        for step in range(4):
            ratings.append(
                dict(
                    skill_id=skill.id,
                    rated_on=today - timedelta(days=90 * (3 - step)),
                    rating=min(5, start + step // 2 + rng.randint(0, 1)),
                    note="",
                    created_at=now,
                    updated_at=now,
                )
            )
    session.execute(insert(SkillRating), ratings)
    projects, proj_skills = [], []
    project_id = 1
    for copy in range(scale):
        for spec in PROJECTS:
            start, end = spec["months"]
            projects.append(
                dict(
                    id=project_id,
                    name=spec["name"] + (f" ({copy + 1})" if copy else ""),
                    organization=spec["organization"],
                    role=spec["role"],
                    kind=spec["kind"],
                    start_month=_month(today, start),
                    end_month=_month(today, end) if end is not None else None,
                    led_project=spec["kind"] != "course",
                    team_size=spec["team_size"],
                    distributed=spec["distributed"],
                    methodology=spec["methodology"],
                    budget=spec["budget"],
                    budget_currency=spec["budget_currency"],
                    tools=spec["tools"],
                    summary=spec["summary"],
                    outcomes=spec["outcomes"],
                    links="",
                    include_in_portfolio=True,
                    created_at=now,
                    updated_at=now,
                )
            )
            proj_skills += [
                dict(project_id=project_id, skill_id=skills[name].id, created_at=now)
                for name in spec["skills"]
            ]
            project_id += 1
    session.execute(insert(Project), projects)
    session.execute(project_skills.insert(), proj_skills)
    counts["projects"] = len(projects)

    # --- study plan -------------------------------------------------------------------
    pmp = ensure_certification(session, "PMP")
    plan = StudyPlan(
        certification=pmp,
        status="studying",
        target_exam_date=today + timedelta(days=58),
        weekly_hours=8,
        hours_needed=pmp.study_hours_suggested or 120,
        started_on=today - timedelta(days=70),
        notes="Exam booked once mock scores stay above 75%.",
    )
    plan.topics = [
        StudyTopic(name=d.name, weight_percent=d.weight_percent, position=i)
        for i, d in enumerate(pmp.domains)
    ]
    plan.topics.append(StudyTopic(name="Agile and hybrid approaches", position=len(plan.topics)))
    session.add(plan)
    session.flush()
    sessions_rows = []
    for copy in range(scale):
        for n in range(60):
            day = today - timedelta(days=60 - n + (copy % 5))
            topic = plan.topics[n % len(plan.topics)]
            sessions_rows.append(
                dict(
                    plan_id=plan.id,
                    topic_id=topic.id,
                    studied_on=day,
                    minutes=rng.choice([45, 60, 75, 90, 120]),
                    kind=rng.choice(["reading", "course", "practice", "video"]),
                    planned=False,
                    notes="",
                    created_at=now,
                    updated_at=now,
                )
            )
    for n in range(1, 4):  # planned for the coming week
        sessions_rows.append(
            dict(
                plan_id=plan.id,
                topic_id=plan.topics[n % 3].id,
                studied_on=today + timedelta(days=n * 2),
                minutes=90,
                kind="practice",
                planned=True,
                notes="",
                created_at=now,
                updated_at=now,
            )
        )
    session.execute(insert(StudySession), sessions_rows)
    exams = []
    for n in range(8):
        topic = None if n % 3 == 2 else plan.topics[n % len(plan.topics)]
        exams.append(
            dict(
                plan_id=plan.id,
                topic_id=topic.id if topic else None,
                taken_on=today - timedelta(days=56 - n * 7),
                score_percent=float(min(95, 58 + n * 3 + rng.randint(-3, 4))),
                questions=180 if topic is None else 40,
                provider="PM PrepCast simulator",
                notes="",
                created_at=now,
                updated_at=now,
            )
        )
    session.execute(insert(PracticeExam), exams)
    session.add(
        TrainingRecord(
            course="PMP exam prep bootcamp (35 contact hours)",
            provider="Online PM Academy",
            completed_on=today - timedelta(days=40),
            hours=35,
            agile_hours=8,
        )
    )

    csm = ensure_certification(session, "CSM")
    session.add(
        StudyPlan(
            certification=csm,
            status="passed",
            weekly_hours=0,
            hours_needed=20,
            started_on=today - timedelta(days=450),
            passed_on=today - timedelta(days=420),
            target_exam_date=today - timedelta(days=420),
        )
    )
    for n, (cat, amount, what) in enumerate(
        [
            ("ways_of_working", 4, "Kanban webinar series"),
            ("power_skills", 3, "Facilitation workshop"),
            ("ways_of_working", 5, "Agile Europe conference"),
            ("business_acumen", 2, "Product economics course"),
        ]
    ):
        session.add(
            PduRecord(
                certification=csm,
                earned_on=today - timedelta(days=300 - n * 60),
                category=cat,
                pdus=amount,
                activity=what,
            )
        )
    counts["study_sessions"] = len(sessions_rows)

    for key, value in {
        "education_level": "degree",
        "weekly_goals": {"applications": 5, "study_hours": 8, "touchpoints": 3},
    }.items():
        session.merge(Setting(key=key, value=json.dumps(value)))
    return counts
