"""The candidate's profile (the answers file): model, checks against the bank, and its YAML form."""

from __future__ import annotations

from collections.abc import Mapping

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, model_validator

from revint_cli import loading, vocab, yamlio
from revint_cli.questionbank import Bank
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _
from revint_cli.labels import AUDIENCE_NAME, AUDIENCE_THE, label
from revint_cli.titles import suggested
from revint_cli.fields import (
    CountryCode,
    Id,
    Line,
    Note,
    OwnQuestionText,
    ProfileMinutes,
    QuestionMinutes,
    Strict,
    version,
)
from revint_cli.vocab import (
    MAX_INTERVIEWERS,
    STAGES,
    Audience,
    Employer,
    Format,
    RoleFamily,
    Sector,
    Seniority,
    Stage,
    WorkMode,
    format_default,
    minutes_default,
)

if TYPE_CHECKING:  # for mypy, a version is an int; for pydantic, one it supports, with a clear message
    Version = int
else:
    Version = version(1)


class Interviewer(Strict):
    """Someone the candidate meets; on a sheet, the person to ask a question."""

    name: Line | None = None
    role: Audience = Field(description="Who they are to you: the bank's audience values.")

    def label(self, called: Mapping[str, str] | None = None) -> str:
        """How a sheet names them: "Sam Lee (manager)", or "the peer", "HR"; `called`, how the employer's
        sector calls each role ("Sam Lee (ward manager)", "the ward manager")."""
        own = (called or {}).get(self.role)
        role = own or label(AUDIENCE_NAME, self.role)
        if self.name:
            return _("{name} ({role})").format(name=self.name, role=role)
        return _("the {role}").format(role=own) if own else label(AUDIENCE_THE, self.role)


class CustomQuestion(Strict):
    text: OwnQuestionText
    theme: Id
    minutes: QuestionMinutes = 3


# Vocabulary keys read whatever their case ("stage: Final"), and a country code in capitals ("nl" is NL);
# a value that names nothing, folded or not, is reported as it was written.
_FOLDED = {
    "role_family": vocab.ROLE_FAMILIES,
    "seniority": vocab.SENIORITIES,
    "sector": vocab.SECTORS,
    "employer": vocab.EMPLOYERS,
    "work_mode": vocab.WORK_MODES,
    "stage": vocab.STAGES,
    "format": vocab.FORMATS,
}


def _folded(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for key, known in _FOLDED.items():
        value = out.get(key)
        if isinstance(value, str) and value.strip().lower() in known:
            out[key] = value.strip().lower()
    country = out.get("country")
    if isinstance(country, str) and re.fullmatch(r"\s*[A-Za-z]{2}\s*", country):
        out["country"] = country.strip().upper()
    return out


class Job(Strict):
    """What a candidate's profile and an interviewer's brief both say first: the job and the stage."""

    version: Version = 1
    company: Line
    role: Line
    role_family: RoleFamily = "other"
    seniority: Seniority = "mid"
    sector: Sector | None = Field(None, description="The employer's sector, where it changes the questions.")
    employer: Employer | None = Field(None, description="The kind of employer: a startup, a school, a hospital...")
    country: CountryCode | None = Field(
        None, description="Where the job is (ISO 3166-1 alpha-2, e.g. NL): its pay and contract forms."
    )
    work_mode: WorkMode = "onsite"
    stage: Stage = "interview"

    @model_validator(mode="before")
    @classmethod
    def _guess_from_role(cls, data: Any) -> Any:
        """Left out, the role family, the seniority, the sector and the kind of employer are what the job
        title and the company's name suggest, as the wizard offers ("Verpleegkundige" at "Erasmus MC":
        clinical, mid, healthcare, hospital); "other" and "mid" when they say nothing. The country is never
        guessed."""
        data = _folded(data)
        if isinstance(data, dict) and isinstance(data.get("role"), str):
            company = data.get("company")
            data = {**suggested(data["role"], company if isinstance(company, str) else ""), **data}
        return data


class Profile(Job):
    format: Format = "video"
    minutes: ProfileMinutes = 20  # the default depends on the stage: see _stage_defaults
    date: dt.date | None = None
    interviewers: Annotated[list[Interviewer], Field(max_length=MAX_INTERVIEWERS)] = Field(default_factory=list)
    priorities: list[Id] = Field(default_factory=list)
    skip_themes: list[Id] = Field(default_factory=list)
    research: dict[Id, Note] = Field(default_factory=dict)
    custom_questions: list[CustomQuestion] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _stage_defaults(cls, data: Any) -> Any:
        """A screening call is short and often by phone; a final round longer (see vocab)."""
        data = _folded(data)
        if isinstance(data, dict) and ("minutes" not in data or "format" not in data):
            stage = str(data["stage"]) if data.get("stage") in STAGES else "interview"
            data = {"minutes": minutes_default(stage), "format": format_default(stage), **data}
        return data

    @property
    def slug(self) -> str:
        return session_name(self.company, self.role)

    def research_notes(self) -> dict[str, str]:
        return {k: v for k, v in self.research.items() if v}


SLUG_MAX = 60


def slugify(text: str) -> tuple[str, bool]:
    """A file-name-safe, lowercase form of `text`, and whether it keeps everything that tells names apart.

    Accents are dropped from Latin letters ("Café Müller" -> "cafe-muller"); other scripts are kept
    ("株式会社トヨタ"); a text with no letter or digit becomes "untitled", and a long one is cut, both lossy.
    """
    words = re.findall(r"[^\W_]+", "".join(map(_unaccented, text)).casefold())
    slug = "-".join(words)
    whole = True
    spelt = _spelt(slug)
    if spelt != slug:  # a file system that cannot spell it (an ASCII locale): what it can, and a hash
        slug, whole = "-".join(re.findall(r"[^\W_]+", spelt)), False
    if not slug:
        return "untitled", False
    if len(slug) > SLUG_MAX:
        return slug[:SLUG_MAX].rstrip("-"), False
    return slug, whole


def _spelt(slug: str) -> str:
    """`slug` less the characters this system's file-system encoding cannot write (a space each)."""
    import sys

    encoding = sys.getfilesystemencoding()
    try:
        slug.encode(encoding)
    except UnicodeEncodeError:
        return "".join(c if c.encode(encoding, "ignore") else " " for c in slug)
    return slug


def _unaccented(char: str) -> str:
    """A Latin letter without its accents ("é" -> "e"); any other character as it is ("ジ" stays "ジ")."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base.isascii() else unicodedata.normalize("NFKC", char)


def session_name(company: str, role: str) -> str:
    """The name of the session of `company` and `role`: readable, with a short stable hash when the
    readable part alone could be shared by another company ("untitled-untitled-3f2a9c")."""
    company_slug, company_whole = slugify(company)
    role_slug, role_whole = slugify(role)
    name = f"{company_slug}-{role_slug}"
    return name if company_whole and role_whole else f"{name}-{name_hash(company, role)}"


def name_hash(company: str, role: str) -> str:
    import hashlib

    key = f"{' '.join(company.split()).casefold()}\0{' '.join(role.split()).casefold()}"
    return hashlib.sha256(key.encode()).hexdigest()[:6]


def check_against_bank(data: Any, bank: Bank) -> list[loading.Problem]:
    """Theme ids the answers name that the bank does not know, and contradictions between keys.

    Works on the raw answers, so that these problems are reported together with those of the model.
    """
    known = bank.theme_ids()
    problems: list[loading.Problem] = []
    if not isinstance(data, dict):
        return problems

    def words(key: str) -> list[tuple[int, str]]:
        values = data.get(key)
        return [(i, v) for i, v in enumerate(values) if isinstance(v, str)] if isinstance(values, list) else []

    def check(loc: tuple[str | int, ...], theme: str) -> None:
        if theme not in bank.themes:  # a suggestion only for problems that will be shown
            hint = len(problems) < loading.MAX_SHOWN
            unknown = (
                loading.unknown(N_("theme"), theme, known) if hint else _("unknown theme '{theme}'").format(theme=theme)
            )
            problems.append((loc, unknown))

    skipped = {theme for _i, theme in words("skip_themes")}
    for key in ("priorities", "skip_themes"):
        seen: set[str] = set()
        for i, theme in words(key):
            check((key, i), theme)
            if theme in seen:
                problems.append(((key, i), _("'{theme}' is listed twice").format(theme=theme)))
            elif key == "priorities" and theme in skipped:
                problems.append(((key, i), _("'{theme}' is both a priority and in skip_themes").format(theme=theme)))
            seen.add(theme)
    research = data.get("research")
    for theme in research if isinstance(research, dict) else {}:
        check(("research", theme), theme)
    customs = data.get("custom_questions")
    for i, custom in enumerate(customs if isinstance(customs, list) else []):
        if isinstance(custom, dict) and isinstance(custom.get("theme"), str):
            check(("custom_questions", i, "theme"), custom["theme"])
    return problems


def to_data(profile: Profile) -> dict[str, Any]:
    """The profile as plain data, in the order of the contract.

    Every key the wizard asks stays, even when empty (`date: null`, `interviewers: []`), so that replaying
    the saved profile asks nothing again; empty research notes and an empty skip list are left out.
    """
    data = profile.model_dump(mode="json")
    for person in data["interviewers"]:
        if person.get("name") is None:
            del person["name"]
    data["research"] = {theme: note for theme, note in data["research"].items() if note}
    if not data["skip_themes"]:
        del data["skip_themes"]
    return data


def to_yaml(profile: Profile) -> str:
    header = (
        "# revint profile: replay with `revint prep --answers THIS_FILE`; edit freely.\n"
        "# Every key is described in revint's README, under 'The profile'.\n"
    )
    return header + yamlio.dump(to_data(profile))


def parse_overrides(pairs: list[str]) -> list[tuple[list[str], Any]]:
    """`--set KEY=VALUE` pairs: dotted keys, values read as YAML (`--set priorities=[growth,team]`)."""
    out: list[tuple[list[str], Any]] = []
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise RevintError(_("--set {pair}: expected KEY=VALUE, e.g. --set minutes=30").format(pair=pair))
        try:
            value = yamlio.parse(f"v: {raw}").data["v"]  # an empty value unsets the key
        except yamlio.YamlSyntaxError:
            value = raw
        out.append(([k.strip() for k in key.split(".")], value))
    return out


def apply_overrides(data: dict[str, Any], overrides: list[tuple[list[str], Any]]) -> dict[str, Any]:
    for keys, value in overrides:
        target = data
        for key in keys[:-1]:
            nxt = target.get(key)
            if not isinstance(nxt, dict):
                nxt = {}
                target[key] = nxt
            target = nxt
        target[keys[-1]] = value
    return data
