"""The store's promises, each proven here: atomic writes (SIGKILL included), a cross-process
lock, stable short ids, schema checks that leave bad files alone, owner-only files, and a save
whose cost does not grow with the store."""

from __future__ import annotations

import errno
import json
import os
import random
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sdtui.demo import build_demo
from sdtui.model import ActionStatus, AgendaItem, Session
from sdtui.store import (
    AmbiguousId,
    SessionLocked,
    SessionSummary,
    Store,
    StoreCorrupt,
    StoreError,
    StoreForeign,
    StoreFull,
    StoreReadOnly,
    StoreTooNew,
    UnknownSession,
    default_store_path,
)

from .support.files import snapshot

REPO = Path(__file__).resolve().parent.parent


def child(code: str, *args: str) -> subprocess.Popen[str]:
    """Run Python code against the store in a separate process."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


def test_a_session_comes_back_as_it_was_saved(root: Path) -> None:
    demo = build_demo()
    with Store(root) as store:
        store.add(demo)
    with Store(root) as store:
        assert store.load(demo.id).to_dict() == demo.to_dict()
        [summary] = store.list()
    assert (summary.id, summary.title, summary.status) == (demo.id, demo.title, demo.status)
    assert summary.open_actions == len(demo.open_actions)


def test_list_puts_the_newest_meeting_first(root: Path) -> None:
    with Store(root) as store:
        for day in ("2026-03-01", "2026-09-01", "2026-06-01"):
            store.add(Session(title=f"Meeting {day}", date=day))
        assert [s.date.isoformat() for s in store.list()] == ["2026-09-01", "2026-06-01", "2026-03-01"]


def test_a_unique_prefix_stands_for_the_id(root: Path) -> None:
    with Store(root) as store:
        first = store.add(Session(title="First", id="abcd2345"))
        store.add(Session(title="Second", id="abce2345"))
        assert store.load("abcd").title == "First"
        assert store.resolve(first.id.upper()) == first.id
        with pytest.raises(AmbiguousId, match="abc"):
            store.load("abc")
        with pytest.raises(UnknownSession):
            store.load("zzzz")


@pytest.mark.parametrize("bad", ["", "../index", "s/abcd", "abcd2345.json", "ab cd"])
def test_an_id_is_never_used_as_a_path(root: Path, bad: str) -> None:
    with Store(root) as store:
        store.add(Session(title="Only", id="abcd2345"))
        with pytest.raises(UnknownSession):
            store.load(bad)


def test_ids_are_not_handed_out_again_after_a_delete(root: Path) -> None:
    with Store(root) as store:
        gone = store.add(Session(title="Gone", id="abcd2345"))
        store.delete(gone.id)
        again = store.add(Session(title="New", id="abcd2345"))
        taken = store.add(Session(title="Clash", id=again.id))
        assert again.id != "abcd2345"
        assert taken.id != again.id
        assert sorted(s.title for s in store.list()) == ["Clash", "New"]
        with pytest.raises(UnknownSession):
            store.load("abcd2345")


def test_sigkill_during_saves_leaves_the_old_or_the_new_state(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
    writer = """
        import sys
        from sdtui.store import Store
        store = Store(sys.argv[1])
        session = store.load(sys.argv[2])
        n = 0
        while True:
            n += 1
            session.title = f"version {n}"
            session.agenda[0].notes[0].text = "x" * (n % 5000)
            store.save(session)
            print(n, flush=True)
    """
    rng = random.Random(2026)
    for _ in range(25):
        process = child(writer, str(root), session.id)
        assert process.stdout is not None
        confirmed = 0
        for _ in range(rng.randint(1, 40)):
            line = process.stdout.readline()
            if not line:
                pytest.fail(process.stderr.read() if process.stderr else "writer died")
            confirmed = int(line)
        process.kill()
        process.wait()
        # The writer may have gone on saving while we read: the last number it printed counts.
        confirmed = max([confirmed, *(int(line) for line in process.stdout.read().split())])
        with Store(root) as store:
            title = store.load(session.id).title
            assert store.list()[0].id == session.id
        assert title in (f"version {confirmed}", f"version {confirmed + 1}")
    with Store(root) as store:
        store.acquire(session.id)
    assert sorted(p.name for p in (root / "s").iterdir()) == [f"{session.id}.json", f"{session.id}.lock"]


def test_two_processes_adding_sessions_lose_none(root: Path) -> None:
    Store(root).close()
    adder = """
        import sys, time
        from pathlib import Path
        from sdtui.model import Session
        from sdtui.store import Store
        with Store(sys.argv[1]) as store:
            while not Path(sys.argv[1], "go").exists():  # both start adding at the same moment
                time.sleep(0.001)
            for n in range(60):
                store.add(Session(title=f"{sys.argv[2]} {n}"))
                time.sleep(0.003)  # as people do: the other process gets its turn
    """
    processes = [child(adder, str(root), name) for name in ("left", "right")]
    time.sleep(0.5)
    (root / "go").touch()
    for process in processes:
        assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    with Store(root) as store:
        titles = {s.title for s in store.list()}
        assert len(store.ids()) == 120
    assert titles == {f"{side} {n}" for side in ("left", "right") for n in range(60)}


def test_a_session_open_in_another_process_is_read_only_here(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
    holder = child(
        """
        import sys, time
        from sdtui.store import Store
        store = Store(sys.argv[1])
        store.acquire(sys.argv[2])
        print("locked", flush=True)
        time.sleep(60)
    """,
        str(root),
        session.id,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    try:
        with Store(root) as store:
            with pytest.raises(SessionLocked) as refused:
                store.acquire(session.id)
            assert refused.value.holder["pid"] == holder.pid
            assert f"process {holder.pid}" in str(refused.value)
            readable = store.load(session.id)
            readable.title = "A change that would be lost"
            with pytest.raises(SessionLocked):
                store.save(readable)
            assert store.load(session.id).title == session.title
    finally:
        holder.kill()
        holder.wait()
    with Store(root) as store, store.acquire(session.id):
        store.save(readable)
        assert store.load(session.id).title == "A change that would be lost"


def test_one_process_holds_a_session_and_saves_it(root: Path) -> None:
    with Store(root) as store:
        session = store.add(Session(title="Mine"))
        lock = store.acquire(session.id)
        session.title = "Still mine"
        store.save(session)
        with Store(root) as other, pytest.raises(SessionLocked):
            other.acquire(session.id)
        lock.release()
        with Store(root) as other:
            other.acquire(session.id).release()


@pytest.mark.parametrize(
    "content, error",
    [
        (b"{not json", StoreCorrupt),
        (b"\xff\xfe\x00garbage", StoreCorrupt),
        (b'{"people": {"1": {"name": "Ann"}}}', StoreForeign),
        (b"[1, 2, 3]", StoreForeign),
        (b'{"_meta": {"1": {"app": "sdtui", "schema": 2, "kind": "index"}}}', StoreTooNew),
        (b'{"_meta": {"1": {"app": "sdtui", "schema": "one", "kind": "index"}}}', StoreCorrupt),
    ],
)
def test_a_bad_index_is_one_clear_error_and_left_untouched(root: Path, content: bytes, error: type) -> None:
    Store(root).close()
    (root / "index.json").write_bytes(content)
    before = snapshot(root)
    with pytest.raises(error) as raised:
        Store(root)
    assert "index.json" in str(raised.value) and "\n" not in str(raised.value)
    assert snapshot(root) == before


def test_a_bad_session_file_is_one_clear_error_and_left_untouched(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
    path = root / "s" / f"{session.id}.json"
    for content, error in (
        (b'{"_meta": {"1": {"app": "sdtui", "schema": 9, "kind": "session"}}}', StoreTooNew),
        (b"{torn", StoreCorrupt),
        (
            b'{"_meta": {"1": {"app": "sdtui", "schema": 1, "kind": "session"}}, "session": {"1": {"title": ""}}}',
            StoreCorrupt,
        ),
    ):
        path.write_bytes(content)
        before = snapshot(root)
        with Store(root) as store, pytest.raises(error):
            store.load(session.id)
        assert snapshot(root) == before


def test_a_file_or_a_full_folder_is_not_taken_for_a_store(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    with pytest.raises(StoreForeign, match="is a file"):
        Store(a_file)
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.odt").write_text("precious")
    before = snapshot(home)
    with pytest.raises(StoreForeign, match="other files"):
        Store(home)
    assert snapshot(home) == before and sorted(p.name for p in home.iterdir()) == ["thesis.odt"]


def test_a_store_cut_short_while_being_made_is_made_again(tmp_path: Path) -> None:
    """Killed after its folders but before its index: sdtui finishes it rather than calling it foreign."""
    root = tmp_path / "store"
    (root / "s").mkdir(parents=True)
    (root / "minutes").mkdir()
    (root / ".index.json.x1y2.tmp").write_text('{"_me')
    with Store(root) as store:
        store.add(build_demo())
        assert len(store.list()) == 1
    assert not list(root.glob(".index.json.*.tmp"))
    (tmp_path / "used" / "s").mkdir(parents=True)
    (tmp_path / "used" / "s" / "someone.json").write_text("{}")
    with pytest.raises(StoreForeign, match="other files"):  # not empty: not ours to finish
        Store(tmp_path / "used")


def test_files_are_owner_only_whatever_the_umask(root: Path) -> None:
    old = os.umask(0)
    try:
        with Store(root) as store:
            session = store.add(build_demo())
            store.acquire(session.id)
    finally:
        os.umask(old)
    paths = [root, *root.rglob("*")]
    assert len(paths) >= 6
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_the_default_store_folder_with_its_readme_becomes_a_store(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    root.mkdir(mode=0o755)
    (root / "README.md").write_text("the default store")
    with Store(root) as store:
        store.add(Session(title="First"))
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert (root / "README.md").read_text() == "the default store"


def test_default_store_path_prefers_the_option_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDTUI_STORE", "/from/env")
    assert default_store_path("/from/option") == Path("/from/option")
    assert default_store_path(None) == Path("/from/env")
    monkeypatch.delenv("SDTUI_STORE")
    assert default_store_path(None) == Path("sessions")


@pytest.mark.parametrize(
    "failure, error", [(errno.ENOSPC, StoreFull), (errno.EROFS, StoreReadOnly), (errno.EACCES, StoreReadOnly)]
)
def test_a_failed_write_changes_nothing_and_says_why(
    root: Path, monkeypatch: pytest.MonkeyPatch, failure: int, error: type
) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
    before = snapshot(root)

    def fail(*_: object) -> None:
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr("sdtui.files.os.fsync", fail)
    with Store(root) as store:
        changed = store.load(session.id)
        changed.title = "Not written"
        with pytest.raises(error) as raised:
            store.save(changed)
        with pytest.raises(error):
            store.add(Session(title="Not added"))
    assert "Nothing was changed" in str(raised.value)
    after = snapshot(root)
    assert {k: v for k, v in after.items() if not k.endswith(".lock")} == {
        k: v for k, v in before.items() if not k.endswith(".lock")
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_store_can_be_listed_and_refuses_saves(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
    for folder in (root / "s", root):
        folder.chmod(0o500)
    try:
        with Store(root) as store:
            assert [s.id for s in store.list()] == [session.id]
            with pytest.raises(StoreReadOnly):
                store.save(store.load(session.id))
    finally:
        for folder in (root, root / "s"):
            folder.chmod(0o700)


def test_saving_one_edit_writes_one_file_however_big_the_store(root: Path) -> None:
    with Store(root) as store:
        for n in range(200):
            store.add(Session(title=f"Meeting {n}"))
        session = store.add(build_demo())
        store.acquire(session.id)
        before = snapshot(root)
        session.agenda[0].notes[0].text = "typed a little more"
        store.save(session)
        changed = {name for name, value in snapshot(root).items() if before.get(name) != value}
        assert changed == {f"s/{session.id}.json"}
        session.title = "A new title shows on Home"
        store.save(session)
        changed = {name for name, value in snapshot(root).items() if before.get(name) != value}
        assert changed == {f"s/{session.id}.json", "index.json"}
        assert any(s.title == "A new title shows on Home" for s in store.list())


def test_a_session_that_could_not_be_read_back_is_not_written(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
        before = snapshot(root)
        session.agenda[0].notes[0].text = "x" * 100_001  # set behind the model's back
        with pytest.raises(StoreError, match="Note is too long"):
            store.save(session)
        assert {k: v for k, v in snapshot(root).items() if not k.endswith(".lock")} == {
            k: v for k, v in before.items() if not k.endswith(".lock")
        }
        assert store.load(session.id).agenda[0].notes[0].text != "x" * 100_001


def test_many_sessions_are_added_at_once_with_fresh_ids(root: Path) -> None:
    with Store(root) as store:
        first = store.add(Session(title="Bestaande"))
        clash = Session(title="Botst")
        clash.id = first.id
        twin = Session(title="Tweeling")
        twin.id = "twinid01"
        twin_again = Session(title="Tweeling 2")
        twin_again.id = "twinid01"
        added = store.add_many([clash, twin, twin_again])
        ids = [session.id for session in added]
        assert first.id not in ids and len(set(ids)) == 3
        assert sorted(store.ids()) == sorted([first.id, *ids])
    with Store(root) as again:
        assert sorted(s.title for s in again.list()) == ["Bestaande", "Botst", "Tweeling", "Tweeling 2"]
        assert again.load(ids[0]).title == "Botst"


def test_the_list_shows_what_another_process_added_changed_and_deleted(root: Path) -> None:
    with Store(root) as here:
        kept = here.add(Session(title="Kept"))
        renamed = here.add(Session(title="Old title"))
        gone = here.add(Session(title="Deleted elsewhere"))
        assert {s.title for s in here.list()} == {"Kept", "Old title", "Deleted elsewhere"}  # now remembered
        elsewhere = child(
            """
            import sys
            from sdtui.model import Session
            from sdtui.store import Store
            with Store(sys.argv[1]) as store:
                store.add(Session(title="Added elsewhere"))
                session = store.load(sys.argv[2])
                session.title = "New title"
                store.save(session)
                store.delete(sys.argv[3])
        """,
            str(root),
            renamed.id,
            gone.id,
        )
        assert elsewhere.wait(timeout=60) == 0, elsewhere.stderr.read() if elsewhere.stderr else ""
        assert {s.title for s in here.list()} == {"Kept", "New title", "Added elsewhere"}
        assert here.load(kept.id).title == "Kept"


def test_a_save_keeps_the_sessions_another_process_added_meanwhile(root: Path) -> None:
    with Store(root) as here, Store(root) as there:
        session = here.add(build_demo())
        here.acquire(session.id)
        here.list()
        added = there.add(Session(title="Added by the other process"))
        session.title = "Renamed here"  # the summary changes, so the index is written
        here.save(session)
        titles = {s.title for s in Store(root).list()}
        assert titles == {"Renamed here", "Added by the other process"}
        assert {s.id for s in here.list()} == {session.id, added.id}
        assert {s.title for s in there.list()} == titles


def test_a_save_that_only_changes_a_note_does_not_read_the_index_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
        store.acquire(session.id)
        store.save(session)
        reads = []
        original = SessionSummary.from_doc
        monkeypatch.setattr(SessionSummary, "from_doc", lambda doc: reads.append(doc) or original(doc))
        for n in range(5):
            session.agenda[0].notes[0].text = f"typed {n}"
            store.save(session)
        session.title = "A new title"
        store.save(session)  # writes the index, and remembers what it wrote
        session.agenda[0].notes[0].text = "typed once more"
        store.save(session)
        assert reads == []
        assert [s.title for s in store.list()] == ["A new title"]


@pytest.mark.parametrize(
    "content",
    [
        b'{"_meta": {"1": {"app": "sdtui", "schema": 2, "kind": "index"}}, "sessions": {}}',
        b'{"people": {"1": {"name": "Ann"}}}',
    ],
)
def test_no_change_writes_over_an_index_that_became_foreign_or_newer(root: Path, content: bytes) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
        store.acquire(session.id)
        (root / "index.json").write_bytes(content)
        before = snapshot(root)
        session.title = "A new title for Home"
        with pytest.raises((StoreForeign, StoreTooNew)):
            store.add(Session(title="Not added"))
        with pytest.raises(StoreError):
            store.save(session)  # the session file is written; the index is left alone
        with pytest.raises(StoreError):
            store.delete(session.id)
    assert (root / "index.json").read_bytes() == content
    changed = {k for k, v in snapshot(root).items() if before.get(k) != v}
    assert changed <= {f"s/{session.id}.json", f"s/{session.id}.lock"}


def test_a_delete_writes_the_index_once(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(root) as store:
        kept = store.add(Session(title="Kept"))
        gone = store.add(Session(title="Gone"))
        writes = []
        original = os.replace
        monkeypatch.setattr("sdtui.files.os.replace", lambda old, new: writes.append(Path(new)) or original(old, new))
        store.delete(gone.id)
        assert writes == [root / "index.json"]
        assert [s.id for s in store.list()] == [kept.id]


def test_a_deleted_session_comes_back_under_its_own_id_once(store: Store) -> None:
    kept = store.add(Session("Netwerkbijeenkomst juni"))
    follower = store.add(Session("Netwerkbijeenkomst september", follows=kept.id))
    store.delete(kept.id)
    store.undelete(kept)
    assert store.load(kept.id).title == "Netwerkbijeenkomst juni"
    assert store.load(follower.id).follows == kept.id  # the link is true again
    with pytest.raises(UnknownSession):
        store.undelete(kept)  # it is there: nothing to put back
    with pytest.raises(UnknownSession):
        store.undelete(Session("Never stored"))


def saved_text(root: Path, session: Session) -> str:
    return (root / "s" / f"{session.id}.json").read_text(encoding="utf-8")


def test_a_change_that_breaks_a_part_is_not_saved_after_saves_that_checked_it(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
        store.acquire(session.id)
        for n in range(3):  # the store now knows every part as it was written
            session.agenda[0].notes[0].text = f"typed {n}"
            store.save(session)
        written = saved_text(root, session)
        tampered = [
            lambda s: setattr(s.actions[0], "status", "half done"),  # behind the model's back
            lambda s: setattr(s.agenda[-1], "timebox", 10_000),
            lambda s: setattr(s.agenda[1].notes[0], "text", "x" * 100_001),
            lambda s: setattr(s.participants[0], "name", ""),
            lambda s: s.participants.remove(s.participant(s.actions[0].owner_id)),  # an owner, gone
            lambda s: setattr(s, "end_time", s.start_time),  # only the session's own fields
            lambda s: s.actions.append("not an action"),
        ]
        for tamper in tampered:
            broken = store.load(session.id)
            store.save(broken)  # as it is on disk: saved, and every part known
            tamper(broken)
            with pytest.raises(StoreError, match="Not saved"):
                store.save(broken)
            assert saved_text(root, session) == written
        assert store.load(session.id).to_dict() == session.to_dict()


def test_the_first_save_of_a_session_checks_every_part(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
    session.actions[-1].due = "someday"  # broken before this store ever saved the session
    with Store(root) as store:
        written = saved_text(root, session)
        with pytest.raises(StoreError, match="Not saved"):
            store.save(session)
        assert saved_text(root, session) == written


def test_what_a_save_writes_is_the_session_as_json_and_reads_back(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
        store.acquire(session.id)
        edits = [
            lambda s: s.add_note(s.agenda[0].id, "Een notitie met 'quotes', \"aanhalingstekens\" en é"),
            lambda s: s.advance_action_status(s.actions[0].id),
            lambda s: s.add_participant("Nieuwe deelnemer", "gemeente Ede"),
            lambda s: s.move_item(s.agenda[0].id, 2),
            lambda s: s.remove_signal(s.signals[0].id),
            lambda s: s.update_details(title="Een andere titel"),
        ]
        for edit in edits:
            edit(session)
            store.save(session)
            data = json.loads(saved_text(root, session))
            assert data["session"]["1"] == session.to_dict()
            assert saved_text(root, session) == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            assert store.read(session.id).to_dict() == session.to_dict()


def test_a_part_changed_to_an_equal_value_of_another_type_is_still_written_readable(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
        store.acquire(session.id)
        store.save(session)
        session.agenda[0].timebox = float(session.agenda[0].timebox)  # equal, but not a whole number's type
        try:
            store.save(session)
        except StoreError:
            pass
        assert Store(root).read(session.id).agenda[0].timebox == session.agenda[0].timebox


def test_closing_an_action_keeps_what_another_process_changed_in_the_index(root: Path) -> None:
    with Store(root) as here:
        session = here.add(build_demo())
        other = here.add(Session(title="Old title"))
        here.acquire(session.id)
        session.actions[0].status = ActionStatus.DONE
        here.save(session)  # the index is written, and kept in memory
        elsewhere = child(
            """
            import sys
            from sdtui.model import Session
            from sdtui.store import Store
            with Store(sys.argv[1]) as store:
                store.add(Session(title="Added elsewhere"))
                session = store.load(sys.argv[2])
                session.title = "New title"
                store.save(session)
        """,
            str(root),
            other.id,
        )
        assert elsewhere.wait(timeout=60) == 0, elsewhere.stderr.read() if elsewhere.stderr else ""
        session.actions[1].status = ActionStatus.DONE
        here.save(session)
        expected = {
            (session.id, len(session.open_actions)),
            (other.id, 0),
        }
        summaries = Store(root).list()
        assert {s.title for s in summaries} == {session.title, "New title", "Added elsewhere"}
        assert {(s.id, s.open_actions) for s in summaries if s.id in (session.id, other.id)} == expected
        assert {(s.id, s.title) for s in here.list()} == {(s.id, s.title) for s in summaries}


def test_an_index_change_that_failed_half_way_is_not_kept_in_memory(root: Path) -> None:
    with Store(root) as store:
        kept = store.add(Session(title="Kept"))
        broken = Session(title="Broken")
        broken.agenda.append(AgendaItem("Item"))
        broken.agenda[0].timebox = -5
        with pytest.raises(StoreError):
            store.add_many([Session(title="Added first, never indexed"), broken])
        store.add(Session(title="Added after"))
        assert sorted(s.title for s in Store(root).list()) == ["Added after", "Kept"]
        assert sorted(s.title for s in store.list()) == ["Added after", "Kept"]
        assert store.load(kept.id).title == "Kept"


def test_a_part_whose_id_was_made_a_list_is_saved_as_before(root: Path) -> None:
    with Store(root) as store:
        session = store.add(build_demo())
        store.acquire(session.id)
        session.signals[0].id = ["not", "an", "id"]  # type: ignore[assignment]  # behind the model's back
        store.save(session)
        session.agenda[0].notes[0].text = "typed after"
        store.save(session)
        assert store.read(session.id).to_dict() == session.to_dict()
