"""Following a published meeting: read the publish folder, never write to it.

`Follower.poll()` is called a few times a second. It compares each file's identity (inode,
size, modification time) with the last one seen and reads the file only when that changed;
a publisher replaces files by rename and touches them as a heartbeat, so this sees every
change, also on NFS where inotify sees nothing. A file that is not a valid snapshot (torn,
foreign, from a newer sdtui) gives a message in words and the last good state stays.

`follow_plain()` is `sdtui follow --plain`: each change as one line (screen readers, braille, a
phone, `tee` to a log), in the words of follow_text.py.

Nothing here imports Textual, and nothing here opens a file for writing.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .follow_text import (
    action_text,
    clock_line,
    clocks,
    current_item,
    describe_changes,
    duration,
    item_line,
    meeting_line,
    position_word,
    tally_text,
)
from .i18n import _
from .model import Position, strip_controls
from .publish import (
    POINTER,
    POINTER_KIND,
    SNAPSHOT_KIND,
    SNAPSHOT_SCHEMA,
    STALE_AFTER,
    STATE_CLOSED,
    STATE_LIVE,
    STATE_PAUSED,
    PublishFolder,
    valid_session_id,
)

POLL_SECONDS = 0.25
"""How often a follower looks at the files: changes show within half a second, an idle poll costs two stats."""
MAX_BYTES = 16 * 1024 * 1024
"""A snapshot larger than this is not sdtui's: refuse it rather than read it into memory."""

Identity = tuple[int, int, int]


class SnapshotError(ValueError):
    """A file in the publish folder is not a snapshot this sdtui can show; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- reading and checking a snapshot ------------------------------------------------------------


def _text(value: Any) -> str:
    return strip_controls(value) if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _record(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _records(value: Any) -> list[dict[str, Any]]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _texts(value: Any) -> list[str]:
    return [_text(entry) for entry in value if isinstance(entry, str)] if isinstance(value, list) else []


def parse_snapshot(raw: bytes | str, name: str = "") -> dict[str, Any]:
    """A snapshot as a dict of known fields, every text cleaned; SnapshotError when it is not one.

    Whatever a file holds, the result has the shape the viewers expect: a field of the wrong
    type reads as empty, so a foreign or damaged file can never crash a follower.
    """
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise SnapshotError(
            _("{name} is not complete JSON (cut off or damaged); still showing the last good state.").format(name=name)
        ) from None
    if not isinstance(data, dict) or data.get("kind") != SNAPSHOT_KIND:
        raise SnapshotError(_("{name} is not a live sdtui meeting; ignored.").format(name=name))
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise SnapshotError(_("{name} has no valid schema version; ignored.").format(name=name))
    if schema > SNAPSHOT_SCHEMA:
        raise SnapshotError(
            _("{name} was written by a newer sdtui (schema {schema}); upgrade sdtui to follow this meeting.").format(
                name=name, schema=schema
            )
        )
    meeting = _record(data.get("meeting"))
    state = data.get("state") if data.get("state") in (STATE_LIVE, STATE_PAUSED, STATE_CLOSED) else STATE_LIVE
    agenda = [
        {
            "id": _text(item.get("id")),
            "title": _text(item.get("title")),
            "presenter": _text(item.get("presenter")),
            "timebox": _number(item.get("timebox")) or 0.0,
            "place": _text(item.get("place")) or "planned",
            "started": _number(item.get("started")),
            "ended": _number(item.get("ended")),
        }
        for item in _records(data.get("agenda"))
    ]
    current = data.get("current")
    if not isinstance(current, int) or isinstance(current, bool) or not 0 <= current < len(agenda):
        current = None
    board = []
    for round_ in _records(data.get("board")):
        tally = _record(round_.get("tally"))
        positions = None
        if isinstance(round_.get("positions"), list):
            positions = [
                {"name": _text(p.get("name")), "position": _text(p.get("position"))}
                for p in _records(round_.get("positions"))
            ]
        board.append(
            {
                "id": _text(round_.get("id")),
                "topic": _text(round_.get("topic")),
                "what_changed": _text(round_.get("what_changed")),
                "restore": _texts(round_.get("restore")),
                "renovate": _texts(round_.get("renovate")),
                "tally": {p.value: int(_number(tally.get(p.value)) or 0) for p in Position},
                "positions": positions,
                "decision": _text(round_.get("decision")),
                "rationale": _text(round_.get("rationale")),
                "focus": round_.get("focus") is True,
            }
        )
    return {
        "state": state,
        "meeting": {
            "id": _text(meeting.get("id")),
            "title": _text(meeting.get("title")),
            "network": _text(meeting.get("network")),
            "date": _text(meeting.get("date")),
            "place": _text(meeting.get("place")),
            "status": _text(meeting.get("status")),
            "start_time": _text(meeting.get("start_time")),
            "planned_end": _text(meeting.get("planned_end")),
            "started": _number(meeting.get("started")),
            "ended": _number(meeting.get("ended")),
            "planned_minutes": _number(meeting.get("planned_minutes")) or 0.0,
        },
        "current": current,
        "agenda": agenda,
        "board": board,
        "notes": _texts(data.get("notes")),
        "signals": [
            {
                "id": _text(s.get("id")),
                "organisation": _text(s.get("organisation")),
                "kind": _text(s.get("kind")),
                "text": _text(s.get("text")),
            }
            for s in _records(data.get("signals"))
        ],
        "decisions": [
            {"id": _text(d.get("id")), "text": _text(d.get("text")), "rationale": _text(d.get("rationale"))}
            for d in _records(data.get("decisions"))
        ],
        "actions": [
            {
                "id": _text(a.get("id")),
                "text": _text(a.get("text")),
                "owner": _text(a.get("owner")),
                "due": _text(a.get("due")),
                "status": _text(a.get("status")),
                "carried": a.get("carried") is True,
            }
            for a in _records(data.get("actions"))
        ],
        "minutes": _minutes_name(data.get("minutes")),
    }


def _minutes_name(value: Any) -> str:
    """Only a plain file name in the minutes folder: a snapshot can never point elsewhere."""
    name = _text(value)
    return name if name.endswith(".md") and "/" not in name and "\\" not in name and not name.startswith(".") else ""


def identity(path: Path) -> Identity | None:
    """What tells one version of a file from the next without reading it; None when it is not there."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def read_file(path: Path) -> bytes:
    """The bytes of `path`, opened read-only and refused when absurdly large."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SnapshotError(_("{name} is too large to be a live meeting; ignored.").format(name=path.name))
    return data


# --- the follower -------------------------------------------------------------------------------


@dataclass
class Follower(PublishFolder):
    """Watches one publish folder: the meeting `session_id`, or else whichever is live.

    After each `poll()`, `snapshot` is the last good state (None until one was read),
    `previous` the one before it, `problem` a message about the folder or file ('' when all
    is well), `waiting` whether no meeting was found yet, and `stale` whether the facilitator
    has given no sign for `stale_after` seconds.
    """

    session_id: str | None = None
    stale_after: float = STALE_AFTER
    wall: Callable[[], float] = time.time
    monotonic: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)
        if self.session_id is not None and not valid_session_id(self.session_id):
            raise SnapshotError(_("{id!r} is not a session id.").format(id=self.session_id))
        self.fixed = self.session_id is not None
        self.snapshot: dict[str, Any] | None = None
        self.previous: dict[str, Any] | None = None
        self.problem = ""
        self.waiting = True
        self.stale = False
        self.last_sign: float | None = None
        """Monotonic time of the last change or heartbeat seen."""
        self.updated_at: float | None = None
        """Wall-clock time of the last change or heartbeat, from the file's modification time."""
        self._identity: Identity | None = None
        self._pointer: Identity | None = None
        self._denied = False

    def minutes_path(self) -> Path | None:
        """The published minutes of the meeting followed, once they are there."""
        name = self.snapshot["minutes"] if self.snapshot else ""
        path = self.minutes_dir / name if name else None
        return path if path is not None and path.is_file() else None

    def poll(self) -> bool:
        """Look at the files once; True when anything a viewer shows has changed."""
        before = (id(self.snapshot), self.problem, self.waiting, self.stale)
        if not self.fixed:
            self._read_pointer()
        if self.session_id is not None:
            self._read_snapshot(self.live_dir / f"{self.session_id}.json")
        elif self.snapshot is None:
            self.waiting = True
        if self.snapshot is None:
            self._check_access()
        self.stale = self._is_stale()
        return before != (id(self.snapshot), self.problem, self.waiting, self.stale)

    def _check_access(self) -> None:
        """Waiting for a meeting that is never seen, for want of permission, would look like no meeting at all."""
        for folder in (self.folder, self.live_dir):
            if folder.exists() and not os.access(folder, os.R_OK | os.X_OK):
                self.problem = _("Cannot read {folder}: permission denied.").format(folder=folder)
                self._denied = True
                return
        if self._denied:
            self.problem = ""
            self._denied = False

    def _sign(self, path: Path) -> None:
        """A change or a heartbeat: the facilitator is there."""
        now = self.monotonic()
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            mtime = self.wall()
        self.updated_at = mtime
        if self.last_sign is None:
            # The first look: a file untouched for long means a facilitator that is already gone.
            age = min(max(self.wall() - mtime, 0.0), self.stale_after + 1.0)
            self.last_sign = now - age
        else:
            self.last_sign = now

    def _read_pointer(self) -> None:
        path = self.live_dir / POINTER
        found = identity(path)
        if found == self._pointer:
            return
        self._pointer = found
        if found is None:
            return
        try:
            data = json.loads(read_file(path))
        except (OSError, ValueError, SnapshotError):
            return  # a pointer being replaced, or foreign: the snapshot itself says what is wrong
        if not isinstance(data, dict) or data.get("kind") != POINTER_KIND or not valid_session_id(data.get("session")):
            self.problem = _("{name} is not an sdtui pointer to a live meeting; ignored.").format(name=POINTER)
            return
        self._sign(path)
        if data["session"] != self.session_id:
            # Another meeting went live: follow it from the start.
            self.session_id = data["session"]
            self._identity = None
            self.snapshot = self.previous = None
            self.last_sign = None

    def _read_snapshot(self, path: Path) -> None:
        found = identity(path)
        if found is None:
            if self.snapshot is None:
                self.waiting = True
            return
        if found == self._identity:
            return
        self._identity = found
        self._sign(path)
        try:
            snapshot = parse_snapshot(read_file(path), path.name)
        except SnapshotError as error:
            self.problem = error.message
            return
        except OSError as error:
            self.problem = _("Cannot read {name}: {reason}.").format(name=path.name, reason=error.strerror or error)
            return
        self.problem = ""
        self.waiting = False
        if snapshot != self.snapshot:
            self.previous, self.snapshot = self.snapshot, snapshot

    def _is_stale(self) -> bool:
        if self.snapshot is None or self.snapshot["state"] == STATE_CLOSED or self.last_sign is None:
            return False
        return self.monotonic() - self.last_sign > self.stale_after


def follow_plain(
    follower: Follower, out: TextIO, *, interval: float = POLL_SECONDS, stop: Callable[[], bool] = lambda: False
) -> int:
    """`sdtui follow --plain`: print each change as a line until the meeting closes; the exit status.

    Without a session id, a meeting already closed when following starts is old news: this
    waits for the next one to go live.
    """
    said_waiting = False
    problem = ""
    stale = False
    shown: dict[str, Any] | None = None
    while not stop():
        follower.poll()
        if follower.problem != problem:
            problem = follower.problem
            if problem:
                print(problem, file=out, flush=True)
        snapshot = follower.snapshot
        if snapshot is None or (shown is None and not follower.fixed and snapshot["state"] == STATE_CLOSED):
            if not said_waiting:
                print(
                    _("Waiting for a meeting to go live in {folder} …").format(folder=follower.folder),
                    file=out,
                    flush=True,
                )
                said_waiting = True
            time.sleep(interval)
            continue
        if snapshot is not shown:
            for line in describe_changes(shown, snapshot):
                print(line, file=out, flush=True)
            shown = snapshot
        if follower.stale != stale:
            stale = follower.stale
            print(stale_message(follower) if stale else _("Updates again."), file=out, flush=True)
        if snapshot["state"] == STATE_CLOSED:
            return 0
        time.sleep(interval)
    return 0


def stale_message(follower: Follower) -> str:
    """The meeting is no longer updated, with the time of the last sign of the facilitator."""
    if follower.updated_at is None:
        return _("The meeting is no longer updated.")
    return _("The meeting is no longer updated (last update at {time}).").format(
        time=time.strftime("%H:%M:%S", time.localtime(follower.updated_at))
    )


__all__ = [
    "Follower",
    "POLL_SECONDS",
    "SnapshotError",
    "action_text",
    "clock_line",
    "clocks",
    "current_item",
    "describe_changes",
    "duration",
    "follow_plain",
    "identity",
    "item_line",
    "meeting_line",
    "parse_snapshot",
    "position_word",
    "stale_message",
    "tally_text",
]
