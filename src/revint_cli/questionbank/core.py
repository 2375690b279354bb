"""The question bank: format v2 as pydantic models (the one source of truth for the schema), and loading.
Files of format v1 are still read, and converted as they load.

Custom banks layer over the shipped one: new themes and questions are added, an entry whose id already
exists replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from revint_cli import loading, paths, yamlio
from revint_cli.errors import RevintError
from revint_cli.fields import (
    Id,
    Line,
    QuestionMinutes,
    QuestionText,
    Strict,
    Text,
    int_range,
    unique_list,
    version,
)
from revint_cli.vocab import ALSO_ANSWERS, STAGES, Audience, Employer, RoleFamily, Sector, Seniority, Stage, WorkMode

FORMAT_VERSION = 2
Weight = int_range(1, 5)
VersionV2 = version(FORMAT_VERSION)
VersionV1 = version(1)


class ResearchPrompt(Strict):
    id: Id
    prompt: Text = Field(description="What to look up before the interview.")
    where: Annotated[list[Text], Field(min_length=1, description="Where to look: job ad, company blog, ...")]


class Theme(Strict):
    id: Id
    title: Line = Field(description="As the sheet shows it: one line, at most 200 characters.")
    summary: Text = Field(description="One line: why a candidate cares about this theme.")
    core: bool = False
    research_prompts: list[ResearchPrompt] = Field(default_factory=list)


class Signals(Strict):
    green: Annotated[list[Text], Field(min_length=1, description="What a good answer sounds like.")]
    red: Annotated[list[Text], Field(min_length=1, description="What a worrying answer sounds like.")]


class StageWindow(Strict):
    """The stages at which a question fits, from the earliest to the latest; by default the whole process."""

    earliest: Stage = Field("screening", description="The first stage at which the question makes sense.")
    latest: Stage = Field("offer", description="The last stage at which it still makes sense.")

    @model_validator(mode="after")
    def _in_order(self) -> StageWindow:
        if STAGES.index(self.earliest) > STAGES.index(self.latest):
            raise ValueError(f"earliest '{self.earliest}' comes after latest '{self.latest}'")
        return self

    def admits(self, stage: str) -> bool:
        return STAGES.index(self.earliest) <= STAGES.index(stage) <= STAGES.index(self.latest)

    def label(self) -> str:
        return self.earliest if self.earliest == self.latest else f"{self.earliest}-{self.latest}"


CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class SectorWords(Strict):
    roles: list[Text] = Field(default_factory=list, description="Words of job titles that point to the sector.")
    employers: list[Text] = Field(default_factory=list, description="Words of employers' names that point to it.")


class SectorInfo(Strict):
    """What a sector decides: the topics a sheet must cover or report, how its people are called, and the
    words of job titles and employers' names that point to it."""

    id: Sector
    title: Text
    decisive_topics: list[Id] = Field(default_factory=list, description="Topics a sheet covers or reports.")
    audience_labels: dict[Audience, Text] = Field(
        default_factory=dict, description="How the sector calls each audience: {manager: ward manager}."
    )
    title_words: SectorWords = Field(default_factory=SectorWords)


class _QuestionBody(Strict):
    id: Id = Field(description="Stable forever: debriefs refer to questions by id.")
    theme: Id
    text: QuestionText
    why: Text = Field(description="What the answer reveals.")
    minutes: QuestionMinutes = Field(description="Time to ask and hear the answer.")
    audience: unique_list(Audience, min_length=1) = Field(  # type: ignore[valid-type]
        description="Who can really answer it, the best person to ask first."
    )
    seniority: unique_list(Literal["all", Seniority], min_length=1, all_or_subset=True)  # type: ignore[valid-type]
    role_families: unique_list(Literal["all", RoleFamily], min_length=1, all_or_subset=True)  # type: ignore[valid-type]
    work_modes: unique_list(Literal["all", WorkMode], min_length=1, all_or_subset=True)  # type: ignore[valid-type]
    follow_ups: Annotated[list[QuestionText], Field(min_length=2)]
    listen_for: Signals
    skip_if_researched: bool = False


class Question(_QuestionBody):
    """A question of format v2."""

    stages: StageWindow = Field(
        default_factory=StageWindow,
        description="The window of stages where it fits: {earliest: interview, latest: final}.",
    )
    topic: Id | None = Field(
        None, description="Shared by questions that ask the same thing from different angles: one per sheet."
    )
    weight: Weight = Field(  # type: ignore[valid-type]
        3, description="How strongly it is recommended within its theme, 1 to 5: the higher, the earlier."
    )
    sectors: unique_list(Literal["all", Sector], min_length=1, all_or_subset=True) = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["all"], description="The employers' sectors it fits: [all], or [healthcare, ...]."
    )
    employers: unique_list(Literal["all", Employer], min_length=1, all_or_subset=True) = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["all"], description="The kinds of employer it fits: [all], or [startup, ...]."
    )
    countries: unique_list(Literal["all"] | CountryCode, min_length=1, all_or_subset=True) = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["all"],
        description="The countries whose pay and contract forms it names (ISO 3166-1 alpha-2: NL, FR...), or [all].",
    )

    def admits(self, tag: str, value: str) -> bool:
        values: Sequence[str] = getattr(self, tag)
        return "all" in values or value in values

    def answerable_by(self, role: str) -> bool:
        """Whether someone in `role` can really answer it: its audience, or a role that knows as much."""
        return role in self.audience or any(other in self.audience for other in ALSO_ANSWERS.get(role, ()))

    def rank_of(self, role: str) -> int:
        """How early the bank names `role` (or the role it answers for) in the audience: 0 is the best person
        to ask; a role that cannot answer comes last."""
        names = [role, *ALSO_ANSWERS.get(role, ())]
        return min((self.audience.index(r) for r in names if r in self.audience), default=len(self.audience))

    @property
    def topic_id(self) -> str:
        return self.topic or self.id


class QuestionV1(_QuestionBody):
    """A question of format v1: `stages` is a list; it is read as the window from its first to its last."""

    stages: unique_list(Stage, min_length=1)  # type: ignore[valid-type]

    def upgrade(self) -> Question:
        order = sorted(self.stages, key=STAGES.index)
        window = StageWindow(earliest=order[0], latest=order[-1])
        return Question(**{**dict(self), "stages": window})


class BankFile(Strict):
    """One bank file: the shipped bank, or a user's file layered over it."""

    model_config = ConfigDict(
        title="revint question bank",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    version: VersionV2 = Field(description="The bank format version.")  # type: ignore[valid-type]
    themes: list[Theme] = Field(default_factory=list)
    sectors: list[SectorInfo] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)


class BankFileV1(Strict):
    """A bank file of format v1, still read: its questions are converted to v2 when loaded."""

    version: VersionV1  # type: ignore[valid-type]
    themes: list[Theme] = Field(default_factory=list)
    questions: list[QuestionV1] = Field(default_factory=list)

    def upgrade(self) -> BankFile:
        return BankFile(version=FORMAT_VERSION, themes=self.themes, questions=[q.upgrade() for q in self.questions])


def _file_model(data: Any) -> type[BankFile] | type[BankFileV1]:
    raw = data.get("version") if isinstance(data, dict) else None
    return BankFileV1 if str(raw).strip() == "1" else BankFile


@dataclass
class Bank:
    """The merged bank, in file order: themes and questions by id."""

    themes: dict[str, Theme] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    sectors: dict[str, SectorInfo] = field(default_factory=dict)

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


def load(files: Sequence[Path] = (), *, include_default: bool = True, cache: bool = True) -> Bank:
    """Load the shipped bank (unless told not to) and layer `files` over it; raise with every problem.

    An unchanged set of files is read back from the cache (see `bankcache`) instead of parsed again.
    """
    sources: list[tuple[str, str]] = []
    if include_default:
        sources.append(_read_bundled())
    for path in files:
        sources.append((str(path), loading.read_text(path)))
    if not sources:
        raise RevintError("no question bank: --no-default-bank needs at least one --bank FILE")
    if not cache:
        return merge(sources)
    from revint_cli.questionbank import cache as bankcache

    key = bankcache.key(sources)
    found = bankcache.read(key)
    if found is None:
        found = merge(sources)
        bankcache.write(key, found)
    return found


def merge(sources: Sequence[tuple[str, str]]) -> Bank:
    """Layer the banks in `sources` (label, text) in order; raise with every problem of every file."""
    bank = Bank()
    checked: list[tuple[str, yamlio.Located, list[loading.Problem]]] = []
    theme_ids: list[str] = []
    for label, text in sources:
        doc = loading.parse(text, label)
        model = _file_model(doc.data)
        read, problems = loading.validate(model, doc)
        part = read.upgrade() if isinstance(read, BankFileV1) else read
        problems += _duplicate_ids(doc)
        checked.append((label, doc, problems))
        theme_ids += [t for _, t in _raw_ids(doc.data, "themes")]
        if part is None or problems:
            continue
        bank.sources.append(label)
        bank.themes.update((theme.id, theme) for theme in part.themes)
        bank.questions.update((question.id, question) for question in part.questions)
        if isinstance(part, BankFile):
            bank.sectors.update((sector.id, sector) for sector in part.sectors)
    known = list(dict.fromkeys(theme_ids))
    known_set = set(known)
    lines: list[str] = []
    for label, doc, problems in checked:
        for i, item in _raw_items(doc.data, "questions"):
            ref = item.get("theme")
            if isinstance(ref, str) and ref and ref not in known_set:
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
