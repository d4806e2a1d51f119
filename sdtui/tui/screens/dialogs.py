"""Modal dialogs: a small form that validates through the model, and a yes/no question.

A form hands the typed values to a callback that applies them to the model. When the model
refuses them with a ValidationError, the form stays open with the message and the field in
question focused, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Select, Static

from ...i18n import _, word
from ...model import ValidationError
from ...store import StoreError
from ..keyed import KeyedModalScreen
from ..widgets.line_input import LineInput
from ..widgets.safe import SafeInput, SafeTextArea, plain


@dataclass
class Field:
    """One field of a form."""

    name: str
    label: str
    value: str = ""
    kind: Literal["line", "text", "choice"] = "line"
    choices: Sequence[tuple[str, str]] = ()
    """(label, value) pairs for a choice field."""
    placeholder: str = ""
    explain: Callable[[str], str] | None = None
    """For a one-line field: a line under it saying what the typed text means (the owner it picks)."""
    replace: bool = False
    """A suggested value: selected when the field is entered, so typing replaces it. Otherwise
    the cursor goes to the end, so what is typed is added to what is there."""


def choice(name: str, label: str, value: StrEnum | None, members: Iterable[StrEnum]) -> Field:
    """A field that picks one of `members`, each shown in the words of the language; `value` is
    the one picked (None: none yet)."""
    choices = [(word(member), member.value) for member in members]
    return Field(name, label, value.value if value is not None else "", kind="choice", choices=choices)


class FormScreen(KeyedModalScreen[Any]):
    """A modal form; `on_submit(values)` applies them and returns the dialog's result."""

    KEY_SCOPES = ("form",)
    CSS_PATH = "../styles/forms.tcss"

    def __init__(
        self, title: str, fields: Sequence[Field], on_submit: Callable[[dict[str, str]], Any], *, hint: str = ""
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.on_submit = on_submit
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(plain(self.form_title), id="form-title")
            with VerticalScroll(id="form-fields"):
                for spec in self.fields:
                    yield Label(plain(spec.label), classes="form-label")
                    yield self._widget(spec)
                    if spec.explain is not None:
                        yield Static(plain(spec.explain(spec.value)), id=f"explain-{spec.name}", classes="form-explain")
            yield Static("", id="form-error")
            hint = self.hint or _("Tab: next field · Enter (in a one-line field) or Ctrl+O saves · Esc cancels")
            yield Static(plain(hint), id="form-hint")

    def on_mount(self) -> None:
        # The scrolling frame could take focus first; typing starts in the first field.
        self.query_one("#form-fields").can_focus = False
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def _widget(self, spec: Field):
        widget_id = f"field-{spec.name}"
        if spec.kind == "choice":
            options = [(plain(label), value) for label, value in spec.choices]
            value = spec.value if any(v == spec.value for _, v in spec.choices) else Select.NULL
            return Select(options, value=value, allow_blank=value is Select.NULL, id=widget_id, compact=True)
        if spec.kind == "text":
            area = SafeTextArea(spec.value, id=widget_id, compact=True, soft_wrap=True, tab_behavior="focus")
            area.show_line_numbers = False
            area.move_cursor(area.document.end)  # go on writing where the text ends, never in front of it
            return area
        field = LineInput(  # redraws only the cells a key changed: cheap on a thin line
            spec.value, placeholder=spec.placeholder, id=widget_id, compact=True, select_on_focus=spec.replace
        )
        field.cursor_position = len(spec.value)
        return field

    def on_input_changed(self, event: SafeInput.Changed) -> None:
        for spec in self.fields:
            if spec.explain is not None and event.input.id == f"field-{spec.name}":
                self.query_one(f"#explain-{spec.name}", Static).update(plain(spec.explain(event.value)))

    def values(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Select):
                result[spec.name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, SafeTextArea):
                result[spec.name] = widget.text
            elif isinstance(widget, SafeInput):
                result[spec.name] = widget.value
        return result

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        try:
            result = self.on_submit(self.values())
        except ValidationError as error:
            self.query_one("#form-error", Static).update(plain(error.message))
            self.add_class("-invalid")
            if error.field:
                for spec in self.fields:
                    if spec.name == error.field:
                        widget = self.query_one(f"#field-{spec.name}")
                        widget.focus()
                        if isinstance(widget, SafeInput):
                            widget.select_all()  # typing the correction replaces the refused value
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


def guarded(submit: Callable[[dict[str, str]], Any]) -> Callable[[dict[str, str]], Any]:
    """A store failure inside a form becomes a message in the form; nothing typed is lost."""

    def run(values: dict[str, str]) -> Any:
        try:
            return submit(values)
        except StoreError as error:
            raise ValidationError(str(error)) from None

    return run


class ConfirmScreen(KeyedModalScreen[bool]):
    """Ask a yes/no question; y confirms, n or Esc cancels."""

    KEY_SCOPES = ("confirm",)
    CSS_PATH = "../styles/forms.tcss"

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(plain(self.question), id="form-title")
            yield Static(_("y: yes · n or Esc: no"), id="form-hint")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)


def confirm_then(
    screen: Screen[Any], question: str, change: Callable[[], object], done: str, after: Callable[[], None]
) -> None:
    """Ask first (y or n); then make the change, say `done` and run `after` (show the result).

    A change the store or the model refuses is said in its words, and `after` does not run.
    """

    def confirmed(yes: bool | None) -> None:
        if not yes:
            return
        try:
            change()
        except (StoreError, ValidationError) as error:
            screen.notify(str(error), severity="error", markup=False)
            return
        screen.notify(done, markup=False)
        after()

    screen.app.push_screen(ConfirmScreen(question), callback=confirmed)
