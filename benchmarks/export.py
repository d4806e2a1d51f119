"""Markdown minutes of the largest session (60 items, 300 actions): render, and render + write.

    python benchmarks/export.py [--times N] [--quick]

In-process: `minutes_text` (what `sdtui export` and Home's `e` render), and `export_minutes`
(render, then write the file atomically: temporary file, fsync, rename). For scale, the same
session rendered for the demo meeting, the size most meetings have, is timed alongside.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, median, print_results  # noqa: E402
from make_store import large_session  # noqa: E402

from sdtui.demo import build_demo  # noqa: E402
from sdtui.exporting import export_minutes, minutes_text  # noqa: E402

TARGET_MS = 50.0


def run(quick: bool = False, times: int | None = None) -> list[Result]:
    times = times or (10 if quick else 40)
    large = large_session(random.Random(7))
    demo = build_demo(language="nl")
    render_large: list[float] = []
    render_demo: list[float] = []
    export_large: list[float] = []
    with tempfile.TemporaryDirectory(prefix="sdtui-export-") as folder:
        for _ in range(times):
            for session, timings in ((large, render_large), (demo, render_demo)):
                started = time.perf_counter()
                minutes_text(session)
                timings.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            export_minutes(large, Path(folder))
            export_large.append((time.perf_counter() - started) * 1000)
    size = len(minutes_text(large).encode())
    return [
        Result(
            "export: render minutes, largest session",
            median(render_large),
            "ms",
            f"< {TARGET_MS:.0f} ms",
            median(render_large) < TARGET_MS,
            f"{size // 1024} KiB of Markdown",
        ),
        Result(
            "export: render + write file, largest session",
            median(export_large),
            "ms",
            f"< {TARGET_MS:.0f} ms",
            median(export_large) < TARGET_MS,
            "fsynced",
        ),
        Result("export: render minutes, demo meeting", median(render_demo), "ms", "", None),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
