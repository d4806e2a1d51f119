"""Bytes written to the terminal per key typed into a note, against a bare TextArea.

    python benchmarks/keystrokes.py [--keys N] [--rounds N]

Both apps run in a real 80x24 pty (benchmarks/keystroke_apps.py). After the screen is quiet,
each key is sent alone and the bytes the app writes until it is quiet again (QUIET) are
counted; the median over all keys is the number (a clock tick that lands in a key's window
inflates that one key, not the median). The Run screen's clock is measured apart: the bytes
written per second while nobody types (the median of one-second windows). The two apps are run
alternately, `rounds` times each.

In sdtui the keys go into a new note on a running meeting (the first key creates the note
and is not counted), so the first line of the note changes with every key: the worst case
for the list of notes above the editor.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import Result, Terminal, median, print_results, python  # noqa: E402

QUIET = 0.15
TEXT = b"Afgesproken: de regio verzamelt de cijfers over wachtlijsten voor de volgende keer"
TARGET = 1.2
MAX_BYTES = 300
"""Bytes a key at most at 80x24 (issue 13): about 100 ms a key on a 256 kbit/s line is too slow."""
MAX_CLOCK = 40
"""Bytes a second at most for the idle clock (issue 13)."""


def make_store(folder: Path) -> str:
    """A store with a copy of the demo meeting, started now (its clocks run); returns its id."""
    from sdtui.demo import build_demo
    from sdtui.store import Store

    with Store(folder) as store:
        session = build_demo(language="nl").duplicate()
        session.start(datetime.now())
        return store.add(session).id


def type_into(argv: list[str], keys: bytes, first: bytes = b"") -> list[int]:
    terminal = Terminal(argv)
    try:
        terminal.read_until_quiet(0.5, timeout=60)
        if first:
            terminal.send(first)
            terminal.read_until_quiet(0.5)
        counts = []
        for key in keys:
            terminal.send(bytes([key]))
            received, _ = terminal.read_until_quiet(QUIET, timeout=5)
            if not received:  # nothing drawn is a key the app missed, not a cheap one
                raise RuntimeError(f"{argv[-1]}: nothing drawn for the key {bytes([key])!r}")
            counts.append(received)
        return counts
    finally:
        terminal.close()


def clock_rate(argv: list[str], seconds: int) -> float:
    """Bytes per second on Run while nobody types: the median of `seconds` one-second windows."""
    terminal = Terminal(argv)
    try:
        terminal.read_until_quiet(0.5, timeout=60)
        terminal.send(b"x")  # a note, as while typing; then nothing for a while
        terminal.count_for(1.5)  # the note drawn and saved; the clock ticks on, so it never goes quiet
        return median([terminal.count_for(1.0) for _ in range(seconds)])
    finally:
        terminal.close()


def run(quick: bool = False, keys: int | None = None, rounds: int | None = None) -> list[Result]:
    keys = keys or (25 if quick else 60)
    rounds = rounds or (1 if quick else 3)
    text = (TEXT * 3)[:keys]
    with tempfile.TemporaryDirectory(prefix="sdtui-typing-") as folder:

        def sdtui(run: int) -> list[str]:
            # A fresh store each time: with a note already there, Run would open on the list of
            # notes, where the letters are keys (x removes a note) instead of text.
            store = Path(folder) / f"store-{run}"
            return [python(), str(HERE / "keystroke_apps.py"), "sdtui", str(store), make_store(store)]

        bare_app = [python(), str(HERE / "keystroke_apps.py"), "bare"]
        counts: dict[str, list[int]] = {"bare": [], "sdtui": []}
        for round_ in range(rounds):
            order = ["bare", "sdtui"] if round_ % 2 == 0 else ["sdtui", "bare"]
            for name in order:
                counts[name] += type_into(bare_app if name == "bare" else sdtui(round_), text, first=b"V")
        clock = clock_rate(sdtui(rounds), 4 if quick else 10)
    bare, ours = median(counts["bare"]), median(counts["sdtui"])
    ratio = ours / bare
    return [
        Result("typing: bytes per key, bare TextArea", bare, "B", "", None),
        Result("typing: bytes per key, sdtui Run note", ours, "B", f"<= {MAX_BYTES} B", ours <= MAX_BYTES),
        Result(
            "typing: sdtui / bare TextArea",
            ratio,
            "x",
            f"<= {TARGET}x",
            ratio <= TARGET,
            f"{len(counts['sdtui'])} keys, median",
        ),
        Result(
            "typing: Run clock while idle",
            clock,
            "B/s",
            f"<= {MAX_CLOCK} B/s",
            clock <= MAX_CLOCK,
            "measured apart, median second",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keys", type=int, help="keys typed per run")
    parser.add_argument("--rounds", type=int, help="runs of each app")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.keys, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
