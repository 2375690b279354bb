"""Reading a job title and an employer's name into a guess: sector, role family, seniority, kind of employer.

English, Dutch and French titles are read with one set of tables (`title_words`: data/title_words/, a file
per language), folded the same way as the
title (case and accents ignored, punctuation a word break), word by word:
- a phrase beats the shorter words inside it ("Staff Nurse" is mid, whatever "staff" says; "UX Researcher"
  is design, not research), and a Dutch compound reads as its parts ("wijkverpleegkundige");
- a French feminine or a plural reads as the word the tables know ("infirmière", "hospitals");
- the employer's name decides the sector before the title does ("Legal Counsel" at a bank is in finance);
- some words mean something else in one sector ("Associate" at a law firm, "Vice President" at a bank).
Each answer says which words decided it (`Guess.read_from`), so a person can see why and correct it.

No pydantic, no YAML at import: the wizard imports this before its first prompt. The tables are read
(about 40 ms) and folded at the first guess, so importing this module costs little more than `Guess` itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Protocol

    class SectorWords(Protocol):
        """What a bank says of a sector's words (the bank model `SectorWords`, as `SectorInfo.title_words`)."""

        @property
        def roles(self) -> Sequence[str]: ...

        @property
        def employers(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class Guess:
    """What a job title and an employer's name suggest. `read_from` maps each field guessed from words to
    those words, as the person typed them: {"role_family": "Verpleegkundige", "sector": "Erasmus MC"}."""

    sector: str | None
    role_family: str
    seniority: str
    employer_kind: str | None
    read_from: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)


# -- folding --------------------------------------------------------------------------------------------

_WORD = r"[^\W_]+|&"
_LIGATURES = {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}
# What a French feminine or a plural may end in, and what the word the tables know ends in instead.
_ENDINGS = (("euse", "eur"), ("trice", "teur"), ("iere", "ier"), ("ienne", "ien"), ("esse", "e"), ("ive", "if"),
            ("e", ""), ("s", ""), ("en", ""))  # fmt: skip


def fold(text: str) -> str:
    """`text` without case, accents or punctuation: "Chef d'Équipe" -> "chef d equipe"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(_LIGATURES.get(c, c) for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(_WORD, bare))


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` casefolded and without accents, with, for each of its characters, where it was in `text`."""
    import unicodedata

    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        for c in unicodedata.normalize("NFKD", char.casefold()):
            if not unicodedata.combining(c):
                for d in _LIGATURES.get(c, c):
                    out.append(d)
                    where.append(i)
    return "".join(out), where


# -- tables ---------------------------------------------------------------------------------------------


class _Entry:
    """A phrase of a table, folded into words, and what it says."""

    __slots__ = ("words", "value", "strength")

    def __init__(self, words: tuple[str, ...], value: str, strength: int) -> None:
        self.words, self.value = words, value
        self.strength = strength  # which of two words naming different values wins: 3 in a sector, 2, 1 weak


_Table = dict[str, list[_Entry]]  # by first word


def _table(*groups: tuple[Mapping[str, Iterable[str]], int]) -> _Table:
    table: _Table = {}
    for values, strength in groups:
        for value, phrases in values.items():
            for phrase in phrases:
                words = tuple(fold(phrase).split())
                table.setdefault(words[0], []).append(_Entry(words, value, strength))
    return table


def _merged(tables: Mapping[str, Mapping[str, Iterable[str]]]) -> dict[str, list[str]]:
    """Per-language tables as one: {value: words of every language}."""
    out: dict[str, list[str]] = {}
    for by_value in tables.values():
        for value, words in by_value.items():
            out.setdefault(value, []).extend(words)
    return out


def _words(tables: Iterable[_Table]) -> frozenset[str]:
    return frozenset(w for t in tables for entries in t.values() for e in entries for w in e.words)


class _Tables:
    """Every table a guess reads, folded: the fixed ones, and the sector words (revint's own or a bank's)."""

    def __init__(self, roles: Mapping[str, Iterable[str]], employers: Mapping[str, Iterable[str]]) -> None:
        from revint_cli.title_words import words

        self.w = words()
        fixed = _fixed()
        self.family, self.seniority, self.kinds, self.in_sector, self.heads = fixed[:5]
        self.roles = _table((roles, 2))  # sector words of titles
        self.employers = _table((employers, 2))  # sector words of employers' names
        self.known = fixed[5] | _words((self.roles, self.employers))  # what a feminine or a plural may be


@cache
def _fixed() -> tuple[_Table, _Table, _Table, dict[str, tuple[_Table, _Table]], tuple[str, ...], frozenset[str]]:
    from revint_cli.title_words import words

    w = words()
    family = _table((_merged(w.family), 2), (_merged(w.family_weak), 1))
    seniority = _table((_merged(w.seniority), 2))
    kinds = _table((_merged(w.employer_kinds), 2))
    in_sector = {
        sector: (_table((t.get("role_family", {}), 3)), _table((t.get("seniority", {}), 3)))
        for sector, t in w.in_sector.items()
    }
    every = [family, seniority, kinds, *(t for pair in in_sector.values() for t in pair)]
    return family, seniority, kinds, in_sector, tuple(fold(h) for h in w.compound_heads), _words(every)


@cache
def _builtin() -> _Tables:
    from revint_cli.title_words import words

    w = words()
    return _Tables(_merged(w.sector_roles), _merged(w.sector_employers))


# -- matching -------------------------------------------------------------------------------------------


class _Match:
    """Where a phrase of a table was found in a text (in folded characters), and what it says there."""

    __slots__ = ("start", "end", "weight", "value", "strength")

    def __init__(self, start: int, end: int, weight: float, entry: _Entry) -> None:
        self.start, self.end, self.value, self.strength = start, end, entry.value, entry.strength
        self.weight = weight  # the letters it read: a longer phrase masks the words inside it

    def covers(self, other: _Match) -> bool:
        return self.start <= other.start and other.end <= self.end and self.weight > other.weight


class _Text:
    """A title or an employer's name, folded into words, each with the forms the tables may know it by."""

    def __init__(self, text: str, tables: _Tables) -> None:
        self.text = text
        folded, self._where = _folded(text)
        self.spans = [(m.start(), m.end()) for m in re.finditer(_WORD, folded)]
        self.words = [folded[a:b] for a, b in self.spans]
        self.forms = [self._forms(w, tables.known) for w in self.words]
        self.heads = [[h for h in tables.heads if len(w) >= len(h) + 3 and w.endswith(h)] for w in self.words]

    @staticmethod
    def _forms(word: str, known: frozenset[str]) -> frozenset[str]:
        forms = {word}
        for ending, instead in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) + len(instead) >= 3:
                form = word[: len(word) - len(ending)] + instead
                if form in known:
                    forms.add(form)
        return frozenset(forms)

    def said(self, match: _Match) -> str:
        """The words of the text a match read, as they were typed."""
        return self.text[self._where[match.start] : self._where[match.end - 1] + 1]

    def find(self, table: _Table, bonus: float = 0.0) -> list[_Match]:
        """Every phrase of `table` in the text, and the parts of Dutch compounds ending in one of its words."""
        found: list[_Match] = []
        for i, forms in enumerate(self.forms):
            for form in forms:
                for entry in table.get(form, ()):
                    n = len(entry.words)
                    if i + n <= len(self.forms) and all(entry.words[k] in self.forms[i + k] for k in range(1, n)):
                        weight = len(" ".join(entry.words)) + bonus
                        found.append(_Match(self.spans[i][0], self.spans[i + n - 1][1], weight, entry))
            start, end = self.spans[i]
            for head in self.heads[i]:
                found += self._single(table, head, end - len(head), bonus)
                prefix = self.words[i][: -len(head)]
                for part in {prefix, prefix.removesuffix("s")}:
                    found += self._single(table, part, start, bonus)
        return found

    @staticmethod
    def _single(table: _Table, word: str, start: int, bonus: float) -> list[_Match]:
        """The one-word entries of `table` for `word`, a part of a compound found at `start`."""
        entries = table.get(word, ()) if len(word) >= 3 else ()
        return [_Match(start, start + len(word), len(word) + bonus, e) for e in entries if len(e.words) == 1]


def _unmasked(matches: list[_Match]) -> list[_Match]:
    """The matches no longer match covers: "staff nurse" hides "staff"."""
    return [m for m in matches if not any(o.covers(m) for o in matches)]


# -- the guess ------------------------------------------------------------------------------------------


def guess(role: str, employer: str = "", sectors: Mapping[str, SectorWords] | None = None) -> Guess:
    """What `role` (a job title) at `employer` suggests. `sectors` are the sectors a bank describes, by id,
    with the words that point to them; without it, revint's own words are used."""
    if sectors is None:
        tables = _builtin()
    else:
        tables = _Tables({s: w.roles for s, w in sectors.items()}, {s: w.employers for s, w in sectors.items()})
    w = tables.w
    title, name = _Text(role, tables), _Text(employer, tables)
    read: dict[str, str] = {}

    family_words = title.find(tables.family)
    hint = _pick_family(_unmasked(family_words), w.family_order)
    sector, sector_from = _sector(title, name, tables, family_words, hint.value if hint else None)
    if sector_from:
        read["sector"] = sector_from

    in_family, in_seniority = tables.in_sector.get(sector or "", ({}, {}))
    picked = _pick_family(_unmasked(family_words + title.find(in_family, 0.5)), w.family_order)
    if picked:
        family, read["role_family"] = picked.value, title.said(picked)
    elif sector in w.sector_family and sector_from:  # "Associate" at a law firm, "Head of Science" at a school
        family, read["role_family"] = w.sector_family[sector], sector_from
    else:
        family = "other"

    level = _seniority(_unmasked(title.find(tables.seniority) + title.find(in_seniority, 0.5)), w.seniority_order)
    if level:
        read["seniority"] = title.said(level)

    kinds = [m for m in _unmasked(name.find(tables.kinds)) if m.value]
    kind = min(kinds, key=lambda m: (w.employer_order.index(m.value), m.start)) if kinds else None
    if kind:
        read["employer_kind"] = name.said(kind)
    seniority = level.value if level else "mid"
    return Guess(sector, family, seniority, kind.value if kind else None, MappingProxyType(read))


def _pick_family(matches: list[_Match], order: Sequence[str]) -> _Match | None:
    """The strongest word naming a family; between equals, the family earlier in `order`."""
    named = [m for m in matches if m.value]  # a family of "" names none
    return max(named, key=lambda m: (m.strength, -order.index(m.value), -m.start)) if named else None


def _sector(
    title: _Text, name: _Text, tables: _Tables, family_words: list[_Match], family: str | None
) -> tuple[str | None, str]:
    """The sector the employer's name points to, else the one the title does, and the words that said so."""
    natural = {f: s for s, f in tables.w.sector_family.items()}.get(family or "")
    # Words a longer phrase reads as another family point to no sector: "UX Researcher" is no researcher.
    reread = [o for o in family_words if any(o.covers(m) and m.value != o.value for m in family_words)]
    from_title = [
        m
        for m in _unmasked(title.find(tables.roles))
        if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in reread)
    ]
    in_title = {m.value for m in from_title}
    for text, matches in ((name, _unmasked(name.find(tables.employers))), (title, from_title)):
        if matches:  # where the employer's name points to several, the one the title points to too
            best = max(matches, key=lambda m: (m.value in in_title, m.value == natural, m.weight, -m.start))
            return best.value, text.said(best)
    return None, ""


def _seniority(matches: list[_Match], order: Sequence[str]) -> _Match | None:
    """The highest level a title names; its "mid" words only where it names no other level."""
    said = [m for m in matches if m.value != "mid"] or matches
    return max(said, key=lambda m: (order.index(m.value), m.weight, -m.start)) if said else None


# What a profile left without them reads from the job title and the employer's name, key by key.
GUESSED = ("role_family", "seniority", "sector", "employer")


def suggested(role: str, employer: str = "") -> dict[str, str]:
    """The profile keys a job title and an employer's name suggest (`GUESSED`, those with a value)."""
    found = guess(role, employer)
    values = {
        "role_family": found.role_family,
        "seniority": found.seniority,
        "sector": found.sector,
        "employer": found.employer_kind,
    }
    return {key: value for key, value in values.items() if value is not None}
