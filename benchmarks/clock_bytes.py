"""Bytes a second written to the terminal by a clock while nobody types: Static against Ticker.

    python benchmarks/clock_bytes.py [--seconds N] [--rounds N] [--quick]

Both apps (benchmarks/widget_apps.py clock / ticker) show Run's clock bar, "Item 12:05 of
25:00   Meeting 52 of 120 min" made by sdtui's own `clock()`, rewritten every second, in a
real 80x24 pty. After start-up, the bytes of each one-second window are counted; the number is
the median second. The apps run alternately.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, Terminal, median, print_results, python  # noqa: E402

TARGET = 40
APPS = str(HERE / "widget_apps.py")


def per_second(kind: str, seconds: int) -> list[int]:
    terminal = Terminal([python(), APPS, kind])
    try:
        terminal.read_until_quiet(0.5, timeout=60)  # never quiet for long: the clock ticks
        terminal.count_for(1.5)
        return [terminal.count_for(1.0) for _ in range(seconds)]
    finally:
        terminal.close()


def run(quick: bool = False, seconds: int | None = None, rounds: int | None = None) -> list[Result]:
    seconds = seconds or (4 if quick else 10)
    rounds = rounds or (1 if quick else 2)
    counts: dict[str, list[int]] = {"clock": [], "ticker": []}
    for round_ in range(rounds):
        for kind in ["clock", "ticker"] if round_ % 2 == 0 else ["ticker", "clock"]:
            counts[kind] += per_second(kind, seconds)
    bare, ours = median(counts["clock"]), median(counts["ticker"])
    return [
        Result("idle clock: Static rewritten, per second", bare, "B/s", "", None),
        Result(
            "idle clock: Ticker, per second",
            ours,
            "B/s",
            f"<= {TARGET} B/s",
            ours <= TARGET,
            f"median of {len(counts['ticker'])} seconds",
        ),
        Result("idle clock: Ticker / Static", ours / bare, "x", "", None),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int)
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.seconds, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
