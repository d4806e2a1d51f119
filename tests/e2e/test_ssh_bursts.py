"""The facilitator's app over a real SSH connection at 80x24: every burst of keys lands as typed.

A throwaway OpenSSH server on 127.0.0.1 (tests/support/ssh.py, here without the participants'
ForceCommand), a throwaway user who owns the store, and `ssh -tt` in tmux. Each transition and
the keys after it go in one write, as a bunched packet on a busy link does.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterator

import pytest

from sdtui.store import Store

from ..support.ssh import Server, needs_ssh, run
from ..support.tmux import Terminal

pytestmark = needs_ssh


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    made = Server(force=False)
    try:
        made.start()
        yield made
    finally:
        made.close()


def test_a_meeting_over_ssh_keeps_every_key_of_each_burst(server: Server) -> None:
    home = server.base / "facilitator"
    home.mkdir()
    run("chown", f"{server.user}:{server.group}", str(home))
    store = home / "store"
    remote = f"{server.command} --store {shlex.quote(str(store))}"
    term = Terminal(shlex.join([*server.ssh("-tt"), remote]))
    try:
        term.wait_for("No sessions yet", timeout=30)
        steps: list[tuple[tuple[str, ...], str]] = [
            (("n", "Overleg over SSH", "Tab", "Wmo-netwerk", "Enter"), "Details F5"),
            (("F6", "a", "Zoë Hendriks", "Tab", "gemeente Huizen", "Enter"), "Zoë Hendriks"),
            (("F7", "a", "Opening", "Enter"), "Opening"),
            (("F3", "n"), "Meeting 0:"),
            (("F1",), "Keys: Run"),
            (("Escape", "C-t", "Agenda rondsturen", "Tab", "zo", "Enter"), "Action item added"),
            (("F9", "space"), "Changed: action 'Agenda rondsturen' open → done"),
            (("C-z",), "Undone: action 'Agenda rondsturen' done → open"),
        ]
        for keys, shown in steps:
            term.burst(*keys)
            term.wait_for(shown, timeout=15)
        term.burst("C-q")
        term.wait_until_exit(15)
    finally:
        term.close()
    assert os.stat(store).st_uid != 0  # the facilitator's own store, written over SSH
    with Store(store) as opened:
        (summary,) = opened.list()
        session = opened.load(summary.id)
    assert (session.title, session.network) == ("Overleg over SSH", "Wmo-netwerk")
    [action] = session.actions
    assert (action.text, session.participant(action.owner_id).name, action.status.value) == (
        "Agenda rondsturen", "Zoë Hendriks", "open")
