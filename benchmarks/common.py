"""What the benchmarks share: a result line, medians, and a terminal to drive an app in.

Timings on a shared machine are noisy, so every benchmark measures its case and its baseline
in the same run, alternately, and compares medians.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COLUMNS, ROWS = 80, 24


@dataclass
class Result:
    """One measured number, its target and whether it meets it."""

    name: str
    value: float
    unit: str
    target: str
    ok: bool | None
    """None: reported, no target."""
    note: str = ""

    def line(self) -> str:
        verdict = {True: "meets", False: "MISSES", None: "-"}[self.ok]
        return f"{self.name:<46} {self.value:>9.2f} {self.unit:<6} {self.target:<16} {verdict:<6} {self.note}"


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_results(results: list[Result]) -> None:
    print(f"{'benchmark':<46} {'value':>9} {'unit':<6} {'target':<16} {'':<6} note")
    for result in results:
        print(result.line())


class Terminal:
    """A program running in an 80x24 pseudo-terminal, as over SSH: keys in, bytes out."""

    def __init__(self, argv: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
        environment = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
        environment.pop("TEXTUAL", None)
        environment.pop("NO_COLOR", None)
        environment.update(env or {})
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                os.chdir(cwd)
                os.execve(argv[0], argv, environment)
            finally:
                os._exit(127)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.pid, self.fd = pid, fd

    def read_until_quiet(self, quiet: float, timeout: float = 30.0) -> tuple[int, float | None]:
        """Wait up to `timeout` for output, then read until `quiet` seconds pass without any.

        Returns (bytes read, seconds from the call to the last byte; None if nothing came).
        Raises TimeoutError if the app is still writing after `timeout` seconds.
        """
        received, _first, last = self.answer_after(time.perf_counter(), quiet, timeout)
        return received, last

    def answer_after(self, start: float, quiet: float, timeout: float = 30.0) -> tuple[int, float | None, float | None]:
        """Read until `quiet` seconds pass without output, waiting up to `timeout` from `start`.

        Returns (bytes read, seconds from `start` to the first byte and to the last; None if
        nothing came). Raises TimeoutError if the app is still writing after `timeout` seconds.
        """
        received = 0
        first: float | None = None
        last: float | None = None
        while True:
            now = time.perf_counter()
            if last is not None and now - start > timeout:
                raise TimeoutError(f"the app did not go quiet for {quiet} s within {timeout} s")
            wait = start + timeout - now if last is None else last + quiet - now
            if wait <= 0:
                break
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                data = b""
            if not data:
                raise RuntimeError("the app exited")
            self.answer(data)
            received += len(data)
            last = time.perf_counter()
            first = first or last
        if first is None or last is None:
            return received, None, None
        return received, first - start, last - start

    def answer(self, data: bytes) -> None:
        """Answer the terminal queries an app may send, as a real xterm would (best effort)."""
        if b"\x1b[6n" in data:
            os.write(self.fd, b"\x1b[1;1R")
        if b"\x1b[c" in data or b"\x1b[0c" in data:
            os.write(self.fd, b"\x1b[?62;22c")

    def count_for(self, seconds: float) -> int:
        """Bytes written in the next `seconds`, whatever happens."""
        end = time.perf_counter() + seconds
        received = 0
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    raise RuntimeError("the app exited")
                self.answer(data)
                received += len(data)
        return received

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def close(self):
        """SIGTERM, SIGKILL after 2 s; returns the rusage of the child."""
        os.kill(self.pid, signal.SIGTERM)
        deadline = time.perf_counter() + 2.0
        killed = False
        while True:
            done, _status, usage = os.wait4(self.pid, os.WNOHANG)
            if done:
                os.close(self.fd)
                return usage
            if not killed and time.perf_counter() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                killed = True
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.02)
                if ready:
                    os.read(self.fd, 65536)
            except OSError:
                time.sleep(0.01)


def python() -> str:
    return sys.executable
