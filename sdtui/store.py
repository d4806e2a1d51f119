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

Saving one edit writes one session file, and the index only when what Home shows changed, so
a save costs the same in a store of ten sessions as in one of ten thousand. To tell whether
it changed, a Store keeps the index's summaries in memory, parsed again only when index.json
is another file than the one it read (inode, size, modification and change times): every write,
by any process, replaces the file with a new one, so another process's change is always seen. Every write goes
to a temporary file in the same folder, is flushed and fsynced, and replaces the old file with
`os.replace`: a crash at any moment leaves the old file or the new one. Files are 0600 and
folders 0700 whatever the umask: minutes hold names and sometimes case details.

The two library files are read only when asked for: a damaged one is reported where it is
read and never keeps a session from opening.
"""

from __future__ import annotations

import errno
import fcntl
import getpass
import json
import os
import re
import socket
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Document
from tinydb.storages import Storage

from .i18n import _
from .files import FILE_MODE, remove_leftovers, write_private
from .model import ID_ALPHABET, Session, SessionStatus, ValidationError, new_id

SCHEMA_VERSION = 1
APP = "sdtui"
ENV_STORE = "SDTUI_STORE"
DEFAULT_STORE = Path("sessions")
LOCK_TIMEOUT = 5.0
"""Seconds to wait for another process to finish writing the index."""
TOLERATED = {"README.md", ".gitignore"}
"""Files a folder may hold and still become a store (the default store ships with them)."""

DIR_MODE = 0o700
_ID = re.compile(f"[{ID_ALPHABET}]+")


class StoreError(Exception):
    """Something about the store stops an operation; the message says what and what to do."""


class StoreCorrupt(StoreError):
    pass


class StoreForeign(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreReadOnly(StoreError):
    pass


class StoreFull(StoreError):
    pass


class StoreBusy(StoreError):
    pass


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


def os_error(error: OSError, path: Path) -> StoreError:
    """A store error for a failed write, in words that say what to do about it."""
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return StoreFull(_("The disk is full: could not write {path}. Nothing was changed; free some space.").format(path=path))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreReadOnly(_("The store is read-only: could not write {path}. Nothing was changed.").format(path=path))
    return StoreError(_("Could not write {path}: {error}. Nothing was changed.").format(path=path, error=error.strerror or error))


def make_private_dir(path: Path) -> None:
    """Create a folder readable by its owner only, whatever the umask."""
    try:
        path.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(path, DIR_MODE)
    except OSError as error:
        raise os_error(error, path) from None


class AtomicJSONStorage(Storage):
    """A TinyDB storage that never leaves a half-written file.

    TinyDB's JSONStorage truncates and rewrites the file in place; a crash in between loses
    the database. This one writes a temporary file beside it, fsyncs it, and renames it over
    the old one, then fsyncs the folder so the rename itself survives a power cut.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except UnicodeDecodeError:
            raise StoreCorrupt(_("{path} is not a text file; sdtui left it untouched.").format(path=self.path)) from None
        except OSError as error:
            raise StoreError(_("Could not read {path}: {error}.").format(path=self.path, error=error.strerror or error)) from None
        try:
            data = json.loads(text)
        except ValueError:
            raise StoreCorrupt(_("{path} is damaged (not valid JSON); sdtui left it untouched. "
                                 "Restore it from a backup or move it away.").format(path=self.path)) from None
        if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
            raise StoreForeign(_("{path} is not an sdtui file; sdtui left it untouched.").format(path=self.path))
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    def close(self) -> None:
        pass


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once, owner-only; a crash leaves the old or the new file."""
    try:
        write_private(path, text)
    except OSError as error:
        raise os_error(error, path) from None


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

    @classmethod
    def of(cls, session: Session) -> SessionSummary:
        return cls(
            id=session.id, title=session.title, network=session.network, date=session.date,
            start_time=session.start_time.isoformat(timespec="minutes") if session.start_time else "",
            status=session.status, open_actions=len(session.open_actions),
            updated=datetime.now().isoformat(timespec="seconds"), follows=session.follows,
        )

    def to_doc(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "network": self.network,
                "date": self.date.isoformat() if self.date else None, "start_time": self.start_time,
                "status": self.status.value, "open_actions": self.open_actions, "updated": self.updated,
                "follows": self.follows}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> SessionSummary:
        return cls(id=doc["id"], title=doc["title"], network=doc.get("network", ""),
                   date=date.fromisoformat(doc["date"]) if doc.get("date") else None,
                   start_time=doc.get("start_time", ""), status=SessionStatus(doc["status"]),
                   open_actions=int(doc.get("open_actions", 0)), updated=doc.get("updated", ""),
                   follows=doc.get("follows", ""))

    def same_as(self, other: SessionSummary | None) -> bool:
        """Equal in everything Home shows (the save time aside)."""
        return other is not None and self.to_doc() | {"updated": ""} == other.to_doc() | {"updated": ""}


def describe_holder(holder: dict[str, Any]) -> str:
    if not holder:
        return _("another sdtui")
    since = str(holder.get("since", ""))[11:16]
    where = _("process {pid} of {user} on {host}").format(
        pid=holder.get("pid", "?"), user=holder.get("user", "?"), host=holder.get("host", "?"))
    return _("{where}, since {time}").format(where=where, time=since) if since else where


class SessionLock:
    """An exclusive lock on one session, released when the holder closes it or dies."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        if self._descriptor is not None:
            try:
                os.ftruncate(self._descriptor, 0)
            except OSError:
                pass
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
            os.close(self._descriptor)
            self._descriptor = None

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


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
        self._check_root()
        self._index = TinyDB(self.index_path, storage=AtomicJSONStorage)
        self._summaries = self._index.table("sessions", cache_size=0)
        self._check_schema(self._index.storage.read(), self.index_path, "index")

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
                raise StoreError(_("Could not read {path}: {error}.").format(path=root, error=error.strerror or error)) from None
            if strangers:
                raise StoreForeign(_("{path} holds other files and no sdtui store; "
                                     "choose an empty or a new folder with --store.").format(path=root))
        self._create()

    def _unfinished(self, path: Path) -> bool:
        """What a store being created leaves when killed before its index is written."""
        if path in (self.sessions_dir, self.minutes_dir):
            return path.is_dir() and not any(path.iterdir())
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
        remove_leftovers(self.index_path)
        AtomicJSONStorage(self.index_path).write({"_meta": {"1": self._meta("index")}})
        self._index_lock().__enter__().__exit__()  # the lock file exists from the start

    @staticmethod
    def _meta(kind: str) -> dict[str, Any]:
        return {"app": APP, "schema": SCHEMA_VERSION, "kind": kind}

    @staticmethod
    def _check_schema(data: dict[str, Any] | None, path: Path, kind: str) -> None:
        meta = (data or {}).get("_meta", {}).get("1")
        if not isinstance(meta, dict) or meta.get("app") != APP or meta.get("kind") != kind:
            raise StoreForeign(_("{path} is not an sdtui file; sdtui left it untouched.").format(path=path))
        schema = meta.get("schema")
        if not isinstance(schema, int) or schema < 1:
            raise StoreCorrupt(_("{path} has no valid schema version; sdtui left it untouched.").format(path=path))
        if schema > SCHEMA_VERSION:
            raise StoreTooNew(_("{path} was written by a newer sdtui (schema {schema}; this one reads {ours}). "
                                "Upgrade sdtui; the file is left untouched.").format(
                                    path=path, schema=schema, ours=SCHEMA_VERSION))

    def close(self) -> None:
        for lock in self._locks.values():
            lock.release()
        self._locks.clear()
        self._index.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- the index ----------------------------------------------------------------------

    def _index_lock(self) -> _IndexLock:
        return _IndexLock(self.root / "index.lock")

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
            raise StoreError(_("Could not read {path}: {error}.").format(
                path=self.index_path, error=error.strerror or error)) from None
        return stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns

    def _index_summaries(self) -> dict[str, SessionSummary]:
        """The index's summaries by id, parsed again only when index.json was replaced.

        A write never changes the file in place (see AtomicJSONStorage): it puts a new file
        there, whose inode differs from the one it replaces. The identity is taken before the
        read, so a write in between makes the next call read again rather than miss it.
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

    def ids(self) -> list[str]:
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
            raise AmbiguousId(_("{id!r} fits {count} sessions ({ids}); type more of the id.").format(
                id=prefix, count=len(matches), ids=", ".join(sorted(matches)[:5])))
        return matches[0]

    def _deleted_ids(self) -> list[str]:
        """Ids of deleted sessions: kept so a new session never takes one (links stay true)."""
        rows = self._index.table("deleted", cache_size=0).all()
        return list(rows[0]["ids"]) if rows else []

    def _session_path(self, session_id: str) -> Path:
        return self.sessions_dir / f"{session_id}.json"

    # --- sessions -----------------------------------------------------------------------

    def load(self, id_or_prefix: str) -> Session:
        return self.read(self.resolve(id_or_prefix))

    def load_all(self) -> tuple[list[Session], list[str]]:
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
        self._check_schema(data, path, "session")
        try:
            return Session.from_dict(data["session"]["1"])
        except (KeyError, TypeError, ValueError) as error:
            raise StoreCorrupt(_("{path} cannot be read as a session ({error}); sdtui left it untouched.").format(
                path=path, error=error)) from None

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

    def add_many(self, sessions: list[Session]) -> list[Session]:
        """Store new sessions under one index lock, writing the index once (imports, generators)."""
        with self._index_lock():
            remove_leftovers(self.index_path)
            taken = {*self.ids(), *self._deleted_ids()}
            # TinyDB remembers the next document number from its own last insert; another process
            # may have used it since, so the number comes from the index as it is now.
            next_doc = max((doc.doc_id for doc in self._summaries.all()), default=0) + 1
            documents = []
            for session in sessions:
                while session.id in taken:
                    session.id = new_id(8)
                taken.add(session.id)
                self._write_session(session)
                documents.append(Document(SessionSummary.of(session).to_doc(), doc_id=next_doc))
                next_doc += 1
            self._summaries.insert_multiple(documents)
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
        self._write_session(session)
        summary = SessionSummary.of(session)
        current = self._summary(session.id)
        if current is None:
            raise UnknownSession(_("Session {id} was deleted from the store; it cannot be saved.").format(id=session.id))
        if not summary.same_as(current):
            self._update_summary(summary)

    def _summary(self, session_id: str) -> SessionSummary | None:
        return self._index_summaries().get(session_id)

    def _update_summary(self, summary: SessionSummary) -> None:
        """Write one summary into the index as it is on disk now, under the index lock."""
        with self._index_lock():
            storage = AtomicJSONStorage(self.index_path)
            before = self._index_identity()
            data = storage.read() or {}
            documents = data.setdefault("sessions", {})
            for doc in documents.values():
                if doc.get("id") == summary.id:
                    doc.update(summary.to_doc())
                    break
            else:
                raise UnknownSession(_("Session {id} was deleted from the store; it cannot be saved.").format(id=summary.id))
            storage.write(data)
            # Nobody else writes while the lock is held, so what was just written is the index;
            # when it was read over the file already known, one summary is all that changed.
            if self._known is not None and before is not None and self._known[0] == before:
                summaries = {**self._known[1], summary.id: summary}
            else:
                summaries = self._parse_index(data)
            identity = self._index_identity()
            self._known = (identity, summaries) if identity is not None else None

    def _write_session(self, session: Session) -> None:
        data = session.to_dict()
        try:
            Session.from_dict(data)  # never write what could not be read back
        except ValidationError as error:
            raise StoreError(_("Not saved: {reason}").format(reason=error.message)) from None
        AtomicJSONStorage(self._session_path(session.id)).write(
            {"_meta": {"1": self._meta("session")}, "session": {"1": data}})

    def delete(self, id_or_prefix: str) -> None:
        """Remove a session; its id is never handed out again."""
        session_id = self.resolve(id_or_prefix)
        with self.acquire(session_id), self._index_lock():
            deleted = self._index.table("deleted", cache_size=0)
            ids = self._deleted_ids()
            deleted.truncate()
            deleted.insert({"ids": [*ids, session_id]})
            self._summaries.remove(Query().id == session_id)
            try:
                self._session_path(session_id).unlink(missing_ok=True)
            except OSError as error:
                raise os_error(error, self._session_path(session_id)) from None

    # --- who has a session open ---------------------------------------------------------

    def acquire(self, session_id: str) -> SessionLock:
        """Lock a session for editing by this process, or raise SessionLocked saying who has it."""
        own = self._locks.get(session_id)
        if own is not None and own.held:
            return own
        path = self.sessions_dir / f"{session_id}.lock"
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            raise os_error(error, path) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            holder = self.holder(session_id)
            raise SessionLocked(_("Session {id} is open in {holder}. You can read it here; changes are not saved.")
                                .format(id=session_id, holder=describe_holder(holder)), holder) from None
        os.fchmod(descriptor, FILE_MODE)
        holder = {"pid": os.getpid(), "user": _user(), "host": socket.gethostname(),
                  "since": datetime.now().isoformat(timespec="seconds")}
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, json.dumps(holder).encode(), 0)
        lock = SessionLock(path, descriptor)
        self._locks[session_id] = lock
        remove_leftovers(self._session_path(session_id))
        return lock

    def holder(self, session_id: str) -> dict[str, Any]:
        """Who holds the session's lock, as its holder wrote it (empty when nobody does)."""
        try:
            text = (self.sessions_dir / f"{session_id}.lock").read_text(encoding="utf-8")
            holder = json.loads(text) if text else {}
        except (OSError, ValueError):
            return {}
        return holder if isinstance(holder, dict) else {}


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


class _IndexLock:
    """An exclusive lock on the index while one process reads and changes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    def __enter__(self) -> _IndexLock:
        try:
            self._descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            raise os_error(error, self.path) from None
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(self._descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(self._descriptor)
                    raise StoreBusy(_("Another sdtui has been writing the store for a while; try again.")) from None
                time.sleep(0.01)

    def __exit__(self, *_: object) -> None:
        assert self._descriptor is not None
        fcntl.flock(self._descriptor, fcntl.LOCK_UN)
        os.close(self._descriptor)


__all__ = [
    "SCHEMA_VERSION", "AmbiguousId", "AtomicJSONStorage", "SessionLock", "SessionLocked", "SessionSummary",
    "Store", "StoreBusy", "StoreCorrupt", "StoreError", "StoreForeign", "StoreFull", "StoreReadOnly",
    "StoreTooNew", "UnknownSession", "default_store_path", "write_atomic",
]
