"""The words of sdtui in Dutch and English: one catalog, gettext `.po` files in `sdtui/locale/`.

English is the source language: every user-facing string is written in English in the code and
wrapped in `_()` where it is shown, or marked with `N_()` where it is defined before the
language is known (labels, key descriptions). `locale/nl.po` holds the Dutch for each of them;
a test fails when a string in the code has no Dutch, or the Dutch has other placeholders.

The UI language comes from `--lang`, else `$SDTUI_LANG`, else the locale (`LC_ALL`,
`LC_MESSAGES`, `LANG`); Dutch for any `nl_*` locale, English otherwise. The minutes have a
language of their own, the session's, and read the same catalog through `translation()`.
"""

from __future__ import annotations

import ast
import gettext
import os
from collections.abc import Mapping
from enum import Enum
from functools import cache
from pathlib import Path

LANGUAGES = ("nl", "en")
SOURCE_LANGUAGE = "en"
ENV_LANG = "SDTUI_LANG"
LOCALE_DIR = Path(__file__).parent / "locale"

_current = SOURCE_LANGUAGE


class Catalog(gettext.NullTranslations):
    """A gettext translation read straight from a `.po` file (no compiled `.mo` to keep in step)."""

    def __init__(self, messages: Mapping[tuple[str, str], str]) -> None:
        super().__init__()
        self.messages = dict(messages)

    def gettext(self, message: str) -> str:
        return self.messages.get(("", message)) or message

    def pgettext(self, context: str, message: str) -> str:
        return self.messages.get((context, message)) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def read_po(path: Path) -> dict[tuple[str, str], str]:
    """(context, msgid) -> msgstr of a `.po` file; untranslated entries are left out."""
    messages: dict[tuple[str, str], str] = {}
    entry: dict[str, str] = {}
    field = ""

    def finish() -> None:
        if entry.get("msgid") and entry.get("msgstr"):
            messages[(entry.get("msgctxt", ""), entry["msgid"])] = entry["msgstr"]
        entry.clear()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            part = line
        else:
            field, _space, part = line.partition(" ")
            if field in {"msgctxt", "msgid"} and "msgstr" in entry:
                finish()
            if field not in {"msgctxt", "msgid", "msgstr"}:
                raise ValueError(f"{path}:{number}: unknown keyword {field!r}")
            entry[field] = ""
        try:
            entry[field] += ast.literal_eval(part)
        except (ValueError, SyntaxError):
            raise ValueError(f"{path}:{number}: not a quoted string: {part}") from None
    finish()
    return messages


@cache
def translation(language: str) -> Catalog:
    """The catalog of one language. English, the source, has entries only for the words of
    stored values (`good-practice` reads "good practice")."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    return Catalog(read_po(LOCALE_DIR / f"{language}.po"))


def set_language(language: str) -> None:
    """Use `language` for every string shown from now on."""
    global _current
    translation(language)  # fail now, not on the first string shown
    _current = language


def current_language() -> str:
    return _current


def choose_language(option: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """`--lang`, else `$SDTUI_LANG`, else the locale, else English."""
    for candidate in (option, environ.get(ENV_LANG)):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "nl" if value.lower().startswith("nl") else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def _(message: str) -> str:
    """`message` in the UI language."""
    return translation(_current).gettext(message)


def word(member: Enum, language: str | None = None) -> str:
    """A stored value (a role, a status, a kind) as a word, in the UI language or `language`."""
    return translation(language or _current).pgettext(type(member).__name__, member.value)


def counted(count: int, one: str, many: str) -> str:
    """`one` for a count of 1, else `many`, with `{count}` filled in: "1 decision", "2 decisions".

    Both forms are translated where they are written (`_("1 decision")`, `_("{count} decisions")`),
    so Dutch gets its own ("1 besluit", "2 besluiten")."""
    return (one if count == 1 else many).format(count=count)


def N_(message: str) -> str:
    """Mark `message` for the catalog where it is defined; `_()` translates it where it is shown."""
    return message


__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "choose_language",
    "counted",
    "current_language",
    "read_po",
    "set_language",
    "translation",
    "word",
]
