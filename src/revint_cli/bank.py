"""The question bank: format v1 as pydantic models (the one source of truth for the schema), and loading.

Custom banks layer over the shipped one: new themes and questions are added, an entry whose id already
exists replaces it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidatorFunctionWrapHandler, WrapValidator
from pydantic_core import PydanticCustomError

from revint_cli import loading, paths, yamlio
from revint_cli.errors import RevintError
from revint_cli.vocab import AUDIENCES as AUDIENCES  # re-exported: the bank's vocabulary
from revint_cli.vocab import ROLE_FAMILIES as ROLE_FAMILIES
from revint_cli.vocab import SENIORITIES as SENIORITIES
from revint_cli.vocab import STAGES as STAGES
from revint_cli.vocab import WORK_MODES as WORK_MODES

# The Literal types spell out the values of vocab's tuples again, for the type checker; a test keeps
# the two the same.
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

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _kebab(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if isinstance(value, str) and not re.match(KEBAB, value):
        raise PydanticCustomError(
            "kebab", "'{value}' must be kebab-case: lowercase words joined by '-'", {"value": value}
        )
    return handler(value)


def int_range(low: int, high: int) -> Any:
    """An int field whose error says the whole range at once."""

    def check(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except Exception:
            raise PydanticCustomError(
                "int_range", "must be an integer from {low} to {high}", {"low": low, "high": high}
            ) from None

    return Annotated[int, Field(ge=low, le=high), WrapValidator(check)]


def _question_text(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    text = handler(value)
    if not text.rstrip().endswith("?"):
        raise PydanticCustomError("question_mark", "must be a question ending with '?'")
    return text


def _all_or_subset(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    items = handler(value)
    if "all" in items and len(items) > 1:
        raise PydanticCustomError("all_alone", "use [all] on its own, or list the values without 'all'")
    return items


def _unique(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    items = handler(value)
    dupes = sorted({x for x, n in Counter(items).items() if n > 1})
    if dupes:
        raise PydanticCustomError("unique", "lists '{dupes}' more than once", {"dupes": "', '".join(dupes)})
    return items


def _version_one(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if str(value).strip() != "1":
        raise PydanticCustomError(
            "version", "unsupported version '{value}'; this revint reads version 1", {"value": value}
        )
    return handler(1)


Version = Annotated[Literal[1], WrapValidator(_version_one)]
# The wrap validator comes last: placed before Field, it would hide the pattern from the JSON schema.
Id = Annotated[str, Field(pattern=KEBAB, max_length=80), WrapValidator(_kebab)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
QuestionText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300), WrapValidator(_question_text)
]
Minutes = int_range(1, 10)


def _unique_list(item: Any, *, min_length: int = 0, all_or_subset: bool = False) -> Any:
    validators: list[Any] = [
        Field(min_length=min_length, json_schema_extra={"uniqueItems": True}),
        WrapValidator(_unique),
    ]
    if all_or_subset:
        validators.append(WrapValidator(_all_or_subset))
    return Annotated[list[item], *validators]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ResearchPrompt(Strict):
    id: Id
    prompt: Text = Field(description="What to look up before the interview.")
    where: Annotated[list[Text], Field(min_length=1, description="Where to look: job ad, company blog, ...")]


class Theme(Strict):
    id: Id
    title: Text
    summary: Text = Field(description="One line: why a candidate cares about this theme.")
    core: bool = False
    research_prompts: list[ResearchPrompt] = Field(default_factory=list)


class Signals(Strict):
    green: Annotated[list[Text], Field(min_length=1, description="What a good answer sounds like.")]
    red: Annotated[list[Text], Field(min_length=1, description="What a worrying answer sounds like.")]


class Question(Strict):
    id: Id = Field(description="Stable forever: debriefs refer to questions by id.")
    theme: Id
    text: QuestionText
    why: Text = Field(description="What the answer reveals.")
    minutes: Minutes = Field(description="Time to ask and hear the answer.")  # type: ignore[valid-type]
    audience: _unique_list(Audience, min_length=1) = Field(description="Who can really answer it.")  # type: ignore[valid-type]
    stages: _unique_list(Stage, min_length=1)  # type: ignore[valid-type]
    seniority: _unique_list(Literal["all", Seniority], min_length=1, all_or_subset=True)  # type: ignore[valid-type]
    role_families: _unique_list(Literal["all", RoleFamily], min_length=1, all_or_subset=True)  # type: ignore[valid-type]
    work_modes: _unique_list(Literal["all", WorkMode], min_length=1, all_or_subset=True)  # type: ignore[valid-type]
    follow_ups: Annotated[list[QuestionText], Field(min_length=2)]
    listen_for: Signals
    skip_if_researched: bool = False

    def admits(self, tag: str, value: str) -> bool:
        values: Sequence[str] = getattr(self, tag)
        return "all" in values or value in values

    def specific_to(self, tag: str, value: str) -> bool:
        return value in getattr(self, tag)


class BankFile(Strict):
    """One bank file: the shipped bank, or a user's file layered over it."""

    model_config = ConfigDict(
        title="revint question bank",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    version: Version = Field(description="The bank format version.")
    themes: list[Theme] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)


@dataclass
class Origin:
    label: str
    doc: yamlio.Located
    path: tuple[str | int, ...]


@dataclass
class Bank:
    """The merged bank, in file order: themes and questions by id."""

    themes: dict[str, Theme] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict, repr=False)

    def in_theme(self, theme_id: str) -> list[Question]:
        return [q for q in self.questions.values() if q.theme == theme_id]

    def theme_ids(self) -> list[str]:
        return list(self.themes)


def schema() -> dict[str, Any]:
    return BankFile.model_json_schema()


def schema_text() -> str:
    import json

    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def _read_bundled() -> tuple[str, str]:
    resource = paths.bundled_bank()
    label = str(resource)
    try:
        return label, loading.decode(resource.read_bytes(), label)
    except OSError as exc:  # pragma: no cover - a broken installation
        raise RevintError(f"{label}: the bundled question bank is missing ({exc}); reinstall revint") from None


def load(files: Sequence[Path] = (), *, include_default: bool = True) -> Bank:
    """Load the shipped bank (unless told not to) and layer `files` over it; raise with every problem."""
    sources: list[tuple[str, str]] = []
    if include_default:
        sources.append(_read_bundled())
    for path in files:
        sources.append((str(path), loading.read_text(path)))
    if not sources:
        raise RevintError("no question bank: --no-default-bank needs at least one --bank FILE")
    return merge(sources)


def merge(sources: Sequence[tuple[str, str]]) -> Bank:
    """Layer the banks in `sources` (label, text) in order; raise with every problem of every file."""
    bank = Bank()
    checked: list[tuple[str, yamlio.Located, list[loading.Problem]]] = []
    theme_ids: list[str] = []
    for label, text in sources:
        doc = loading.parse(text, label)
        part, problems = loading.validate(BankFile, doc)
        problems += _duplicate_ids(doc)
        checked.append((label, doc, problems))
        theme_ids += [t for _, t in _raw_ids(doc.data, "themes")]
        if part is None or problems:
            continue
        bank.sources.append(label)
        for i, theme in enumerate(part.themes):
            bank.themes[theme.id] = theme
            bank.origins["theme", theme.id] = Origin(label, doc, ("themes", i))
        for i, question in enumerate(part.questions):
            bank.questions[question.id] = question
            bank.origins["question", question.id] = Origin(label, doc, ("questions", i))
    known = list(dict.fromkeys(theme_ids))
    lines: list[str] = []
    for label, doc, problems in checked:
        for i, item in _raw_items(doc.data, "questions"):
            ref = item.get("theme")
            if isinstance(ref, str) and ref and ref not in known:
                problems.append((("questions", i, "theme"), loading.unknown("theme", ref, known)))
        lines += loading.format_problems(label, doc, problems)
    if lines:
        loading.fail(lines)
    return bank


def _raw_items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _raw_ids(data: Any, key: str) -> list[tuple[int, str]]:
    return [(i, item["id"]) for i, item in _raw_items(data, key) if isinstance(item.get("id"), str)]


def _duplicate_ids(doc: yamlio.Located) -> list[loading.Problem]:
    """Ids used twice in one file (across files, a repeated id replaces the earlier entry instead)."""
    problems: list[loading.Problem] = []
    seen: dict[str, yamlio.Path_] = {}

    def check(path: yamlio.Path_, ident: str, group: str) -> None:
        first = seen.setdefault(f"{group}:{ident}", path)
        if first != path:
            where = f"line {doc.line_of(first)}, {loading.dotted(first[:-1])}"
            problems.append((path, f"duplicate id '{ident}' (first at {where})"))

    for key in ("themes", "questions"):
        for i, ident in _raw_ids(doc.data, key):
            check((key, i, "id"), ident, key)
    for i, theme in _raw_items(doc.data, "themes"):
        for j, ident in _raw_ids(theme, "research_prompts"):
            check(("themes", i, "research_prompts", j, "id"), ident, "research_prompts")
    return problems


_YES_NO_OPENER = re.compile(
    r"^\s*(is|are|am|was|were|do|does|did|can|could|will|would|should|shall|may|might|must|has|have|had)\b", re.I
)
_WH_WORD = re.compile(r"\b(what|how|which|when|where|who|whom|whose|why)\b", re.I)


def looks_closed(text: str) -> bool:
    """True when `text` opens like a yes/no question and holds no wh- word to make it open."""
    return bool(_YES_NO_OPENER.match(text)) and not _WH_WORD.search(text)
