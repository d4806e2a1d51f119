"""Start-up time and peak memory of sdtui in a real 80x24 pseudo-terminal.

    python benchmarks/startup.py [--runs N]

Each case is spawned under a pty (TERM=xterm-256color, 80x24). The start-up time runs from
the spawn to the last byte the process wrote before it went quiet for QUIET seconds (the quiet
window itself is not counted), counting only quiet that follows a painted screen (MIN_VISIBLE):
the mode-setting burst an app writes first, then a silent load, is not a finished screen.
Then the process gets SIGTERM (SIGKILL if it lingers) and its
peak RSS is read from os.wait4's ru_maxrss. Cases run alternately, N times each; medians are
compared with a bare Textual app (benchmarks/bare_app.py).

Stores of 0, 1,000 and 10,000 sessions are made once with make_store and kept under
benchmarks/.stores/ (delete that folder to make them again).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_store import make_store  # noqa: E402

QUIET = 0.3
"""Seconds without output that count as 'the screen is complete'."""
TIMEOUT = 60.0
"""Give up on a run that has not gone quiet after this many seconds."""
MIN_VISIBLE = 200
"""Visible characters (escape sequences stripped, no spaces) written before the quiet window may
start. An app first writes a burst of mode-setting sequences (alternate screen, mouse, queries)
and may then stay silent for seconds while it loads: that is not a screen."""
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[()][0-9A-Za-z]|[@-Z\\-_])")
INVISIBLE = re.compile(rb"[\x00-\x20\x7f]")
COLUMNS, ROWS = 80, 24
STORE_SIZES = (0, 1_000, 10_000)
TARGET = 1.1
"""Start-up at 1,000 and at 10,000 sessions at most this many times the bare app's (issue 13)."""
STORES = HERE / ".stores"


def answer_queries(fd: int, data: bytes) -> None:
    """Answer the terminal queries an app may send, as a real xterm would (best effort)."""
    if b"\x1b[6n" in data:  # cursor position report
        os.write(fd, b"\x1b[1;1R")
    if b"\x1b[c" in data or b"\x1b[0c" in data:  # primary device attributes
        os.write(fd, b"\x1b[?62;22c")


def visible(data: bytes) -> int:
    """How many visible characters a chunk of output paints (roughly: UTF-8 bytes count)."""
    return len(INVISIBLE.sub(b"", ESCAPES.sub(b"", data)))


def measure(argv: list[str], cwd: Path = ROOT) -> tuple[float, float, int, int]:
    """Spawn argv under a pty in cwd.

    Returns (seconds to the first byte, seconds to a quiet screen, peak RSS in KiB, bytes written).
    """
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
    env.pop("TEXTUAL", None)
    env.pop("NO_COLOR", None)
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    first = last = None
    received = painted = 0
    exited = False
    try:
        while True:
            now = time.perf_counter()
            if now - started > TIMEOUT:
                raise TimeoutError(f"{' '.join(argv)} did not go quiet within {TIMEOUT:.0f} s")
            wait = QUIET if last is None else last + QUIET - now
            if last is not None and wait <= 0:
                break
            ready, _, _ = select.select([fd], [], [], max(wait, 0) if last is not None else 1.0)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal (it exited)
                data = b""
            if not data:
                exited = True
                break
            now = time.perf_counter()
            first = first or now
            received += len(data)
            painted += visible(data)
            if painted >= MIN_VISIBLE:  # the quiet window only counts once a screen is painted
                last = now
            answer_queries(fd, data)
    finally:
        _, status, usage = stop(pid, fd)
    if exited:
        raise RuntimeError(f"{' '.join(argv)} exited early (status {status}) before going quiet")
    if last is None or first is None:
        raise RuntimeError(f"{' '.join(argv)} painted no screen")
    return first - started, last - started, usage.ru_maxrss, received


def stop(pid: int, fd: int):
    """SIGTERM, then SIGKILL after 2 s; keep draining the pty so the child never blocks."""
    os.kill(pid, signal.SIGTERM)
    deadline = time.perf_counter() + 2.0
    killed = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            os.close(fd)
            return done, status, usage
        if not killed and time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            killed = True
        try:
            ready, _, _ = select.select([fd], [], [], 0.02)
            if ready:
                os.read(fd, 65536)
        except OSError:
            time.sleep(0.01)


def store_for(n: int) -> Path:
    folder = STORES / f"store-{n}"
    done = STORES / f"store-{n}.complete"
    if not done.exists():
        if folder.exists():
            shutil.rmtree(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        print(f"making a store of {n:,} sessions in {folder} ...", end=" ", flush=True)
        started = time.perf_counter()
        make_store(n, folder)
        done.touch()
        print(f"{time.perf_counter() - started:.1f} s", flush=True)
    return folder


def run(runs: int = 7, src: Path = ROOT, quick: bool = False) -> list:
    """Measure every case `runs` times, print the table, and return the results to judge."""
    from common import Result

    if quick:
        runs = min(runs, 3)
    python = sys.executable
    src = src.resolve()
    cases: dict[str, tuple[list[str], Path]] = {"bare Textual app": ([python, str(HERE / "bare_app.py")], ROOT)}
    for n in STORE_SIZES:  # `-m` puts the working directory first on sys.path
        cases[f"sdtui, {n:,} sessions"] = ([python, "-m", "sdtui", "--store", str(store_for(n))], src)

    times: dict[str, list[float]] = {name: [] for name in cases}
    firsts: dict[str, list[float]] = {name: [] for name in cases}
    rss: dict[str, list[int]] = {name: [] for name in cases}
    sizes: dict[str, list[int]] = {name: [] for name in cases}
    for command, cwd in cases.values():  # one warm-up run each: page cache, .pyc files
        measure(command, cwd)
    for run_number in range(runs):
        order = list(cases.items()) if run_number % 2 == 0 else list(reversed(cases.items()))
        for name, (command, cwd) in order:
            first, seconds, kib, received = measure(command, cwd)
            firsts[name].append(first)
            times[name].append(seconds)
            rss[name].append(kib)
            sizes[name].append(received)
        print(f"start-up: run {run_number + 1}/{runs} done", file=sys.stderr, flush=True)

    base_ms = statistics.median(times["bare Textual app"]) * 1000
    base_rss = statistics.median(rss["bare Textual app"]) / 1024
    print(
        f"\nstart-up to a quiet {COLUMNS}x{ROWS} screen (quiet = {QUIET:.1f} s without output, "
        f"not counted); median of {runs} runs; python {sys.version.split()[0]}; sdtui from {src}"
    )
    print(
        f"{'case':<24} {'median ms':>9} {'min':>6} {'max':>6} {'x bare':>6} {'1st byte':>8}"
        f" {'peak RSS MiB':>12} {'x bare':>6} {'bytes out':>9}"
    )
    for name in cases:
        ms = statistics.median(times[name]) * 1000
        mib = statistics.median(rss[name]) / 1024
        print(
            f"{name:<24} {ms:>9.0f} {min(times[name]) * 1000:>6.0f} {max(times[name]) * 1000:>6.0f}"
            f" {ms / base_ms:>6.2f} {statistics.median(firsts[name]) * 1000:>8.0f}"
            f" {mib:>12.1f} {mib / base_rss:>6.2f} {int(statistics.median(sizes[name])):>9}"
        )
    print()

    def ratio(name: str) -> float:
        return statistics.median(times[name]) * 1000 / base_ms

    def rss_ratio(name: str) -> float:
        return statistics.median(rss[name]) / 1024 / base_rss

    results = [Result("start-up: bare Textual app (1,000 rows)", base_ms, "ms", "", None)]
    for n in STORE_SIZES:
        name = f"sdtui, {n:,} sessions"
        target = n > 0
        results.append(
            Result(
                f"start-up: {name} / bare",
                ratio(name),
                "x",
                f"<= {TARGET}x" if target else "",
                ratio(name) <= TARGET if target else None,
                f"median of {runs} runs",
            )
        )
    for n in STORE_SIZES[1:]:
        name = f"sdtui, {n:,} sessions"
        results.append(
            Result(
                f"peak RSS: {name} / bare",
                rss_ratio(name),
                "x",
                "",
                None,
                f"{statistics.median(rss[name]) / 1024:.0f} MiB vs {base_rss:.0f} MiB",
            )
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per case (default 7)")
    parser.add_argument("--quick", action="store_true", help="3 runs per case")
    parser.add_argument(
        "--sdtui-src",
        type=Path,
        default=ROOT,
        metavar="DIR",
        help="folder holding the sdtui package to run (default: this checkout); "
        "e.g. a `git archive HEAD` copy while the checkout is mid-edit",
    )
    args = parser.parse_args(argv)
    from common import print_results

    print_results(run(args.runs, args.sdtui_src, args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
