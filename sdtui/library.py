"""What a user adds to the library, kept in the store folder: own templates and own prompts.

Two small TinyDB files beside the index, `templates.json` and `prompts.json`, written whole
through the store's `AtomicJSONStorage` (a crash leaves the old file or the new one) while
`library.lock` is held, so two sdtui processes never lose each other's additions. Neither file
is opened with the store: a damaged one gives a clear StoreError where it is read, and the
sessions stay as reachable as ever.

An own prompt is written once, in one language, and shown as written whatever the language:
its words are kept as the library's fallback (Dutch) text, and the language it was written in
is recorded beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

from tinydb import Query, TinyDB

from .i18n import N_, _
from .model import Language, ValidationError, clean_line, clean_text, new_id, parse_enum
from .prompts import MAX_EXPLANATION, MAX_PROMPT_TITLE, PROMPTS, Prompt
from .store import AtomicJSONStorage, Store, StoreCorrupt, _IndexLock
from .templates import OWN_PREFIX, TEMPLATES, Template

TEMPLATES_FILE = "templates.json"
PROMPTS_FILE = "prompts.json"
LOCK_FILE = "library.lock"
OWN_PROMPT_PREFIX = "own-"
"""Ids of own prompts start with this, so they never take the id of a built-in prompt."""

T = TypeVar("T")


class OwnLibrary:
    """The templates and prompts a user added, in the store folder at `root`."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.templates_path = self.root / TEMPLATES_FILE
        self.prompts_path = self.root / PROMPTS_FILE

    # --- the files ----------------------------------------------------------------------

    def _rows(self, path: Path, kind: str) -> list[dict[str, Any]]:
        """The documents of one file; none when it does not exist yet."""
        storage = AtomicJSONStorage(path)
        data = storage.read()
        if data is None:
            return []
        Store._check_schema(data, path, kind)
        return [dict(row) for row in data.get(kind, {}).values()]

    def _read(self, path: Path, kind: str, build: Callable[[Any], T]) -> list[T]:
        """Every entry of a file, rebuilt and validated; a bad one makes the file unreadable, not the app."""
        parsed = []
        for row in self._rows(path, kind):
            try:
                parsed.append(build(row))
            except (ValidationError, TypeError, ValueError, AttributeError) as error:
                reason = error.message if isinstance(error, ValidationError) else str(error)
                raise StoreCorrupt(_("{path} holds an entry sdtui cannot read ({reason}); sdtui left the file "
                                     "untouched. Restore it from a backup or move it away.").format(
                                         path=path, reason=reason)) from None
        return parsed

    def _change(self, path: Path, kind: str, change: Callable[[Any], T]) -> T:
        """Read, check and change one file under the library lock; the file is written atomically."""
        with _IndexLock(self.root / LOCK_FILE):
            self._rows(path, kind)  # refuse to write over a damaged or foreign file
            database = TinyDB(path, storage=AtomicJSONStorage)
            try:
                if database.storage.read() is None:
                    database.table("_meta").insert(Store._meta(kind))
                return change(database.table(kind, cache_size=0))
            finally:
                database.close()

    # --- templates ----------------------------------------------------------------------

    def templates(self) -> list[Template]:
        """The user's own templates, in the order they were saved."""
        return self._read(self.templates_path, "templates", Template.from_dict)

    def all_templates(self) -> list[Template]:
        """Built-in templates first, then the user's own."""
        return [*TEMPLATES, *self.templates()]

    def add_template(self, template: Template) -> Template:
        """Keep a template; refused when another one has the same name."""
        names = {name.casefold() for t in self.all_templates() for name in t.name.values()}
        for name in template.name.values():
            if name.casefold() in names:
                raise ValidationError(_("There is already a template called {name!r}; choose another name.").format(
                    name=name), "name")

        def insert(table: Any) -> Template:
            table.insert(template.to_dict())
            return template

        return self._change(self.templates_path, "templates", insert)

    def remove_template(self, template_id: str) -> None:
        """Forget an own template; built-in ones cannot be removed."""
        if not template_id.startswith(OWN_PREFIX):
            raise ValidationError(_("Built-in templates cannot be removed; only your own."))
        self._change(self.templates_path, "templates", lambda table: table.remove(Query().id == template_id))

    # --- prompts ------------------------------------------------------------------------

    def prompts(self) -> list[Prompt]:
        """The user's own prompts, in the order they were written."""
        return self._read(self.prompts_path, "prompts", _prompt_of_row)

    def all_prompts(self) -> list[Prompt]:
        """The built-in prompts first, then the user's own."""
        return [*PROMPTS, *self.prompts()]

    def add_prompt(self, title: str, explanation: str, what_changed: str = "",
                   language: Language | str = Language.NL) -> Prompt:
        """Keep a prompt the user wrote; the texts are checked like every prompt's."""
        title = clean_line(title, N_("Question"), required=True, limit=MAX_PROMPT_TITLE, field="title")
        explanation = clean_line(explanation, N_("One-line explanation"), required=True, limit=MAX_EXPLANATION,
                                 field="explanation")
        what_changed = clean_text(what_changed, "What changed", field="what_changed")
        lang = parse_enum(Language, language, "Language")
        if any(p.text(lang).casefold() == title.casefold() for p in self.all_prompts()):
            raise ValidationError(_("The library already has the question {title!r}.").format(title=title), "title")
        fallback = Language.NL.value
        prompt = Prompt(OWN_PROMPT_PREFIX + new_id(), {fallback: title}, {fallback: explanation},
                        {fallback: what_changed} if what_changed else {})

        def insert(table: Any) -> Prompt:
            table.insert({"prompt": prompt.to_dict(), "language": lang.value})
            return prompt

        return self._change(self.prompts_path, "prompts", insert)

    def remove_prompt(self, prompt_id: str) -> None:
        """Forget an own prompt; topics already taken from it keep their words."""
        if not prompt_id.startswith(OWN_PROMPT_PREFIX):
            raise ValidationError(_("Built-in prompts cannot be removed; only your own."))
        self._change(self.prompts_path, "prompts", lambda table: table.remove(Query().prompt.id == prompt_id))


def _prompt_of_row(row: Any) -> Prompt:
    if not isinstance(row, dict) or set(row) != {"prompt", "language"}:
        raise ValidationError(_("An own prompt must have the fields 'prompt' and 'language'."))
    parse_enum(Language, row["language"], "Language")
    prompt = Prompt.from_dict(row["prompt"])
    if not prompt.id.startswith(OWN_PROMPT_PREFIX):
        raise ValidationError(_("Own prompt ids start with {prefix!r}.").format(prefix=OWN_PROMPT_PREFIX))
    return prompt


__all__ = ["LOCK_FILE", "OWN_PROMPT_PREFIX", "OwnLibrary", "PROMPTS_FILE",
           "TEMPLATES_FILE"]
