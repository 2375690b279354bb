"""The words and limits revint's formats share, defined once.

Each vocabulary is a `Literal` type (what the models and the type checker use) and a tuple derived from
it (what the wizard and the messages list). The limits (lengths, minutes) are the numbers the models
enforce and the wizard checks as you type. No pydantic here: the wizard imports this module before its
first prompt, and start-up time matters. The guesses from a job title live in `titles`.
"""

from __future__ import annotations

from typing import Literal, get_args

Audience = Literal["manager", "peer", "hr", "recruiter", "skip-level", "founder", "executive"]
Stage = Literal["screening", "interview", "final", "offer"]
Seniority = Literal["junior", "mid", "senior", "lead", "manager", "executive"]
RoleFamily = Literal[
    "engineering",
    "product",
    "design",
    "data",
    "sales",
    "marketing",
    "customer-service",
    "operations",
    "people",
    "finance",
    "clinical",  # nurses, carers, midwives, allied health
    "teaching",  # teachers, lecturers, teaching assistants
    "research",  # postdocs and academic researchers
    "legal",  # lawyers, paralegals
    "policy",  # policy advisors, civil-service generalists
    "consulting",  # consultants and advisers
    "trades",  # skilled trades, kitchen, warehouse and shop-floor work, shift work
    "other",
]
# The sector of the employer, and the kind of employer, where they change what a candidate asks.
Sector = Literal[
    "technology",
    "healthcare",
    "education",
    "public-sector",
    "hospitality",
    "retail",
    "research",
    "legal",
    "consulting",
    "non-profit",
    "logistics",
    "finance",
]
Employer = Literal[
    "startup", "company", "public-body", "school", "hospital", "charity", "partnership", "small-business"
]
WorkMode = Literal["onsite", "hybrid", "remote"]
Format = Literal["in-person", "video", "phone"]
Rating = Literal["green", "yellow", "red"]

AUDIENCES: tuple[Audience, ...] = get_args(Audience)
STAGES: tuple[Stage, ...] = get_args(Stage)
SENIORITIES: tuple[Seniority, ...] = get_args(Seniority)
ROLE_FAMILIES: tuple[RoleFamily, ...] = get_args(RoleFamily)
WORK_MODES: tuple[WorkMode, ...] = get_args(WorkMode)
FORMATS: tuple[Format, ...] = get_args(Format)
SECTORS: tuple[Sector, ...] = get_args(Sector)
EMPLOYERS: tuple[Employer, ...] = get_args(Employer)

# Who can also answer what another audience can: a founder or an executive knows what a skip-level
# manager knows (strategy, the team's place in the company, the manager's own manager's view).
ALSO_ANSWERS: dict[str, tuple[str, ...]] = {"founder": ("skip-level",), "executive": ("skip-level",)}

# Themes with a fixed part in the planning and the fit.
CLOSING_THEME = "next-steps"  # how the process goes on: closes every sheet, never weighs the fit
REMOTE_THEME = "remote-work"  # promoted for remote and hybrid candidates
PAY_THEME = "compensation"  # promoted at a screening call, where its one question is the salary range

# Limits shared by the models and the wizard.
LINE_MAX = 200  # a company, a role, a name
QUESTION_MAX = 300  # a question's text
NOTE_MAX = 5000  # a research note, a debrief note
PROFILE_MINUTES = (5, 120)  # time for the candidate's questions
QUESTION_MINUTES = (1, 10)  # time for one question
GUT = (1, 5)
MAX_INTERVIEWERS = 2


def minutes_default(stage: str) -> int:
    """The usual time for the candidate's questions at `stage`: short on a screening call, longer later."""
    return {"screening": 10, "interview": 20, "final": 30, "offer": 20}.get(stage, 20)


def format_default(stage: str) -> str:
    """The usual format at `stage`: a screening call is mostly by phone, the rest by video."""
    return "phone" if stage == "screening" else "video"


def whole_number(text: str) -> int | None:
    """`text` as a whole number when it is written in ASCII digits ("12", " 3 "), else None.

    Python's `int()` also reads other scripts' digits and fails on superscripts that `str.isdigit()`
    accepts ("²"): every number a user types or writes goes through here instead.
    """
    text = text.strip()
    return int(text) if text.isascii() and text.isdecimal() else None
