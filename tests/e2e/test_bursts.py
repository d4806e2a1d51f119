"""Keys that arrive in one burst act as if typed one at a time (a real terminal, tmux at 80x24).

Over a slow SSH link a whole word, or a Tab and the next field's text, reach the app in one
read. Each test sends a transition and the keys after it in one tmux command, which writes them
to the terminal at once, and checks that every key landed where it would have if typed slowly.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from sdtui.store import Store

from .test_terminal import add_demo
from .tmux import Terminal, installed_sdtui, needs_tmux

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
