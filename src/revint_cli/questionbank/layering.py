"""Loading the question bank: the shipped bank, custom banks layered over it, and its schema as text.

Custom banks layer over the shipped one: new themes and questions are added, an entry whose id already
exists replaces it. Every problem of every file is reported at once, with its line. An unchanged set of
files is read back from the cache (`questionbank.cache`) instead of parsed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from revint_cli import loading, paths, yamlio
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _
from revint_cli.questionbank.models import Bank, BankFile, BankFileV1, file_model


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
        raise RevintError(
            _("{label}: the bundled question bank is missing ({reason}); reinstall revint").format(
                label=label, reason=exc
            )
        ) from None


def load(files: Sequence[Path] = (), *, include_default: bool = True, cache: bool = True) -> Bank:
    """Load the shipped bank (unless told not to) and layer `files` over it; raise with every problem.

    An unchanged set of files is read back from the cache (see `questionbank.cache`) instead of parsed again.
    """
    sources: list[tuple[str, str]] = []
    if include_default:
        sources.append(_read_bundled())
    for path in files:
        sources.append((str(path), loading.read_text(path)))
    if not sources:
        raise RevintError(_("no question bank: --no-default-bank needs at least one --bank FILE"))
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
        model = file_model(doc.data)
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
                problems.append((("questions", i, "theme"), loading.unknown(N_("theme"), ref, known)))
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
            message = _("duplicate id '{id}' (first at line {line}, {path})")
            problems.append((path, message.format(id=ident, line=doc.line_of(first), path=loading.dotted(first[:-1]))))

    for key in ("themes", "questions"):
        for i, ident in _raw_ids(doc.data, key):
            check((key, i, "id"), ident, key)
    for i, theme in _raw_items(doc.data, "themes"):
        for j, ident in _raw_ids(theme, "research_prompts"):
            check(("themes", i, "research_prompts", j, "id"), ident, "research_prompts")
    return problems
