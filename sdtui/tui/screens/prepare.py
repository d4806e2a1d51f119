"""Prepare: the session's details, its participants, and the agenda with its restore-or-renovate topics."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from ...i18n import N_, _, counted, word
from ...library import OwnLibrary
from ...model import Attendance, ItemKind, Role, Session
from ...prompts import Prompt
from ...search import Target
from ..widgets.safe import plain
from ..widgets.tables import ListTable, RowDetail, keep_cursor, selected_key
from .base import SessionScreen
from .dialogs import Field, choice
from .library import LANGUAGE_NAMES, PromptPicker

ROLES = list(Role)
ATTENDANCE = list(Attendance)
DETAILS = (
    ("title", N_("Title"), N_("Title")),
    ("network", N_("Network"), N_("Network")),
    ("date", N_("Date"), N_("Date (YYYY-MM-DD)")),
    ("start_time", N_("Start"), N_("Start (HH:MM)")),
    ("end_time", N_("End"), N_("End (HH:MM)")),
    ("place", N_("Place"), N_("Place")),
    ("online_link", N_("Online link"), N_("Online link")),
    ("chair", N_("Chair"), N_("Chair")),
    ("guest_speakers", N_("Guest speakers"), N_("Guest speakers (separated by ;)")),
)
"""Session fields: name, label on the Details tab, label in the form."""


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()
    return str(value)


class PrepareScreen(SessionScreen):
    """Everything before the meeting starts."""

    SCREEN_NAME = "prepare"
    KEY_SCOPES = ("prepare",)  # then "session", from SessionScreen
    CSS_PATH = "../styles/prepare.tcss"
    HELP_TITLE = N_("Prepare")
    HELP_TEXT = N_(
        "F5, F6 and F7 switch between Details, People and Agenda; a, e and x add, edit and remove "
        "on the tab in view. Planned start times follow from the timeboxes; a warning shows when "
        "the agenda runs past the planned end."
    )

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.readonly_banner()
        with TabbedContent(initial="details"):
            with TabPane(_("Details F5"), id="details"):
                yield Static(id="details-text")
                yield Static(_("e edits the details."), classes="muted hint")
            with TabPane(_("People F6"), id="participants"):
                people = ListTable(id="participants-table", cursor_type="row", zebra_stripes=True)
                people.add_column(_("Name"), width=22)
                people.add_column(_("Organisation"), width=26)
                people.add_column(_("Role"), width=12)
                people.add_column(_("Attendance"), width=10)
                yield people
                yield Static(id="people-summary", classes="status-line")
            with TabPane(_("Agenda F7"), id="agenda"):
                agenda = ListTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
                agenda.add_column(_("Start"), width=5)
                agenda.add_column(_("Item"), width=30)
                agenda.add_column(_("Kind"), width=10)
                agenda.add_column(_("Min"), width=3)
                agenda.add_column(_("Topics"), width=6)
                agenda.add_column(_("Presenter"), width=12)
                yield agenda
                yield Static(id="agenda-topics")
                yield Static(id="agenda-summary", classes="status-line")
        yield RowDetail()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_view()
        if self.opens_at is not None:
            self.show_place(self.opens_at)

    def show_place(self, target: Target) -> None:
        """Open the tab of a search hit with its participant or agenda item selected."""
        self.action_tab(target.pane)
        for table in (self.people_table, self.agenda_table):
            keep_cursor(table, target.part_id)

    @property
    def tab(self) -> str:
        """The tab in view; the first until the tabs are built (the footer may ask before that)."""
        tabs = self.query(TabbedContent)
        return tabs.first().active if tabs else "details"

    @property
    def current_item_id(self) -> str | None:
        return selected_key(self.agenda_table) if self.tab == "agenda" else None

    @property
    def people_table(self) -> ListTable:
        return self.query_one("#participants-table", ListTable)

    @property
    def agenda_table(self) -> ListTable:
        return self.query_one("#agenda-table", ListTable)

    # --- showing ------------------------------------------------------------------------

    def refresh_view(self) -> None:
        self.show_details()
        self.show_people()
        self.show_agenda()
        self.sub_title = self.session_title()

    def show_details(self) -> None:
        session = self.session
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column("field", style="bold", width=16, no_wrap=True)
        table.add_column("value")
        details = session.details()
        for name, label, _form_label in DETAILS:
            table.add_row(Text(_(label)), Text(as_text(details[name])))
        table.add_row(Text(_("Minutes in")), Text(_(LANGUAGE_NAMES[session.language])))
        table.add_row(Text(_("Status")), Text(word(session.status)))
        self.query_one("#details-text", Static).update(table)

    def show_people(self) -> None:
        table = self.people_table
        keep = selected_key(table)
        table.clear()
        for person in self.session.participants:
            table.add_fitted(
                person.name, person.organisation, word(person.role), word(person.attendance), key=person.id
            )
        keep_cursor(table, keep)
        session = self.session
        self.query_one("#people-summary", Static).update(
            plain(
                counted(len(session.participants), _("1 participant"), _("{count} participants"))
                + ", "
                + _("{present} present · a add · e edit · r role · Space attendance · x remove").format(
                    present=len(session.present)
                )
            )
        )

    def show_agenda(self) -> None:
        session = self.session
        table = self.agenda_table
        keep = selected_key(table)
        table.clear()
        for item, start in zip(session.agenda, session.planned_starts(), strict=True):
            topics = len(session.rounds_for(item.id))
            title = f"{item.title} {_('(standing)')}" if item.standing else item.title
            table.add_fitted(
                start.strftime("%H:%M") if start else "--:--",
                title,
                word(item.kind),
                str(item.timebox),
                str(topics) if topics else "",
                item.presenter,
                key=item.id,
            )
        keep_cursor(table, keep)
        self.show_topics()
        summary = self.query_one("#agenda-summary", Static)
        planned = (
            counted(len(session.agenda), _("1 item"), _("{count} items"))
            + ", "
            + _("{minutes} min planned").format(minutes=session.planned_minutes)
        )
        overrun = session.agenda_overrun()
        if overrun:
            end = session.end_time.strftime("%H:%M") if session.end_time else ""
            summary.update(
                plain(
                    _("WARNING: the agenda runs {minutes} min past the planned end {end} · {planned}").format(
                        minutes=overrun, end=end, planned=planned
                    )
                )
            )
        else:
            summary.update(plain(_("{planned} · fits the time").format(planned=planned)))
        summary.set_class(bool(overrun), "warning")

    def show_topics(self) -> None:
        item_id = selected_key(self.agenda_table)
        rounds = self.session.rounds_for(item_id) if item_id else []
        text = Text()
        for round_ in rounds:
            text.append(_("Topic: "), style="bold")
            text.append(round_.topic + "\n")
        if not rounds:
            text.append(_("No restore-or-renovate topic yet · p: from the library · w: write one"), style="italic")
        self.query_one("#agenda-topics", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "agenda-table":
            self.show_topics()

    def on_tabbed_content_tab_activated(self) -> None:
        self.refresh_bindings()

    # --- actions ------------------------------------------------------------------------

    def action_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = name
        if name != "details":
            (self.people_table if name == "participants" else self.agenda_table).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys of another tab are hidden, so the footer lists what works on the tab in view.
        tab = self.tab
        if action in ("cycle_role", "cycle_attendance"):
            return tab == "participants"
        if action in ("move", "prompt", "write_topic"):
            return tab == "agenda"
        if action == "remove":
            return tab != "details"
        return True

    def after_form(self, result: Any) -> None:
        self.refresh_view()
        key = getattr(result, "id", None)  # the row just added or edited stays selected
        for table in (self.people_table, self.agenda_table):
            keep_cursor(table, key)

    def action_add(self) -> None:
        if self.tab == "details":
            self.action_edit()
        elif self.tab == "participants":
            self._person_form(_("New participant"))
        else:
            self._item_form(_("New agenda item"))

    def action_edit(self) -> None:
        if self.tab == "details":
            self._details_form()
        elif self.tab == "participants":
            person_id = selected_key(self.people_table)
            if person_id:
                self._person_form(_("Edit participant"), person_id)
        else:
            item_id = selected_key(self.agenda_table)
            if item_id:
                self._item_form(_("Edit agenda item"), item_id)

    def _details_form(self) -> None:
        session = self.session
        details = session.details()
        # Dates and times are typed anew; text fields are added to, the cursor at their end.
        fields = [
            Field(name, _(label), as_text(details[name]), replace=name in ("date", "start_time", "end_time"))
            for name, _short, label in DETAILS
        ]
        fields.append(
            Field(
                "language",
                _("Language of the minutes"),
                session.language.value,
                kind="choice",
                choices=[(_(name), language.value) for language, name in LANGUAGE_NAMES.items()],
            )
        )

        def change(session: Session, values: dict[str, str]) -> Session:
            guests = [g.strip() for g in values["guest_speakers"].split(";") if g.strip()]
            return session.update_details(**dict(values, guest_speakers=guests))

        self.edit_in_form(_("Session details"), fields, change)

    def _person_form(self, title: str, person_id: str | None = None) -> None:
        person = self.session.participant(person_id) if person_id else None
        fields = [
            Field("name", _("Name"), person.name if person else ""),
            Field(
                "organisation", _("Organisation"), person.organisation if person else "", placeholder="gemeente Zwolle"
            ),
            choice("role", _("Role"), person.role if person else Role.MEMBER, ROLES),
            choice("attendance", _("Attendance"), person.attendance if person else Attendance.PRESENT, ATTENDANCE),
        ]

        def change(session: Session, values: dict[str, str]):
            if person_id is None:
                return session.add_participant(**values)
            return session.edit_participant(person_id, **values)

        self.edit_in_form(title, fields, change)

    def _item_form(self, title: str, item_id: str | None = None) -> None:
        item = self.session.item(item_id) if item_id else None
        fields = [
            Field("title", _("Title"), item.title if item else ""),
            choice("kind", _("Kind"), item.kind if item else ItemKind.DISCUSSION, ItemKind),
            Field("presenter", _("Presenter"), item.presenter if item else ""),
            Field("timebox", _("Timebox in minutes"), str(item.timebox) if item else "15", replace=True),
            Field(
                "standing",
                _("Standing item"),
                "yes" if item and item.standing else "no",
                kind="choice",
                choices=[(_("no"), "no"), (_("yes: it comes back in the next meeting"), "yes")],
            ),
        ]
        after = self.agenda_table.cursor_row + 1 if self.session.agenda else 0

        def change(session: Session, values: dict[str, Any]):
            values["standing"] = values.get("standing") == "yes"
            if item_id is None:
                return session.add_item(values.pop("title"), index=after, **values)
            return session.edit_item(item_id, **values)

        self.edit_in_form(title, fields, change)

    def action_remove(self) -> None:
        if self.tab == "participants":
            person_id = selected_key(self.people_table)
            if person_id:
                name = self.session.participant(person_id).name
                self.edit_if_confirmed(
                    _("Remove {name} from the participants?").format(name=name),
                    lambda session: session.remove_participant(person_id),
                )
        elif self.tab == "agenda":
            item = self.session.item(selected_key(self.agenda_table))
            if item:
                item_id = item.id
                self.edit_if_confirmed(
                    _("Remove the agenda item {title!r}?").format(title=item.title),
                    lambda session: session.remove_item(item_id),
                )

    def action_move(self, offset: int) -> None:
        item_id = selected_key(self.agenda_table)
        if item_id and self.sdtui.edit(lambda session: session.move_item(item_id, offset)) is not None:
            self.show_agenda()
            keep_cursor(self.agenda_table, item_id)

    def action_cycle_role(self) -> None:
        person_id = selected_key(self.people_table)
        if person_id:
            self.sdtui.edit(lambda session: session.cycle_role(person_id))
            self.show_people()

    def action_cycle_attendance(self) -> None:
        person_id = selected_key(self.people_table)
        if person_id:
            self.sdtui.edit(lambda session: session.cycle_attendance(person_id))
            self.show_people()

    def action_prompt(self) -> None:
        item_id = selected_key(self.agenda_table)
        if not item_id:
            self.notify(_("Add an agenda item first; a topic belongs to an item."), severity="warning")
            return
        language = self.session.language

        def attach(prompt: Prompt | None) -> None:
            if prompt is not None:
                self.sdtui.edit(
                    lambda session: session.add_round(
                        prompt.text(language),
                        item_id=item_id,
                        what_changed=prompt.changed(language),
                        prompt_id=prompt.id,
                    )
                )
                self.show_agenda()

        item = self.session.item(item_id)
        if item is None:
            return
        self.sdtui.push_screen(PromptPicker(language, item.title, OwnLibrary(self.sdtui.store.root)), callback=attach)

    def action_write_topic(self) -> None:
        item_id = selected_key(self.agenda_table)
        if not item_id:
            self.notify(_("Add an agenda item first; a topic belongs to an item."), severity="warning")
            return
        fields = [
            Field("topic", _("Topic: restore or renovate what?")),
            Field("what_changed", _("What changed in the crisis?"), kind="text"),
        ]
        self.edit_in_form(
            _("Own restore-or-renovate topic"),
            fields,
            lambda session, values: session.add_round(
                values["topic"], item_id=item_id, what_changed=values["what_changed"]
            ),
        )

    def action_forget(self) -> None:
        """Forget the selected person in every session (People tab): lists where they appear, asks first."""
        from . import record

        person_id = selected_key(self.people_table) if self.tab == "participants" else None
        if person_id is None:
            self.notify(_("Select a person on the People tab (F6) first."), markup=False)
            return
        record.forget_flow(self, self.session.participant(person_id).name)

    def action_quorum(self) -> None:
        from . import record

        record.quorum_form(self)
