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

from sdtui.i18n import _, set_language, word
from sdtui.model import ActionStatus
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


def words(language: str) -> dict[str, str]:
    """What the screens say at each step, from the catalog of `language`."""
    set_language(language)
    try:
        return {
            "empty": _("No sessions yet. Try `sdtui demo` to add an example meeting.").split(".")[0],
            "prepare": _("Details F5"),
            "started": _("Meeting") + " 0 ",
            "help": _("Keys: {screen}").format(screen=_("Run")),
            "added": _("Action item added.").rstrip("."),
            "done": _("Changed: {change} (Ctrl+Z undoes)").format(
                change=f"{_('action')} 'Agenda rondsturen' {word(ActionStatus.OPEN)} → {word(ActionStatus.DONE)}"
            )[:40],
            "undone": _("Undone: {change}").format(change=f"{_('action')} 'Agenda rondsturen'"),
        }
    finally:
        set_language("en")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_meeting_over_ssh_keeps_every_key_of_each_burst(server: Server, language: str) -> None:
    home = server.base / f"facilitator-{language}"
    home.mkdir()
    run("chown", f"{server.user}:{server.group}", str(home))
    store = home / "store"
    said = words(language)
    remote = f"{server.command} --lang {language} --store {shlex.quote(str(store))}"
    term = Terminal(shlex.join([*server.ssh("-tt"), remote]))
    try:
        term.wait_for(said["empty"], timeout=30)
        steps: list[tuple[tuple[str, ...], str]] = [
            (("n", "Overleg over SSH", "Tab", "Wmo-netwerk", "Enter"), said["prepare"]),
            (("F6", "a", "Zoë Hendriks", "Tab", "gemeente Huizen", "Enter"), "Zoë Hendriks"),
            (("F7", "a", "Opening", "Enter"), "Opening"),
            (("F3", "n"), said["started"]),
            (("F1",), said["help"]),
            (("Escape", "C-t", "Agenda rondsturen", "Tab", "zo", "Enter"), said["added"]),
            (("F9", "space"), said["done"]),
            (("C-z",), said["undone"]),
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
        "Agenda rondsturen",
        "Zoë Hendriks",
        "open",
    )
