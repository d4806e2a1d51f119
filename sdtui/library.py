"""What a user adds to the library, kept in the store folder: own templates and own prompts.

Two small TinyDB files beside the index, `templates.json` and `prompts.json`, written whole
through `storage.AtomicJSONStorage` (a crash leaves the old file or the new one) while
`library.lock` is held. A change reads its file once, under that lock, and checks for a
duplicate name there, so two sdtui processes never lose each other's additions nor add the
same name twice. Neither file is opened with the store: a damaged one gives a clear StoreError
where it is read, and the sessions stay as reachable as ever.

Wherever templates or prompts are offered (pickers, `sdtui new`), it is through `offer`: the
built-in ones, then the user's own; when the own file cannot be read, the built-in ones alone
and the reason, so a damaged file never keeps the built-in library from being used.

An own prompt is written once, in one language, and shown as written whatever the language:
its words are kept as the library's fallback (Dutch) text, and the language it was written in
is recorded beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from .i18n import N_, _
from .mentions import find_mentions, replace_in_strings
from .model import Language, ValidationError, clean_line, clean_text, new_id, parse_enum
from .prompts import MAX_EXPLANATION, MAX_PROMPT_TITLE, PROMPTS, Prompt
from .storage import AtomicJSONStorage, FileLock, StoreCorrupt, StoreError, check_schema, new_file, next_row_id
from .templates import OWN_PREFIX, TEMPLATES, Template, find_template

TEMPLATES_FILE = "templates.json"
PROMPTS_FILE = "prompts.json"
LOCK_FILE = "library.lock"
OWN_PROMPT_PREFIX = "own-"
"""Ids of own prompts start with this, so they never take the id of a built-in prompt."""


class Entry(Protocol):
    """What the library offers has an id: a Template or a Prompt."""

    @property
    def id(self) -> str: ...


T = TypeVar("T")
E = TypeVar("E", bound=Entry)


@dataclass(frozen=True)
class Offer(Generic[E]):
    """What a picker or a command offers: the built-in entries, then the user's own.

    When the user's own cannot be read, `entries` holds the built-in ones alone and `error`
    says why, so a damaged file never keeps the built-in library from being used.
    """

    entries: tuple[E, ...]
    own_ids: frozenset[str] = frozenset()
    error: StoreError | None = None


def offer(builtin: Iterable[E], own: Callable[[], list[E]] | None = None) -> Offer[E]:
    """The built-in entries and then the user's own (read by `own`), or the built-in ones and why not."""
    try:
        mine = own() if own is not None else []
    except StoreError as error:
        return Offer(tuple(builtin), error=error)
    return Offer((*builtin, *mine), frozenset(entry.id for entry in mine))


class OwnLibrary:
    """The templates and prompts a user added, in the store folder at `root`."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.templates_path = self.root / TEMPLATES_FILE
        self.prompts_path = self.root / PROMPTS_FILE

    # --- the files ----------------------------------------------------------------------

    @staticmethod
    def _rows(data: dict[str, Any] | None, path: Path, kind: str) -> dict[str, Any]:
        """The table of one file's entries by row id, after its schema is checked; empty when there is no file."""
        if data is None:
            return {}
        check_schema(data, path, kind)
        return data.get(kind, {})

    @staticmethod
    def _parse(rows: Iterable[Any], path: Path, build: Callable[[Any], T]) -> list[T]:
        """Every entry, rebuilt and validated; a bad one makes the file unreadable, not the app."""
        parsed = []
        for row in rows:
            try:
                parsed.append(build(row))
            except (ValidationError, TypeError, ValueError, AttributeError) as error:
                reason = error.message if isinstance(error, ValidationError) else str(error)
                raise StoreCorrupt(
                    _(
                        "{path} holds an entry sdtui cannot read ({reason}); sdtui left the file "
                        "untouched. Restore it from a backup or move it away."
                    ).format(path=path, reason=reason)
                ) from None
        return parsed

    def _read(self, path: Path, kind: str, build: Callable[[Any], T]) -> list[T]:
        """Every entry of a file, read once."""
        return self._parse(self._rows(AtomicJSONStorage(path).read(), path, kind).values(), path, build)

    def _change(self, path: Path, kind: str, change: Callable[[dict[str, Any]], T]) -> T:
        """Read, check and change one file under the library lock, reading it once; written atomically.

        `change` gets the file's table of entries by row id, as it is on disk now, and edits it
        in place; it may raise to leave the file as it was. A damaged or foreign file is never
        written over.
        """
        with FileLock(self.root / LOCK_FILE):
            storage = AtomicJSONStorage(path)
            data = storage.read()
            if data is None:
                data = new_file(kind)
            table = self._rows(data, path, kind)
            data[kind] = table
            result = change(table)
            storage.write(data)
            return result

    # --- templates ----------------------------------------------------------------------

    def templates(self) -> list[Template]:
        """The user's own templates, in the order they were saved."""
        return self._read(self.templates_path, "templates", Template.from_dict)

    def all_templates(self) -> list[Template]:
        """Built-in templates first, then the user's own."""
        return [*TEMPLATES, *self.templates()]

    def template_offer(self) -> Offer[Template]:
        """The built-in templates, then the user's own; the built-in ones alone when the own cannot be read."""
        return offer(TEMPLATES, self.templates)

    def find_template(self, wanted: str) -> Template:
        """A template by id or name among the built-in and own ones (see `templates.find_template`).

        When the own templates cannot be read, a built-in one is still found; anything else
        raises the StoreError that says what is wrong with the file.
        """
        offered = self.template_offer()
        try:
            return find_template(wanted, offered.entries)
        except ValidationError:
            if offered.error is not None:
                raise offered.error from None
            raise

    def add_template(self, template: Template) -> Template:
        """Keep a template; refused when another one has the same name."""

        def insert(table: dict[str, Any]) -> Template:
            own = self._parse(table.values(), self.templates_path, Template.from_dict)
            names = {name.casefold() for t in (*TEMPLATES, *own) for name in t.name.values()}
            for name in template.name.values():
                if name.casefold() in names:
                    raise ValidationError(
                        _("There is already a template called {name!r}; choose another name.").format(name=name), "name"
                    )
            table[str(next_row_id(table))] = template.to_dict()
            return template

        return self._change(self.templates_path, "templates", insert)

    def remove_template(self, template_id: str) -> None:
        """Forget an own template; built-in ones cannot be removed."""
        if not template_id.startswith(OWN_PREFIX):
            raise ValidationError(_("Built-in templates cannot be removed; only your own."))
        self._change(
            self.templates_path, "templates", lambda table: _remove(table, lambda row: row.get("id") == template_id)
        )

    # --- prompts ------------------------------------------------------------------------

    def prompts(self) -> list[Prompt]:
        """The user's own prompts, in the order they were written."""
        return self._read(self.prompts_path, "prompts", _prompt_of_row)

    def all_prompts(self) -> list[Prompt]:
        """The built-in prompts first, then the user's own."""
        return [*PROMPTS, *self.prompts()]

    def prompt_offer(self) -> Offer[Prompt]:
        """The built-in prompts, then the user's own; the built-in ones alone when the own cannot be read."""
        return offer(PROMPTS, self.prompts)

    def add_prompt(
        self, title: str, explanation: str, what_changed: str = "", language: Language | str = Language.NL
    ) -> Prompt:
        """Keep a prompt the user wrote; the texts are checked like every prompt's."""
        title = clean_line(title, N_("Question"), required=True, limit=MAX_PROMPT_TITLE, field="title")
        explanation = clean_line(
            explanation, N_("One-line explanation"), required=True, limit=MAX_EXPLANATION, field="explanation"
        )
        what_changed = clean_text(what_changed, "What changed", field="what_changed")
        lang = parse_enum(Language, language, "Language")
        fallback = Language.NL.value
        prompt = Prompt(
            OWN_PROMPT_PREFIX + new_id(),
            {fallback: title},
            {fallback: explanation},
            {fallback: what_changed} if what_changed else {},
        )

        def insert(table: dict[str, Any]) -> Prompt:
            own = self._parse(table.values(), self.prompts_path, _prompt_of_row)
            if any(p.text(lang).casefold() == title.casefold() for p in (*PROMPTS, *own)):
                raise ValidationError(_("The library already has the question {title!r}.").format(title=title), "title")
            table[str(next_row_id(table))] = {"prompt": prompt.to_dict(), "language": lang.value}
            return prompt

        return self._change(self.prompts_path, "prompts", insert)

    def remove_prompt(self, prompt_id: str) -> None:
        """Forget an own prompt; topics already taken from it keep their words."""
        if not prompt_id.startswith(OWN_PROMPT_PREFIX):
            raise ValidationError(_("Built-in prompts cannot be removed; only your own."))
        self._change(
            self.prompts_path,
            "prompts",
            lambda table: _remove(table, lambda row: (row.get("prompt") or {}).get("id") == prompt_id),
        )

    # --- the right to be forgotten (forget.py) ------------------------------------------

    def _files(self) -> tuple[tuple[Path, str, Callable[[Any], Any]], ...]:
        return ((self.templates_path, "templates", Template.from_dict), (self.prompts_path, "prompts", _prompt_of_row))

    def texts(self) -> list[str]:
        """Every own template and prompt as stored text, to find earlier pseudonyms in."""
        found = []
        for path, kind, _build in self._files():
            found += [str(row) for row in self._rows(AtomicJSONStorage(path).read(), path, kind).values()]
        return found

    def places_of(self, name: str) -> list[tuple[str, str]]:
        """(file, what) for each own template or prompt that holds `name`, ignoring case and accents."""
        places = []
        for path, kind, _build in self._files():
            for row in self._rows(AtomicJSONStorage(path).read(), path, kind).values():
                for _kind, _label, text in find_mentions(row, name):
                    places.append((path.name, text))
        return places

    def forget(self, name: str, replacement: str) -> int:
        """Replace `name` with `replacement` in every own template and prompt; how many entries changed."""
        changed = 0
        for path, kind, build in self._files():
            if not path.exists():
                continue

            def swap(table: dict[str, Any], path: Path = path, build: Callable[[Any], Any] = build) -> int:
                count = 0
                for key, row in list(table.items()):
                    if find_mentions(row, name):
                        table[key] = replace_in_strings(row, name, replacement)
                        count += 1
                self._parse(table.values(), path, build)  # still valid entries, or the file stays as it was
                return count

            changed += self._change(path, kind, swap)
        return changed


def _remove(table: dict[str, Any], unwanted: Callable[[dict[str, Any]], bool]) -> None:
    """Take the rows `unwanted` picks out of a table."""
    for key in [key for key, row in table.items() if isinstance(row, dict) and unwanted(row)]:
        del table[key]


def _prompt_of_row(row: Any) -> Prompt:
    if not isinstance(row, dict) or set(row) != {"prompt", "language"}:
        raise ValidationError(_("An own prompt must have the fields 'prompt' and 'language'."))
    parse_enum(Language, row["language"], "Language")
    prompt = Prompt.from_dict(row["prompt"])
    if not prompt.id.startswith(OWN_PROMPT_PREFIX):
        raise ValidationError(_("Own prompt ids start with {prefix!r}.").format(prefix=OWN_PROMPT_PREFIX))
    return prompt


__all__ = ["LOCK_FILE", "OWN_PROMPT_PREFIX", "Offer", "OwnLibrary", "PROMPTS_FILE", "TEMPLATES_FILE", "offer"]
