"""The words revint's formats share: audiences, stages, seniority levels, role families, work modes and
formats, and the guesses the wizard makes from a job title. No pydantic here: the wizard imports this
before its first prompt, and start-up time matters."""

from __future__ import annotations

import re

AUDIENCES = ("manager", "peer", "hr", "recruiter", "skip-level", "founder", "executive")
STAGES = ("screening", "interview", "final", "offer")
SENIORITIES = ("junior", "mid", "senior", "lead", "manager", "executive")
ROLE_FAMILIES = (
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
)
WORK_MODES = ("onsite", "hybrid", "remote")
FORMATS = ("in-person", "video", "phone")

_FAMILY_HINTS: tuple[tuple[str, str], ...] = (
    (r"customer (success|service|support)|support (engineer|agent|specialist)|help ?desk", "customer-service"),
    (r"product (manager|owner|lead|director)|\bpm\b", "product"),
    (r"design|\bux\b|\bui\b|researcher", "design"),
    (r"data|analyst|analytics|machine learning|\bml\b|\bai\b|scientist", "data"),
    (r"engineer|developer|programmer|devops|\bsre\b|software|architect|\bqa\b|tester", "engineering"),
    (r"sales|account (executive|manager)|\bsdr\b|\bbdr\b|business development", "sales"),
    (r"marketing|marketer|\bseo\b|content|brand|communications", "marketing"),
    (r"recruit|talent|\bhr\b|human resources|people (partner|ops|operations)", "people"),
    (r"financ|account(ant|ing)|controller|\bcfo\b|bookkeep|audit", "finance"),
    (r"operations|\bops\b|logistics|supply chain|office manager", "operations"),
)
_SENIORITY_HINTS: tuple[tuple[str, str], ...] = (
    (r"\b(vp|vice president|chief|cto|ceo|cfo|coo|cpo|cmo|head of|svp|evp)\b", "executive"),
    (r"\b(director|engineering manager|people manager|team manager|manager of)\b", "manager"),
    (r"\b(lead|staff|principal|architect)\b", "lead"),
    (r"\b(senior|sr\.?)\b", "senior"),
    (r"\b(junior|jr\.?|graduate|intern|trainee|apprentice|entry[- ]level|associate)\b", "junior"),
)


def guess_role_family(role: str) -> str:
    """The role family a job title most likely belongs to ("Senior Backend Engineer" -> engineering)."""
    return next((family for pattern, family in _FAMILY_HINTS if re.search(pattern, role, re.I)), "other")


def guess_seniority(role: str) -> str:
    """The seniority a job title suggests ("Staff Engineer" -> lead); mid when it says nothing."""
    return next((level for pattern, level in _SENIORITY_HINTS if re.search(pattern, role, re.I)), "mid")
