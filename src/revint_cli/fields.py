"""The building blocks every file format is made of (the bank, the profile, the debrief, the sheet):
ids, versions, ranges, lines and notes, as pydantic types whose errors read well and whose limits come
from `vocab`. The models import these; nothing else defines a field type.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidatorFunctionWrapHandler, WrapValidator
from pydantic_core import PydanticCustomError

from revint_cli import vocab

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    """Unknown keys are errors, and a loaded file is never changed in memory."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _kebab(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if isinstance(value, str) and not re.match(KEBAB, value):
        raise PydanticCustomError(
            "kebab", "'{value}' must be kebab-case: lowercase words joined by '-'", {"value": value}
        )
    return handler(value)


COUNTRY = r"^[A-Z]{2}$"


def _country(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if isinstance(value, str) and not re.match(COUNTRY, value):
        raise PydanticCustomError(
            "country",
            "'{value}' is not a country code: use two capital letters, such as NL, FR or VN",
            {"value": value},
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


def version(*supported: int) -> Any:
    """The `version` key of a format that reads the versions `supported` (the newest last)."""
    listing = " or ".join(map(str, supported))

    def check(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        text = str(value).strip()
        if vocab.whole_number(text) not in supported:
            raise PydanticCustomError(
                "version",
                "unsupported version '{value}'; this revint reads version {listing}",
                {"value": value, "listing": listing},
            )
        return handler(vocab.whole_number(text))

    return Annotated[Literal[supported], WrapValidator(check)]


def _question_text(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    text = handler(value)
    if not text.rstrip().endswith("?"):
        raise PydanticCustomError("question_mark", "must be a question ending with '?'")
    return text


def _unique(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    items = handler(value)
    dupes = sorted({x for x, n in Counter(items).items() if n > 1})
    if dupes:
        raise PydanticCustomError("unique", "lists '{dupes}' more than once", {"dupes": "', '".join(dupes)})
    return items


def _all_or_subset(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    items = handler(value)
    if "all" in items and len(items) > 1:
        raise PydanticCustomError("all_alone", "use [all] on its own, or list the values without 'all'")
    return items


def unique_list(item: Any, *, min_length: int = 0, all_or_subset: bool = False) -> Any:
    """A list whose items are unique; with `all_or_subset`, either `[all]` or a list of values."""
    validators: list[Any] = [
        Field(min_length=min_length, json_schema_extra={"uniqueItems": True}),
        WrapValidator(_unique),
    ]
    if all_or_subset:
        validators.append(WrapValidator(_all_or_subset))
    return Annotated[list[item], *validators]


# The wrap validator comes last: placed before Field, it would hide the pattern from the JSON schema.
Id = Annotated[str, Field(pattern=KEBAB, max_length=80), WrapValidator(_kebab)]
CountryCode = Annotated[str, Field(pattern=COUNTRY), WrapValidator(_country)]  # ISO 3166-1 alpha-2
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=vocab.LINE_MAX)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=vocab.NOTE_MAX)]
OwnQuestionText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=vocab.QUESTION_MAX)]
QuestionText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=vocab.QUESTION_MAX),
    WrapValidator(_question_text),
]
QuestionMinutes = int_range(*vocab.QUESTION_MINUTES)
ProfileMinutes = int_range(*vocab.PROFILE_MINUTES)
Gut = int_range(*vocab.GUT)
