"""Bytes written to the terminal per key: sdtui's light editor and field against Textual's own.

    python benchmarks/editor_bytes.py [--keys N] [--rounds N] [--quick]

Each app (benchmarks/widget_apps.py) runs in a real 80x24 pty, as over SSH. Once it is quiet,
each key is sent alone and the bytes the app writes until it is quiet again are counted
(keystrokes.type_into); the median over all keys is the number. Cases and baselines run
alternately, the order reversed every other round:

- a note of one line and one of 15 lines, the cursor at its end, in a bare TextArea and in
  NoteEditor, both where Run's note editor sits (rows 7 to 23);
- a form's text field: a bare Input and LineInput, full width at the top.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, median, print_results, python  # noqa: E402
from keystrokes import TEXT, type_into  # noqa: E402

NOTE_TARGET, NOTE_STRETCH, FIELD_TARGET = 300, 130, 250
APPS = str(HERE / "widget_apps.py")


def run(quick: bool = False, keys: int | None = None, rounds: int | None = None) -> list[Result]:
    keys = keys or (25 if quick else 60)
    rounds = rounds or (1 if quick else 3)
    text = (TEXT * 3)[:keys]
    cases = {
        "textarea 1": [python(), APPS, "textarea", "1"],
        "editor 1": [python(), APPS, "editor", "1"],
        "textarea 15": [python(), APPS, "textarea", "15"],
        "editor 15": [python(), APPS, "editor", "15"],
        "input": [python(), APPS, "input"],
        "line": [python(), APPS, "line"],
    }
    counts: dict[str, list[int]] = {name: [] for name in cases}
    for round_ in range(rounds):
        for name in cases if round_ % 2 == 0 else list(cases)[::-1]:
            counts[name] += type_into(cases[name], text)
    bytes_ = {name: median(values) for name, values in counts.items()}
    results = []
    for lines in (1, 15):
        bare, ours = bytes_[f"textarea {lines}"], bytes_[f"editor {lines}"]
        note = f"{len(counts[f'editor {lines}'])} keys; stretch {NOTE_STRETCH} B: " + (
            "met" if ours <= NOTE_STRETCH else "not met"
        )
        results += [
            Result(f"note of {lines} line{'s' if lines > 1 else ''}: bare TextArea, per key", bare, "B", "", None),
            Result(
                f"note of {lines} line{'s' if lines > 1 else ''}: NoteEditor, per key",
                ours,
                "B",
                f"<= {NOTE_TARGET} B",
                ours <= NOTE_TARGET,
                note,
            ),
            Result(
                f"note of {lines} line{'s' if lines > 1 else ''}: NoteEditor / TextArea", ours / bare, "x", "", None
            ),
        ]
    bare, ours = bytes_["input"], bytes_["line"]
    results += [
        Result("form field: bare Input, per key", bare, "B", "", None),
        Result(
            "form field: LineInput, per key",
            ours,
            "B",
            f"<= {FIELD_TARGET} B",
            ours <= FIELD_TARGET,
            f"{len(counts['line'])} keys",
        ),
        Result("form field: LineInput / Input", ours / bare, "x", "", None),
    ]
    return results


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
