"""The green and red signals of the bank, seen from the interviewer's side of the table.

A green signal (what a candidate is glad to hear) becomes advice to the interviewer (`guidance`); a red one
becomes what they should not be heard doing (`worry`). The rewriting is a small grammar of English, applied
to the bank's English text: it runs only on English text (`REWRITTEN`). A signal in any other language is
shown as the bank wrote it, until that language supplies a rewriter of its own. Its output is bank content
rewritten, not a message of revint's: like the bank's text, it is translated with the content, per id, not
through the catalogs.
"""

from __future__ import annotations

import re

REWRITTEN = ("en",)  # the languages whose signals are rewritten


def guidance(signal: str, language: str = "en") -> str:
    """A green signal as advice to the interviewer; in a language with no rewriter, the signal as written."""
    text = " ".join(signal.split())
    return _guidance_en(text) if language in REWRITTEN else text


def worry(signal: str, language: str = "en") -> str:
    """A red signal as what the interviewer should not be heard doing; in a language with no rewriter, the
    signal as written."""
    text = " ".join(signal.split())
    return _worry_en(text) if language in REWRITTEN else text


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


def lower_first(text: str) -> str:
    """`text` with a lowercase first letter, unless it opens with a name or an acronym ("HR", "I")."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first == "I" else text[:1].lower() + text[1:]


def _guidance_en(signal: str) -> str:
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
            return _guidance_en(f"they {rest}")
        return _cap(f"{verb} {rest}".strip())
    if text[0] in "'\"‘“":
        return f"Words such as {text}, with the story behind them"
    words = _words(text)
    if len(words) > 1 and words[0].lower() in _QUALITIES and words[1] in ("about", "on", "over", "with"):
        return f"Be {_QUALITIES[words[0].lower()]} {text.split(' ', 1)[1]}"
    if words and words[0].endswith("ed") and len(words) > 1 and words[1] == "by":
        return f"Show that it is {text}"
    if _is_clause(text):
        return f"Show that {lower_first(text)}"
    head = set(words[:5])
    verb = "Tell" if head & _TELL else "Give" if head & _GIVE else "Describe"
    return f"{verb} {lower_first(text)}"


def _worry_en(signal: str) -> str:
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
