"""Filter as you type on Home with 1,000 and 10,000 sessions: the time from a key to a settled screen.

    python benchmarks/home_filter.py [--rounds N] [--quick] [--sessions 1000 10000]

sdtui runs in a real 80x24 pty on stores of 1,000 and 10,000 sessions (benchmarks/.stores),
alternately, so the two sizes are compared in the same run ("the same at both sizes"). Once Home
is quiet, `/` focuses the filter and a query is typed a key at a time, then erased with
Backspace; each key is timed from the moment it is written to the terminal until the last
byte of the app's answer (the app then stays quiet for QUIET seconds, not counted). Two
baselines type the same keys, alternately with sdtui:

- a bare Textual app holding one Input: what any Textual app needs to answer a key here;
- a bare Textual app filtering a DataTable of the same sessions (benchmarks/bare_filter_app.py),
  refilled with the first PAGE matches on every key: the floor for a DataTable that follows
  the filter, without sdtui's store, model or folding of accents.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, Terminal, median, print_results, python  # noqa: E402
from startup import store_for  # noqa: E402

try:
    from sdtui.tui.screens.home import PAGE  # noqa: E402
except ImportError:  # sdtui from before Home listed a page at a time (to measure it as it was)
    PAGE = 60

QUERIES = (b"wmo 2021", b"zuid", b"themabijeenkomst maart", b"gesloten")
QUIET = 0.15
TARGET_MS = 50.0
TARGET_RATIO = 2.5
"""Home's filter at most this many times a bare Input's time per key (issue 13), at 1,000 and 10,000."""
TARGET_SAME = 1.2
"""'The same at both sizes': 10,000 sessions at most this many times 1,000 per key."""
SIZES = (1_000, 10_000)
BARE = """
from textual.app import App
from textual.widgets import Input
class Bare(App):
    def compose(self):
        yield Input()
Bare().run()
"""


def timed_keys(argv: list[str], first: bytes, query: bytes) -> list[float]:
    terminal = Terminal(argv)
    try:
        terminal.read_until_quiet(0.5, timeout=60)
        if first:
            terminal.send(first)
            terminal.read_until_quiet(0.3)
        timings = []
        for key in [*(bytes([c]) for c in query), *([b"\x7f"] * len(query))]:
            terminal.send(key)
            _, last = terminal.read_until_quiet(QUIET, timeout=10)
            if last is None:  # no answer is not a fast answer
                raise RuntimeError(f"{argv[-1]}: no answer to the key {key!r}")
            timings.append(last * 1000)
        return timings
    finally:
        terminal.close()


def run(quick: bool = False, rounds: int | None = None, sizes: tuple[int, ...] = SIZES) -> list[Result]:
    rounds = rounds or (1 if quick else 2)
    cases = {f"home {n}": ([python(), "-m", "sdtui", "--store", str(store_for(n))], b"/") for n in sizes}
    cases["bare"] = ([python(), "-c", BARE], b"")
    table_store = store_for(sizes[0])
    cases["table"] = ([python(), str(HERE / "bare_filter_app.py"), str(table_store / "index.json"), str(PAGE)], b"")
    timings: dict[str, list[float]] = {name: [] for name in cases}
    for round_ in range(rounds):
        for query in QUERIES[: 2 if quick else None]:
            for name in cases if round_ % 2 == 0 else list(cases)[::-1]:
                argv, first = cases[name]
                timings[name] += timed_keys(argv, first, query)
    bare, table = median(timings["bare"]), median(timings["table"])
    results = [Result("filter: bare Input, ms per key", bare, "ms", "", None)]
    for n in sizes:
        home = median(timings[f"home {n}"])
        results += [
            Result(
                f"filter on Home, {n:,} sessions: ms per key",
                home,
                "ms",
                f"< {TARGET_MS:.0f} ms",
                home < TARGET_MS,
                f"median of {len(timings[f'home {n}'])} keys; slowest {max(timings[f'home {n}']):.0f} ms",
            ),
            Result(
                f"filter on Home, {n:,} sessions / bare Input",
                home / bare,
                "x",
                f"<= {TARGET_RATIO}x",
                home / bare <= TARGET_RATIO,
            ),
        ]
    if len(sizes) > 1:
        small, large = median(timings[f"home {sizes[0]}"]), median(timings[f"home {sizes[-1]}"])
        results.append(
            Result(
                f"filter on Home, {sizes[-1]:,} / {sizes[0]:,} sessions",
                large / small,
                "x",
                f"<= {TARGET_SAME}x",
                large / small <= TARGET_SAME,
                "the same at both sizes",
            )
        )
    results.append(
        Result(
            f"filter: bare DataTable refilled ({PAGE} rows), {sizes[0]:,} sessions, ms per key",
            table,
            "ms",
            "",
            None,
            f"sdtui / this: {median(timings[f'home {sizes[0]}']) / table:.2f}x",
        )
    )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--sessions", type=int, nargs="+", default=list(SIZES), choices=(0, 1_000, 10_000))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.rounds, tuple(args.sessions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
