"""The one way a user-facing string is written: `_("...")` and `ngettext(singular, plural, n)`.

Every sentence revint shows passes through here, whole (never joined from fragments in an English word
order), with named placeholders filled after translation: `_("no time left: it takes {minutes} minutes")
.format(minutes=4)`. English is the source language. The catalogs (gettext `.mo` files, extracted with
Babel) are looked up by `use(language)`; until one is installed, the English text is shown as written.
"""

from __future__ import annotations

import gettext as _gettext

DOMAIN = "revint"
_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def use(translation: _gettext.NullTranslations) -> None:
    """Show every later string through `translation` (a catalog of one language)."""
    global _translation
    _translation = translation


def _(message: str) -> str:
    """`message` in the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that fits the number `n`, by the language's own plural rule."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks `message` for extraction where it is defined (a table), translated where it is shown."""
    return message
