"""Faults: two hundred kills while saving, and store faults met by the CLI and the app."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sdtui import cli
from sdtui.demo import build_demo
from sdtui.model import Session
from sdtui.store import Store

from .support.files import snapshot
from .support.ui import SIZE, screen_text, still_app

REPO = Path(__file__).resolve().parent.parent


def writer(root: Path, session_id: str, report: int) -> None:
    """In a forked child: save new versions as fast as the app would, report each confirmed one."""
    try:
        store = Store(root)
        session = store.load(session_id)
        store.acquire(session_id)
        version = int(session.title.split()[-1])
        while True:
            version += 1
            session.title = f"version {version}"
            session.agenda[0].notes[0].text = "typed " * (version % 400)
            store.save(session)
            os.write(report, f"{version}\n".encode())
    finally:
        os._exit(1)


def test_two_hundred_kills_while_saving_leave_the_last_or_the_one_before(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        session = build_demo()
        session.title = "version 0"
        store.add(session)
    rng = random.Random(200)
    confirmed = 0
    torn_writes = 0
    for _ in range(200):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            writer(root, session.id, write_end)
        os.close(write_end)
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        torn_writes += any((root / "s").glob(f".{session.id}.json.*.tmp"))  # killed in the middle of a write
        with os.fdopen(read_end) as reports:
            versions = [int(line) for line in reports.read().split("\n")[:-1]]
        confirmed = versions[-1] if versions else confirmed
        with Store(root) as store:
            title = store.load(session.id).title
            assert [s.id for s in store.list()] == [session.id]
        stored = int(title.split()[-1])
        assert stored in (confirmed, confirmed + 1), (stored, confirmed)
        confirmed = stored
    assert confirmed > 0 and torn_writes > 0, (confirmed, torn_writes)


def test_killed_cli_runs_never_leave_a_torn_store(tmp_path: Path) -> None:
    root = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(7)
    finished = 0
    for _ in range(20):
        process = subprocess.Popen(
            [sys.executable, "-m", "sdtui", "--store", str(root), "demo"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        time.sleep(rng.uniform(0.02, 0.3))
        process.kill()
        out, _ = process.communicate()
        finished += process.returncode == 0
        if root.exists():
            with Store(root) as store:
                for summary in store.list():
                    assert store.load(summary.id).title == summary.title
                assert len(store.list()) >= finished
    assert finished < 20  # some runs were really cut short


def run_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    "content", [b"{torn", b'{"people": {}}', b'{"_meta": {"1": {"app": "sdtui", "schema": 7, "kind": "index"}}}']
)
def test_cli_meets_a_bad_index_with_one_line_and_changes_nothing(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "store"
    Store(root).close()
    (root / "index.json").write_bytes(content)
    before = snapshot(root)
    for args in (["list"], ["demo"], ["export", "abcd"]):
        code, err = run_cli("--store", str(root), *args, capsys=capsys)
        assert code != 0 and err.startswith("sdtui: ") and err.count("\n") == 1, err
        assert "index.json" in err
    assert snapshot(root) == before


@pytest.mark.parametrize("failure, words", [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only")])
def test_cli_meets_a_full_or_read_only_disk_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], failure: int, words: str
) -> None:
    root = tmp_path / "store"
    Store(root).close()
    before = snapshot(root)

    def fail(*_: object) -> None:
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr("sdtui.files.os.fsync", fail)
    code, err = run_cli("--store", str(root), "demo", capsys=capsys)
    assert code != 0 and words in err and err.count("\n") == 1, err
    assert snapshot(root) == before


async def test_the_app_says_when_a_save_fails_and_keeps_the_change_on_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "store") as store:
        session = store.add(Session("Disk test", agenda=[{"title": "Opening"}]))
        app = still_app(store)
        async with app.run_test(size=SIZE) as pilot:
            app.open_session(session.id, "prepare")
            await pilot.pause()

            def full(*_: object) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr("sdtui.files.os.fsync", full)
            await pilot.press("f7", "e")
            await pilot.pause()
            await pilot.press("ctrl+u", *"Welkom", "enter")  # the cursor starts at the end of the title
            await pilot.pause()
            assert "Welkom" in screen_text(app)  # kept on screen
            assert any("disk is full" in n.message for n in app._notifications)
            assert store.load(session.id).agenda[0].title == "Opening"
            monkeypatch.undo()
            await pilot.press("f6", "a")
            await pilot.pause()
            await pilot.press(*"Zoë", "enter")  # the next change saves everything
            await pilot.pause()
        saved = store.load(session.id)
    assert (saved.agenda[0].title, saved.participants[0].name) == ("Welkom", "Zoë")


def test_no_user_text_can_reach_a_shell() -> None:
    """sdtui starts no processes at all: no module imports subprocess or calls os.system / os.popen."""
    import ast

    for path in (REPO / "sdtui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
                assert not {"subprocess", "pty", "shlex"} & set(names), path
            if isinstance(node, ast.Attribute) and node.attr in {"system", "popen", "spawnl", "execv", "execvp"}:
                pytest.fail(f"{path}: os.{node.attr}")
