"""The promises of one store file (sdtui/storage.py): a write leaves the old file or the new one,
a file of another app, kind or newer schema is refused, a lock has one holder at a time, and
files and folders are owner-only whatever the umask."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import time
from pathlib import Path

import pytest

from sdtui import storage
from sdtui.storage import (
    AtomicJSONStorage,
    FileLock,
    StoreBusy,
    StoreCorrupt,
    StoreForeign,
    StoreFull,
    StoreTooNew,
    check_schema,
    lock_holder,
    make_private_dir,
    meta_row,
    new_file,
    try_lock,
    write_atomic,
)


def test_a_write_killed_at_any_moment_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    versions = [{**new_file("test"), "rows": {"1": {"n": n, "text": "x" * (n * 997 % 50_000)}}} for n in range(8)]
    AtomicJSONStorage(path).write(versions[0])
    allowed = [json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in versions]
    killed_while_writing = 0
    for round_ in range(40):
        pid = os.fork()
        if pid == 0:  # the writer: write every version, over and over, until killed
            try:
                target = AtomicJSONStorage(path)
                while True:
                    for version in versions:
                        target.write(version)
            finally:
                os._exit(1)
        time.sleep(0.002 + round_ % 7 * 0.003)
        killed_while_writing += any(tmp_path.glob(".data.json.*.tmp"))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert path.read_text(encoding="utf-8") in allowed
        assert AtomicJSONStorage(path).read() in versions
    assert killed_while_writing > 0, "no kill landed while a temporary file was being written"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.json"
    write_atomic(path, "old")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("os.fsync", full)
    with pytest.raises(StoreFull, match="Nothing was changed"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


@pytest.mark.parametrize(
    "data, error",
    [
        (None, StoreForeign),
        ({}, StoreForeign),
        ({"people": {"1": {"name": "Ann"}}}, StoreForeign),
        ({"_meta": {"1": {"app": "other", "schema": 1, "kind": "index"}}}, StoreForeign),
        ({"_meta": {"1": meta_row("session")}}, StoreForeign),
        ({"_meta": {"1": {"app": "sdtui", "schema": "one", "kind": "index"}}}, StoreCorrupt),
        ({"_meta": {"1": {"app": "sdtui", "schema": 0, "kind": "index"}}}, StoreCorrupt),
        ({"_meta": {"1": {"app": "sdtui", "schema": storage.SCHEMA_VERSION + 1, "kind": "index"}}}, StoreTooNew),
    ],
)
def test_the_schema_check_refuses_foreign_damaged_and_newer_files(tmp_path: Path, data: object, error: type) -> None:
    with pytest.raises(error) as raised:
        check_schema(data, tmp_path / "index.json", "index")  # type: ignore[arg-type]
    assert "index.json" in str(raised.value) and "\n" not in str(raised.value)


def test_a_file_of_its_own_kind_and_schema_passes_the_check(tmp_path: Path) -> None:
    check_schema(new_file("index"), tmp_path / "index.json", "index")
    assert new_file("index") == {"_meta": {"1": {"app": "sdtui", "schema": storage.SCHEMA_VERSION, "kind": "index"}}}


@pytest.mark.parametrize(
    "content, error",
    [
        (b"{torn", StoreCorrupt),
        (b"\xff\xfe\x00", StoreCorrupt),
        (b"[1, 2]", StoreForeign),
        (b'{"table": [1]}', StoreForeign),
    ],
)
def test_a_file_that_is_not_a_json_database_is_refused_and_left_untouched(
    tmp_path: Path, content: bytes, error: type
) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(content)
    with pytest.raises(error):
        AtomicJSONStorage(path).read()
    assert path.read_bytes() == content
    assert AtomicJSONStorage(tmp_path / "missing.json").read() is None


def test_a_file_lock_makes_a_second_holder_wait_and_then_give_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "LOCK_TIMEOUT", 0.1)
    path = tmp_path / "index.lock"
    with FileLock(path):
        started = time.monotonic()
        with pytest.raises(StoreBusy):
            with FileLock(path):
                pytest.fail("two holders at once")
        assert time.monotonic() - started >= 0.1
    with FileLock(path):  # free again once the first holder is done
        pass


def test_a_session_lock_has_one_holder_who_is_named_and_dies_with_it(tmp_path: Path) -> None:
    path = tmp_path / "abcd2345.lock"
    lock = try_lock(path)
    assert lock is not None and lock.held
    assert try_lock(path) is None
    assert lock_holder(path)["pid"] == os.getpid()
    lock.release()
    assert not lock.held and lock_holder(path) == {}
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # a holder that is killed without releasing
        try:
            os.close(reader)
            assert try_lock(path) is not None
            os.write(writer, b"x")
            time.sleep(60)
        finally:
            os._exit(1)
    os.close(writer)
    assert os.read(reader, 1) == b"x"
    assert try_lock(path) is None and lock_holder(path)["pid"] == pid
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    again = try_lock(path)
    assert again is not None
    again.release()


@pytest.mark.parametrize("umask", [0, 0o022, 0o077])
def test_files_and_folders_are_owner_only_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        folder = tmp_path / "store"
        make_private_dir(folder)
        write_atomic(folder / "data.json", "{}")
        AtomicJSONStorage(folder / "other.json").write(new_file("test"))
        with FileLock(folder / "index.lock"):
            pass
        lock = try_lock(folder / "abcd2345.lock")
        assert lock is not None
        lock.release()
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == ["abcd2345.lock", "data.json", "index.lock", "other.json"]
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
