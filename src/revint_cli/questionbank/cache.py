"""A cache of parsed banks, so that a second run on unchanged bank files parses nothing.

Keyed by a hash of everything the result depends on (revint's version, Python's, every file's label and
text), kept in the user's cache folder, one file per key, written atomically. A cache file is used only
when its content matches the digest written before it (a damaged byte may still read as data: a title
changed, a number turned into a string) and the key stored inside it matches; anything else is ignored and
rewritten: the cache is safe to delete at any time. It holds plain data (marshal: no code runs when it is read), from which the models
are rebuilt without validating again, since they were validated before they were stored.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from revint_cli import __version__, paths
from revint_cli.questionbank.models import (
    Bank,
    Question,
    ResearchPrompt,
    SectorInfo,
    SectorWords,
    Signals,
    StageWindow,
    Theme,
)

FORMAT = 3  # of the cache files: change it when what is stored changes
M = TypeVar("M", bound=BaseModel)
MAX_CACHE_BYTES = 64 * 1024 * 1024  # far above any bank's; a larger file is not ours
DIGEST_BYTES = 32  # a file is the SHA-256 of its content, then the content


def key(sources: Sequence[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version}\0".encode())
    for label, text in sources:
        for part in (label, text):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _file(cache_key: str) -> Path:
    return paths.cache_dir() / f"bank-{cache_key[:32]}.marshal"


def read(cache_key: str) -> Bank | None:
    """The bank stored under `cache_key`, or None (missing, damaged, unreadable, or stored under another key):
    a cache is never a reason to fail, the bank is parsed instead."""
    from revint_cli.errors import RevintError

    try:
        if not paths.checked_dir(paths.cache_dir()):
            return None
        from revint_cli.loading import read_kept

        raw = read_kept(_file(cache_key), limit=MAX_CACHE_BYTES)
    except (OSError, RevintError):  # no cache yet, a folder that is a link or a file, a file it cannot read
        return None
    digest, payload = raw[:DIGEST_BYTES], raw[DIGEST_BYTES:]
    if hashlib.sha256(payload).digest() != digest:  # damaged, cut short, or not ours
        return None
    try:
        stored = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):  # what marshal raises on a truncated or damaged file
        return None
    if not isinstance(stored, dict) or stored.get("key") != cache_key:
        return None
    try:
        return _rebuild(stored)
    except (KeyError, TypeError, AttributeError):  # the right key over the wrong shape: a FORMAT left unchanged
        return None


def write(cache_key: str, bank: Bank) -> None:
    """Store `bank` under `cache_key`; on a read-only or full disk, or a cache folder revint refuses (a link,
    a file), run without a cache."""
    from revint_cli.errors import RevintError
    from revint_cli.fsutil import atomic_write_bytes

    data = {
        "key": cache_key,
        "sources": list(bank.sources),
        "themes": [t.model_dump() for t in bank.themes.values()],
        "questions": [q.model_dump() for q in bank.questions.values()],
        "sectors": [s.model_dump() for s in bank.sectors.values()],
    }
    payload = marshal.dumps(data)
    try:
        atomic_write_bytes(
            paths.ensure_dir(paths.cache_dir()) / _file(cache_key).name, hashlib.sha256(payload).digest() + payload
        )
    except (OSError, RevintError):
        pass


def _rebuild(stored: dict[str, Any]) -> Bank:
    themes = {}
    for t in stored["themes"]:
        prompts = [_model(ResearchPrompt, p) for p in t["research_prompts"]]
        themes[t["id"]] = _model(Theme, {**t, "research_prompts": prompts})
    questions = {}
    for q in stored["questions"]:
        q["stages"] = _model(StageWindow, q["stages"])
        q["listen_for"] = _model(Signals, q["listen_for"])
        questions[q["id"]] = _model(Question, q)
    sectors = {}
    for s in stored["sectors"]:
        sectors[s["id"]] = _model(SectorInfo, {**s, "title_words": _model(SectorWords, s["title_words"])})
    return Bank(themes=themes, questions=questions, sources=list(stored["sources"]), sectors=sectors)


def _model(cls: type[M], values: dict[str, Any]) -> M:
    """A model from values it was dumped from, every field present: what `model_construct` does, without
    looking at defaults (it takes most of the time of a warm load)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj
