"""Search as you type (`s`) and the filter of the actions view (`a`): the time from a key to a settled screen.

    python benchmarks/views_filter.py [--rounds N] [--quick]

As benchmarks/home_filter.py, in a real 80x24 pty: sdtui opens on a store of 1,000 and one of
10,000 sessions (benchmarks/.stores), goes to the view (`s`, or `a` then `/`), and waits until
the view has read every session (the search index, the actions' worker). Then each query is
typed a key at a time and erased with Backspace; each key is timed from the moment it is written
until the last byte of the app's answer. A bare Textual app holding one Input types the same
keys in the same run, alternately with the views: what any Textual app needs to answer a key.

Targets (issue 13): at most 2.5x the bare Input per key, and "the same at both sizes": 10,000
sessions at most 1.2x 1,000, for each view.
"""

from __future__ import annotations

import argparse
import os
import select
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, Terminal, median, print_results, python  # noqa: E402
from home_filter import BARE, QUIET  # noqa: E402
from startup import store_for  # noqa: E402

SIZES = (1_000, 10_000)
QUERIES = {
    # words in the generated stores: a signal's text, an owner's first name, a network
    "search": (b"wachtlijst", b"marloes", b"twente zuid"),
    "actions": (b"marloes", b"twente", b"actie 12"),
}
READY = {
    # what the view writes once it has read every session (English: SDTUI_LANG=en)
    "search": b"sessions are searched",
    "actions": b"o: open/all",
}
OPEN = {"search": (b"s",), "actions": (b"a", b"/")}
"""The keys from Home to the view's words; the ones after the first once the view has read every session."""
TARGET_RATIO = 2.5
"""A view's filter at most this many times a bare Input's time per key (issue 13)."""
TARGET_SAME = 1.2
"""'The same at both sizes': 10,000 sessions at most this many times 1,000 per key."""
LOAD_TIMEOUT = 120.0


def read_until(terminal: Terminal, marker: bytes, timeout: float) -> None:
    """Read until `marker` was written (it may come in pieces of the output), then until quiet."""
    seen = b""
    deadline = time.perf_counter() + timeout
    while marker not in seen:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"{marker!r} not shown within {timeout} s")
        ready, _, _ = select.select([terminal.fd], [], [], left)
        if ready:
            data = os.read(terminal.fd, 65536)
            if not data:
                raise RuntimeError("the app exited")
            terminal.answer(data)
            seen = seen[-len(marker) :] + data
    terminal.read_until_quiet(0.5, timeout=30)


def typed(terminal: Terminal, queries: tuple[bytes, ...]) -> list[float]:
    """Type each query a key at a time and erase it: ms from each key to the last byte of its answer."""
    timings = []
    for query in queries:
        for key in [*(bytes([c]) for c in query), *([b"\x7f"] * len(query))]:
            terminal.send(key)
            _, last = terminal.read_until_quiet(QUIET, timeout=10)
            if last is None:  # no answer is not a fast answer
                raise RuntimeError(f"no answer to the key {key!r}")
            timings.append(last * 1000)
    return timings


def view_keys(view: str, sessions: int, queries: tuple[bytes, ...]) -> list[float]:
    store = store_for(sessions)
    terminal = Terminal([python(), "-m", "sdtui", "--store", str(store)], env={"SDTUI_LANG": "en"})
    try:
        terminal.read_until_quiet(0.5, timeout=60)
        opening, *then = OPEN[view]
        terminal.send(opening)
        read_until(terminal, READY[view], LOAD_TIMEOUT)
        for key in then:  # the actions view: / to the filter line once the list is there
            terminal.send(key)
            terminal.read_until_quiet(0.3)
        return typed(terminal, queries)
    finally:
        terminal.close()


def bare_keys(queries: tuple[bytes, ...]) -> list[float]:
    terminal = Terminal([python(), "-c", BARE])
    try:
        terminal.read_until_quiet(0.5, timeout=60)
        return typed(terminal, queries)
    finally:
        terminal.close()


def run(quick: bool = False, rounds: int | None = None, sizes: tuple[int, ...] = SIZES) -> list[Result]:
    rounds = rounds or (1 if quick else 2)
    count = 2 if quick else None
    cases = [(view, n) for view in QUERIES for n in sizes]
    timings: dict[tuple[str, int] | str, list[float]] = {case: [] for case in cases}
    timings["bare"] = []
    for round_ in range(rounds):
        order: list[tuple[str, int] | str] = [*cases[:2], "bare", *cases[2:]]
        for case in order if round_ % 2 == 0 else order[::-1]:
            if case == "bare":
                for view in QUERIES:
                    timings["bare"] += bare_keys(QUERIES[view][:count])
            else:
                view, n = case
                timings[case] += view_keys(view, n, QUERIES[view][:count])
    bare = median(timings["bare"])
    names = {"search": "search (s)", "actions": "actions view filter"}
    results = [Result("views: bare Input, ms per key", bare, "ms", "", None, f"median of {len(timings['bare'])} keys")]
    for view in QUERIES:
        per_size = {}
        for n in sizes:
            keys = timings[(view, n)]
            ms = per_size[n] = median(keys)
            results.append(
                Result(
                    f"{names[view]}, {n:,} sessions: ms per key",
                    ms,
                    "ms",
                    "",
                    None,
                    f"median of {len(keys)} keys; slowest {max(keys):.0f} ms",
                )
            )
            results.append(
                Result(
                    f"{names[view]}, {n:,} / bare Input",
                    ms / bare,
                    "x",
                    f"<= {TARGET_RATIO}x",
                    ms / bare <= TARGET_RATIO,
                )
            )
        if len(sizes) > 1:
            small, large = per_size[sizes[0]], per_size[sizes[-1]]
            results.append(
                Result(
                    f"{names[view]}, {sizes[-1]:,} / {sizes[0]:,} sessions",
                    large / small,
                    "x",
                    f"<= {TARGET_SAME}x",
                    large / small <= TARGET_SAME,
                )
            )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sessions", type=int, nargs="+", default=list(SIZES), choices=(0, 1_000, 10_000))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print_results(run(args.quick, args.rounds, tuple(args.sessions)))
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
