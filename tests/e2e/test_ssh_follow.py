"""A participant over real SSH: a throwaway OpenSSH server, a throwaway user in a throwaway group.

The server runs on 127.0.0.1 with its own host key, config and port, and `Match Group` +
`ForceCommand ... participant --publish DIR`, as docs/deployment.md describes. The participant
logs in (ssh -tt in tmux at 80x24), follows a meeting this test publishes and changes, and
reads its minutes; whatever command the client asks for, the menu is all it gets, and the
facilitator's store stays unreadable. Needs root (to add the user and group) and sshd; skips
with the reason otherwise. The whole file takes about 15 seconds.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from sdtui.publish import Publisher
from sdtui.store import Store

from ..support.live import SECRET, STARTED, running_meeting
from ..support.ssh import Server, needs_ssh, run
from ..support.tmux import Terminal

pytestmark = needs_ssh


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    made = Server()
    try:
        made.start()
        yield made
    finally:
        made.close()


def wait_within(term: Terminal, text: str, since: float, limit: float = 1.0) -> None:
    """`text` is on the participant's screen no later than `limit` seconds after `since`."""
    term.wait_for(text, timeout=5, interval=0.05)
    assert time.monotonic() - since < limit, f"{text!r} took {time.monotonic() - since:.2f} s"


def test_participant_follows_a_live_meeting_and_reads_its_minutes(server: Server) -> None:
    publisher = Publisher(server.publish, group=server.group)
    session = running_meeting()
    publisher.publish(session)
    term = Terminal(shlex.join(server.ssh("-tt")))
    try:
        term.wait_for("1. Follow the live meeting", timeout=20)
        assert "2. Read the published minutes" in term.screen()
        term.send("Enter")
        term.wait_for("Item 3/8: Housing first (Ruud Verhoeven)", timeout=10)
        for change, expected in (
            (lambda: session.add_decision("Housing first wordt het uitgangspunt"), "Housing first wordt het uitgangs"),
            (lambda: session.add_action("Notitie schrijven", "Ruud", "2026-07-16"), "Notitie schrijven (Ruud"),
            (lambda: session.go_to(3, STARTED + timedelta(minutes=40)), "Item 4/8: Signalenronde"),
        ):
            change()
            publisher.publish(session)
            wait_within(term, expected, time.monotonic())
        session.close(STARTED + timedelta(minutes=90))
        publisher.close(session)
        publisher.publish_session_minutes(session)
        term.wait_for("m: read the minutes", timeout=5)
        term.send("m")
        term.wait_for("Deelnemers", timeout=10)  # the Dutch meeting's minutes, in the reader
        assert SECRET not in term.screen()
        term.send("Escape")
        term.wait_for("1. Follow the live meeting", timeout=10)  # back in the menu, nowhere else
        term.send("q")
        term.wait_until_exit(10)
    finally:
        term.close()


@pytest.mark.parametrize(
    "options, command",
    [
        ([], ["/bin/sh", "-c", "id"]),
        ([], ["cat", "/etc/shadow"]),
        (["-s"], ["sftp"]),
    ],
    ids=["shell", "command", "sftp"],
)
def test_no_shell_and_no_other_command(server: Server, options: list[str], command: list[str]) -> None:
    result = subprocess.run(
        [*server.ssh("-T", *options), *command], input="q\n", capture_output=True, text=True, timeout=30
    )
    assert "uid=" not in result.stdout and "root:" not in result.stdout
    assert "1. Follow the live meeting" in result.stdout  # the menu, whatever was asked
    assert result.returncode == 0


def test_participant_cannot_read_the_store(server: Server) -> None:
    saved = running_meeting()
    with Store(server.store) as store:
        store.add(saved)
    assert (os.stat(server.store).st_mode & 0o777) == 0o700
    files = [path for path in server.store.rglob("*") if path.is_file()]
    assert files
    for path in [server.store, *files]:
        result = run("runuser", "-u", server.user, "--", "test", "-r", str(path), check=False, cwd="/")
        assert result.returncode != 0, f"the participant can read {path}"
    # ...while the publish folder is theirs to read, through the group.
    Publisher(server.publish, group=server.group).publish(saved)
    live = server.publish / "live" / f"{saved.id}.json"
    assert run("runuser", "-u", server.user, "--", "test", "-r", str(live), check=False, cwd="/").returncode == 0
    assert run("runuser", "-u", server.user, "--", "test", "-w", str(live), check=False, cwd="/").returncode != 0


def test_another_networks_publish_folder_is_closed_and_says_so(server: Server) -> None:
    other = server.base / "other-network"
    session = running_meeting()
    Publisher(other).publish(session)  # root's group, not the participant's
    follower = subprocess.Popen(
        [
            "runuser",
            "-u",
            server.user,
            "--",
            "sh",
            "-c",
            f"{server.command} follow --plain --publish {shlex.quote(str(other))}",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    try:
        assert follower.stdout is not None
        first = follower.stdout.readline()
        assert "permission denied" in first and str(other) in first
    finally:
        follower.kill()
        follower.wait(5)
    assert session.title not in first
