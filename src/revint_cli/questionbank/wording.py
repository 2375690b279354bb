"""How a question is worded, checked per language: whether it opens like a question a yes or a no answers.

English-only logic kept as data a language supplies: each language lists the words a closed question opens
with and the words that open it again. A text in a language with no entry is never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ClosedWords:
    """What makes a question closed in one language: its opening word, and no word that asks for more."""

    openers: tuple[str, ...]  # "is", "do", "can": a question these open is answered yes or no
    opening: tuple[str, ...]  # "what", "how": with one of these anywhere, it is open again

    def pattern(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return (
            re.compile(rf"^\s*({'|'.join(self.openers)})\b", re.I),
            re.compile(rf"\b({'|'.join(self.opening)})\b", re.I),
        )


CLOSED: dict[str, ClosedWords] = {
    "en": ClosedWords(
        openers=(
            "is",
            "are",
            "am",
            "was",
            "were",
            "do",
            "does",
            "did",
            "can",
            "could",
            "will",
            "would",
            "should",
            "shall",
            "may",
            "might",
            "must",
            "has",
            "have",
            "had",
        ),  # fmt: skip
        opening=("what", "how", "which", "when", "where", "who", "whom", "whose", "why"),
    ),
}
_PATTERNS = {language: words.pattern() for language, words in CLOSED.items()}


def looks_closed(text: str, language: str = "en") -> bool:
    """True when `text`, in `language`, opens like a yes/no question and holds no word to make it open; always
    False for a language that supplies no words."""
    patterns = _PATTERNS.get(language)
    if patterns is None:
        return False
    opener, opening = patterns
    return bool(opener.match(text)) and not opening.search(text)
