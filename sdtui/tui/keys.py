"""Every key binding of the app, declared once, as data.

Screens take their `BINDINGS` from here, the help screen lists these, and the command palette
offers the ones with a palette title, so a key is never documented in one place and bound in
another. Keys avoid what terminals and SSH clients swallow (Ctrl+S, Alt, F11 and F12): every
action has a plain key; the Ctrl keys are for use while typing in a text field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from textual.app import SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import Screen

from ..i18n import N_, _


@dataclass(frozen=True)
class Key:
    """One binding: keys, the action it runs, and how footer, help and palette name it."""

    id: str
    keys: str
    action: str
    description: str
    help: str = ""
    show: bool = True
    priority: bool = False
    palette: str | None = None
    """Title in the command palette ("Category: Action"); None keeps it out of the palette."""

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            id=self.id,
            tooltip=self.help,
        )

    @property
    def display(self) -> str:
        """The keys as a person reads them: `ctrl+t` becomes `Ctrl+T`, `question_mark` `?`."""
        names = {
            "question_mark": "?",
            "escape": "Esc",
            "enter": "Enter",
            "delete": "Del",
            "slash": "/",
            "plus": "+",
            "minus": "-",
            "space": "Space",
        }
        shown = []
        for key in self.keys.split(","):
            parts = key.split("+")
            named = [
                names.get(
                    part,
                    part.upper()
                    if part.startswith("f") and part[1:].isdigit()
                    else part.capitalize()
                    if len(part) > 1
                    else part,
                )
                for part in parts
            ]
            if len(parts) > 1 and len(parts[-1]) == 1:
                named[-1] = parts[-1].upper()  # Ctrl+Q, as keyboards print it
            shown.append("+".join(named))
        return " / ".join(shown)


KEYS: dict[str, tuple[Key, ...]] = {
    "app": (
        Key("app.help", "f1,question_mark", "app.help", "Help", "List every key of this screen"),
        Key("app.quit", "ctrl+q", "app.quit", "Quit", "Leave sdtui; everything is already saved", palette="App: Quit"),
    ),
    # Keys that belong to an open session, on Prepare, Run and Close alike.
    "session": (
        Key("session.back", "escape", "back", "Back", "Back to the list of sessions"),
        Key(
            "session.action",
            "ctrl+t",
            "app.new_action",
            "Action",
            "Capture an action item (what, owner, due date) from anywhere",
            priority=True,
            palette="Session: New action item",
        ),
        Key(
            "session.prepare",
            "f2",
            "app.show('prepare')",
            "Prepare",
            "Session details, participants and agenda",
            palette="Session: Prepare",
        ),
        Key(
            "session.run",
            "f3",
            "app.show('run')",
            "Run",
            "Run the meeting item by item",
            palette="Session: Run the meeting",
        ),
        Key(
            "session.close",
            "f4",
            "app.show('close')",
            "Close",
            "Review decisions and actions, preview and export the minutes",
            palette="Session: Close and export",
        ),
        # Not priority: in a note, Ctrl+Z and Ctrl+Y stay the editor's own undo and redo.
        Key(
            "session.undo",
            "ctrl+z",
            "app.undo",
            "Undo",
            "Undo the last change to the meeting, and say what it was",
            show=False,
            palette="Session: Undo the last change",
        ),
        Key(
            "session.redo",
            "ctrl+y",
            "app.redo",
            "Redo",
            "Make the change just undone again",
            show=False,
            palette="Session: Redo",
        ),
    ),
    "home": (
        Key("home.new", "n", "new", "New", "Start a new session", palette="Home: New session"),
        Key("home.open", "enter,o", "open", "Open", "Open the selected session", show=False),
        Key("home.filter", "slash", "filter", "Filter", "Filter the sessions as you type"),
        Key(
            "home.duplicate",
            "c",
            "duplicate",
            "Copy",
            "Duplicate the selected session",
            palette="Home: Duplicate session",
        ),
        Key(
            "home.delete",
            "x,delete",
            "delete",
            "Delete",
            "Delete the selected session (asks first)",
            palette="Home: Delete session",
        ),
        Key(
            "home.undelete",
            "ctrl+z",
            "undelete",
            "Undo",
            "Bring back the session deleted last",
            show=False,
            palette="Home: Undo the delete",
        ),
        Key(
            "home.export",
            "e",
            "export",
            "Export",
            "Write the selected session's minutes",
            palette="Home: Export minutes",
        ),
        # Out of the footer to make room for search; the empty Home says "d loads the demo".
        Key("home.demo", "d", "demo", "Demo", "Add the demo meeting", show=False, palette="Home: Add the demo meeting"),
        Key("home.quit", "q", "app.quit", "Quit", "Leave sdtui, where a terminal takes Ctrl+Q for itself", show=False),
        # Out of the footer: in Dutch it would push Quit and Help off an 80-column line.
        Key(
            "home.template",
            "t",
            "from_template",
            "Template",
            "Start a new session from a template",
            show=False,
            palette="Home: New session from a template",
        ),
        Key(
            "home.search",
            "s",
            "search",
            "Search",
            "Search every session: notes, arguments, signals, actions, people",
            palette="Home: Search all sessions",
        ),
        Key(
            "home.attendance",
            "w",
            "attendance",
            "Attendance",
            "Who came how often to the meetings of the selected session's network",
            show=False,
            palette="Home: Attendance of the network",
        ),
        # A network over time (sdtui/series.py). The footer is full: these two are in the help and the palette.
        Key(
            "home.next_meeting",
            "m",
            "next_meeting",
            "Next",
            "Create the next meeting of the selected session's network: open actions and unfinished items carry over",
            show=False,
            palette="Home: Next meeting",
        ),
        Key(
            "home.all_actions",
            "a",
            "all_actions",
            "Actions",
            "Action items of every meeting: open, overdue, by owner or network",
            show=False,
            palette="Home: Action items of every meeting",
        ),
    ),
    # Search across all sessions: type words, hits appear as you type; Enter opens one in place.
    "search": (
        Key("search.open", "enter", "open", "Open", "Open the session where the highlighted hit is"),
        Key("search.back", "escape", "back", "Back", "Back to the list of sessions"),
    ),
    "attendance": (Key("attendance.back", "escape,q", "back", "Back", "Back to the list of sessions"),),
    # Prepare: Details, Participants and Agenda tabs. Letter keys act on the tab in view.
    # Tab and pane keys stay out of the footer: the tab bar itself names them ("Agenda F7").
    "prepare": (
        Key(
            "prepare.details",
            "f5",
            "tab('details')",
            "Details",
            "Session details: title, date, place, chair",
            show=False,
            priority=True,
            palette="Prepare: Session details",
        ),
        Key(
            "prepare.participants",
            "f6",
            "tab('participants')",
            "People",
            "Participants: name, organisation, role, attendance",
            show=False,
            priority=True,
            palette="Prepare: Participants",
        ),
        Key(
            "prepare.agenda",
            "f7",
            "tab('agenda')",
            "Agenda",
            "Agenda items, timeboxes and topics",
            show=False,
            priority=True,
            palette="Prepare: Agenda",
        ),
        Key("prepare.add", "a", "add", "Add", "Add a participant or agenda item (the tab in view)"),
        Key("prepare.edit", "e", "edit", "Edit", "Edit the selected participant or agenda item"),
        Key("prepare.remove", "x,delete", "remove", "Remove", "Remove the selected row (asks first)"),
        Key("prepare.up", "shift+up,k", "move(-1)", "Move up", "Move the agenda item up", show=False),
        Key("prepare.down", "shift+down,j", "move(1)", "Move down", "Move the agenda item down", show=False),
        Key("prepare.role", "r", "cycle_role", "Role", "Next role for the selected participant"),
        # Out of the footer: the line above the list names Space (and the footer needs room for F3 and F4).
        Key(
            "prepare.attendance",
            "space",
            "cycle_attendance",
            "Present",
            "Present, absent with apologies, absent",
            show=False,
        ),
        Key(
            "prepare.prompt",
            "p",
            "prompt",
            "Prompt",
            "Attach a restore-or-renovate topic from the library",
            palette="Prepare: Attach a prompt from the library",
        ),
        Key("prepare.topic", "w", "write_topic", "Topic", "Write a restore-or-renovate topic yourself", show=False),
        Key(
            "prepare.save_template",
            "t",
            "save_template",
            "Save as template",
            "Keep this agenda and its topics as a template (asks a name)",
            show=False,
            palette="Prepare: Save as template",
        ),
        # The right to be forgotten and the quorum (sdtui/forget.py): rare, so out of the footer.
        Key(
            "prepare.forget",
            "f",
            "forget",
            "Forget",
            "Forget the selected person in every session: lists "
            "where they appear, asks, then puts a pseudonym in their place",
            show=False,
            palette="Prepare: Forget a person everywhere",
        ),
        Key(
            "prepare.quorum",
            "o",
            "quorum",
            "Quorum",
            "Members who must be in the room for the network to decide",
            show=False,
            palette="Prepare: Set the quorum",
        ),
    ),
    # Run: one agenda item at a time. Ctrl keys work while typing a note.
    "run": (
        Key(
            "run.next",
            "ctrl+n",
            "next_item",
            "Next",
            "Next agenda item, also while typing",
            priority=True,
            palette="Run: Next agenda item",
        ),
        Key(
            "run.previous",
            "ctrl+r",
            "previous_item",
            "Prev",
            "Previous agenda item, also while typing",
            priority=True,
            palette="Run: Previous agenda item",
        ),
        # Priority bindings take every key they list, so the plain letters are bindings of their own:
        # otherwise typing "n" in a note would jump to the next item.
        Key("run.next_plain", "n", "next_item", "Next", "Next agenda item", show=False),
        Key("run.previous_plain", "p", "previous_item", "Prev", "Previous agenda item", show=False),
        Key(
            "run.notes",
            "f5",
            "pane('notes')",
            "Notes",
            "Notes of this item",
            show=False,
            priority=True,
            palette="Run: Notes",
        ),
        Key(
            "run.board",
            "f6",
            "pane('board')",
            "Board",
            "Restore-or-renovate board",
            show=False,
            priority=True,
            palette="Run: Restore-or-renovate board",
        ),
        Key(
            "run.signals",
            "f7",
            "pane('signals')",
            "Signals",
            "Signals round: good practices, bottlenecks",
            show=False,
            priority=True,
            palette="Run: Signals",
        ),
        Key(
            "run.decisions",
            "f8",
            "pane('decisions')",
            "Decisions",
            "Decisions of the meeting",
            show=False,
            priority=True,
            palette="Run: Decisions",
        ),
        Key(
            "run.actions",
            "f9",
            "pane('actions')",
            "Actions",
            "Action items: those from earlier meetings first, to review (an actions review item opens here)",
            show=False,
            priority=True,
            palette="Run: Action items",
        ),
        Key("run.status", "space", "cycle_status", "Status", "Action: open (kept), done, dropped", show=False),
        Key(
            "run.confidential",
            "ctrl+l",
            "toggle_confidential",
            "Confidential",
            "Mark the note confidential (never exported) or not",
            priority=True,
            palette="Run: Mark the note confidential or not",
        ),
        Key("run.add", "a", "add", "Add", "Add a note, argument, signal or decision (the pane in view)"),
        # On the notes pane the list has focus, so a letter is a key, never text: e (or Enter) starts typing.
        Key(
            "run.publish",
            "l",
            "app.toggle_publishing",
            "Live",
            "Publish the meeting to followers, or stop (they see it paused)",
            show=False,
            palette="Run: Publish to followers on or off",
        ),
        Key(
            "run.type", "e", "type_note", "Type", "Type in the selected note (Enter too); a new one when there is none"
        ),
        Key("run.edit", "e", "edit", "Edit", "Edit the selected row", show=False),
        Key("run.remove", "x,delete", "remove", "Remove", "Remove the selected row (asks first)", show=False),
        # Live attendance and replanning (sdtui/replanning.py); the clock line says when they are needed.
        Key(
            "run.presence",
            "i",
            "presence",
            "In/out",
            "Mark someone arriving or leaving, with the time",
            show=False,
            palette="Run: Arrival or departure",
        ),
        Key(
            "run.shorten",
            "s",
            "replan('shorten')",
            "Shorten",
            "Take 5 minutes off an item still to come",
            show=False,
            palette="Run: Shorten an item",
        ),
        Key(
            "run.skip",
            "k",
            "replan('skip')",
            "Skip",
            "Skip an item for lack of time (it does not come back)",
            show=False,
            palette="Run: Skip an item",
        ),
        Key(
            "run.move",
            "m",
            "replan('move')",
            "Move",
            "Move an item to the next meeting (it carries over)",
            show=False,
            palette="Run: Move an item to the next meeting",
        ),
        Key(
            "run.approve",
            "g",
            "approve_previous",
            "Approve",
            "Amendments to the previous minutes, and approve them",
            show=False,
            palette="Run: Approve the previous minutes",
        ),
    ),
    # Run's restore-or-renovate board (widgets/board.py): these work while the board has focus (F6).
    "board": (
        Key(
            "board.add", "a", "add", "Add", "Add an argument to restore or to renovate; a topic when the item has none"
        ),
        Key("board.restore", "r", "position('restore')", "Restore", "Selected participant: restore"),
        Key("board.renovate", "v", "position('renovate')", "Renovate", "Selected participant: renovate"),
        Key("board.undecided", "u", "position('undecided')", "Undecided", "Selected participant: undecided"),
        Key("board.decide", "d", "decide", "Decide", "Decision of this round and its rationale"),
        Key("board.changed", "w", "what_changed", "What changed", "Edit what changed for this topic", show=False),
        Key("board.topic", "t", "next_round", "Topic", "Next topic on this item's board", show=False),
        Key(
            "board.mode", "h", "cycle_mode", "Mode", "By name, hidden names (only the tally), counted hands", show=False
        ),
        Key(
            "board.count",
            "c",
            "count",
            "Count",
            "Counted hands: the numbers for restore, renovate, undecided",
            show=False,
        ),
    ),
    # Close: review decisions and actions, preview the minutes, export.
    "close": (
        Key(
            "close.review",
            "f5",
            "tab('review')",
            "Review",
            "Decisions and open actions",
            show=False,
            priority=True,
            palette="Close: Review decisions and actions",
        ),
        Key(
            "close.preview",
            "f6",
            "tab('preview')",
            "Preview",
            "The minutes as participants will read them",
            show=False,
            priority=True,
            palette="Close: Preview the minutes",
        ),
        Key("close.status", "space", "cycle_status", "Status", "Action: open, done, dropped"),
        Key(
            "close.export",
            "e",
            "export",
            "Export",
            "Write the minutes to the store's minutes folder",
            palette="Close: Export the minutes",
        ),
        Key(
            "close.finish",
            "f",
            "finish",
            "Finish",
            "Close the meeting: the clock stops, minutes are final",
            palette="Close: Finish the meeting",
        ),
        Key(
            "close.save_template",
            "t",
            "save_template",
            "Save as template",
            "Keep this agenda and its topics as a template (asks a name)",
            show=False,
            palette="Close: Save as template",
        ),
        # Out of the footer, which is full here: the status line names m once the meeting is closed.
        Key(
            "close.next_meeting",
            "m",
            "next_meeting",
            "Next",
            "Create the next meeting of this network: open actions and unfinished items carry over",
            show=False,
            palette="Close: Next meeting",
        ),
    ),
    # All action items across the meetings in the store.
    "actions": (
        Key("actions.open", "enter", "open", "Open", "Open the meeting of the selected action", show=False),
        Key("actions.filter", "slash", "filter", "Filter", "Filter by owner, network or text as you type"),
        Key("actions.open_only", "o", "toggle_open", "Open only", "Only open actions, or all of them"),
        Key("actions.overdue", "d", "toggle_overdue", "Overdue", "Only overdue actions, or all of them"),
        Key("actions.back", "escape", "back", "Back", "Back to the list of sessions"),
    ),
    # The reader: exported minutes for participants.
    "reader_list": (
        Key(
            "reader_list.open",
            "enter",
            "open",
            "Open",
            "Open the selected minutes",
            show=False,
            palette="Reader: Open the minutes",
        ),
        Key("reader_list.quit", "q,escape", "app.quit", "Quit", "Leave the reader", palette="Reader: Quit"),
    ),
    "reader": (
        Key(
            "reader.search",
            "slash",
            "search",
            "Search",
            "Search in the minutes; Enter finds, n finds the next",
            palette="Reader: Search",
        ),
        Key(
            "reader.next",
            "n",
            "next_match",
            "Next",
            "The next place the search text occurs",
            palette="Reader: Next match",
        ),
        Key(
            "reader.contents",
            "t",
            "contents",
            "Contents",
            "Show or hide the table of contents",
            palette="Reader: Table of contents",
        ),
        Key("reader.back", "escape", "back", "Back", "Back to the list of minutes (or leave)", palette="Reader: Back"),
        Key("reader.quit", "q", "app.quit", "Quit", "Leave the reader", palette="Reader: Quit"),
    ),
    "help": (Key("help.close", "escape,f1,question_mark,q", "dismiss", "Close", "Close the help"),),
    "form": (
        Key("form.submit", "ctrl+o", "submit", "Save", "Save the form (Enter in a one-line field too)", priority=True),
        Key("form.cancel", "escape", "cancel", "Cancel", "Close the form without saving"),
    ),
    "confirm": (
        Key("confirm.yes", "y", "yes", "Yes", "Confirm"),
        Key("confirm.no", "n,escape", "no", "No", "Cancel"),
    ),
    # The template picker (Home, t) and the prompt library (Prepare, p): Enter picks.
    "templates": (
        Key(
            "templates.remove",
            "x,delete",
            "remove",
            "Remove",
            "Remove the selected template (your own only; asks first)",
        ),
        Key("templates.cancel", "escape", "cancel", "Cancel", "Close without starting a session"),
    ),
    "prompts": (
        Key("prompts.add", "a", "add_own", "Own prompt", "Write a prompt of your own; it stays in the library"),
        Key(
            "prompts.remove",
            "x,delete",
            "remove_own",
            "Remove",
            "Remove the selected prompt (your own only; asks first)",
        ),
        Key("prompts.cancel", "escape", "cancel", "Cancel", "Close without attaching a topic"),
    ),
    # `sdtui follow`: a read-only live view of a published meeting, and the participants' menu.
    "follow": (
        Key(
            "follow.minutes",
            "m",
            "minutes",
            "Minutes",
            "Read the published minutes (once the meeting is closed and exported)",
        ),
        Key("follow.quit", "q,escape", "app.quit", "Quit", "Stop following; the meeting goes on"),
    ),
    "participant": (
        Key("participant.open", "enter", "open", "Open", "Follow the live meeting, or read the minutes", show=False),
        Key("participant.quit", "q,escape", "app.quit", "Quit", "Leave"),
    ),
}


HELP_ID = "app.help"


class TranslatedBindings:
    """Screen mixin: the footer names each key in the UI language.

    Textual gathers a class's bindings when the class is defined, before the language is known,
    so the descriptions are translated where the footer reads them. Help comes first, as in
    htop and mc: when 80 columns cannot hold every key, the one that lists them all stays.
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        translated = {
            key: active._replace(
                binding=replace(
                    active.binding, description=_(active.binding.description), tooltip=_(active.binding.tooltip)
                ),
                tooltip=_(active.tooltip),
            )
            for key, active in super().active_bindings.items()  # type: ignore[misc]
        }
        return dict(sorted(translated.items(), key=lambda item: item[1].binding.id != HELP_ID))


TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's own command palette entries, so the catalog has them in Dutch too."""


def translated(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's command palette entries in the UI language."""
    for command in commands:
        yield command._replace(title=_(command.title), help=_(command.help))


def bindings(*scopes: str) -> list[BindingType]:
    """The Textual bindings for one or more scopes, in declaration order (typed as `BINDINGS` is)."""
    return [key.binding() for scope in scopes for key in KEYS[scope]]


def keys_for(*scopes: str) -> list[Key]:
    return [key for scope in scopes for key in KEYS[scope]]


def palette_commands(screen: Screen, scopes: Iterable[str]) -> Iterator[SystemCommand]:
    """The command palette entries of these scopes, in the UI language: keys with a palette title
    whose action the screen allows now. Both apps offer their screens' keys through this."""
    for key in keys_for(*scopes):
        if key.palette and screen.check_action(key.action.removeprefix("app."), ()) is not False:
            yield SystemCommand(_(key.palette), _(key.help), partial(screen.run_action, key.action))
