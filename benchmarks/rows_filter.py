"""Filter as you type with RowList at 1,000 and 10,000 rows, against a bare Input.

    python benchmarks/rows_filter.py [--rounds N] [--quick]

`widget_apps.py rows N`: a LineInput above a RowList of N made-up sessions (date, title,
network, status, open actions), filtered on every key, in a real 80x24 pty. The queries of
home_filter.py are typed a key at a time and erased with Backspace; each key is timed from its
write to the terminal to the last byte of the answer (then QUIET seconds without output, not
counted), and its bytes are counted. The baseline is a bare Textual app with one Input (what
any Textual app needs to answer a key). The apps run alternately, the order reversed every
other round.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, Terminal, median, print_results, python  # noqa: E402
from home_filter import BARE, QUERIES  # noqa: E402

QUIET = 0.15
TARGET = 2.5
SAME = 1.2
"""10,000 rows against 1,000: "the same" is within 20%."""
APPS = str(HERE / "widget_apps.py")


def typed(argv: list[str], query: bytes) -> list[tuple[float, int]]:
    """(ms, bytes) for each key of `query` typed and then erased."""
    terminal = Terminal(argv)
    try:
        terminal.read_until_quiet(0.5, timeout=60)
        answers = []
        for key in [*(bytes([c]) for c in query), *([b"\x7f"] * len(query))]:
            terminal.send(key)
            received, last = terminal.read_until_quiet(QUIET, timeout=10)
            if last is None:  # no answer is not a fast answer
                raise RuntimeError(f"{argv[-1]}: no answer to the key {key!r}")
            answers.append((last * 1000, received))
        return answers
    finally:
        terminal.close()


def run(quick: bool = False, rounds: int | None = None) -> list[Result]:
    rounds = rounds or (1 if quick else 2)
    cases = {
        "bare": [python(), "-c", BARE],
        "1,000": [python(), APPS, "rows", "1000"],
        "10,000": [python(), APPS, "rows", "10000"],
    }
    answers: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
    for round_ in range(rounds):
        for query in QUERIES[: 2 if quick else None]:
            for name in cases if round_ % 2 == 0 else list(cases)[::-1]:
                answers[name] += typed(cases[name], query)
    ms = {name: median([a[0] for a in found]) for name, found in answers.items()}
    size = {name: median([a[1] for a in found]) for name, found in answers.items()}
    results = [Result("filter: bare Input, ms per key", ms["bare"], "ms", "", None, f"{size['bare']:.0f} B a key")]
    for name in ("1,000", "10,000"):
        ratio = ms[name] / ms["bare"]
        slowest = max(a[0] for a in answers[name])
        results += [
            Result(
                f"filter: RowList, {name} rows, ms per key",
                ms[name],
                "ms",
                "",
                None,
                f"median of {len(answers[name])} keys; slowest {slowest:.0f} ms; {size[name]:.0f} B a key",
            ),
            Result(f"filter: RowList, {name} rows / bare Input", ratio, "x", f"<= {TARGET}x", ratio <= TARGET),
        ]
    growth = ms["10,000"] / ms["1,000"]
    results.append(Result("filter: RowList, 10,000 / 1,000 rows", growth, "x", f"<= {SAME}x", growth <= SAME))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
