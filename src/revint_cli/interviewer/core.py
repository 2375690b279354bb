"""The interviewer's brief: the other side of the table. Pure functions; no terminal, no files.

An interviewer describes the role and who they are to the candidate (a `BriefProfile`). The brief mirrors
that into the profile of a candidate who meets this one person (`mirrored_profile`) and lets the planner
choose exactly the questions that candidate's `revint prep` would ask them (`tailor.plan`, the same rules).
Each question then says what the candidate wants to learn (the bank's `why`), what an honest strong answer
contains (the green signals rewritten as guidance, `guidance`), and what worries a prepared candidate (the
red signals, `worry`). Around them: the personal prompts first, the process checklist last.

The interviewer's own drafted answers live in the same file as the profile (`answers:`), so that two
interviewers of one company can compare them (`compare`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, model_validator

from revint_cli import loading, yamlio
from revint_cli.fields import Id, Line, Note, ProfileMinutes, Strict
from revint_cli.formats.profile import Interviewer, Job, Profile
from revint_cli.render import words
from revint_cli.render.markdown import md_escape
from revint_cli.formats.cheatsheet import Item, Uncovered
from revint_cli.formats.reasons import Reach
from revint_cli.untrusted import to_json
from revint_cli.vocab import STAGES, minutes_default

if TYPE_CHECKING:
    from revint_cli.questionbank.core import Bank

SCHEMA = "revint.brief/1"
Words = Annotated[str, Field(max_length=2000)]

# The prompts every brief opens and closes with, by id: the ids are the keys of `answers:`.
PERSONAL: tuple[tuple[str, str], ...] = (
    ("you-why-joined", "Why did you join?"),
    ("you-why-stay", "Why do you stay?"),
    ("you-hard-now", "What is hard here right now?"),
    ("you-role-helps", "How does this role help fix it?"),
)
PROCESS: tuple[tuple[str, str], ...] = (
    ("process-steps", "Which steps remain after this conversation?"),
    ("process-timeline", "What is the timeline, and can you keep to it?"),
    ("process-decides", "Who decides, and how?"),
    ("process-hear-back", "When will the candidate hear back, and from whom?"),
)
PROMPT_IDS = tuple(pid for pid, _ in (*PERSONAL, *PROCESS))
OWN_REASONS = ("you-why-joined", "you-why-stay")  # each interviewer's own: never compared
# The keys the wizard asks, in its order; `answers` only with --record.
ASKED_KEYS = ("company", "role", "role_family", "seniority", "work_mode", "stage", "interviewer", "minutes", "themes")


# ----- the answers file --------------------------------------------------------------------------------


class DraftAnswer(Strict):
    """What the interviewer means to say, and a real example; `id: "text"` is short for `{answer: text}`."""

    answer: Note = ""
    example: Note = ""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return {"answer": data} if isinstance(data, str) else data


class BriefProfile(Job):
    """The interviewer's answers file: the role, who they are to the candidate, and their drafted answers."""

    interviewer: Interviewer = Field(default_factory=lambda: Interviewer(role="manager"))
    minutes: ProfileMinutes = 20  # the default depends on the stage, as for a candidate  # type: ignore[valid-type]
    themes: list[Id] = Field(default_factory=list, description="What the company wants to get right, first first.")
    answers: dict[Id, DraftAnswer] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if isinstance(data.get("interviewer"), str):  # `interviewer: manager`
            data = {**data, "interviewer": {"role": data["interviewer"]}}
        if "minutes" not in data:
            stage = str(data["stage"]) if data.get("stage") in STAGES else "interview"
            data = {**data, "minutes": minutes_default(stage)}
        return data

    def answer(self, key: str) -> DraftAnswer:
        return self.answers.get(key) or DraftAnswer()


def check_against_bank(data: Any, bank: Bank) -> list[loading.Problem]:
    """Unknown theme ids in `themes`, and `answers` keys that name neither a prompt nor a bank question."""
    from revint_cli.formats.profile import check_against_bank as check_profile

    if not isinstance(data, dict):
        return []
    problems = [(("themes", *loc[1:]), msg) for loc, msg in check_profile({"priorities": data.get("themes")}, bank)]
    given = data.get("answers")
    known = [*PROMPT_IDS, *bank.questions]
    for key in given if isinstance(given, dict) else {}:
        if isinstance(key, str) and key not in bank.questions and key not in PROMPT_IDS:
            problems.append((("answers", key), loading.unknown("question", key, known)))
    return problems


def to_data(profile: BriefProfile) -> dict[str, Any]:
    """The answers file as plain data: every asked key kept (replaying it asks nothing again), answers last."""
    data = profile.model_dump(mode="json")
    if data["interviewer"].get("name") is None:
        del data["interviewer"]["name"]
    data["answers"] = {
        key: ({"answer": a["answer"], "example": a["example"]} if a["example"] else a["answer"])
        for key, a in data["answers"].items()
        if a["answer"] or a["example"]
    }
    if not data["answers"]:
        del data["answers"]
    return data


def to_yaml(profile: BriefProfile) -> str:
    header = (
        "# revint brief: replay with `revint brief --answers THIS_FILE`; edit freely.\n"
        "# Draft your answers under `answers:` (question id: your answer, or {answer: ..., example: ...}),\n"
        "# then compare with a colleague's file: `revint brief --compare THIS_FILE THEIRS`.\n"
    )
    return header + yamlio.dump(to_data(profile))


# ----- choosing the questions -----------------------------------------------------------------------------


def mirrored_profile(profile: BriefProfile) -> Profile:
    """The candidate on the other side: the same role and stage, meeting only this interviewer (by role),
    with the company's themes as their priorities and no research yet."""
    return Profile(
        company=profile.company,
        role=profile.role,
        role_family=profile.role_family,
        seniority=profile.seniority,
        work_mode=profile.work_mode,
        stage=profile.stage,
        minutes=profile.minutes,
        interviewers=[Interviewer(role=profile.interviewer.role)],
        priorities=list(profile.themes),
    )


# ----- the green and red signals, seen from the other side -------------------------------------------------

_THEY = re.compile(r"^they(?:'re|\s+(\S+))\s*(.*)$", re.I | re.S)
_MODALS = {"can", "could", "will", "would", "do", "does", "did", "also", "readily", "clearly", "openly"}
_AUX = {"is", "are", "was", "were", "can", "could", "has", "have", "had", "will", "would", "should", "does", "do"}
_AUX |= {"did", "isn't", "aren't", "wasn't", "can't", "cannot", "won't", "doesn't", "don't", "didn't", "hasn't"}
_FINITE = {
    "say", "says", "sit", "sits", "include", "includes", "arrive", "arrives", "present", "presents", "appear",
    "appears", "feel", "feels", "know", "knows", "stay", "stays", "own", "owns", "decide", "decides", "happen",
    "happens", "exist", "exists", "get", "gets", "go", "goes", "come", "comes", "take", "takes", "make", "makes",
    "led", "saw", "made", "took", "got", "gave", "went", "came", "kept", "left", "told", "found", "heard", "knew",
    "met", "ran", "won", "lost", "brought", "thought", "built", "sent", "spent", "held", "chose", "grew",
    "matches", "covers", "feeds", "handles", "reaches", "holds", "shows", "runs", "needs", "uses", "means",
    "leads", "give", "cite", "welcome", "welcomes", "share", "report", "mention", "apply", "rely",
}  # fmt: skip
# "transparency about X" -> "Be open about X": a quality named as a noun, asked of the interviewer
_QUALITIES = {"transparency": "open", "openness": "open", "honesty": "honest", "clarity": "clear", "candour": "candid"}
# Past forms that are never participles: a sentence even after "a" ("a decision came back within days").
_PAST_ONLY = {"came", "went", "saw", "took", "gave", "knew", "ran", "grew", "chose", "began", "wrote", "spoke"}
_DETERMINERS = {"a", "an", "the", "their", "its", "his", "her", "our", "some", "every", "no", "them", "it"}
_INDEFINITE = {"a", "an", "one", "several", "some", "each", "any", "few", "two", "three", "many"}
_RELATIVE = {"that", "who", "which", "where", "when", "whose", "whom", "how", "what", "why", "whether"}
_SUBJECTS = {"you", "they", "we", "people", "someone", "he", "she", "i"}  # "a point you can address": no sentence
_TELL = {"story", "stories", "anecdote", "anecdotes"}
_GIVE = {
    "example", "examples", "case", "cases", "instance", "number", "numbers", "figure", "figures", "metric",
    "metrics", "measure", "measures", "range", "baseline", "percentage", "date", "dates", "timeline", "target",
    "targets", "budget", "account", "walkthrough", "list",
}  # fmt: skip


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+|[,;:]", text.lower())


def _is_clause(text: str) -> bool:
    """Whether a signal reads as a sentence ("the manager negotiated scope") rather than a thing ("a named
    contact and a checklist"), looking before any relative pronoun: an auxiliary ("is", "can") or a past that
    is never a participle ("came"); a verb of a short list ("says", "sits") or a past in -ed with an object
    ("customers received a candid explanation", but "strategy reviewed on a set rhythm" is a thing) among
    the first words; after "the", any verb-like word in -s or -ed ("the answer matches")."""
    words = _words(text)
    opening = words[0] if words else ""
    indefinite, definite = opening in _INDEFINITE, opening == "the"
    for n, word in enumerate(words):
        if word in _RELATIVE:
            return False
        following = words[n + 1] if n + 1 < len(words) else ""
        if word in _AUX or word in _PAST_ONLY:
            if n > 1 and words[n - 1] in _SUBJECTS:
                continue
            return True
        if n == 0 or n > 5 or word in (",", ";", ":"):
            continue
        with_object = following in _DETERMINERS or following == "to"
        verb_like = word in _FINITE or (word.endswith("ed") and len(word) > 4 and following != "by")
        if verb_like and (with_object or not indefinite and (definite or word in _FINITE)):
            return True
        if definite and n >= 2 and (word.endswith("s") and not word.endswith("ss")) and following not in (",", "and"):
            return True
    return False


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _low(text: str) -> str:
    """`text` with a lowercase first letter, unless it opens with a name or an acronym ("HR", "I")."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first == "I" else text[:1].lower() + text[1:]


def guidance(signal: str) -> str:
    """A green signal (what a candidate is glad to hear) as advice to the interviewer, deterministically:

    "they name a specific recent decision" -> "Name a specific recent decision";
    "they are candid about skill gaps" -> "Be candid about skill gaps";
    "a story of accepting someone else's call" -> "Tell a story of accepting someone else's call";
    "a few clear metrics with today's baseline" -> "Give a few clear metrics with today's baseline";
    "the manager negotiated scope with evidence" -> "Show that the manager negotiated scope with evidence";
    "a named contact and a checklist" -> "Describe a named contact and a checklist";
    "transparency about the number of candidates" -> "Be open about the number of candidates".
    """
    text = " ".join(signal.split())
    if not text:
        return text
    they = _THEY.match(text)
    if they:
        verb, rest = (they.group(1) or "are").lower(), they.group(2)
        if verb in ("are", "were"):
            return _cap(f"be {rest}".strip())
        if verb in ("have", "had"):
            return f"Show you {verb} {rest}".strip()
        if verb in _MODALS and rest:
            return guidance(f"they {rest}")
        return _cap(f"{verb} {rest}".strip())
    if text[0] in "'\"‘“":
        return f"Words such as {text}, with the story behind them"
    words = _words(text)
    if len(words) > 1 and words[0].lower() in _QUALITIES and words[1] in ("about", "on", "over", "with"):
        return f"Be {_QUALITIES[words[0].lower()]} {text.split(' ', 1)[1]}"
    if words and words[0].endswith("ed") and len(words) > 1 and words[1] == "by":
        return f"Show that it is {text}"
    if _is_clause(text):
        return f"Show that {_low(text)}"
    head = set(words[:5])
    verb = "Tell" if head & _TELL else "Give" if head & _GIVE else "Describe"
    return f"{verb} {_low(text)}"


def worry(signal: str) -> str:
    """A red signal as what the interviewer should not be heard doing: "they cannot name ..." -> "You cannot
    name ..."; a quoted phrase -> "Saying '...'"."""
    text = " ".join(signal.split())
    if not text:
        return text
    if text[0] in "'\"‘“":
        return f"Saying {text}"
    they = re.match(r"^they('re|\b)(.*)$", text, re.I | re.S)
    if they:
        return f"You{they.group(1)}{they.group(2)}"
    return _cap(text)


# ----- the brief ------------------------------------------------------------------------------------------


class Prompt(Strict):
    """A personal prompt or a step of the process checklist, with the interviewer's drafted answer."""

    id: Id
    text: Words
    answer: Note = ""


class BriefItem(Strict):
    """One question a candidate is likely to ask this interviewer, and how to prepare for it."""

    id: Id
    theme: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    minutes: Annotated[int, Field(ge=1, le=10)]
    why: Words = ""  # what the candidate is trying to learn
    strong: list[Words] = Field(default_factory=list)  # what an honest strong answer contains
    worries: list[Words] = Field(default_factory=list)  # what worries a prepared candidate
    follow_ups: list[Words] = Field(default_factory=list)  # what they ask when the answer stays vague
    refer: Words | None = None  # nobody else is named: whom to offer to put them in touch with
    answer: Note = ""
    example: Note = ""


class Brief(Strict):
    """The `revint.brief/1` contract: what `--format json` prints, and what reads it back."""

    schema_: Literal["revint.brief/1"] = Field("revint.brief/1", alias="schema")
    company: Line
    role: Line
    profile: BriefProfile
    budget_minutes: Annotated[int, Field(ge=1, le=1000)]
    planned_minutes: Annotated[int, Field(ge=0, le=1000)]
    theme_titles: dict[Id, Line] = Field(default_factory=dict)
    personal: list[Prompt] = Field(default_factory=list)
    questions: list[BriefItem] = Field(default_factory=list)
    also_likely: list[BriefItem] = Field(default_factory=list)
    uncovered: list[Uncovered] = Field(default_factory=list)
    process: list[Prompt] = Field(default_factory=list)

    model_config = {"populate_by_name": True}

    def title(self, theme: str) -> str:
        return self.theme_titles.get(theme, theme)

    def ids(self) -> list[str]:
        return [item.id for item in (*self.questions, *self.also_likely)]

    def to_json(self) -> str:
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["profile"] = to_data(self.profile.model_copy(update={"answers": {}}))
        return to_json(data)


def _refer(reach: Reach | None) -> str | None:
    """Whom the interviewer offers to put the candidate in touch with, worded by `render.words`."""
    return words.refer(reach) if reach else None


def _item(item: Item, profile: BriefProfile) -> BriefItem:
    drafted = profile.answer(item.id)
    return BriefItem(
        id=item.id,
        theme=item.theme,
        text=item.text,
        minutes=item.minutes,
        why=item.why,
        strong=[guidance(g) for g in item.listen_for.green],
        worries=[worry(r) for r in item.listen_for.red],
        follow_ups=list(item.follow_ups),
        refer=_refer(item.reach),
        answer=drafted.answer,
        example=drafted.example,
    )


def _prompts(prompts: Iterable[tuple[str, str]], profile: BriefProfile) -> list[Prompt]:
    return [Prompt(id=pid, text=text, answer=profile.answer(pid).answer) for pid, text in prompts]


def plan(bank: Bank, profile: BriefProfile) -> Brief:
    """The brief: the questions the mirrored candidate's sheet holds, in its order, seen from this side."""
    from revint_cli.planning import tailor as tailor

    sheet = tailor.plan(bank, mirrored_profile(profile))
    items = [_item(i, profile) for i in sheet.questions]
    spare = [_item(i, profile) for i in sheet.backup if i.source == "bank"]
    titles = {t.id: t.title for t in bank.themes.values()}
    return Brief(
        company=profile.company,
        role=profile.role,
        profile=profile,
        budget_minutes=profile.minutes,
        planned_minutes=sheet.planned_minutes,
        theme_titles={t: titles[t] for t in dict.fromkeys(i.theme for i in (*items, *spare)) if t in titles},
        personal=_prompts(PERSONAL, profile),
        questions=items,
        also_likely=spare,
        uncovered=list(sheet.uncovered),
        process=_prompts(PROCESS, profile),
    )


def questions_to_draft(bank: Bank, profile: BriefProfile) -> list[tuple[str, str]]:
    """(id, text) of everything an interviewer drafts an answer for, in the brief's order."""
    chosen = plan(bank, profile)
    return [
        *((p.id, p.text) for p in chosen.personal),
        *((i.id, i.text) for i in chosen.questions),
        *((p.id, p.text) for p in chosen.process),
    ]


# ----- markdown ---------------------------------------------------------------------------------------------

INTRO = (
    "> Candidates arrive with prepared questions, and how you answer decides whether they accept. Be specific:",
    "> a name, a number, a recent example. Be honest about what is hard, and show how this role helps. Tell a",
    "> real story rather than list values or perks. When you do not know, say so and offer to follow up.",
)


def markdown(brief: Brief) -> str:
    p = brief.profile
    out = [f"# Interviewer brief: {md_escape(p.role)} at {md_escape(p.company)}", ""]
    facts = [
        f"**You:** {md_escape(p.interviewer.label())}",
        f"**Candidate:** {p.seniority} {p.role_family}, {p.work_mode}",
        f"**Stage:** {p.stage}",
        f"**Their questions:** {p.minutes} minutes, about {brief.planned_minutes} planned",
    ]
    if p.themes:
        facts.append("**Get right:** " + ", ".join(md_escape(brief.title(t)) for t in p.themes))
    out += [" · ".join(facts), "", *INTRO, ""]

    out += ["## Before you meet them", ""]
    out += _prompt_lines(brief.personal)

    themes = list(dict.fromkeys(i.theme for i in brief.questions))
    for theme in themes:
        out += [f"## {md_escape(brief.title(theme))}", ""]
        for item in brief.questions:
            if item.theme == theme:
                out += _item_lines(item)

    if brief.uncovered:
        out += ["## Themes they may raise that no question here covers", ""]
        out += [
            f"- **{md_escape(brief.title(u.theme))}:** {md_escape(words.reason(u.reason))}" for u in brief.uncovered
        ]
        out.append("")

    if brief.also_likely:
        out += ["## Also likely", ""]
        for item in brief.also_likely:
            out.append(f"- {md_escape(item.text)} · {md_escape(brief.title(item.theme))}")
        out.append("")

    out += ["## Close: the process", "", "> Say what happens next, by when, and keep to it.", ""]
    out += _prompt_lines(brief.process)
    return "\n".join(out).rstrip("\n") + "\n"


def _prompt_lines(prompts: Iterable[Prompt]) -> list[str]:
    out = [f"- [ ] {md_escape(p.text)}" + (f" {md_escape(p.answer)}" if p.answer else "") for p in prompts]
    return [*out, ""]


def _item_lines(item: BriefItem) -> list[str]:
    out = [
        f"### {md_escape(item.text)}",
        "",
        f"*~{item.minutes} min* · `{item.id}`" + (f" · {md_escape(item.refer)}" if item.refer else ""),
    ]
    out.append("")
    if item.why:
        out.append(f"- *They want to learn:* {md_escape(item.why)}")
    if item.strong:
        out.append("- *A strong, honest answer:*")
        out += [f"  - {md_escape(g)}" for g in item.strong]
    if item.worries:
        out.append("- *Will worry a prepared candidate:*")
        out += [f"  - {md_escape(r)}" for r in item.worries]
    if item.follow_ups:
        out.append("- *If your answer stays vague, expect:*")
        out += [f"  - {md_escape(f)}" for f in item.follow_ups]
    out.append("- *Your answer:*" + (f" {md_escape(item.answer)}" if item.answer else ""))
    out.append("- *A real example:*" + (f" {md_escape(item.example)}" if item.example else ""))
    return [*out, ""]


# ----- two interviewers, one company ---------------------------------------------------------------------

Status = Literal["differ", "only-first", "only-second"]
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Difference:
    id: str
    text: str
    status: Status
    first: DraftAnswer
    second: DraftAnswer
    numbers: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # both give numbers, and not the same


@dataclass(frozen=True)
class Comparison:
    labels: tuple[str, str]
    differences: list[Difference]
    agreed: list[str]  # ids answered the same way by both
    warnings: list[str]

    def to_json(self) -> str:
        return to_json(
            {
                "schema": "revint.brief-compare/1",
                "first": self.labels[0],
                "second": self.labels[1],
                "differences": [
                    {
                        "id": d.id,
                        "text": d.text,
                        "status": d.status,
                        "first": d.first.model_dump(),
                        "second": d.second.model_dump(),
                        **({"numbers": [list(d.numbers[0]), list(d.numbers[1])]} if d.numbers else {}),
                    }
                    for d in self.differences
                ],
                "agreed": self.agreed,
                "warnings": self.warnings,
            }
        )


def _same(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())

    return norm(a) == norm(b)


def compare(first: BriefProfile, second: BriefProfile, texts: Mapping[str, str], labels: tuple[str, str]) -> Comparison:
    """Where two interviewers' drafted answers differ, or one of them has none; why each joined and why each
    stays are their own, and left out. `texts` gives each id's question (the prompts' and the bank's); the
    order is the prompts, then the questions, then the process."""
    warnings = []
    if (_low(first.company), _low(first.role)) != (_low(second.company), _low(second.role)):
        warnings.append(
            f"the files are for different roles: {first.role} at {first.company}, {second.role} at {second.company}"
        )
    if first.stage != second.stage:
        warnings.append(f"the files are for different stages: {first.stage} and {second.stage}")

    def given(profile: BriefProfile, key: str) -> bool:
        return bool(profile.answer(key).answer.strip())

    ids = [
        k for k in (*first.answers, *second.answers) if k not in OWN_REASONS and (given(first, k) or given(second, k))
    ]
    order = {key: n for n, key in enumerate((*(pid for pid, _ in PERSONAL), *texts, *(pid for pid, _ in PROCESS)))}
    ids = sorted(dict.fromkeys(ids), key=lambda k: (order.get(k, len(order)), k))
    differences: list[Difference] = []
    agreed: list[str] = []
    for key in ids:
        a, b = first.answer(key), second.answer(key)
        text = texts.get(key, key)
        if not given(second, key):
            differences.append(Difference(key, text, "only-first", a, b))
        elif not given(first, key):
            differences.append(Difference(key, text, "only-second", a, b))
        elif _same(a.answer, b.answer):
            agreed.append(key)
        else:
            na, nb = tuple(_NUMBER.findall(a.answer)), tuple(_NUMBER.findall(b.answer))
            numbers = (na, nb) if na and nb and sorted(na) != sorted(nb) else None
            differences.append(Difference(key, text, "differ", a, b, numbers))
    return Comparison(labels, differences, agreed, warnings)


def prompt_texts(bank: Bank) -> dict[str, str]:
    """Every id an answer may have, with its question: the prompts and the bank's questions."""
    return {**dict(PERSONAL), **{q.id: q.text for q in bank.questions.values()}, **dict(PROCESS)}


def comparison_markdown(result: Comparison) -> str:
    a, b = result.labels
    out = [f"# Brief answers compared: {md_escape(a)} and {md_escape(b)}", ""]
    out += [f"> ⚠ {md_escape(w)}" for w in result.warnings]
    if result.warnings:
        out.append("")
    if not result.differences:
        out += [f"No differences: {len(result.agreed)} answer(s) given the same way by both.", ""]
        return "\n".join(out).rstrip("\n") + "\n"
    out += [
        f"{len(result.differences)} to talk through, {len(result.agreed)} answered the same way. A candidate who "
        "meets you both will notice.",
        "",
    ]
    for d in result.differences:
        status = {
            "differ": "you differ",
            "only-first": f"only {a} has an answer",
            "only-second": f"only {b} has an answer",
        }
        out += [f"## {md_escape(d.text)}", "", f"*{md_escape(status[d.status])}* · `{d.id}`", ""]
        for label, drafted in ((a, d.first), (b, d.second)):
            said = md_escape(drafted.answer) if drafted.answer.strip() else "*(no answer)*"
            out.append(f"- **{md_escape(label)}:** {said}")
            if drafted.example.strip():
                out.append(f"  - *Example:* {md_escape(drafted.example)}")
        if d.numbers:
            out.append(f"- ⚠ the numbers differ: {', '.join(d.numbers[0])} and {', '.join(d.numbers[1])}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
