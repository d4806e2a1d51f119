"""Where sessions live: a folder of small TinyDB files, written so that nothing is ever torn.

Layout of a store folder::

    index.json        TinyDB: one summary per session (what Home lists), and the schema
    index.lock        held while a process changes the index
    s/<id>.json       TinyDB: one session, written whole on every save
    s/<id>.lock       held by the process that has the session open for editing
    minutes/          exported minutes
    templates.json    TinyDB: agenda templates the user saved (sdtui/library.py)
    prompts.json      TinyDB: prompts the user added to the library (sdtui/library.py)
    library.lock      held while a process changes templates.json or prompts.json

Every file is written atomically, owner-only, and checked for its schema when read; how is
said in `storage.py`.

Saving one edit writes one session file, and the index only when what Home shows changed, so
a save costs the same in a store of ten sessions as in one of ten thousand. To tell whether
it changed, a Store keeps the index's summaries in memory, parsed again only when index.json
is another file than the one it read (inode, size, modification and change times): every write,
by any process, replaces the file with a new one, so another process's change is always seen.
The index is written in one place (`Store._change_index`): under its lock, over the file as it
is on disk then, so a change never drops what another process added meanwhile.

A save never writes what could not be read back: every part of the session is built anew from
its stored form and the session from its parts, with every check across them. A Store keeps the
parts of the sessions it saves as it wrote them (a copy built from the stored form, and its JSON),
so a part equal to its copy is neither built nor serialised again: a typed note checks one agenda
item. The index, too, is kept as last written while index.json is that file, and only its rows
that differ from what was written are serialised again.

The two library files are read only when asked for: a damaged one is reported where it is
read and never keeps a session from opening.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import operator
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .i18n import _
from .model import ID_ALPHABET, RecordStatus, Session, SessionStatus, ValidationError, new_id
from .parts import to_plain
from .storage import (
    DIR_MODE,
    SCHEMA_VERSION,
    AtomicJSONStorage,
    FileLock,
    SessionLock,
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreForeign,
    StoreFull,
    StoreReadOnly,
    StoreTooNew,
    check_schema,
    lock_holder,
    make_private_dir,
    meta_row,
    new_file,
    next_row_id,
    os_error,
    remove_leftovers,
    try_lock,
    write_atomic,
)

ENV_STORE = "SDTUI_STORE"
DEFAULT_STORE = Path("sessions")
TOLERATED = {"README.md", ".gitignore"}
"""Files a folder may hold and still become a store (the default store ships with them)."""

_ID = re.compile(f"[{ID_ALPHABET}]+")

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""JSON as AtomicJSONStorage writes it; a file put together from pieces of it reads the same."""

_SESSION_FIELDS = tuple(f.name for f in fields(Session))
_KEYS = {name: f"{_encode(name)}:" for name in _SESSION_FIELDS}
_PART_LISTS = frozenset(
    ("participants", "agenda", "rounds", "signals", "decisions", "actions", "amendments", "arrivals")
)
"""The lists of parts in a session: each part is checked and turned into JSON on its own, once."""
_REMEMBERED = 4
"""Sessions whose last saved parts a Store keeps: the one open in the app, and a few before it."""


@dataclass(frozen=True)
class _Saved:
    """A part as it was last written: a private copy built from its stored form, and that form as JSON.

    The copy was built by the model from exactly the data in `text`, so that text can be read
    back; a part of the session equal to the copy needs no second check.
    """

    part: Any
    text: str


def _fields_of(parts: list[Any]) -> list[dict[str, Any]] | None:
    """The fields of each part, to compare a list of parts in C (a dataclass's `==` runs Python code)."""
    try:
        return [part.__dict__ for part in parts]
    except AttributeError:  # not a part: never equal to one
        return None


class _SavedList:
    """A list of parts (the actions, the agenda ...) as last written."""

    def __init__(self, entries: list[_Saved], text: str | None) -> None:
        self.entries = entries
        self.by_id = {entry.part.id: entry for entry in entries if type(entry.part.id) is str}
        self.parts = [entry.part for entry in entries]
        self.fields = _fields_of(self.parts) if text is not None else None
        """The copies' fields in the list's order, to compare the whole list at once; None when one is missing."""
        self.text = text
        """The whole list as JSON; None when one of its parts is missing."""


class UnknownSession(StoreError):
    pass


class AmbiguousId(StoreError):
    pass


class SessionLocked(StoreError):
    """Another process has the session open for editing."""

    def __init__(self, message: str, holder: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.holder = holder or {}


def default_store_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--store`, else `$SDTUI_STORE`, else `./sessions`."""
    if cli_value:
        return Path(cli_value)
    if os.environ.get(ENV_STORE):
        return Path(os.environ[ENV_STORE])
    return DEFAULT_STORE


_STATUSES = {status.value: status for status in SessionStatus}


@dataclass(frozen=True)
class SessionSummary:
    """What Home and `sdtui list` show of a session, kept in the index."""

    id: str
    title: str
    network: str
    date: date | None
    start_time: str
    status: SessionStatus
    open_actions: int
    updated: str
    follows: str = ""
    """The meeting this one is the next meeting of, so a second next meeting is found without loading any."""
    approved_on: dt.date | None = None
    """The day the next meeting approved the minutes, for the status Home and `sdtui list` show."""

    @property
    def shown_status(self) -> SessionStatus | RecordStatus:
        """What Home and `sdtui list` show: draft, running or closed, and approved once the minutes are."""
        return RecordStatus.APPROVED if self.approved_on else self.status

    @classmethod
    def of(cls, session: Session) -> SessionSummary:
        return cls(
            id=session.id,
            title=session.title,
            network=session.network,
            date=session.date,
            start_time=session.start_time.isoformat(timespec="minutes") if session.start_time else "",
            status=session.status,
            open_actions=len(session.open_actions),
            updated=datetime.now().isoformat(timespec="seconds"),
            follows=session.follows,
            approved_on=session.approved_on,
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "network": self.network,
            "date": self.date.isoformat() if self.date else None,
            "start_time": self.start_time,
            "status": self.status.value,
            "open_actions": self.open_actions,
            "updated": self.updated,
            "follows": self.follows,
            "approved_on": self.approved_on.isoformat() if self.approved_on else None,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> SessionSummary:
        # Made once per session when a store opens (10,000 at a time): the arguments are
        # positional and the status a dict lookup, which halves the time against keywords
        # and calling the enum.
        day, approved = doc.get("date"), doc.get("approved_on")
        status = _STATUSES.get(doc["status"]) or SessionStatus(doc["status"])  # the enum says what is wrong
        return cls(
            doc["id"],
            doc["title"],
            doc.get("network", ""),
            date.fromisoformat(day) if day else None,
            doc.get("start_time", ""),
            status,
            int(doc.get("open_actions", 0)),
            doc.get("updated", ""),
            doc.get("follows", ""),
            date.fromisoformat(approved) if approved else None,
        )

    def same_as(self, other: SessionSummary | None) -> bool:
        """Equal in everything Home shows (the save time aside)."""
        return other is not None and self.to_doc() | {"updated": ""} == other.to_doc() | {"updated": ""}


def describe_holder(holder: dict[str, Any]) -> str:
    if not holder:
        return _("another sdtui")
    since = str(holder.get("since", ""))[11:16]
    where = _("process {pid} of {user} on {host}").format(
        pid=holder.get("pid", "?"), user=holder.get("user", "?"), host=holder.get("host", "?")
    )
    return _("{where}, since {time}").format(where=where, time=since) if since else where


class Store:
    """A folder of sessions; see the module docstring for the layout and the promises."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.sessions_dir = self.root / "s"
        self.minutes_dir = self.root / "minutes"
        self.index_path = self.root / "index.json"
        self._locks: dict[str, SessionLock] = {}
        self._known: tuple[tuple[int, int, int, int], dict[str, SessionSummary]] | None = None
        """The index file last read (its identity) and its summaries by id."""
        self._index: _IndexFile | None = None
        """The index file last read or written: its identity, its tables, and each row as JSON."""
        self._row_keys: dict[str, str] = {}
        """While the index is changed: where each session's row probably is (checked before it is used)."""
        self._saved: dict[str, dict[str, _SavedList]] = {}
        """The parts of the sessions saved last, as written, by list and id (see `_write_session`)."""
        self._check_root()
        identity = self._index_identity()  # before the read: a write in between reads again later
        data = AtomicJSONStorage(self.index_path).read()
        check_schema(data, self.index_path, "index")
        if identity is not None and data is not None:  # the first list() (Home's) parses nothing again
            self._known = (identity, self._parse_index(data))
            self._index = _IndexFile(identity, data, {}, {}, {})

    # --- opening ------------------------------------------------------------------------

    def _check_root(self) -> None:
        root = self.root
        if root.exists() and not root.is_dir():
            raise StoreForeign(_("{path} is a file, not a store folder. Give a folder with --store.").format(path=root))
        if (root / "index.json").exists():
            return
        if root.is_dir():
            try:
                strangers = [p.name for p in root.iterdir() if p.name not in TOLERATED and not self._unfinished(p)]
            except OSError as error:
                raise StoreError(
                    _("Could not read {path}: {error}.").format(path=root, error=error.strerror or error)
                ) from None
            if strangers:
                raise StoreForeign(
                    _(
                        "{path} holds other files and no sdtui store; choose an empty or a new folder with --store."
                    ).format(path=root)
                )
        self._create()

    def _unfinished(self, path: Path) -> bool:
        """What a store being created leaves when killed before its index is written."""
        if path in (self.sessions_dir, self.minutes_dir):
            return path.is_dir() and not any(path.iterdir())
        if path == self._index_lock().path:
            return path.is_file() and path.stat().st_size == 0
        return path.name.startswith(f".{self.index_path.name}.") and path.name.endswith(".tmp")

    def _create(self) -> None:
        if not self.root.exists():
            try:
                self.root.mkdir(parents=True, mode=DIR_MODE)
            except OSError as error:
                raise os_error(error, self.root) from None
        make_private_dir(self.root)
        make_private_dir(self.sessions_dir)
        make_private_dir(self.minutes_dir)
        self._change_index(lambda data: {})  # an index with its schema and no sessions, and its lock file

    def close(self) -> None:
        for lock in self._locks.values():
            lock.release()
        self._locks.clear()
        self._saved.clear()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- the index ----------------------------------------------------------------------

    def _index_lock(self) -> FileLock:
        return FileLock(self.root / "index.lock")

    def list(self) -> list[SessionSummary]:
        """Every session, newest date first."""
        summaries = self._index_summaries().values()
        return sorted(summaries, key=lambda s: (s.date or date.min, s.start_time, s.title), reverse=True)

    def _index_identity(self) -> tuple[int, int, int, int] | None:
        try:
            stat = os.stat(self.index_path)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(
                _("Could not read {path}: {error}.").format(path=self.index_path, error=error.strerror or error)
            ) from None
        return stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns

    def _index_summaries(self) -> dict[str, SessionSummary]:
        """The index's summaries by id, parsed again only when index.json was replaced.

        A write never changes the file in place (see storage.py): it puts a new file there,
        whose inode differs from the one it replaces. The identity is taken before the read,
        so a write in between makes the next call read again rather than miss it.
        """
        identity = self._index_identity()
        if identity is not None and self._known is not None and self._known[0] == identity:
            return self._known[1]
        summaries = self._parse_index(AtomicJSONStorage(self.index_path).read())
        if identity is not None:
            self._known = (identity, summaries)
        return summaries

    @staticmethod
    def _parse_index(data: dict[str, Any] | None) -> dict[str, SessionSummary]:
        documents = (data or {}).get("sessions", {}).values()
        return {doc["id"]: SessionSummary.from_doc(doc) for doc in documents}

    def _change_index(self, change: Callable[[dict[str, Any]], Mapping[str, SessionSummary | None]]) -> None:
        """The one way the index is written: under its lock, over the file as it is on disk now, atomically.

        `change` edits the index's tables in place and returns the summaries it put in (None for
        one it took out) by id, so the summaries in memory follow without parsing the index again.
        A missing index is made anew; a foreign or newer one is refused and left untouched.

        When index.json is still the file this Store last read or wrote (its identity, taken
        under the lock, is the same), its tables are taken from memory rather than read and
        parsed again, and only the rows that differ from what was written are turned into JSON
        again: with 10,000 sessions, reading and writing the whole index as JSON took 20 ms.
        """
        with self._index_lock():
            remove_leftovers(self.index_path)
            before = self._index_identity()
            known, self._index = self._index, None  # until the write is done, memory may not match the file
            data: dict[str, Any] | None = None
            if known is not None and before is not None and known.identity == before:
                data = known.data
            else:
                data, known = AtomicJSONStorage(self.index_path).read(), None
            if data is None:
                data = new_file("index")
            check_schema(data, self.index_path, "index")
            self._row_keys = known.keys if known is not None else {}
            changed = change(data)
            text, written = _index_file(data, known, changed)
            write_atomic(self.index_path, text)
            # Nobody else writes while the lock is held, so what was just written is the index;
            # when it was read over the file already known, only what `change` says changed.
            if self._known is not None and before is not None and self._known[0] == before:
                summaries = dict(self._known[1])
                for session_id, summary in changed.items():
                    if summary is None:
                        summaries.pop(session_id, None)
                    else:
                        summaries[session_id] = summary
            else:
                summaries = self._parse_index(data)
            identity = self._index_identity()
            self._known = (identity, summaries) if identity is not None else None
            if written is not None and identity is not None:
                written.identity = identity
                self._index = written

    def ids(self) -> builtins.list[str]:
        return list(self._index_summaries())

    def resolve(self, prefix: str) -> str:
        """The id of the one session whose id starts with `prefix`."""
        wanted = prefix.strip().lower()
        if not _ID.fullmatch(wanted):
            raise UnknownSession(_("No session with id {id!r}; `sdtui list` shows the ids.").format(id=prefix))
        ids = self.ids()
        if wanted in ids:
            return wanted
        matches = [session_id for session_id in ids if session_id.startswith(wanted)]
        if not matches:
            raise UnknownSession(_("No session with id {id!r}; `sdtui list` shows the ids.").format(id=prefix))
        if len(matches) > 1:
            raise AmbiguousId(
                _("{id!r} fits {count} sessions ({ids}); type more of the id.").format(
                    id=prefix, count=len(matches), ids=", ".join(sorted(matches)[:5])
                )
            )
        return matches[0]

    @staticmethod
    def _deleted_ids(data: dict[str, Any]) -> builtins.list[str]:
        """Ids of deleted sessions: kept so a new session never takes one (links stay true)."""
        rows = list(data.get("deleted", {}).values())
        return list(rows[0]["ids"]) if rows else []

    def _session_path(self, session_id: str) -> Path:
        return self.sessions_dir / f"{session_id}.json"

    # --- sessions -----------------------------------------------------------------------

    def load(self, id_or_prefix: str) -> Session:
        return self.read(self.resolve(id_or_prefix))

    def load_all(self) -> tuple[builtins.list[Session], builtins.list[str]]:
        """Every session, reading the index once; and a message for each file that could not be read.

        One damaged file does not hide the others: views across meetings show what can be read.
        """
        sessions, problems = [], []
        for session_id in self.ids():
            try:
                sessions.append(self.read(session_id))
            except StoreError as error:
                problems.append(str(error))
        return sessions, problems

    def read(self, session_id: str) -> Session:
        """A session by its whole id, without a look-up in the index: for reading many at once."""
        if not _ID.fullmatch(session_id):
            raise UnknownSession(_("No session with id {id!r}; `sdtui list` shows the ids.").format(id=session_id))
        path = self._session_path(session_id)
        data = AtomicJSONStorage(path).read()
        if data is None:
            raise StoreCorrupt(_("The file of session {id} is missing ({path}).").format(id=session_id, path=path))
        check_schema(data, path, "session")
        try:
            return Session.from_dict(data["session"]["1"])
        except (KeyError, TypeError, ValueError) as error:
            raise StoreCorrupt(
                _("{path} cannot be read as a session ({error}); sdtui left it untouched.").format(
                    path=path, error=error
                )
            ) from None

    def stamp(self, session_id: str) -> tuple[int, int, int] | None:
        """When and how big the session's file was last written, and which file it is; None when gone.

        A reader that keeps sessions in memory (the search index) reads again only those whose
        stamp changed. Every save writes a new file over the old one, so the inode changes too,
        even when two saves fall in the same tick of the file system's clock.
        """
        try:
            status = self._session_path(session_id).stat()
        except (OSError, ValueError):
            return None
        return status.st_mtime_ns, status.st_size, status.st_ino

    def add(self, session: Session) -> Session:
        """Store a new session; it gets a fresh id if its id is taken or was ever used."""
        return self.add_many([session])[0]

    def add_many(self, sessions: builtins.list[Session]) -> builtins.list[Session]:
        """Store new sessions under one index lock, writing the index once (imports, generators)."""

        def insert(data: dict[str, Any]) -> dict[str, SessionSummary | None]:
            documents = data.setdefault("sessions", {})
            taken = {*(doc["id"] for doc in documents.values()), *self._deleted_ids(data)}
            next_doc = next_row_id(documents)
            added: dict[str, SessionSummary | None] = {}
            for session in sessions:
                while session.id in taken:
                    session.id = new_id(8)
                taken.add(session.id)
                self._write_session(session)
                summary = SessionSummary.of(session)
                documents[str(next_doc)] = summary.to_doc()
                added[session.id] = summary
                next_doc += 1
            return added

        self._change_index(insert)
        return sessions

    def save(self, session: Session) -> None:
        """Write the session whole; refused while another process has it open for editing."""
        own = self._locks.get(session.id)
        if own is not None and own.held:
            self._save_locked(session)
            return
        with self.acquire(session.id):
            self._save_locked(session)

    def _save_locked(self, session: Session) -> None:
        self._write_session(session, remember=True)
        summary = SessionSummary.of(session)
        current = self._summary(session.id)
        if current is None:
            raise UnknownSession(
                _("Session {id} was deleted from the store; it cannot be saved.").format(id=session.id)
            )
        if not summary.same_as(current):
            self._update_summary(summary)

    def _summary(self, session_id: str) -> SessionSummary | None:
        return self._index_summaries().get(session_id)

    def _update_summary(self, summary: SessionSummary) -> None:
        """Write one summary into the index as it is on disk now."""

        def update(data: dict[str, Any]) -> dict[str, SessionSummary | None]:
            documents = data.get("sessions", {})
            doc = documents.get(self._row_keys.get(summary.id, ""))
            if isinstance(doc, dict) and doc.get("id") == summary.id:
                doc.update(summary.to_doc())
                return {summary.id: summary}
            for doc in documents.values():
                if doc.get("id") == summary.id:
                    doc.update(summary.to_doc())
                    return {summary.id: summary}
            raise UnknownSession(
                _("Session {id} was deleted from the store; it cannot be saved.").format(id=summary.id)
            )

        self._change_index(update)

    def _write_session(self, session: Session, *, remember: bool = False) -> None:
        """Write the session whole, but never what could not be read back as a session.

        Every part (a participant, an agenda item with its notes, an action ...) is checked by
        building it anew from its stored form, as `read` does, and then the session from those
        parts, with every check across them (an action's owner is a participant, the end is after
        the start ...). With `remember` (a session being edited), the parts as written are kept:
        a built copy and its JSON. At the next save a part equal to its copy is not built or
        turned into JSON again, since that very JSON was read back once already; so a typed note
        checks and serialises one agenda item, not the whole session.
        """
        if not remember:
            data = session.to_dict()
            try:
                Session.from_dict(data)  # never write what could not be read back
            except ValidationError as error:
                raise StoreError(_("Not saved: {reason}").format(reason=error.message)) from None
            AtomicJSONStorage(self._session_path(session.id)).write({**new_file("session"), "session": {"1": data}})
            return
        known = self._saved.pop(session.id, {})
        trial: dict[str, Any] = {}
        """The stored form, with the copy of each part that is unchanged in place of its data."""
        reused: dict[str, builtins.list[_Saved | None]] = {}
        unchanged: dict[str, _SavedList] = {}
        """Lists in which no part changed: written as they were last time."""
        for name in _SESSION_FIELDS:
            value = getattr(session, name)
            if name not in _PART_LISTS or type(value) is not list:
                trial[name] = to_plain(value)
                continue
            before = known.get(name)
            live = _fields_of(value)
            written = before.fields if before is not None else None
            if before is not None and written is not None and live is not None and len(live) == len(written):
                same = list(map(operator.eq, written, live))  # in C, part by part, in the same places
                if all(same):
                    unchanged[name], trial[name] = before, list(before.parts)
                    continue
                places = list(zip(before.entries, value, same, strict=True))
                reused[name] = [saved if equal else None for saved, _part, equal in places]
                trial[name] = [saved.part if equal else to_plain(part) for saved, part, equal in places]
                continue
            by_id = before.by_id if before is not None else {}
            entries: builtins.list[_Saved | None] = []
            parts: builtins.list[Any] = []
            for part in value:
                key = getattr(part, "id", None)
                saved = by_id.get(key) if type(key) is str else None
                if saved is not None and saved.part.__dict__ == getattr(part, "__dict__", None):
                    entries.append(saved)
                    parts.append(saved.part)
                else:
                    entries.append(None)
                    parts.append(to_plain(part))
            reused[name], trial[name] = entries, parts
        try:
            rebuilt = Session.from_dict(trial)  # never write what could not be read back
        except ValidationError as error:
            raise StoreError(_("Not saved: {reason}").format(reason=error.message)) from None
        pieces, remembered = [], {}
        for name in _SESSION_FIELDS:
            if name in unchanged:
                remembered[name] = unchanged[name]
                pieces.append(f"{_KEYS[name]}{unchanged[name].text}")
                continue
            if name not in reused:
                pieces.append(f"{_KEYS[name]}{_encode(trial[name])}")
                continue
            texts, kept = [], []
            complete = True
            for entry, data, part in zip(reused[name], trial[name], getattr(rebuilt, name), strict=True):
                if entry is None:
                    entry = _Saved(part, _encode(data))
                    if to_plain(part) != data:  # the model cleaned it up: compare with what was written
                        texts.append(entry.text)
                        complete = False
                        continue
                texts.append(entry.text)
                kept.append(entry)
            joined = f"[{','.join(texts)}]"
            remembered[name] = _SavedList(kept, joined if complete else None)
            pieces.append(f"{_KEYS[name]}{joined}")
        # What AtomicJSONStorage.write would make of {**new_file("session"), "session": {"1": data}}.
        text = f'{{"_meta":{{"1":{_encode(meta_row("session"))}}},"session":{{"1":{{{",".join(pieces)}}}}}}}'
        write_atomic(self._session_path(session.id), text)
        self._saved[session.id] = remembered
        while len(self._saved) > _REMEMBERED:
            del self._saved[next(iter(self._saved))]

    def undelete(self, session: Session) -> Session:
        """Put a session deleted a moment ago back, under its own id (Ctrl+Z on Home).

        Only an id this store deleted and has not handed out again comes back, so links to the
        session (a next meeting's `follows`) stay true.
        """

        def restore(data: dict[str, Any]) -> dict[str, SessionSummary | None]:
            deleted = self._deleted_ids(data)
            documents = data.setdefault("sessions", {})
            if session.id not in deleted or any(doc.get("id") == session.id for doc in documents.values()):
                raise UnknownSession(
                    _("Session {id} was not deleted here; it cannot be put back.").format(id=session.id)
                )
            data["deleted"] = {"1": {"ids": [gone for gone in deleted if gone != session.id]}}
            self._write_session(session)
            summary = SessionSummary.of(session)
            documents[str(next_row_id(documents))] = summary.to_doc()
            return {session.id: summary}

        self._change_index(restore)
        return session

    def delete(self, id_or_prefix: str) -> None:
        """Remove a session; its id is never handed out again."""
        session_id = self.resolve(id_or_prefix)

        def remove(data: dict[str, Any]) -> dict[str, SessionSummary | None]:
            data["deleted"] = {"1": {"ids": [*self._deleted_ids(data), session_id]}}
            documents = data.get("sessions", {})
            for key in [key for key, doc in documents.items() if doc.get("id") == session_id]:
                del documents[key]
            return {session_id: None}

        with self.acquire(session_id):
            self._saved.pop(session_id, None)
            self._change_index(remove)
            try:
                self._session_path(session_id).unlink(missing_ok=True)
            except OSError as error:
                raise os_error(error, self._session_path(session_id)) from None

    # --- who has a session open ---------------------------------------------------------

    def _lock_path(self, session_id: str) -> Path:
        return self.sessions_dir / f"{session_id}.lock"

    def acquire(self, session_id: str) -> SessionLock:
        """Lock a session for editing by this process, or raise SessionLocked saying who has it."""
        own = self._locks.get(session_id)
        if own is not None and own.held:
            return own
        lock = try_lock(self._lock_path(session_id))
        if lock is None:
            holder = self.holder(session_id)
            raise SessionLocked(
                _("Session {id} is open in {holder}. You can read it here; changes are not saved.").format(
                    id=session_id, holder=describe_holder(holder)
                ),
                holder,
            )
        self._locks[session_id] = lock
        remove_leftovers(self._session_path(session_id))
        return lock

    def holder(self, session_id: str) -> dict[str, Any]:
        """Who holds the session's lock, as its holder wrote it (empty when nobody does)."""
        return lock_holder(self._lock_path(session_id))


@dataclass
class _IndexFile:
    """index.json as this Store last read or wrote it: the file's identity, its tables, and its rows as JSON."""

    identity: tuple[int, int, int, int] | None
    """None until the file is written."""
    data: dict[str, Any]
    rows: dict[str, dict[str, Any]]
    """A copy of each row of the sessions table as written, by its key, in the file's order."""
    texts: dict[str, str]
    """Each row of the sessions table as written in JSON, `"key":{...}`, by its key, in the same order."""
    keys: dict[str, str]
    """The key of each session's row, by the session's id."""


def _index_file(
    data: dict[str, Any],
    before: _IndexFile | None,
    changed: Mapping[str, Any],
) -> tuple[str, _IndexFile | None]:
    """The index as AtomicJSONStorage.write would write it, with only the rows that changed made again.

    A row is not trusted to be unchanged because `changed` does not name it: the sessions table
    is compared with a copy of what was written (in C, so 10,000 rows take a millisecond), and
    when anything else differs every row is compared and made again where it differs.
    """
    table = data.get("sessions")
    if not isinstance(table, dict):
        return _encode(data), None
    rows = before.rows if before is not None else {}
    texts = before.texts if before is not None else {}
    keys = before.keys if before is not None else {}
    if rows.keys() == table.keys():
        added: set[str] | tuple[()] = ()
        removed: set[str] | tuple[()] = ()
    else:
        added, removed = table.keys() - rows.keys(), rows.keys() - table.keys()
    touched = {key for key in (keys.get(session_id, "") for session_id in changed) if key in table}
    touched.update(added)
    new_rows, new_texts = dict(rows), dict(texts)
    for key in removed:
        del new_rows[key], new_texts[key]
    for key in touched:
        new_rows[key] = table[key]
    if new_rows != table:  # a row changed that `changed` does not name
        touched = {key for key, row in table.items() if rows.get(key) != row}
    for key in touched:
        row = table[key]
        new_rows[key] = json.loads(_encode(row))  # a deep copy: rows are changed in place
        new_texts[key] = f"{_encode(key)}:{_encode(row)}"
    if list(new_texts) != list(table):  # in the table's order, as json.dumps writes it
        new_rows = {key: new_rows[key] for key in table}
        new_texts = {key: new_texts[key] for key in table}
    if before is None or added or removed:  # only a hint: `update` checks the row it finds
        keys = {str(row.get("id")): key for key, row in table.items() if isinstance(row, dict)}
    tables = [
        f"{_encode(name)}:{{{','.join(new_texts.values())}}}"
        if name == "sessions"
        else f"{_encode(name)}:{_encode(value)}"
        for name, value in data.items()
    ]
    text = f"{{{','.join(tables)}}}"
    return text, _IndexFile(None, data, new_rows, new_texts, keys)


__all__ = [
    "SCHEMA_VERSION",
    "AmbiguousId",
    "AtomicJSONStorage",
    "SessionLock",
    "SessionLocked",
    "SessionSummary",
    "Store",
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreForeign",
    "StoreFull",
    "StoreReadOnly",
    "StoreTooNew",
    "UnknownSession",
    "default_store_path",
    "write_atomic",
]
