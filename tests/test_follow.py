"""Following a published meeting: reading only, surviving bad files, and telling what changed."""

from __future__ import annotations

import argparse
import builtins
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from sdtui.cli import follow as follow_cli
from sdtui.follow import Follower, clock_line, describe_changes, follow_plain, item_line, parse_snapshot
from sdtui.publish import Publisher

from .support.hostile_text import HOSTILE
from .support.live import SECRET, STARTED, running_meeting

NOW = STARTED + timedelta(minutes=25)
ROOT = Path(__file__).resolve().parent.parent
ESCAPES = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]


def tree(folder: Path) -> dict[str, tuple[int, int, int, int]]:
    """Every file and folder below `folder` with its inode, size, mode and modification time."""
    found = {}
    for path in [folder, *folder.rglob("*")]:
        info = os.stat(path)
        found[str(path.relative_to(folder))] = (info.st_ino, info.st_size, info.st_mode, info.st_mtime_ns)
    return found


def sdtui_follow(*args: str) -> list[str]:
    return [sys.executable, "-m", "sdtui.cli.follow", *args]


# --- reading -------------------------------------------------------------------------------------


def test_follower_reads_the_live_meeting_without_an_id(tmp_path: Path) -> None:
    session = running_meeting()
    Publisher(tmp_path).publish(session, now=NOW)
    follower = Follower(tmp_path)
    assert follower.poll()
    assert follower.snapshot is not None and follower.snapshot["meeting"]["id"] == session.id
    assert item_line(follower.snapshot) == "Item 3/8: Housing first (Ruud Verhoeven)"
    assert not follower.poll()  # nothing changed: nothing to redraw


def test_follower_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    publisher = Publisher(tmp_path)
    session = running_meeting()
    publisher.publish(session, now=NOW)
    session.close(NOW)
    publisher.close(session, now=NOW)
    for path in tmp_path.rglob("*"):
        path.chmod(0o550 if path.is_dir() else 0o440)
    tmp_path.chmod(0o550)  # read-only to the follower (root writes anyway: the opens are watched too)
    before = tree(tmp_path)
    real_open, real_os_open = builtins.open, os.open

    def read_only_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        assert not set(mode) & set("wax+"), f"a follower opened {file} to write"
        return real_open(file, mode, *args, **kwargs)

    def read_only_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        assert not flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT), f"a follower opened {path} to write"
        return real_os_open(path, flags, *args, **kwargs)

    out = io.StringIO()
    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(os, "open", read_only_os_open)
    try:
        follower = Follower(tmp_path)
        for _ in range(3):
            follower.poll()
        status = follow_plain(Follower(tmp_path, session.id), out, interval=0.01)
        after = tree(tmp_path)
    finally:
        monkeypatch.undo()
        tmp_path.chmod(0o750)
    assert status == 0 and follower.snapshot is not None and not follower.problem
    assert after == before
    assert "Closed: Netwerkbijeenkomst juni" in out.getvalue()


@pytest.mark.parametrize(
    "content, message",
    [
        (b'{"kind": "sdtui-live", "schema": 1, "state": "li', "not complete JSON"),
        (b'{"kind": "something-else"}', "not a live sdtui meeting"),
        (b'{"kind": "sdtui-live", "schema": 99}', "newer sdtui"),
        (b"\xff\xfe garbage", "not complete JSON"),
    ],
)
def test_a_torn_or_foreign_file_gives_a_message_and_keeps_the_last_good_state(
    tmp_path: Path, content: bytes, message: str
) -> None:
    session = running_meeting()
    Publisher(tmp_path).publish(session, now=NOW)
    follower = Follower(tmp_path)
    follower.poll()
    good = follower.snapshot
    (tmp_path / "live" / f"{session.id}.json").write_bytes(content)
    assert follower.poll()
    assert message in follower.problem
    assert follower.snapshot is good
    out = io.StringIO()
    stopped = iter([False, True])
    follow_plain(Follower(tmp_path), out, interval=0.01, stop=lambda: next(stopped))
    assert message in out.getvalue()


def test_a_foreign_shape_reads_as_empty_fields_not_a_crash() -> None:
    weird = {
        "kind": "sdtui-live",
        "schema": 1,
        "state": 7,
        "meeting": ["x"],
        "current": 99,
        "agenda": [{"title": ["no"], "timebox": "15"}, "nonsense"],
        "board": [{"tally": "x", "positions": [1]}],
        "decisions": [{"text": None}],
        "actions": "none",
        "minutes": "../../etc/passwd",
    }
    snapshot = parse_snapshot(json.dumps(weird))
    assert snapshot["current"] is None and snapshot["agenda"][0]["title"] == ""
    assert snapshot["minutes"] == ""  # never a path out of the minutes folder
    assert describe_changes(None, snapshot)
    assert clock_line(snapshot, time.time())


def test_a_pointer_to_another_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "live").mkdir()
    (tmp_path / "live" / "current.json").write_text(
        json.dumps({"kind": "sdtui-live-pointer", "schema": 1, "session": "../../etc/passwd"})
    )
    follower = Follower(tmp_path)
    follower.poll()
    assert follower.snapshot is None and "not an sdtui pointer" in follower.problem


def test_follower_started_before_the_meeting_goes_live(tmp_path: Path) -> None:
    folder = tmp_path / "publish"  # not even there yet
    follower = Follower(folder)
    follower.poll()
    assert follower.waiting and follower.snapshot is None and not follower.problem
    session = running_meeting()
    Publisher(folder).publish(session, now=NOW)
    assert follower.poll()
    assert not follower.waiting and follower.snapshot["meeting"]["id"] == session.id


def test_two_followers_see_the_same_changes(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session, now=NOW)
    first, second = Follower(tmp_path), Follower(tmp_path, session.id)
    first.poll(), second.poll()
    session.add_decision("Housing first wordt het uitgangspunt")
    session.add_action("Notitie schrijven", "Ruud", "2026-07-16")
    publisher.publish(session, now=NOW)
    seen = []
    for follower in (first, second):
        assert follower.poll()
        seen.append(describe_changes(follower.previous, follower.snapshot))
    assert (
        seen[0]
        == seen[1]
        == [
            "Decision: Housing first wordt het uitgangspunt",
            "Action: Notitie schrijven (Ruud Verhoeven, due 2026-07-16)",
        ]
    )


def test_a_new_meeting_going_live_is_followed_when_no_id_was_given(tmp_path: Path) -> None:
    publisher = Publisher(tmp_path)
    old, new = running_meeting(), running_meeting()
    old.close(NOW)
    publisher.close(old, now=NOW)
    follower = Follower(tmp_path)
    follower.poll()
    assert follower.snapshot["state"] == "closed"
    publisher.publish(new, now=NOW)
    follower.poll()
    assert follower.snapshot["meeting"]["id"] == new.id and follower.snapshot["state"] == "live"


# --- what changed --------------------------------------------------------------------------------


def test_changes_are_told_one_line_each() -> None:
    from sdtui.publish import build_snapshot

    session = running_meeting()
    before = parse_snapshot(json.dumps(build_snapshot(session)))
    round_ = session.rounds[0]
    session.add_argument(round_.id, "restore", "Het werkte")
    session.set_position(round_.id, session.participants[2].id, "renovate")
    session.add_decision("Housing first\nwordt het uitgangspunt")
    session.add_action("Notitie schrijven", "Zoë", "2026-07-16")
    session.go_to(3, NOW)
    after = parse_snapshot(json.dumps(build_snapshot(session)))
    assert describe_changes(before, after) == [
        "Item 4/8: Signalenronde",
        "Decision: Housing first wordt het uitgangspunt",
        "Action: Notitie schrijven (Zoë Hendriks, due 2026-07-16)",
    ]  # the board went with its item: a topic is told only while its item runs
    session.go_to(2, NOW)
    back = parse_snapshot(json.dumps(build_snapshot(session)))
    lines = describe_changes(after, back)
    assert lines[0] == "Item 3/8: Housing first (Ruud Verhoeven)"
    assert "Topic: Opvang van daklozen" in lines and "Restore: Het werkte" in lines
    session.close(NOW)
    closed = parse_snapshot(json.dumps(build_snapshot(session, state="closed")))
    assert describe_changes(back, closed)[-1] == "Meeting closed"


def test_board_changes_while_an_item_runs() -> None:
    from sdtui.publish import build_snapshot

    session = running_meeting()
    before = parse_snapshot(json.dumps(build_snapshot(session)))
    round_ = session.rounds[0]
    session.add_argument(round_.id, "renovate", "Minder wachtlijsten")
    session.decide(round_.id, "renovate")
    session.set_position(round_.id, session.participants[2].id, "renovate")
    after = parse_snapshot(json.dumps(build_snapshot(session)))
    assert describe_changes(before, after) == [
        "Renovate: Minder wachtlijsten",
        "Tally on Opvang van daklozen: Restore 1 · Renovate 2 · Undecided 0",
        "Decided on Opvang van daklozen: renovate",
    ]


def test_clock_line_ticks_from_the_published_start_times() -> None:
    from sdtui.publish import build_snapshot

    snapshot = parse_snapshot(json.dumps(build_snapshot(running_meeting())))
    at = (STARTED + timedelta(minutes=32, seconds=5)).timestamp()
    assert clock_line(snapshot, at) == "Item 12:05 of 15:00 · Meeting 32 of 120 min · ends 16:30"
    later = (STARTED + timedelta(minutes=40)).timestamp()
    assert clock_line(snapshot, later).startswith("Item +5:00 OVER (20:00 of 15:00)")
    overrun = (STARTED + timedelta(hours=2, minutes=5, seconds=59)).timestamp()
    assert "Meeting +5 min OVER (125 of 120 min)" in clock_line(snapshot, overrun)


# --- the facilitator gone ------------------------------------------------------------------------

FACILITATOR = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tests.support.live import running_meeting
    from sdtui.publish import Publisher
    publisher = Publisher(Path({folder!r}))
    session = running_meeting(datetime.now())
    publisher.publish(session)
    print("published", flush=True)
    while True:
        time.sleep(0.2)
        publisher.heartbeat()
""")


def start_facilitator(folder: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", FACILITATOR.format(root=str(ROOT), folder=str(folder))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "published"
    return process


def test_a_killed_facilitator_shows_as_no_longer_updated(tmp_path: Path) -> None:
    process = start_facilitator(tmp_path)
    try:
        follower = Follower(tmp_path, stale_after=1.0)
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            follower.poll()
            assert not follower.stale  # quiet, but its heartbeat goes on
            time.sleep(0.1)
        process.send_signal(signal.SIGKILL)
        process.wait(5)
        deadline = time.monotonic() + 3
        while not follower.stale and time.monotonic() < deadline:
            follower.poll()
            time.sleep(0.1)
        assert follower.stale
    finally:
        process.kill()
        process.wait(5)
    # A follower that starts after the facilitator died says so as soon as it has read the files.
    late = Follower(tmp_path, stale_after=1.0)
    os.utime(tmp_path / "live" / "current.json", (time.time() - 60, time.time() - 60))
    for path in (tmp_path / "live").iterdir():
        os.utime(path, (time.time() - 60, time.time() - 60))
    late.poll()
    assert late.stale


def test_plain_says_no_longer_updated(tmp_path: Path) -> None:
    process = start_facilitator(tmp_path)
    out = io.StringIO()
    started = time.monotonic()
    try:

        def stop() -> bool:
            if time.monotonic() - started > 0.8 and process.poll() is None:
                process.kill()
            return "no longer updated" in out.getvalue() or time.monotonic() - started > 5

        follow_plain(Follower(tmp_path, stale_after=1.0), out, interval=0.05, stop=stop)
    finally:
        process.kill()
        process.wait(5)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Live: Netwerkbijeenkomst juni — Wmo-netwerk — 2026-06-18"
    assert lines[1] == "Item 3/8: Housing first (Ruud Verhoeven)"
    assert lines[-1].startswith("The meeting is no longer updated (last update at ")


# --- the command ---------------------------------------------------------------------------------


def test_follow_plain_command_prints_each_change_within_a_second(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    follower = subprocess.Popen(
        sdtui_follow("follow", "--plain", "--publish", str(tmp_path)),
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SDTUI_LANG": "en"},
    )
    try:
        assert follower.stdout is not None
        assert follower.stdout.readline().startswith("Waiting for a meeting to go live")  # started before it
        publisher.publish(session)
        assert follower.stdout.readline().startswith("Live: Netwerkbijeenkomst juni")
        assert [follower.stdout.readline().strip() for _ in range(6)] == [
            "Item 3/8: Housing first (Ruud Verhoeven)",
            "Topic: Opvang van daklozen",
            "What changed: Noodverordening",
            "Restore: Oude regels zijn bekend",
            "Renovate: Iedereen kreeg binnen tien dagen een woning",
            "Tally on Opvang van daklozen: Restore 1 · Renovate 1 · Undecided 1",
        ]
        for change, expected in (
            (
                lambda: session.add_decision("Housing first wordt het uitgangspunt"),
                "Decision: Housing first wordt het uitgangspunt",
            ),
            (
                lambda: session.add_action("Notitie schrijven", "Ruud", "2026-07-16"),
                "Action: Notitie schrijven (Ruud Verhoeven, due 2026-07-16)",
            ),
            (lambda: session.go_to(3, STARTED + timedelta(minutes=40)), "Item 4/8: Signalenronde"),
        ):
            change()
            published = time.monotonic()
            publisher.publish(session)
            assert follower.stdout.readline().strip() == expected
            assert time.monotonic() - published < 1.0
        session.close(STARTED + timedelta(minutes=90))
        publisher.close(session)
        assert follower.stdout.readline().strip() == "Meeting closed"
        assert follower.wait(5) == 0  # it ends with the meeting
    finally:
        follower.kill()
        follower.wait(5)


def test_hostile_text_through_follow_plain(tmp_path: Path) -> None:
    session = running_meeting()
    for number, text in enumerate(HOSTILE):
        if text.strip():
            session.add_decision(text)
            session.add_action(text, "Ruud")
            session.add_argument(session.rounds[0].id, "restore", text)
        session.add_participant(f"{text[:150]} {number}" if text.strip() else f"leeg {number}")
    session.agenda[2].title = "\x1b[2J" + session.agenda[2].title  # as a foreign writer might
    publisher = Publisher(tmp_path)
    publisher.publish(session, share_notes=True)
    follower = subprocess.Popen(
        sdtui_follow("follow", session.id, "--plain", "--publish", str(tmp_path)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SDTUI_LANG": "en"},
    )
    time.sleep(1.5)
    session.close(NOW)
    publisher.close(session, share_notes=True)
    stdout, stderr = follower.communicate(timeout=30)
    assert follower.returncode == 0, stderr
    assert not [c for c in ESCAPES if c in stdout.replace("\n", "")]
    assert "Decision: [bold]vet[/bold]" in stdout
    assert "Restore: $(rm -rf ~) `reboot`; echo pwned" in stdout
    assert "Note: Tilburg deelt de aanpak" in stdout
    assert stdout.rstrip().endswith("Meeting closed")
    assert SECRET not in stdout


def test_follow_needs_a_publish_folder(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SDTUI_PUBLISH", raising=False)
    assert follow_cli.main(["follow", "--plain"]) == 1
    assert "no publish folder" in capsys.readouterr().err


def test_follow_refuses_an_id_that_is_a_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert follow_cli.main(["--publish", str(tmp_path), "follow", "../../etc", "--plain"]) == 1
    assert "is not a session id" in capsys.readouterr().err


def test_register_adds_follow_and_participant_to_a_parser() -> None:
    parser = argparse.ArgumentParser()
    follow_cli.add_publish_options(parser)
    follow_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--publish", "/srv/main", "--publish-group", "wmo", "follow", "abc", "--plain"])
    assert follow_cli.publish_dir(args) == Path("/srv/main") and args.id == "abc" and args.plain
    assert args.publish_group == "wmo"
    args = parser.parse_args(["participant", "--publish", "/srv/own"])
    assert follow_cli.publish_dir(args) == Path("/srv/own")


def test_participant_plain_menu_reads_minutes_and_follows_and_ignores_the_ssh_command(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    session.close(NOW)
    publisher.close(session)
    publisher.publish_session_minutes(session)
    env = {**os.environ, "SDTUI_LANG": "en", "SSH_ORIGINAL_COMMAND": "/bin/sh -c 'touch /tmp/sdtui-pwned; id'"}
    result = subprocess.run(
        sdtui_follow("participant", "--publish", str(tmp_path)),
        input="2\n1\nq\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "1. Follow the live meeting" in result.stdout
    assert "# Netwerkbijeenkomst juni" in result.stdout  # the minutes, as Markdown text
    assert "uid=" not in result.stdout and not Path("/tmp/sdtui-pwned").exists()
    assert SECRET not in result.stdout


def test_participant_plain_menu_refuses_what_is_not_on_it(tmp_path: Path) -> None:
    out = io.StringIO()
    answers = io.StringIO("3\n../../etc/passwd\n!sh\n2\n\nq\n")
    assert follow_cli.participant_plain(tmp_path, answers, out) == 0
    assert out.getvalue().count("Type 1, 2 or q.") == 3
    assert "No minutes are published yet." in out.getvalue()
