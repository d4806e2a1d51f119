"""Keys that arrive in one burst act as if typed one at a time (a real terminal, tmux at 80x24).

Over a slow SSH link a whole word, or a Tab and the next field's text, reach the app in one
read. Each test sends a transition and the keys after it in one tmux command, which writes them
to the terminal at once, and checks that every key landed where it would have if typed slowly.
"""

from __future__ import annotations

import shlex
import time
from pathlib import Path

from sdtui.model import Session
from sdtui.store import Store

from ..support.tmux import Terminal, add_demo, installed_sdtui, needs_tmux

pytestmark = needs_tmux


def open_app(store: Path) -> Terminal:
    return Terminal(f"{installed_sdtui()} --store {shlex.quote(str(store))}")


def test_text_after_tab_goes_into_the_next_field(tmp_path: Path) -> None:
    store = tmp_path / "store"
    term = open_app(store)
    try:
        term.wait_for("No sessions yet")
        term.burst("n", "Alpha", "Tab", "Beta", "Tab", "2026-12-10", "Enter")
        term.wait_for("Details F5")
        term.send("C-q")
        term.wait_until_exit()
    finally:
        term.close()
    (summary,) = Store(store).list()
    session = Store(store).load(summary.id)
    assert (session.title, session.network, str(session.date)) == ("Alpha", "Beta", "2026-12-10")


def test_escape_then_ctrl_t_closes_the_help_and_the_text_goes_into_the_action_dialog(tmp_path: Path) -> None:
    store = tmp_path / "store"
    add_demo(store)
    term = open_app(store)
    try:
        term.wait_for("Netwerkbijeenkomst juni")
        term.send("Enter")
        term.wait_for("Preview F6")
        term.send("F1")
        term.wait_for("Keys: Close")
        term.burst("Escape", "C-t", "Stuur de dia's")
        shown = term.wait_for("Stuur de dia's")
        assert "New action item" in shown
        assert "Keys: Close" not in shown
    finally:
        term.close()


def test_keys_after_enter_and_f_keys_go_to_the_screen_and_pane_they_open(tmp_path: Path) -> None:
    store = tmp_path / "store"
    add_demo(store)
    term = open_app(store)
    try:
        term.wait_for("Netwerkbijeenkomst juni")
        term.burst("Enter", "F3", "F9")  # open (on Close), switch to Run, show its actions pane
        shown = term.wait_for("Item 8/8")
        term.wait_for("Owner")  # a column of the actions pane only
        assert "F9 Actions" in shown
        term.burst("Escape", "F1")  # back to Home, then its help
        term.wait_for("Keys: Home")
    finally:
        term.close()


def test_a_family_emoji_typed_in_the_terminal_stays_one_family(tmp_path: Path) -> None:
    family = "👩\u200d👩\u200d👧"
    store = tmp_path / "store"
    term = open_app(store)
    try:
        term.wait_for("No sessions yet")
        term.send("n")
        term.wait_for("New session")
        term.burst("C-a", "BSpace")
        term.type(f"Gezin {family}")
        term.send("Enter")
        term.wait_for("Details F5")
        term.send("C-q")
        term.wait_until_exit()
    finally:
        term.close()
    (summary,) = Store(store).list()
    assert Store(store).load(summary.id).title == f"Gezin {family}"


def cursor(term: Terminal) -> tuple[int, int]:
    x, y = term.tmux("display-message", "-p", "-t", "t", "#{cursor_x},#{cursor_y}").strip().split(",")
    return int(x), int(y)


def test_the_terminal_cursor_follows_the_selected_row_for_screen_readers(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with Store(store) as opened:
        session = Session("Cursor test")
        for name in ("Zoë Hendriks", "Jeroen Bakker", "Fatima El Amrani"):
            session.add_participant(name)
        opened.add(session)
    term = open_app(store)
    try:
        term.wait_for("Cursor test")
        term.send("Enter")
        term.wait_for("Details F5")
        term.send("F6")
        term.wait_for("Fatima El Amrani")
        for name in ("Zoë Hendriks", "Jeroen Bakker", "Fatima El Amrani"):
            deadline = time.monotonic() + 5
            while True:
                lines = term.screen().splitlines()
                row = next(n for n, line in enumerate(lines) if name in line)
                if cursor(term)[1] == row or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            assert cursor(term)[1] == row, (name, cursor(term), row)
            term.send("Down")
        term.send("a")  # a form: the cursor is in its first field, where typing goes
        shown = term.wait_for("Organisation")
        field = next(n for n, line in enumerate(shown.splitlines()) if "│ Name" in line) + 1  # the form's label
        deadline = time.monotonic() + 5
        while cursor(term)[1] != field and time.monotonic() < deadline:
            time.sleep(0.1)
        assert cursor(term)[1] == field
    finally:
        term.close()


def test_a_short_meeting_with_every_transition_sent_as_one_burst(tmp_path: Path) -> None:
    """Prepare, run and close a meeting in a real terminal; each step and the keys after it are one write."""
    from ..support.markdown import headings, parse, tables, text_of

    store = tmp_path / "store"
    term = open_app(store)
    try:
        term.wait_for("No sessions yet")
        steps: list[tuple[tuple[str, ...], str]] = [
            (("n", "Overleg december", "Tab", "Wmo-netwerk", "Tab", "2026-12-10", "Enter"), "Details F5"),
            (("F6", "a", "Zoë Hendriks", "Tab", "gemeente Huizen", "Enter"), "Zoë Hendriks"),
            (("a", "Jeroen Bakker", "Tab", "gemeente Assen", "Enter"), "Jeroen Bakker"),
            (("F7", "a", "Housing first", "Enter"), "Housing first"),
            (("w", "Blijven we het doen?", "Enter"), " 1 "),  # the topic count in the agenda
            (("F3", "n"), "Meeting 0 of "),
            (("e", "Welkom allemaal", "Escape"), "Welkom allemaal"),
            (("F6", "v", "r"), "Restore 1 · Renovate 1"),
            (("C-t", "Stuur de dia's", "Tab", "jer", "Enter"), "Action item added"),
            (("F4", "f", "y"), "Meeting closed"),
            (("e",), "Written:"),
        ]
        for keys, shown in steps:
            term.burst(*keys)
            term.wait_for(shown)
        term.burst("C-q")
        term.wait_until_exit()
    finally:
        term.close()
    with Store(store) as opened:
        (summary,) = opened.list()
        session = opened.load(summary.id)
        [markdown] = opened.minutes_dir.glob("*.md")
    people = {person.name: person for person in session.participants}
    assert (session.title, session.network, str(session.date)) == ("Overleg december", "Wmo-netwerk", "2026-12-10")
    assert set(people) == {"Zoë Hendriks", "Jeroen Bakker"}
    [item] = session.agenda
    assert item.title == "Housing first" and [note.text for note in item.notes] == ["Welkom allemaal"]
    [round_] = session.rounds
    assert round_.topic == "Blijven we het doen?"
    assert {people_id: position.value for people_id, position in round_.positions.items()} == {
        people["Zoë Hendriks"].id: "renovate",
        people["Jeroen Bakker"].id: "restore",
    }
    [action] = session.actions
    assert (action.text, action.owner_id) == ("Stuur de dia's", people["Jeroen Bakker"].id)
    tree = parse(markdown.read_text(encoding="utf-8"))
    assert headings(tree, "h1") == ["Overleg december"]
    assert "Blijven we het doen?" in headings(tree, "h3")
    *_, actions = tables(tree)
    assert actions[1][:2] == ["Stuur de dia's", "Jeroen Bakker (gemeente Assen)"]
    assert "Welkom allemaal" in text_of(tree)
