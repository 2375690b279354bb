"""The words and limits revint's formats share, defined once.

Each vocabulary is a `Literal` type (what the models and the type checker use) and a tuple derived from
it (what the wizard and the messages list). The limits (lengths, minutes) are the numbers the models
enforce and the wizard checks as you type. No pydantic here: the wizard imports this module before its
first prompt, and start-up time matters. The guesses the wizard makes from a job title live here too.
"""

from __future__ import annotations

import re
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
    "other",
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
RATINGS: tuple[Rating, ...] = get_args(Rating)

# Who can also answer what another audience can: a founder or an executive knows what a skip-level
# manager knows (strategy, the team's place in the company, the manager's own manager's view).
ALSO_ANSWERS: dict[str, tuple[str, ...]] = {"founder": ("skip-level",), "executive": ("skip-level",)}

# Themes with a fixed part in the planning and the fit.
CLOSING_THEME = "next-steps"  # how the process goes on: closes every sheet, never weighs the fit
REMOTE_THEME = "remote-work"  # promoted for remote and hybrid candidates
PAY_THEME = "compensation"  # promoted at a screening call, where its one question is the salary range

# The profile keys the wizard asks, in its order; a replayed file missing one of them is asked for it.
ASKED_KEYS = (
    "company",
    "role",
    "role_family",
    "seniority",
    "work_mode",
    "stage",
    "format",
    "minutes",
    "date",
    "interviewers",
    "priorities",
    "research",
    "custom_questions",
)

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


_FAMILY_HINTS: tuple[tuple[str, str], ...] = (
    (r"customer (success|service|support)|support (engineer|agent|specialist)|help ?desk", "customer-service"),
    (r"product (manager|owner|lead|director)|\bpm\b", "product"),
    (r"design|\bux\b|\bui\b|researcher", "design"),
    (r"data|analyst|analytics|machine learning|\bml\b|\bai\b|scientist", "data"),
    (r"engineer|developer|\bdev\b|programmer|devops|\bsre\b|software|architect|\bqa\b|tester|\bcto\b", "engineering"),
    (r"sales|account (executive|manager)|\bsdr\b|\bbdr\b|business development", "sales"),
    (r"marketing|marketer|\bseo\b|content|brand|communications|\bcmo\b", "marketing"),
    (r"recruit|talent|\bhr\b|human resources|people|\bchro\b", "people"),
    (r"financ|account(ant|ing)|controller|\bcfo\b|bookkeep|audit|treasur|payroll", "finance"),
    (r"operations|\bops\b|logistics|supply chain|office manager|\bcoo\b|procurement", "operations"),
)
_SENIORITY_HINTS: tuple[tuple[str, str], ...] = (
    (r"\b(vp|vice president|chief|cto|ceo|cfo|coo|cpo|cmo|chro|head of|svp|evp)\b", "executive"),
    (r"\b(director|engineering manager|people manager|team manager|manager of)\b", "manager"),
    (r"\b(lead|staff|principal|architect)\b", "lead"),
    (r"\b(senior|sr\.?)\b", "senior"),
    (r"\b(junior|jr\.?|graduate|intern|trainee|apprentice|entry[- ]level|associate|coordinator)\b", "junior"),
)


def guess_role_family(role: str) -> str:
    """The role family a job title most likely belongs to ("Senior Backend Engineer" -> engineering)."""
    return next((family for pattern, family in _FAMILY_HINTS if re.search(pattern, role, re.I)), "other")


def guess_seniority(role: str) -> str:
    """The seniority a job title suggests ("Staff Engineer" -> lead); mid when it says nothing."""
    return next((level for pattern, level in _SENIORITY_HINTS if re.search(pattern, role, re.I)), "mid")


# What a profile left without them reads from the job title, key by key (the wizard offers the same).
GUESSES = {"role_family": guess_role_family, "seniority": guess_seniority}
