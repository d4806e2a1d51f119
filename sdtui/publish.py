"""Publishing a running meeting for participants who follow it live (`sdtui follow`).

The facilitator's store is private (0600 files, 0700 folders). Followers never read it: the
app writes a redacted snapshot of the running meeting into a separate publish folder, which
the network's Unix group may read. Layout of a publish folder::

    live/<session id>.json   the snapshot of one meeting, rewritten on every change
    live/current.json        which meeting is live now (a small pointer)
    minutes/<name>.md        minutes published by the final export (and <name>.html)

Promises:

- Redacted: confidential notes never; other notes only when the facilitator shares them;
  positions per person only when a round does not hide names (the tally always).
- Atomic: each file is written to a temporary file in the same folder, fsynced and renamed
  over the old one, so a follower reads the old snapshot or the new one, never half of one.
- Modes: files 0640 and folders 2750 whatever the umask, so the group reads and nobody else;
  with a group name, files and folders are given to that group.
- A failure is a `PublishError` with a message in words. Publishing is a side matter: the
  caller shows the message and the meeting goes on.
- Cheap: a snapshot that did not change is not written again; `heartbeat()` only touches the
  files' times, so followers can tell a quiet facilitator from one that is gone.

Nothing here imports Textual; `sdtui.follow` reads what this writes.
"""

from __future__ import annotations

import grp
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from .exporting import minutes_filename, minutes_text
from .files import write_private
from .i18n import _
from .model import ID_ALPHABET, ItemStatus, Position, Session, SessionStatus

SNAPSHOT_KIND = "sdtui-live"
POINTER_KIND = "sdtui-live-pointer"
SNAPSHOT_SCHEMA = 1
"""Raised when a follower of an older sdtui could no longer read a snapshot correctly."""
LIVE_DIR = "live"
MINUTES_DIR = "minutes"
POINTER = "current.json"
FILE_MODE = 0o640
DIR_MODE = 0o2750
"""Group may read and enter; setgid, so new files take the folder's group."""
ENV_PUBLISH = "SDTUI_PUBLISH"
HEARTBEAT_SECONDS = 5.0
"""How often a facilitator's app should call `heartbeat()` while a meeting is published."""
STALE_AFTER = 20.0
"""Seconds without any sign of the facilitator before a follower says the meeting is no longer updated."""

STATE_LIVE = "live"
STATE_PAUSED = "paused"
STATE_CLOSED = "closed"


class PublishError(Exception):
    """Publishing failed; the message says why in words. The meeting itself is not affected."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def valid_session_id(text: object) -> bool:
    """Whether `text` can be a session id: only id letters, so it can never name another path."""
    return isinstance(text, str) and 0 < len(text) <= 32 and set(text) <= set(ID_ALPHABET)


def _epoch(moment: datetime | None) -> float | None:
    """A model time (naive, the facilitator's local time) as seconds since 1970, which every
    follower can compare with its own clock whatever its time zone."""
    return None if moment is None else round(moment.timestamp(), 3)


def _hhmm(moment: Any) -> str:
    return "" if moment is None else f"{moment.hour:02d}:{moment.minute:02d}"


def _hides_names(round_: Any, hide_names: bool | Callable[[Any], bool]) -> bool:
    if getattr(round_, "hide_names", False):  # a model that knows the flag says so itself
        return True
    return bool(hide_names(round_)) if callable(hide_names) else bool(hide_names)


def build_snapshot(
    session: Session,
    *,
    share_notes: bool = False,
    hide_names: bool | Callable[[Any], bool] = False,
    round_id: str | None = None,
    state: str = STATE_LIVE,
    minutes: str = "",
) -> dict[str, Any]:
    """The redacted, JSON-ready view of `session` that followers see.

    `hide_names` says whether a round hides who took which position (a bool for every round,
    or a callable given the round); `round_id` is the topic the facilitator has on the board,
    else the last topic of the current item.
    """
    running = session.status is SessionStatus.RUNNING
    current = session.current_item if session.agenda and running else None
    upcoming = next(
        (
            n
            for n, item in enumerate(session.agenda)
            if current is not None and n > current and item.status is ItemStatus.PLANNED
        ),
        None,
    )
    agenda = []
    for number, item in enumerate(session.agenda):
        if number == current:
            place = "current"
        elif item.status is ItemStatus.DONE:
            place = "done"
        elif item.status is ItemStatus.SKIPPED:
            place = "skipped"
        elif number == upcoming:
            place = "next"
        else:
            place = "planned"
        agenda.append(
            {
                "id": item.id,
                "title": item.title,
                "presenter": item.presenter,
                "kind": item.kind.value,
                "timebox": item.timebox,
                "place": place,
                "started": _epoch(item.started_at),
                "ended": _epoch(item.ended_at),
            }
        )
    names = {person.id: person.name for person in session.participants}
    shown = session.agenda[current] if current is not None else None
    board = []
    if shown is not None:
        rounds = [r for r in session.rounds if r.item_id == shown.id]
        focus = round_id if any(r.id == round_id for r in rounds) else (rounds[-1].id if rounds else None)
        for round_ in rounds:
            tally = round_.tally(session.participants)
            positions = None
            if not _hides_names(round_, hide_names):
                positions = [
                    {"name": person.name, "position": round_.positions.get(person.id, Position.UNDECIDED).value}
                    for person in session.present
                ]
            board.append(
                {
                    "id": round_.id,
                    "topic": round_.topic,
                    "what_changed": round_.what_changed,
                    "restore": list(round_.restore_args),
                    "renovate": list(round_.renovate_args),
                    "tally": {position.value: count for position, count in tally.items()},
                    "positions": positions,
                    "decision": round_.decision.value if round_.decision else "",
                    "rationale": round_.rationale,
                    "focus": round_.id == focus,
                }
            )
    notes = (
        [note.text for note in shown.notes if not note.confidential and note.text.strip()]
        if shown is not None and share_notes
        else []
    )
    planned_end = _hhmm(session.end_time)
    if not planned_end and session.date and session.start_time:
        planned_end = _hhmm(
            datetime.combine(session.date, session.start_time) + timedelta(minutes=session.planned_minutes)
        )
    return {
        "kind": SNAPSHOT_KIND,
        "schema": SNAPSHOT_SCHEMA,
        "state": state,
        "meeting": {
            "id": session.id,
            "title": session.title,
            "network": session.network,
            "date": session.date.isoformat() if session.date else "",
            "place": session.place,
            "status": session.status.value,
            "start_time": _hhmm(session.start_time),
            "planned_end": planned_end,
            "started": _epoch(session.started_at),
            "ended": _epoch(session.ended_at),
            "planned_minutes": session.planned_minutes,
            "minutes_name": minutes_filename(session, ""),
        },
        "current": current,
        "agenda": agenda,
        "board": board,
        "notes_shared": bool(share_notes),
        "notes": notes,
        "signals": [
            {"id": s.id, "organisation": s.organisation, "kind": s.kind.value, "text": s.text} for s in session.signals
        ],
        "decisions": [{"id": d.id, "text": d.text, "rationale": d.rationale} for d in session.decisions],
        "actions": [
            {
                "id": a.id,
                "text": a.text,
                "owner": names.get(a.owner_id, ""),
                "due": a.due.isoformat() if isinstance(a.due, date) else "",
                "status": a.status.value,
                "carried": bool(a.carried_from),
            }
            for a in session.actions
        ],
        "minutes": minutes,
    }


@dataclass
class PublishFolder:
    """A publish folder and where in it the snapshots and the minutes are: for the writer and the readers."""

    folder: Path

    @property
    def live_dir(self) -> Path:
        return self.folder / LIVE_DIR

    @property
    def minutes_dir(self) -> Path:
        return self.folder / MINUTES_DIR


@dataclass
class Publisher(PublishFolder):
    """Writes snapshots of running meetings into one publish folder."""

    group: str | None = None
    _gid: int = field(default=-1, init=False, repr=False)
    _last: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    """Session id to the body last written, so an unchanged snapshot is not written again."""
    _minutes: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _live: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.folder = Path(self.folder).expanduser()
        if self.group:
            try:
                self._gid = grp.getgrnam(self.group).gr_gid
            except KeyError:
                raise PublishError(
                    _(
                        "There is no group called {group!r} on this computer; "
                        "ask the administrator, or publish without --publish-group."
                    ).format(group=self.group)
                ) from None

    # --- what followers see -------------------------------------------------------------

    @property
    def live_session(self) -> str | None:
        """The id of the meeting this publisher last published, if any."""
        return self._live

    def snapshot_path(self, session_id: str) -> Path:
        if not valid_session_id(session_id):
            raise PublishError(_("{id!r} is not a session id.").format(id=session_id))
        return self.live_dir / f"{session_id}.json"

    def snapshot(
        self,
        session: Session,
        *,
        share_notes: bool = False,
        now: datetime | None = None,
        hide_names: bool | Callable[[Any], bool] = False,
        round_id: str | None = None,
    ) -> dict[str, Any]:
        """The redacted view of `session` as followers will read it (see `build_snapshot`).

        `now` stamps when it was made; the clocks themselves travel as start times.
        """
        state = STATE_CLOSED if session.status is SessionStatus.CLOSED else STATE_LIVE
        data = build_snapshot(
            session,
            share_notes=share_notes,
            hide_names=hide_names,
            round_id=round_id,
            state=state,
            minutes=self._minutes.get(session.id, ""),
        )
        data["updated"] = _epoch(now or datetime.now())
        return data

    def publish(
        self,
        session: Session,
        *,
        share_notes: bool = False,
        now: datetime | None = None,
        hide_names: bool | Callable[[Any], bool] = False,
        round_id: str | None = None,
    ) -> bool:
        """Write the snapshot of `session` and point `live/current.json` at it.

        Returns False when nothing changed since the last write (nothing is written then).
        Raises PublishError.
        """
        data = self.snapshot(session, share_notes=share_notes, now=now, hide_names=hide_names, round_id=round_id)
        return self._write_snapshot(session.id, data)

    def close(
        self,
        session: Session,
        *,
        share_notes: bool = False,
        now: datetime | None = None,
        hide_names: bool | Callable[[Any], bool] = False,
    ) -> None:
        """Publish the meeting as closed: followers say so and offer the minutes."""
        data = self.snapshot(session, share_notes=share_notes, now=now, hide_names=hide_names)
        data["state"] = STATE_CLOSED
        self._write_snapshot(session.id, data)

    def pause(self, session: Session, *, now: datetime | None = None) -> None:
        """Publishing switched off: followers see only that it is paused, nothing of the meeting."""
        data = {
            "kind": SNAPSHOT_KIND,
            "schema": SNAPSHOT_SCHEMA,
            "state": STATE_PAUSED,
            "meeting": {"id": session.id, "title": session.title, "network": session.network},
            "updated": _epoch(now or datetime.now()),
        }
        self._write_snapshot(session.id, data)

    def heartbeat(self) -> None:
        """Touch the live snapshot and the pointer: the facilitator is still there.

        Followers that see no change and no touch for STALE_AFTER seconds say the meeting is no
        longer updated. Call every HEARTBEAT_SECONDS while a meeting is published.
        """
        if self._live is None:
            return
        try:
            for path in (self.snapshot_path(self._live), self.live_dir / POINTER):
                os.utime(path)
        except OSError as error:
            raise self._error(error) from None

    def publish_minutes(self, session_id: str, markdown: str, html: str, name: str | None = None) -> tuple[Path, Path]:
        """Write the final minutes as `minutes/<name>.md` and `.html`, and tell followers they are there.

        `name` defaults to the name of the session's export (date, title, id), as known from
        its last snapshot, else the session id.
        """
        path = self.snapshot_path(session_id)
        if name is None:
            name = self._minutes_name(path) or session_id
        if not name or "/" in name or name.startswith(".") or "\0" in name:
            raise PublishError(_("{name!r} cannot be a file name for the minutes.").format(name=name))
        try:
            self._folders(self.minutes_dir)
            written = (
                self._write(self.minutes_dir / f"{name}.md", markdown),
                self._write(self.minutes_dir / f"{name}.html", html),
            )
        except OSError as error:
            raise self._error(error) from None
        self._minutes[session_id] = f"{name}.md"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return written
        if isinstance(data, dict) and data.get("kind") == SNAPSHOT_KIND:
            data["minutes"] = f"{name}.md"
            self._write_snapshot(session_id, data, point=False)
        return written

    def publish_session_minutes(self, session: Session, *, language: str | None = None) -> tuple[Path, Path]:
        """Render the minutes of `session` (Markdown and HTML, as the export does) and publish them."""
        return self.publish_minutes(
            session.id,
            minutes_text(session, language=language),
            minutes_text(session, language=language, html=True),
            name=minutes_filename(session, ""),
        )

    # --- writing ------------------------------------------------------------------------

    def _minutes_name(self, path: Path) -> str:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            name = data["meeting"]["minutes_name"]
        except (OSError, ValueError, KeyError, TypeError):
            return ""
        return name if isinstance(name, str) else ""

    def _write_snapshot(self, session_id: str, data: dict[str, Any], *, point: bool = True) -> bool:
        body = json.dumps({k: v for k, v in data.items() if k != "updated"}, ensure_ascii=False, sort_keys=True)
        path = self.snapshot_path(session_id)
        if self._last.get(session_id) == body and path.exists():
            return False
        try:
            self._folders(self.live_dir)
            self._write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
            if point:
                pointer = {
                    "kind": POINTER_KIND,
                    "schema": SNAPSHOT_SCHEMA,
                    "session": session_id,
                    "state": data.get("state", STATE_LIVE),
                    "title": data.get("meeting", {}).get("title", ""),
                }
                pointer_text = json.dumps(pointer, ensure_ascii=False) + "\n"
                if self._last.get(POINTER) != pointer_text:
                    self._write(self.live_dir / POINTER, pointer_text)
                    self._last[POINTER] = pointer_text
        except OSError as error:
            self._last.pop(session_id, None)
            raise self._error(error) from None
        self._last[session_id] = body
        self._live = session_id
        return True

    def _folders(self, folder: Path) -> None:
        """Create the publish folder and `folder` in it, 2750 and in the group, whatever the umask."""
        for path in (self.folder, folder):
            if not path.is_dir():
                path.mkdir(parents=True, exist_ok=True)
                self._own(path)
            elif path.stat().st_uid == os.geteuid() and (path.stat().st_mode & 0o7777) != DIR_MODE:
                self._own(path)

    def _own(self, path: Path) -> None:
        if self._gid >= 0:
            os.chown(path, -1, self._gid)
        os.chmod(path, DIR_MODE)

    def _write(self, path: Path, text: str) -> Path:
        """Atomically, 0640 and in the network's group (files.write_private)."""
        return write_private(path, text, mode=FILE_MODE, group=self._gid)

    def _error(self, error: OSError) -> PublishError:
        reason = error.strerror or str(error)
        return PublishError(
            _(
                "Cannot publish to {folder}: {reason}. The meeting goes on; followers see the last published state."
            ).format(folder=self.folder, reason=reason)
        )


class LivePublishing:
    """What the facilitator's app holds while a publish folder is set: a switch and the hooks.

    Each hook returns None, or a message to show once (a toast) when publishing failed; none
    of them raises, so publishing can never stop the meeting. A failed write is tried again on
    the next change. Where the app calls them:

    - `on_start(session)` when a meeting starts, or a running one is opened;
    - `on_save(session, round_id)` after every successful save (`round_id`: the topic on the
      Run screen's board, so followers see the same one);
    - `on_close(session)` when the meeting is finished (a save of a closed session does it too);
    - `on_export(session, language)` after the final export of the minutes;
    - `on_heartbeat()` from a timer every HEARTBEAT_SECONDS while a session is open;
    - `toggle(session)` from the Run screen's key; `marker` (or `live`) for the header.
    """

    def __init__(
        self,
        folder: Path | str,
        group: str | None = None,
        *,
        share_notes: bool = False,
        hide_names: bool | Callable[[Any], bool] = False,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.folder = Path(folder)
        self.group = group
        self.share_notes = share_notes
        self.hide_names = hide_names
        self.clock = clock
        self.enabled = True
        """Switched by the Run screen's key; on from the start when a publish folder is set."""
        self.failing = ""
        """The last failure's message while publishing fails, so it is shown once, not on every key."""
        self.publisher: Publisher | None = None

    @property
    def live(self) -> bool:
        """Whether followers see the meeting now: for the header's "live" marker."""
        return (
            self.enabled and self.publisher is not None and self.publisher.live_session is not None and not self.failing
        )

    def _run(self, work: Callable[[Publisher], Any]) -> str | None:
        try:
            if self.publisher is None:
                self.publisher = Publisher(self.folder, self.group)
            work(self.publisher)
        except PublishError as error:
            first = error.message != self.failing
            self.failing = error.message
            return error.message if first else None
        self.failing = ""
        return None

    def on_save(self, session: Session, round_id: str | None = None) -> str | None:
        """After every save: publish the running (or just closed) meeting when switched on."""
        if not self.enabled or session.status is SessionStatus.DRAFT:
            return None
        if session.status is SessionStatus.CLOSED:
            return self.on_close(session)
        return self._run(
            lambda p: p.publish(
                session, share_notes=self.share_notes, now=self.clock(), hide_names=self.hide_names, round_id=round_id
            )
        )

    def on_start(self, session: Session) -> str | None:
        """When the meeting starts (or is opened while it runs)."""
        return self.on_save(session)

    def on_close(self, session: Session) -> str | None:
        if not self.enabled:
            return None
        return self._run(
            lambda p: p.close(session, share_notes=self.share_notes, now=self.clock(), hide_names=self.hide_names)
        )

    def on_export(self, session: Session, language: str | None = None) -> str | None:
        """After the final export: the minutes go to the publish folder too."""
        if not self.enabled:
            return None
        return self._run(lambda p: p.publish_session_minutes(session, language=language))

    def on_heartbeat(self) -> str | None:
        """Every HEARTBEAT_SECONDS from a timer."""
        if not self.enabled or self.publisher is None:
            return None
        return self._run(lambda p: p.heartbeat())

    def toggle(self, session: Session) -> tuple[bool, str]:
        """Switch publishing off (followers see "paused") or on again.

        Returns (enabled, message): what to tell the facilitator, or why publishing failed.
        """
        self.enabled = not self.enabled
        if self.enabled:
            failure = self.on_save(session)
            return True, failure or _("Publishing again: followers see the meeting.")
        failure = (
            None if session.status is SessionStatus.DRAFT else self._run(lambda p: p.pause(session, now=self.clock()))
        )
        return False, failure or _("Publishing is off: followers see that the meeting is paused.")

    @property
    def marker(self) -> str:
        """What the header shows while followers see the meeting; empty otherwise."""
        return _("● LIVE") if self.live else ""


def publish_folder(option: str | None, environ: dict[str, str] | None = None) -> Path | None:
    """`--publish DIR`, else `$SDTUI_PUBLISH`, else None (no publishing)."""
    value = option or (os.environ if environ is None else environ).get(ENV_PUBLISH, "")
    return Path(value).expanduser() if value else None


__all__ = [
    "DIR_MODE",
    "ENV_PUBLISH",
    "FILE_MODE",
    "HEARTBEAT_SECONDS",
    "LivePublishing",
    "POINTER",
    "PublishError",
    "PublishFolder",
    "Publisher",
    "SNAPSHOT_KIND",
    "SNAPSHOT_SCHEMA",
    "STALE_AFTER",
    "build_snapshot",
    "publish_folder",
    "valid_session_id",
]
