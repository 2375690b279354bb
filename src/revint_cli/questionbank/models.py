"""The question bank's format, v2, as pydantic models: the one source of truth for the schema (`revint bank
schema` prints it). Files of format v1 are still read, and converted as they load (`BankFileV1.upgrade`).
`Bank` is the merged result that the rest of revint reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from revint_cli.fields import (
    CountryCode,
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
from revint_cli.vocab import (
    ALSO_ANSWERS,
    AUDIENCES,
    STAGES,
    Audience,
    Employer,
    RoleFamily,
    Sector,
    Seniority,
    Stage,
    WorkMode,
)

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

    def who_can_answer(self) -> list[str]:
        """Its audiences in the usual order of the vocabulary: whom to ask to be put in touch with."""
        return [r for r in AUDIENCES if r in self.audience]

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


def file_model(data: Any) -> type[BankFile] | type[BankFileV1]:
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
