"""Thirty followers against one running meeting: the facilitator stays as fast, the followers stay idle.

    python benchmarks/followers.py [--followers N] [--edits N] [--quick]

A large session (60 items, 300 actions) runs in a store; a facilitator loop edits it every half
second, as often as the app saves typed text (a decision, a note, an action closed, the next item) and after each edit
saves it through `Store.save` and publishes it through `Publisher.publish`. Thirty
`sdtui follow --plain` processes follow it from the publish folder, each polling the files.

- save + publish, 0 vs N followers: the median time of one save and publish with the
  followers stopped (SIGSTOP) and running, in alternating rounds, so the machine's other
  work weighs on both alike. Target: within 10%.
- idle follower CPU: each follower's CPU time (utime + stime from /proc) over a stretch with
  no changes, as a share of one core. Target: under 1% for every follower.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from common import ROOT, Result, median, print_results, python  # noqa: E402
from make_store import large_session  # noqa: E402

from sdtui.model import SessionStatus  # noqa: E402
from sdtui.publish import Publisher  # noqa: E402
from sdtui.store import Store  # noqa: E402

TARGET_RATIO = 1.10
TARGET_CPU = 1.0
"""Percent of one core an idle follower may use."""
PACE = 0.5
"""Seconds between the facilitator's edits: the app saves typed text at most this often (SAVE_DELAY)."""
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def edit(session, step: int) -> None:  # noqa: ANN001
    """One change a facilitator makes; every one changes what followers see."""
    kind = step % 4
    if kind == 0:
        session.add_decision(f"Besluit {step}: het netwerk kiest voor renoveren")
    elif kind == 1:
        session.add_note(session.agenda[session.current_item].id, f"Notitie {step}")
    elif kind == 2:
        open_actions = session.open_actions
        if open_actions:
            session.advance_action_status(open_actions[0].id)  # open becomes done
    else:
        session.go_to((session.current_item + 1) % len(session.agenda), datetime.now())


def timed_edits(store: Store, publisher: Publisher, session, count: int, start: int) -> list[float]:  # noqa: ANN001
    timings = []
    for step in range(start, start + count):
        edit(session, step)
        began = time.perf_counter()
        store.save(session)
        publisher.publish(session, share_notes=True)
        timings.append((time.perf_counter() - began) * 1000)
        time.sleep(PACE)
    return timings


def start_followers(folder: Path, count: int) -> list[subprocess.Popen[bytes]]:
    command = [python(), "-m", "sdtui.cli.follow", "follow", "--plain", "--publish", str(folder)]
    return [
        subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "SDTUI_LANG": "en"},
        )
        for _ in range(count)
    ]


def run(quick: bool = False, followers: int = 30, edits: int | None = None) -> list[Result]:
    edits = edits or (16 if quick else 40)
    rounds = 2 if quick else 4
    idle_seconds = 5.0 if quick else 15.0
    with tempfile.TemporaryDirectory(prefix="sdtui-followers-") as folder:
        store = Store(Path(folder) / "store")
        session = store.add(large_session(random.Random(7)))
        store.acquire(session.id)
        session.status = SessionStatus.DRAFT  # the generated session may be closed: run it again
        session.start(datetime.now())
        publisher = Publisher(Path(folder) / "publish")
        store.save(session)
        publisher.publish(session, share_notes=True)
        processes = start_followers(Path(folder) / "publish", followers)
        try:
            time.sleep(3.0 if quick else 5.0)  # every follower started and read the meeting once
            alone: list[float] = []
            watched: list[float] = []
            step = 0
            for number in range(rounds * 2):
                with_followers = number % 2 == 1
                for process in processes:
                    process.send_signal(signal.SIGCONT if with_followers else signal.SIGSTOP)
                timings = timed_edits(store, publisher, session, edits // rounds, step)
                step += edits // rounds
                (watched if with_followers else alone).extend(timings)
            for process in processes:
                process.send_signal(signal.SIGCONT)
            time.sleep(2.0)  # the last change read by all; from here on nothing changes
            before = {p.pid: cpu_seconds(p.pid) for p in processes}
            began = time.perf_counter()
            time.sleep(idle_seconds)
            spent = time.perf_counter() - began
            shares = sorted((cpu_seconds(p.pid) - before[p.pid]) / spent * 100 for p in processes)
            alive = sum(p.poll() is None for p in processes)
        finally:
            for process in processes:
                process.send_signal(signal.SIGCONT)
                process.terminate()
            for process in processes:
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
            store.close()
    ratio = median(watched) / median(alone)
    return [
        Result("save + publish, no followers", median(alone), "ms", "", None, f"median of {len(alone)} edits"),
        Result(
            f"save + publish, {followers} followers",
            median(watched),
            "ms",
            "",
            None,
            f"median of {len(watched)} edits; {alive} followers running",
        ),
        Result(
            f"save + publish, {followers} / 0 followers",
            ratio,
            "x",
            f"<= {TARGET_RATIO:.2f}x",
            ratio <= TARGET_RATIO and alive == followers,
        ),
        Result(
            "idle follower CPU, median",
            median(shares),
            "%",
            f"< {TARGET_CPU:.0f}% of a core",
            None,
            f"{idle_seconds:.0f} s without changes, /proc utime+stime",
        ),
        Result(
            "idle follower CPU, busiest", shares[-1], "%", f"< {TARGET_CPU:.0f}% of a core", shares[-1] < TARGET_CPU
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--followers", type=int, default=30, help="follower processes (default 30)")
    parser.add_argument("--edits", type=int, help="edits timed in all (default 40; 16 with --quick)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.followers, args.edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
