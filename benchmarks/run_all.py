"""Every sdtui benchmark in one run, with each ratio and whether it meets its target.

    python benchmarks/run_all.py            # the full run (about 17 minutes on 2 cores)
    python benchmarks/run_all.py --quick    # fewer runs: a rough picture in about 3 minutes
    python benchmarks/run_all.py --only save export
    python benchmarks/run_all.py --check    # exits 1 when a target is missed

Each benchmark measures its baseline in the same run, alternately with the case, and compares
medians: the machine may be busy with other work. docs/benchmarks.md has the results.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import clock_bytes  # noqa: E402
import editor_bytes  # noqa: E402
import export  # noqa: E402
import followers  # noqa: E402
import home_filter  # noqa: E402
import keystrokes  # noqa: E402
import rows_filter  # noqa: E402
import save  # noqa: E402
import ssh_typing  # noqa: E402
import startup  # noqa: E402
import views_filter  # noqa: E402
from common import print_results  # noqa: E402

BENCHMARKS = {
    "startup": lambda quick: startup.run(quick=quick),
    "save": save.run,
    "export": export.run,
    "typing": keystrokes.run,
    "filter": home_filter.run,
    "editor": editor_bytes.run,
    "rows": rows_filter.run,
    "clock": clock_bytes.run,
    "followers": followers.run,
    "views": views_filter.run,
    "ssh": ssh_typing.run,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and keys: a rough, faster picture")
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), help="run only these")
    parser.add_argument("--check", action="store_true", help="exit 1 when any target is missed")
    args = parser.parse_args(argv)
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores; {platform.machine()}; "
        f"python {platform.python_version()}; {'quick' if args.quick else 'full'} run",
        flush=True,
    )
    results = []
    for name in args.only or BENCHMARKS:
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        found = BENCHMARKS[name](args.quick)
        print_results(found)
        print(f"   ({time.perf_counter() - started:.0f} s)\n", flush=True)
        results += found
    print("== summary")
    print_results(results)
    missed = [r.name for r in results if r.ok is False]
    print(
        f"\n{sum(r.ok is True for r in results)} targets met, {len(missed)} missed"
        + (f": {'; '.join(missed)}" if missed else "")
    )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
