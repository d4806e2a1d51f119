"""The Textual app: holds the store and the open session, saves every change as it happens.

Screens are thin: they show `app.session` and change it through `app.edit()`, which applies
the change through the model, reports a refused change in words, and saves at once. Text being
typed is saved through `app.save_soon()`, at most half a second after the key was pressed.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import signal
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from textual.timer import Timer

from ..dates import parse_due
from ..history import History, describe
from ..i18n import N_, _
from ..model import NotFound, Session, SessionStatus, ValidationError
from ..owners import best_owner, default_due
from ..publish import HEARTBEAT_SECONDS, LivePublishing
from ..search import Target
from ..series import next_meetings_of
from ..store import SessionLocked, Store, StoreError, describe_holder
from .keyed import KeyedApp, KeyedScreen
from .screens.dialogs import Field, FormScreen
from .screens.help import HelpKey

if TYPE_CHECKING:
    from .screens.base import SessionScreen

T = TypeVar("T")

SESSION_SCREENS = {"prepare": "PrepareScreen", "run": "RunScreen", "close": "CloseScreen"}
"""The screens of an open session, by name, in `sdtui.screens.<name>`."""

HANG_UP_GRACE = 3.0
"""Seconds a hang-up or SIGTERM leaves for the terminal to be put back before sdtui just ends."""
SAVE_DELAY = 0.5
"""Seconds between a keystroke in a text field and the save that stores it."""


class SdtuiApp(HelpKey, KeyedApp):
    """The facilitator's app."""

    TITLE = "sdtui"
    SUB_TITLE = N_("network meetings")
    CSS_PATH = "styles/app.tcss"

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = datetime.now,
        cursor_blink: bool = True,
        live: LivePublishing | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.live = live
        """Publishing to followers, when a publish folder is set (`--publish`, `$SDTUI_PUBLISH`)."""
        self.cursor_blink = cursor_blink
        self.clock = clock
        """Where the app reads the time; tests freeze it."""
        self.session: Session | None = None
        self.readonly = False
        self.held_by = ""
        """Who has the open session for editing when it is read-only here."""
        self._lock: Any = None
        self._return_depth = 1
        """How many screens were open when the session was: leaving it goes back to that list."""
        self._save_timer: Timer | None = None
        self.history = History()
        """Undo and redo of the open session; a new one for each session opened."""
        self.deleted: Session | None = None
        """The session deleted last on Home, for Ctrl+Z there."""

    def on_mount(self) -> None:
        from .screens.home import HomeScreen

        self.sub_title = _(self.SUB_TITLE)
        self.push_screen(HomeScreen())
        self._save_on_hangup()
        if self.live is not None:
            self.set_interval(
                HEARTBEAT_SECONDS, lambda: self._published(self.live.on_heartbeat() if self.live else None)
            )

    def _save_on_hangup(self) -> None:
        """A dropped SSH connection (SIGHUP) or a kill (SIGTERM) saves what was typed, then quits."""
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGHUP, signal.SIGTERM):
            try:
                loop.add_signal_handler(signal_number, self._hang_up)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread (tests), or a platform without these signals

    def _hang_up(self) -> None:
        self.flush()
        # With the terminal gone, putting it back can block for good, and a process left behind
        # would hold the session's lock: whatever happens to the goodbye, leave soon after it.
        watchdog = threading.Timer(HANG_UP_GRACE, os._exit, (0,))
        watchdog.daemon = True  # a goodbye that works ends the process at once
        watchdog.start()
        self.exit()

    def today(self) -> date:
        return self.clock().date()

    # --- the open session ---------------------------------------------------------------

    def open_session(self, session_id: str, screen: str | None = None, at: Target | None = None) -> bool:
        """Load a session, lock it for editing (or open it read-only), and show it.

        `at` opens the screen on one tab or pane and row: where a search hit is.
        """
        try:
            session = self.store.load(session_id)
        except StoreError as error:
            self.notify(str(error), title=_("Cannot open"), severity="error", markup=False)
            return False
        if self.session is not None:
            self.leave_session()  # one session at a time: its lock goes, and its screens with it
        try:
            self._lock = self.store.acquire(session.id)
            self.readonly = False
        except SessionLocked as error:
            self._lock = None
            self.readonly = True
            self.held_by = describe_holder(error.holder)
            self.notify(str(error), title=_("Read-only"), severity="warning", markup=False, timeout=12)
        except StoreError as error:
            self.notify(str(error), title=_("Cannot open"), severity="error", markup=False)
            return False
        self.session = session
        self.history = History()
        if self.live is not None and not self.readonly:
            self._published(self.live.on_start(session))  # a running meeting is followed from the moment it opens
        if screen is None:
            screen = {SessionStatus.DRAFT: "prepare", SessionStatus.RUNNING: "run", SessionStatus.CLOSED: "close"}[
                session.status
            ]
        view = self.session_screen(screen)
        view.opens_at = at
        self._return_depth = len(self.screen_stack)  # Home, search results or the list of actions
        self.push_screen(view)
        return True

    def session_screen(self, name: str) -> SessionScreen:
        """A new Prepare, Run or Close screen; each module loads when first shown."""
        module = importlib.import_module(f".screens.{name}", __package__)
        screen: SessionScreen = getattr(module, SESSION_SCREENS[name])()
        return screen

    @property
    def screen_name(self) -> str:
        """The name of the screen in view (`SCREEN_NAME`), empty for a dialog or Textual's own."""
        screen = self.screen
        return screen.SCREEN_NAME if isinstance(screen, KeyedScreen) else ""

    def leave_session(self) -> None:
        """Save, unlock and go back to the list the session was opened from."""
        self.flush()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.session = None
        self.readonly = False
        while len(self.screen_stack) > max(1, self._return_depth):
            self.pop_screen()

    def action_show(self, name: str) -> None:
        """Switch between Prepare, Run and Close of the open session."""
        if self.session is None or self.screen_name == name:
            return
        self.flush()
        self.switch_screen(self.session_screen(name))

    # --- changing and saving ------------------------------------------------------------

    def edit(self, change: Callable[[Session], T], *, raise_errors: bool = False, announce: bool = True) -> T | None:
        """Apply a change to the open session, save it at once, and remember it for undo.

        A change the model refuses is rolled back, so screen and store stay the same, and is
        reported in the model's words: as a toast, or raised again for a form to show
        (`raise_errors`), which then stays open with everything typed. A change made by a key
        rather than a form is named in a one-line notice (`announce`), so a stray key is seen.
        """
        if self.session is None:
            return None
        if self.readonly:
            self.notify(_("This session is open elsewhere; it is read-only here."), severity="warning")
            return None
        before = self.session.to_dict()
        try:
            result = change(self.session)
        except (ValidationError, NotFound) as error:
            self.session = Session.from_dict(before)
            if raise_errors:
                raise
            message = error.message if isinstance(error, ValidationError) else str(error)
            self.notify(message, title=_("Not changed"), severity="warning", markup=False)
            return None
        self.save()
        after = self.session.to_dict()
        self.history.record(before, after)
        if announce and not raise_errors and before != after:
            self.tell(_("Changed: {change} (Ctrl+Z undoes)").format(change=describe(before, after)))
        return result

    def tell(self, message: str) -> None:
        """One line about what just happened, in place of the one before (a run of keys shows the last)."""
        self.clear_notifications()
        self.notify(message, markup=False, timeout=4)

    def forget_history(self) -> None:
        """Start undo afresh: after a person is forgotten, no earlier state may bring their name back."""
        self.history = History()

    def action_undo(self) -> None:
        """Take back the last change to the open session (typing since then first) and say what it was."""
        self._step(undo=True)

    def action_redo(self) -> None:
        self._step(undo=False)

    def _step(self, *, undo: bool) -> None:
        if self.session is None:
            return
        if self.readonly:
            self.notify(_("This session is open elsewhere; it is read-only here."), severity="warning")
            return
        current = self.session.to_dict()
        step = self.history.undo(current) if undo else self.history.redo(current)
        if step is None:
            self.tell(_("Nothing to undo.") if undo else _("Nothing to redo."))
            return
        self.session = Session.from_dict(step.before if undo else step.after)
        self.save()
        # Named by what it does now: undoing "open → done" reads "Undone: action 'X' done → open".
        if undo:
            self.tell(_("Undone: {change}").format(change=describe(step.after, step.before)))
        else:
            self.tell(_("Redone: {change}").format(change=describe(step.before, step.after)))
        if isinstance(self.screen, KeyedScreen):
            self.screen.refresh_view()

    def save(self) -> bool:
        """Store the open session now; on failure keep it in memory and say why."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.session is None or self.readonly:
            return False
        try:
            self.store.save(self.session)
        except StoreError as error:
            self.notify(
                _("{error} Your changes are kept on screen; sdtui tries again on the next change.").format(error=error),
                title=_("Not saved"),
                severity="error",
                markup=False,
                timeout=10,
            )
            return False
        self.publish()
        return True

    # --- followers ----------------------------------------------------------------------

    def publish(self) -> None:
        """Show followers the meeting as it is now (after each save), with the topic on Run's board."""
        if self.live is None or self.session is None:
            return
        round_id = self.screen.round_in_view if isinstance(self.screen, KeyedScreen) else None
        was_live = self.live.live
        self._published(self.live.on_save(self.session, round_id))
        if self.live.live != was_live:
            self.show_live_marker()

    def published_minutes(self, session: Session) -> None:
        """After an export: participants read the same minutes in the publish folder."""
        if self.live is not None:
            self._published(self.live.on_export(session))

    def action_toggle_publishing(self) -> None:
        """Switch publishing to followers off (they see the meeting paused) or on again."""
        if self.session is None:
            return
        if self.live is None:
            self.tell(_("No publish folder: start sdtui with --publish DIR (or set $SDTUI_PUBLISH) to publish."))
            return
        _enabled, message = self.live.toggle(self.session)
        self.tell(message)
        self.show_live_marker()

    @property
    def live_marker(self) -> str:
        """ "● LIVE" in the header while followers see the open meeting."""
        return self.live.marker if self.live is not None else ""

    def show_live_marker(self) -> None:
        if isinstance(self.screen, KeyedScreen):
            self.screen.show_title()

    def _published(self, failure: str | None) -> None:
        if failure:
            self.notify(failure, title=_("Not published"), severity="warning", markup=False, timeout=8)

    def save_soon(self) -> None:
        """Save shortly: for text being typed. Never waits longer than SAVE_DELAY."""
        if self.readonly or self.session is None:
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save)

    def flush(self) -> None:
        """Save now if a save is pending."""
        if self._save_timer is not None:
            self.save()

    async def action_quit(self) -> None:
        self.flush()
        self.exit()

    def on_unmount(self) -> None:
        self.flush()

    # --- actions available everywhere ---------------------------------------------------

    def action_new_action(self) -> None:
        """Capture an action item in a few keys: what, Tab, a few letters of the owner, Enter.

        The owner is the participant the letters pick (name or organisation, shown as you type);
        the due date starts at the next meeting's date, or two weeks after this one, and takes
        short forms such as +2w, vr or 30 juni.
        """
        session = self.session
        if session is None:
            self.notify(_("Open a session first; action items belong to a meeting."), severity="warning")
            return
        if not session.participants:
            self.notify(_("Add participants first (F2 Prepare): an action needs an owner."), severity="warning")
            return
        current = self.screen.current_item_id if isinstance(self.screen, KeyedScreen) else None
        people = list(session.participants)
        due = default_due(session.date, self._next_meeting_dates(session), self.today())

        def owner_problem(typed: str) -> str:
            if not typed.strip():
                return _("Type a few letters of the owner's name or organisation.")
            return _("No participant fits {typed!r}.").format(typed=typed.strip())

        def explain(typed: str) -> str:
            person = best_owner(people, typed)
            return f"→ {person.label}" if person is not None else owner_problem(typed)

        fields = [
            Field("text", _("What needs doing?")),
            Field("owner", _("Owner: a few letters of the name or organisation"), explain=explain),
            Field("due", _("Due date (+2w, vr, 30-6 or 2026-07-01; may stay empty)"), due.isoformat(), replace=True),
        ]

        def submit(values: dict[str, str]) -> Any:
            person = best_owner(people, values["owner"])
            if person is None:
                raise ValidationError(owner_problem(values["owner"]), "owner")
            when = parse_due(values["due"], self.today())
            return self.edit(
                lambda s: s.add_action(values["text"], person.id, when, item_id=current), raise_errors=True
            )

        self.push_screen(FormScreen(_("New action item"), fields, submit), callback=self._after_action)

    def _next_meeting_dates(self, session: Session) -> list[date | None]:
        try:
            return [summary.date for summary in next_meetings_of(session, self.store.list())]
        except StoreError:
            return []  # the default falls back to two weeks; the store's trouble shows where it is read

    def _after_action(self, action: Any) -> None:
        if action is not None:
            self.notify(_("Action item added."), markup=False)
            if isinstance(self.screen, KeyedScreen):
                self.screen.refresh_view()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # F2/F3/F4 leave the footer on their own screen: the screen's own keys need the room.
        if action == "show" and parameters and parameters[0] == self.screen_name:
            return False
        return True


__all__ = ["SdtuiApp"]
