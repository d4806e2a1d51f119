"""`sdtui follow` and `sdtui participant`: what a participant sees of a meeting, read-only.

`FollowApp` shows the meeting published in a folder (sdtui/publish.py): the current item and
the agenda, clocks that tick here, the board of the current item, decisions and actions. It
polls the files a few times a second (sdtui/follow.py) and redraws only the part that changed;
the clock redraws only its own line, once a second, so an idle follower sends the terminal a
few bytes a second. It writes nothing anywhere.

`ParticipantMenu` is the whole of what a participant reaches over SSH: follow the live
meeting, or read the published minutes. Neither app has a command palette: nothing in it
could save a file or start a program.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ..follow import (
    POLL_SECONDS,
    Follower,
    action_text,
    clocks,
    current_item,
    item_line,
    meeting_line,
    position_word,
    stale_message,
    tally_text,
)
from ..i18n import N_, _, word
from ..model import ActionStatus, Verdict
from ..publish import STATE_CLOSED, STATE_PAUSED
from .keyed import KeyedApp, KeyedScreen
from .reader import ReaderApp
from .screens.help import HelpKey
from .widgets.clock import clock
from .widgets.part import Part
from .widgets.safe import plain

MARKS = {"done": "✓", "current": "▶", "next": "→", "skipped": "–", "planned": " "}
"""How the agenda marks each item; the words say it too, for a screen reader."""


class FollowScreen(KeyedScreen[None]):
    """The live view of one meeting."""

    KEY_SCOPES = ("follow",)
    HELP_TITLE = N_("Follow the meeting")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Part(id="follow-status", classes="status-line")
        yield Part(id="follow-item")
        yield Part(id="follow-clock")
        with Horizontal(id="follow-main"):
            with VerticalScroll(id="follow-agenda"):
                yield Part(id="follow-agenda-text")
            with VerticalScroll(id="follow-board"):
                yield Part(id="follow-board-text")
        with VerticalScroll(id="follow-record"):
            yield Part(id="follow-record-text")
        yield Footer(compact=True)

    @property
    def follow_app(self) -> FollowApp:
        return cast(FollowApp, self.app)

    def on_mount(self) -> None:
        self.follow_app.start()

    def action_minutes(self) -> None:
        self.follow_app.open_minutes()


class FollowApp(HelpKey, KeyedApp):
    """`sdtui follow`: exits with the path of the minutes to read when the participant asks for them."""

    TITLE = N_("sdtui follow")
    CSS_PATH = ["styles/app.tcss", "styles/follow.tcss"]
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, follower: Follower, *, wall: Callable[[], float] = time.time, poll_seconds: float = POLL_SECONDS
    ) -> None:
        super().__init__()
        self.follower = follower
        self.wall = wall
        """Where the clocks read the time; tests freeze it."""
        self.poll_seconds = poll_seconds
        self.cursor_blink = False

    def on_mount(self) -> None:
        self.title = _(self.TITLE)
        self.view = FollowScreen()
        self.push_screen(self.view)

    def start(self) -> None:
        """Once the view is composed: show what is there, then look again a few times a second."""
        self.poll()
        self.set_interval(self.poll_seconds, self.poll)
        self.set_interval(1.0, self.tick)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return ()

    def part(self, name: str) -> Part:
        """One part of the live view (also while the help screen is in front of it)."""
        return self.view.query_one(f"#follow-{name}", Part)

    # --- showing ------------------------------------------------------------------------

    def _view_ready(self) -> bool:
        """The view is on screen with its parts: a timer may fire before it is, or while the app ends."""
        return self.view.is_attached and bool(self.view.query("#follow-status"))

    def poll(self) -> None:
        if not self._view_ready():
            return
        if self.follower.poll() or not self.part("status")._shown:
            self.show()

    def tick(self) -> None:
        """Once a second: the clock line alone."""
        if self._view_ready():
            self.show_clock()

    def show(self) -> None:
        snapshot = self.follower.snapshot
        self.show_status()
        if snapshot is None:
            for name in ("item", "clock", "agenda-text", "board-text", "record-text"):
                self.part(name).show(Text())
            return
        self.sub_title = meeting_line(snapshot)
        if snapshot["state"] == STATE_PAUSED:
            self.part("item").show(
                plain(
                    _("The facilitator has paused publishing; the view resumes when it is switched on again."), "bold"
                )
            )
            for name in ("clock", "agenda-text", "board-text", "record-text"):
                self.part(name).show(Text())
            return
        self.part("item").show(plain(item_line(snapshot), "bold"))
        self.show_clock()
        self.show_agenda(snapshot)
        self.show_board(snapshot)
        self.show_record(snapshot)

    def show_status(self) -> None:
        follower, snapshot = self.follower, self.follower.snapshot
        if follower.problem:
            text = plain(follower.problem, "bold")
        elif snapshot is None:
            text = plain(_("Waiting for a meeting to go live in {folder} …").format(folder=follower.folder))
        elif follower.stale:
            text = plain(stale_message(follower), "bold reverse")
        elif snapshot["state"] == STATE_CLOSED:
            text = plain(
                _("The meeting is closed. m: read the minutes.")
                if snapshot["minutes"]
                else _("The meeting is closed; the minutes appear here once they are exported."),
                "bold",
            )
        elif snapshot["state"] == STATE_PAUSED:
            text = plain(_("Publishing paused"), "bold")
        else:
            text = Text(_("● LIVE"), style="bold reverse")
            text.append(" ")
            text.append(plain(meeting_line(snapshot)))
        self.part("status").show(text)

    def show_clock(self) -> None:
        snapshot = self.follower.snapshot
        if snapshot is None or snapshot["state"] == STATE_PAUSED:
            return
        item_clock, (spent, planned) = clocks(snapshot, self.wall())
        text = Text()
        if item_clock is not None:
            text.append_text(clock(_("Item"), timedelta(seconds=int(item_clock[0])), timedelta(seconds=item_clock[1])))
            text.append("  ")
        text.append_text(clock(_("Meeting"), timedelta(seconds=int(spent)), timedelta(seconds=planned), minutes=True))
        if snapshot["meeting"]["planned_end"]:
            text.append("  " + _("ends {time}").format(time=snapshot["meeting"]["planned_end"]))
        self.part("clock").show(text)

    def show_agenda(self, snapshot: dict[str, Any]) -> None:
        text = Text()
        words = {"done": _("done"), "current": _("now"), "next": _("next"), "skipped": _("skipped"), "planned": ""}
        for number, item in enumerate(snapshot["agenda"], start=1):
            place = item["place"] if item["place"] in MARKS else "planned"
            style = "bold reverse" if place == "current" else ("dim" if place in ("done", "skipped") else "")
            text.append(f"{MARKS[place]} {number}. ", style=style)
            text.append(plain(item["title"], style))
            if words[place]:
                text.append(f" ({words[place]})", style="italic")
            text.append("\n")
        self.part("agenda-text").show(text)

    def show_board(self, snapshot: dict[str, Any]) -> None:
        text = Text()
        board = snapshot["board"]
        if current_item(snapshot) is None:
            text.append(_("No item is running."))
        elif not board:
            text.append(_("No restore-or-renovate topic on this item."))
        for round_ in board:
            text.append(plain(round_["topic"], "bold"))
            text.append("\n")
            if round_["what_changed"]:
                text.append(_("What changed: "), style="bold")
                text.append(plain(round_["what_changed"]))
                text.append("\n")
            for title, side in ((_("Restore:"), "restore"), (_("Renovate:"), "renovate")):
                if round_[side]:
                    text.append(title + "\n", style="bold")
                    for argument in round_[side]:
                        text.append(" • ")
                        text.append(plain(argument))
                        text.append("\n")
            text.append(plain(tally_text(round_), "bold"))
            text.append("\n")
            if round_["positions"]:
                people = [f"{p['name']}: {position_word(p['position'])}" for p in round_["positions"]]
                text.append(plain(" · ".join(people)))
                text.append("\n")
            if round_["decision"]:
                member = Verdict._value2member_map_.get(round_["decision"])
                text.append(_("Decision: "), style="bold")
                text.append(plain(word(member) if member is not None else round_["decision"]))
                if round_["rationale"]:
                    text.append(" — ")
                    text.append(plain(round_["rationale"]))
                text.append("\n")
            text.append("\n")
        if snapshot["notes"]:
            text.append(_("Notes") + "\n", style="bold")
            for note in snapshot["notes"]:
                text.append(plain(note))
                text.append("\n")
        self.part("board-text").show(text)

    def show_record(self, snapshot: dict[str, Any]) -> None:
        text = Text()
        text.append(_("Decisions") + "\n", style="bold")
        if not snapshot["decisions"]:
            text.append(_("None yet.") + "\n", style="dim")
        for number, decision in enumerate(snapshot["decisions"], start=1):
            text.append(f"{number}. ")
            text.append(plain(" ".join(decision["text"].split())))
            text.append("\n")
        actions = [a for a in snapshot["actions"] if not a["carried"]]
        text.append(_("Actions") + "\n", style="bold")
        if not actions:
            text.append(_("None yet.") + "\n", style="dim")
        for action in actions:
            member = ActionStatus._value2member_map_.get(action["status"])
            mark = "✓" if member is ActionStatus.DONE else ("✗" if member is ActionStatus.DROPPED else "•")
            text.append(f"{mark} ")
            text.append(plain(action_text(action)))
            text.append("\n")
        part = self.part("record-text")
        if text.markup != part._shown:
            part.show(text)
            self.view.query_one("#follow-record", VerticalScroll).scroll_end(animate=False)

    # --- the minutes --------------------------------------------------------------------

    def open_minutes(self) -> None:
        """Leave for the reader: this meeting's minutes, else the list of published minutes."""
        path = self.follower.minutes_path()
        if path is None and any(self.follower.minutes_dir.glob("*.md")):
            path = self.follower.minutes_dir
        if path is None:
            self.notify(_("No minutes are published yet; they appear when the facilitator exports them."), markup=False)
            return
        self.exit(path)


class ParticipantReader(ReaderApp):
    """The minutes reader without a command palette: a participant can read, not save or run anything."""

    ENABLE_COMMAND_PALETTE = False

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return ()


FOLLOW, MINUTES = "follow", "minutes"


class ParticipantScreen(KeyedScreen[None]):
    KEY_SCOPES = ("participant",)
    HELP_TITLE = N_("Participants")

    def __init__(self, notice: str = "") -> None:
        super().__init__()
        self.notice = notice

    def compose(self) -> ComposeResult:
        yield Header()
        question = plain(_("What would you like to do?"), "bold")
        if self.notice:
            question = Text.assemble(plain(self.notice), "\n\n", question)
        yield Static(question, id="participant-question")
        yield OptionList(
            Option(_("1. Follow the live meeting"), id=FOLLOW),
            Option(_("2. Read the published minutes"), id=MINUTES),
            id="participant-menu",
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.exit(event.option.id)

    def action_open(self) -> None:
        menu = self.query_one(OptionList)
        if menu.highlighted is not None:
            menu.action_select()


class ParticipantMenu(HelpKey, KeyedApp):
    """`sdtui participant` on a terminal: exits with "follow", "minutes" or None (leave)."""

    TITLE = N_("sdtui for participants")
    CSS_PATH = ["styles/app.tcss", "styles/follow.tcss"]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, notice: str = "") -> None:
        super().__init__()
        self.notice = notice
        """A line above the question: why the last choice could not be opened."""
        self.cursor_blink = False

    def on_mount(self) -> None:
        self.title = _(self.TITLE)
        self.push_screen(ParticipantScreen(self.notice))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return ()


def read_minutes(path: Path) -> None:
    """The reader on published minutes, for participants."""
    ParticipantReader(path).run()


__all__ = ["FollowApp", "ParticipantMenu", "ParticipantReader", "read_minutes"]
