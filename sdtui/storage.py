"""The files of a store, one at a time: written so that nothing is ever torn, locked, and checked.

What the store (`store.py`) and the library (`library.py`) build on; nothing here knows what a
session or a template is.

Every write goes to a temporary file in the same folder, is flushed and fsynced, and replaces
the old file with `os.replace`: a crash at any moment leaves the old file or the new one. So a
write never changes a file in place: it puts a new file there, with a new inode, which is how a
reader tells that another process wrote it. Files are 0600 and folders 0700 whatever the umask:
minutes hold names and sometimes case details.

Every file starts with a `_meta` row (app, schema version, kind of file); a file without one, of
another kind, or written by a newer sdtui is refused and left untouched.

Two kinds of lock, both `flock` on a file beside the data, released by the kernel when the
holder dies: a `FileLock` is held for the moment one process reads and changes a shared file
(the index, the library), and waits its turn; a `SessionLock` is held as long as a process has
something open for editing, does not wait, and names its holder.

The low-level write itself (`write_private`) lives in `files.py`, which the minutes export uses
too; this module adds the store's words for what went wrong.
"""

from __future__ import annotations

import errno
import fcntl
import getpass
import json
import os
import socket
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .files import FILE_MODE, remove_leftovers, write_private
from .i18n import _

SCHEMA_VERSION = 1
APP = "sdtui"
DIR_MODE = 0o700
LOCK_TIMEOUT = 5.0
"""Seconds to wait for another process to finish writing a shared file."""


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


def os_error(error: OSError, path: Path) -> StoreError:
    """A store error for a failed write, in words that say what to do about it."""
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return StoreFull(
            _("The disk is full: could not write {path}. Nothing was changed; free some space.").format(path=path)
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreReadOnly(
            _("The store is read-only: could not write {path}. Nothing was changed.").format(path=path)
        )
    return StoreError(
        _("Could not write {path}: {error}. Nothing was changed.").format(path=path, error=error.strerror or error)
    )


def make_private_dir(path: Path) -> None:
    """Create a folder readable by its owner only, whatever the umask."""
    try:
        path.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(path, DIR_MODE)
    except OSError as error:
        raise os_error(error, path) from None


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once, owner-only; a crash leaves the old or the new file."""
    try:
        write_private(path, text)
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
        """The file's tables; None when there is no file. Damaged or foreign files raise a StoreError."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except UnicodeDecodeError:
            raise StoreCorrupt(
                _("{path} is not a text file; sdtui left it untouched.").format(path=self.path)
            ) from None
        except OSError as error:
            raise StoreError(
                _("Could not read {path}: {error}.").format(path=self.path, error=error.strerror or error)
            ) from None
        try:
            data = json.loads(text)
        except ValueError:
            raise StoreCorrupt(
                _(
                    "{path} is damaged (not valid JSON); sdtui left it untouched. "
                    "Restore it from a backup or move it away."
                ).format(path=self.path)
            ) from None
        if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
            raise StoreForeign(_("{path} is not an sdtui file; sdtui left it untouched.").format(path=self.path))
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    def close(self) -> None:
        pass


def meta_row(kind: str) -> dict[str, Any]:
    """The `_meta` row every file starts with: this app, this schema, and what kind of file it is."""
    return {"app": APP, "schema": SCHEMA_VERSION, "kind": kind}


def new_file(kind: str) -> dict[str, dict[str, Any]]:
    """The tables of a new, empty file of `kind`: its `_meta` row only."""
    return {"_meta": {"1": meta_row(kind)}}


def check_schema(data: dict[str, Any] | None, path: Path, kind: str) -> None:
    """Refuse a file that is not an sdtui file of `kind`, or that a newer sdtui wrote."""
    meta = (data or {}).get("_meta", {}).get("1")
    if not isinstance(meta, dict) or meta.get("app") != APP or meta.get("kind") != kind:
        raise StoreForeign(_("{path} is not an sdtui file; sdtui left it untouched.").format(path=path))
    schema = meta.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise StoreCorrupt(_("{path} has no valid schema version; sdtui left it untouched.").format(path=path))
    if schema > SCHEMA_VERSION:
        raise StoreTooNew(
            _(
                "{path} was written by a newer sdtui (schema {schema}; this one reads {ours}). "
                "Upgrade sdtui; the file is left untouched."
            ).format(path=path, schema=schema, ours=SCHEMA_VERSION)
        )


def next_row_id(table: dict[str, Any]) -> int:
    """The number of the next row of a TinyDB table, as the file is now (another process may have added one)."""
    return max((int(key) for key in table), default=0) + 1


class FileLock:
    """An exclusive lock held while one process reads and changes a shared file; others wait their turn.

    Waits up to LOCK_TIMEOUT seconds, then gives up with StoreBusy.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    def __enter__(self) -> FileLock:
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
                    self._descriptor = None
                    raise StoreBusy(_("Another sdtui has been writing the store for a while; try again.")) from None
                time.sleep(0.01)

    def __exit__(self, *_: object) -> None:
        assert self._descriptor is not None
        fcntl.flock(self._descriptor, fcntl.LOCK_UN)
        os.close(self._descriptor)
        self._descriptor = None


class SessionLock:
    """An exclusive lock on one session, released when the holder closes it or dies.

    Taken with `try_lock`, which writes into the lock file who holds it (`lock_holder` reads that).
    """

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


def try_lock(path: Path) -> SessionLock | None:
    """Take the lock at `path` without waiting, saying in it who holds it; None when another process has it."""
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    except OSError as error:
        raise os_error(error, path) from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    os.fchmod(descriptor, FILE_MODE)
    holder = {
        "pid": os.getpid(),
        "user": _user(),
        "host": socket.gethostname(),
        "since": datetime.now().isoformat(timespec="seconds"),
    }
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, json.dumps(holder).encode(), 0)
    return SessionLock(path, descriptor)


def lock_holder(path: Path) -> dict[str, Any]:
    """Who holds the lock at `path`, as its holder wrote it (pid, user, host, since); empty when nobody does."""
    try:
        text = path.read_text(encoding="utf-8")
        holder = json.loads(text) if text else {}
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


__all__ = [
    "APP",
    "DIR_MODE",
    "FILE_MODE",
    "LOCK_TIMEOUT",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "FileLock",
    "SessionLock",
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreForeign",
    "StoreFull",
    "StoreReadOnly",
    "StoreTooNew",
    "check_schema",
    "lock_holder",
    "make_private_dir",
    "meta_row",
    "new_file",
    "next_row_id",
    "os_error",
    "remove_leftovers",
    "try_lock",
    "write_atomic",
]
