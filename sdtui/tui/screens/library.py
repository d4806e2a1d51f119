"""The library on screen: pick a template to start a session from, pick or write a prompt.

Both pickers list the built-in entries first and the user's own after them, marked as own;
own entries can be added and removed here, built-in ones cannot. The user's own entries live
in the store (`sdtui/library.py`); when that file cannot be read, the picker says so and still
offers the built-in ones.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import N_, _, counted, current_language
from ...library import OwnLibrary, offer
from ...model import Language, Session
from ...prompts import PROMPTS, Prompt
from ...templates import TEMPLATES, Template
from ..keyed import KeyedModalScreen, KeyedScreen
from ..widgets.safe import plain
from .dialogs import Field, FormScreen, confirm_then, guarded

LANGUAGE_NAMES = {Language.NL: N_("Dutch"), Language.EN: N_("English")}


class LibraryPicker(KeyedModalScreen[Any]):
    """An option list of built-in and own entries, with a line for a message under it."""

    CSS_PATH = ["../styles/forms.tcss", "../styles/library.tcss"]
    LIST_ID = "entries"

    def __init__(self, title: str) -> None:
        super().__init__()
        self.picker_title = title
        self.library_error = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(plain(self.picker_title), id="form-title")
            yield OptionList(id=self.LIST_ID)
            yield Static("", id="library-error", classes="library-error")
            yield Static(plain(self.hint()), id="form-hint")

    def on_mount(self) -> None:
        self.fill()

    def hint(self) -> str:
        return ""

    def options(self) -> list[Option]:
        raise NotImplementedError

    @property
    def option_list(self) -> OptionList:
        return self.query_one(f"#{self.LIST_ID}", OptionList)

    def fill(self, select: str | None = None) -> None:
        """List the entries again, keeping `select` (or the current entry) highlighted."""
        option_list = self.option_list
        keep = select or self.highlighted_id()
        option_list.clear_options()
        option_list.add_options(self.options())
        ids = [option.id for option in option_list.options]
        option_list.highlighted = ids.index(keep) if keep in ids else (0 if ids else None)
        error = self.query_one("#library-error", Static)
        error.update(plain(self.library_error))
        error.display = bool(self.library_error)
        option_list.focus()

    def highlighted_id(self) -> str | None:
        option_list = self.option_list
        if option_list.highlighted is None:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- templates -------------------------------------------------------------------------------


class TemplatePicker(LibraryPicker):
    """The built-in and own templates; Enter picks one, x removes an own one."""

    KEY_SCOPES = ("templates",)
    HELP_TITLE = N_("Templates")

    def __init__(self, library: OwnLibrary) -> None:
        super().__init__(_("New session from a template"))
        self.library = library
        self.templates: list[Template] = list(TEMPLATES)

    def hint(self) -> str:
        return _("Enter picks · x removes your own · Esc cancels")

    def options(self) -> list[Option]:
        offered = self.library.template_offer()
        self.templates = list(offered.entries)
        self.library_error = (
            "" if offered.error is None else _("Your own templates cannot be read: {error}").format(error=offered.error)
        )
        return [Option(self._label(t), id=t.id) for t in self.templates]

    def _label(self, template: Template) -> Text:
        language = current_language()
        label = Text(template.title(language), style="bold")
        if template.builtin:
            details = template.describe(language)
        else:
            languages = ", ".join(_(LANGUAGE_NAMES[Language(lang)]) for lang in template.languages) or "-"
            details = _("own · {languages} · {items}, {minutes} min").format(
                languages=languages,
                items=counted(len(template.items), _("1 item"), _("{count} items")),
                minutes=template.minutes,
            )
        label.append("\n" + details, style="italic")
        return label

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(next(t for t in self.templates if t.id == event.option.id))

    def action_remove(self) -> None:
        template = next((t for t in self.templates if t.id == self.highlighted_id()), None)
        if template is None:
            return
        if template.builtin:
            self.notify(_("Built-in templates cannot be removed; only your own."), severity="warning")
            return
        name = template.title(current_language())
        confirm_then(
            self,
            _("Remove the template {name!r}? Sessions made from it stay.").format(name=name),
            lambda: self.library.remove_template(template.id),
            _("Template removed: {name}").format(name=name),
            self.fill,
        )


def session_form(template: Template, library: OwnLibrary, today: date, add: Callable[[Session], Session]) -> FormScreen:
    """The form that makes a session from `template`: title, language, network, date and times.

    `add` stores the new session and returns it; the form's result is the stored session.
    """
    ui_language = current_language()
    language = ui_language if ui_language in template.languages or not template.languages else template.languages[0]
    start = datetime(2000, 1, 1, 13, 30)
    end = start + timedelta(minutes=template.minutes)
    fields = [
        # Suggestions, not values someone typed: entering a field selects it, so typing replaces it.
        Field("title", _("Title"), template.title(ui_language), replace=True),
        Field(
            "language",
            _("Language of the session and its minutes"),
            language,
            kind="choice",
            choices=[(_(name), lang.value) for lang, name in LANGUAGE_NAMES.items()],
        ),
        Field("network", _("Network"), placeholder="Wmo transformatienetwerk"),
        Field("date", _("Date (YYYY-MM-DD)"), today.isoformat(), replace=True),
        Field("start_time", _("Start (HH:MM)"), start.strftime("%H:%M"), replace=True),
        Field("end_time", _("End (HH:MM)"), end.strftime("%H:%M") if end.day == start.day else "", replace=True),
    ]

    def create(values: dict[str, str]) -> Session:
        values = dict(values)
        prompts = library.prompt_offer().entries  # unreadable own prompts: their topics keep the template's words
        session = template.new_session(values.pop("title"), values.pop("language") or language, prompts, **values)
        return add(session)

    hint = (
        ""
        if len(template.languages) != 1
        else _("This template exists in {language} only; topics from the library follow the language picked.").format(
            language=_(LANGUAGE_NAMES[Language(template.languages[0])])
        )
    )
    return FormScreen(
        _("New session: {name}").format(name=template.title(ui_language)), fields, guarded(create), hint=hint
    )


def save_as_template(screen: KeyedScreen, session: Session, library: OwnLibrary) -> None:
    """Ask a name and keep the session's agenda and topics as an own template."""

    def save(values: dict[str, str]) -> Template:
        return library.add_template(Template.from_session(session, values["name"]))

    def saved(template: Template | None) -> None:
        if template is not None:
            screen.notify(
                _("Saved as template: {name}. Home, t starts a session from it.").format(
                    name=template.title(session.language)
                ),
                markup=False,
            )

    fields = [Field("name", _("Template name"), session.title[:60], replace=True)]
    screen.app.push_screen(FormScreen(_("Save the agenda as a template"), fields, guarded(save)), callback=saved)


# --- prompts ---------------------------------------------------------------------------------


class PromptPicker(LibraryPicker):
    """The prompt library, built-in and own: each question with its one-line explanation; Enter attaches."""

    KEY_SCOPES = ("prompts",)
    HELP_TITLE = N_("Prompt library")
    LIST_ID = "prompts"

    def __init__(self, language: Language, item_title: str, library: OwnLibrary | None = None) -> None:
        super().__init__(_("Attach a topic to: {item}").format(item=item_title))
        self.language = language
        self.library = library
        self.prompts: list[Prompt] = list(PROMPTS)
        self.own: set[str] = set()

    def hint(self) -> str:
        return _("Enter attaches · a own prompt · x removes own · Esc cancels")

    def options(self) -> list[Option]:
        offered = self.library.prompt_offer() if self.library is not None else offer(PROMPTS)
        self.library_error = (
            "" if offered.error is None else _("Your own prompts cannot be read: {error}").format(error=offered.error)
        )
        self.prompts = list(offered.entries)
        self.own = set(offered.own_ids)
        return [Option(self._label(p), id=p.id) for p in self.prompts]

    def _label(self, prompt: Prompt) -> Text:
        label = Text(prompt.text(self.language), style="bold")
        if prompt.id in self.own:
            label.append(" " + _("(own)"), style="reverse")
        label.append("\n" + prompt.explain(self.language), style="italic")
        return label

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(next(p for p in self.prompts if p.id == event.option.id))

    def action_add_own(self) -> None:
        if self.library is None:
            return
        library = self.library
        fields = [
            Field("title", _("Question (at most 60 characters)"), placeholder=_("Neighbourhood budget: keep it?")),
            Field("explanation", _("One-line explanation (at most 70 characters)")),
            Field("what_changed", _("What changed in the crisis? (may stay empty)"), kind="text"),
        ]

        def add(values: dict[str, str]) -> Prompt:
            return library.add_prompt(
                values["title"], values["explanation"], values["what_changed"], current_language()
            )

        def added(prompt: Prompt | None) -> None:
            if prompt is not None:
                self.fill(select=prompt.id)

        self.app.push_screen(FormScreen(_("Your own prompt"), fields, guarded(add)), callback=added)

    def action_remove_own(self) -> None:
        prompt = next((p for p in self.prompts if p.id == self.highlighted_id()), None)
        if prompt is None or self.library is None:
            return
        if prompt.id not in self.own:
            self.notify(_("Built-in prompts cannot be removed; only your own."), severity="warning")
            return
        library = self.library
        confirm_then(
            self,
            _("Remove your prompt {title!r}?").format(title=prompt.text(self.language)),
            lambda: library.remove_prompt(prompt.id),
            _("Prompt removed; topics taken from it keep their words."),
            self.fill,
        )


__all__ = ["PromptPicker", "TemplatePicker", "save_as_template", "session_form"]
