"""The installed app in a real terminal (tmux, 80x24), driven by keys as a facilitator would."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sdtui.demo import build_demo
from sdtui.i18n import ENV_LANG
from sdtui.model import Session
from sdtui.store import Store

from ..support.tmux import Terminal, add_demo, installed_sdtui, needs_tmux

pytestmark = needs_tmux


def test_installed_app_opens_home_help_session_and_quits(tmp_path: Path) -> None:
    store = tmp_path / "store"
    session_id = add_demo(store)
    title = Store(store).load(session_id).title
    term = Terminal(f"{installed_sdtui()} --store {shlex.quote(str(store))}")
    try:
        home = term.wait_for(title[:30])
        assert session_id not in home  # ids stay out of the way; titles are what people read
        assert len(home.splitlines()) <= 24
        term.send("F1")
        term.wait_for("Keys: Home")
        term.send("Escape")
        term.send("Enter")
        term.wait_for("Preview")  # a closed meeting opens on Close
        term.send("C-t")
        term.wait_for("New action item")
        term.send("Escape")
        term.send("Escape")
        term.wait_for(title[:30])
        term.send("C-q")
        term.wait_until_exit()
    finally:
        term.close()
    assert Store(store).load(session_id).title == title


def test_markup_and_escape_sequences_in_titles_show_as_text(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    with Store(store_path) as store:
        store.add(Session("[bold]Agenda[/] \x1b]0;pwned\x07 [red]x"))
    term = Terminal(f"{installed_sdtui()} --store {shlex.quote(str(store_path))}")
    try:
        shown = term.wait_for("[bold]Agenda[/]")
        assert "]0;pwned" in shown  # the printable rest of the sequence, shown as text
        assert term.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip() != "pwned"
        term.send("C-q")
        term.wait_until_exit()
    finally:
        term.close()


@pytest.mark.parametrize("how", ["--lang nl", "SDTUI_LANG=nl", "LANG=nl_NL.UTF-8"])
def test_the_app_speaks_dutch_when_asked(tmp_path: Path, how: str) -> None:
    store = tmp_path / "store"
    add_demo(store)
    option = how if how.startswith("--") else ""
    env = {} if option else dict([how.split("=")])
    if how.startswith("LANG"):  # the locale decides only when nothing more specific is set
        env.update({ENV_LANG: "", "LC_ALL": "", "LC_MESSAGES": ""})
    term = Terminal(f"{installed_sdtui()} {option} --store {shlex.quote(str(store))}", env=env)
    try:
        home = term.wait_for("f1 Hulp")  # the footer, drawn just after the list
        assert "Netwerkbijeenkomst" in home and "Nieuw" in home and "gesloten" in home
        term.send("F1")
        term.wait_for("Toetsen: Start")
        term.send("Escape", "C-q")
        term.wait_until_exit()
    finally:
        term.close()


def test_no_color_and_linux_console(tmp_path: Path) -> None:
    store = tmp_path / "store"
    add_demo(store)
    term = Terminal(f"env NO_COLOR=1 TERM=linux {installed_sdtui()} --store {shlex.quote(str(store))}")
    try:
        term.wait_for("Netwerkbijeenkomst")
        term.send("n")
        term.wait_for("New session")
        term.send("Escape", "C-q")
        term.wait_until_exit()
    finally:
        term.close()


def test_prepare_run_and_export_a_meeting_in_tmux(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    term = Terminal(f"{installed_sdtui()} --store {shlex.quote(str(store_path))}")
    try:
        term.wait_for("No sessions yet")
        term.send("n")
        term.wait_for("New session")
        term.type("Regio-overleg [b]Wmo[/b]")
        term.send("Enter")
        term.wait_for("Details F5")
        # Each key waits for what the one before it brought up: keys sent sooner go to the widget
        # that had the focus until then.
        term.send("F6")
        term.wait_for("Attendance")
        term.send("a")
        term.wait_for("New participant")
        term.type("Zoë Hendriks")
        term.send("Enter")
        term.wait_for("1 participant,")
        term.send("F7")
        term.wait_for("Kind")
        term.send("a")
        term.wait_for("New agenda item")
        term.type("Opening")
        term.send("Enter")
        term.wait_for("13:30  Opening")
        term.send("F3")
        term.wait_for("Not started")
        term.send("n")
        term.wait_for("Meeting 0 of ")
        term.send("e")  # the notes list has focus: e starts typing
        term.wait_gone(" a Add ")  # the note editor has the keys
        term.type("Iedereen welkom. " * 8 + "\x1b[31m rood")  # fast typing, as pasted over SSH
        time.sleep(1.2)  # saved within a second, no save key
        term.send("F4")
        term.wait_for("Review F5")
        term.send("e")
        shown = term.wait_for("Written:")
        assert "[b]Wmo[/b]" in shown
        term.send("C-q")
        term.wait_until_exit()
    finally:
        term.close()
    with Store(store_path) as store:
        [summary] = store.list()
        session = store.load(summary.id)
    # Every letter in the order typed; the escape sequence never reaches the note.
    assert session.agenda[0].notes[0].text == "Iedereen welkom. " * 8 + " rood"
    [minutes] = (store_path / "minutes").iterdir()
    assert "Iedereen welkom" in minutes.read_text(encoding="utf-8")


def notes_after_typing_then(tmp_path: Path, end_app: Callable[[Terminal], None]) -> list[str]:
    """Type a note in two bursts, end the app half a second at most after the second, read the store.

    The first burst is saved by then; the second only if ending the app saves what is pending.
    """
    store_path = tmp_path / "store"
    with Store(store_path) as store:
        session = Session("Ending test")
        session.add_item("Opening")
        store.add(session)
    term = Terminal(f"{installed_sdtui()} --store {shlex.quote(str(store_path))}")
    try:
        term.wait_for("Ending test")
        term.send("Enter")
        term.wait_for("Details F5")
        term.send("F3")
        term.wait_for("Not started")
        term.send("n")
        term.wait_for("Meeting 0 of ")
        term.send("e")  # the notes list has focus: e starts typing
        term.wait_gone(" a Add ")  # the footer of the note editor: it has the keys now
        term.type("Saved a while ago.")
        time.sleep(1)
        term.type(" Typed just before the end")
        term.wait_for("Typed just before the end", interval=0.02)
        end_app(term)
    finally:
        term.close()
    deadline = time.monotonic() + 5  # the app may take a moment to notice
    while True:
        with Store(store_path) as store:
            notes = [n.text for n in store.load(session.id).agenda[0].notes]
        if notes == [FULL_NOTE] or time.monotonic() > deadline:
            return notes
        time.sleep(0.2)


FULL_NOTE = "Saved a while ago. Typed just before the end"


def pane_pid(term: Terminal) -> int:
    return int(term.tmux("display-message", "-p", "-t", "t", "#{pane_pid}"))


def ends_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_a_dropped_connection_keeps_what_was_just_typed_and_ends_sdtui(tmp_path: Path) -> None:
    """Killing the tmux server hangs up the terminal (SIGHUP), as a dropped SSH connection does.

    sdtui must end too: left running, it would hold the session's lock, and the facilitator who
    logs in again would find their own meeting read-only."""
    pids: list[int] = []
    assert notes_after_typing_then(tmp_path, lambda term: pids.append(pane_pid(term))) == [FULL_NOTE]
    ended = ends_within(pids[0], 10)
    if not ended:
        os.kill(pids[0], signal.SIGKILL)
    assert ended, "sdtui kept running after the hang-up"


def test_a_terminated_app_saves_what_was_just_typed(tmp_path: Path) -> None:
    """SIGTERM (a shutdown, a kill from a script) saves the note being typed before sdtui exits."""

    def terminate(term: Terminal) -> None:
        os.kill(pane_pid(term), signal.SIGTERM)
        term.wait_until_exit()

    assert notes_after_typing_then(tmp_path, terminate) == [FULL_NOTE]


def test_a_second_facilitator_on_the_same_session_reads_only_and_is_told_by_whom(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    session_id = add_demo(store_path)
    command = f"{installed_sdtui()} --store {shlex.quote(str(store_path))}"
    first, second = Terminal(command), Terminal(command)
    try:
        first.wait_for("Netwerkbijeenkomst")
        first.send("Enter")
        first.wait_for("Review F5")
        pid = int(first.tmux("display-message", "-p", "-t", "t", "#{pane_pid}"))
        second.wait_for("Netwerkbijeenkomst")
        second.send("Enter")
        second.wait_for(f"Read-only: open in process {pid} of")  # says who holds it
        second.send("space")  # a change here is refused, not lost or torn
        first.send("space")
        time.sleep(0.5)
        first.send("C-q")
        second.send("C-q")
        first.wait_until_exit()
        second.wait_until_exit()
    finally:
        first.close()
        second.close()
    with Store(store_path) as store:
        statuses = [a.status.value for a in store.load(session_id).actions]
    assert statuses[0] != build_demo().actions[0].status.value  # the first facilitator's change is kept


def test_a_participant_reads_the_minutes_in_the_terminal(tmp_path: Path) -> None:
    store = tmp_path / "store"
    session_id = add_demo(store)
    subprocess.run(
        [sys.executable, "-m", "sdtui", "--store", str(store), "export", session_id],
        capture_output=True,
        check=True,
        timeout=60,
    )
    term = Terminal(f"{installed_sdtui()} --store {shlex.quote(str(store))} read")
    try:
        term.wait_for("2026-06-18-netwerkbijeenkomst")
        term.send("Enter")
        term.wait_for("Datum: 18 juni 2026")
        term.send("/")
        term.wait_for("Search: type and press Enter")  # keys typed sooner go to the document
        term.type("eigenaar")  # case does not matter
        term.send("Enter")
        term.wait_for("Eigenaar")  # the action table's header, scrolled into view
        term.send("q")
        term.wait_until_exit()
    finally:
        term.close()
