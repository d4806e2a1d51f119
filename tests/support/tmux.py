"""Drive the installed `sdtui` in a real terminal: tmux at 80x24, send-keys and capture-pane."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)")


def installed_sdtui() -> str:
    """The console script installed next to this Python (what a user runs), else `python -m sdtui`."""
    script = Path(sys.executable).parent / "sdtui"
    return shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m sdtui"


class Terminal:
    """One tmux server of its own (its own socket), one 80x24 window running a command."""

    def __init__(self, command: str, *, width: int = 80, height: int = 24, env: dict[str, str] | None = None) -> None:
        self.socket = f"sdtui-test-{uuid.uuid4().hex[:8]}"
        self.env = {**os.environ, **(env or {})}
        self.env.pop("TMUX", None)
        self.tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command)
        self.tmux("set-option", "-t", "t", "remain-on-exit", "on")

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            [TMUX or "tmux", "-L", self.socket, *args], capture_output=True, text=True, env=self.env, timeout=20
        )
        return result.stdout

    def send(self, *keys: str) -> None:
        """tmux key names: Enter, Escape, F1, C-t, or literal text."""
        for key in keys:
            self.tmux("send-keys", "-t", "t", key)
            time.sleep(0.15)

    def burst(self, *keys: str) -> None:
        """Every key in one tmux command, so they reach the app in one write, as over a slow link."""
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 15.0, interval: float = 0.1) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(interval)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 15.0, interval: float = 0.1) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text not in shown:
                return shown
            time.sleep(interval)
        raise AssertionError(f"{text!r} did not go; the screen shows:\n{self.screen()}")

    def dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "t", "#{pane_dead}").strip() == "1"

    def wait_until_exit(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.dead():
                return
            time.sleep(0.1)
        raise AssertionError(f"the app did not exit; the screen shows:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([TMUX or "tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env)


def add_demo(store: Path) -> str:
    """The Dutch demo meeting (the app around it runs in English, as every test does)."""
    result = subprocess.run(
        [sys.executable, "-m", "sdtui", "--store", str(store), "--lang", "nl", "demo"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip().splitlines()[-1]
