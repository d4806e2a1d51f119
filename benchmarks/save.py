"""Time to persist one edit of a large session (60 items, 300 actions) in a small and a big store.

    python benchmarks/save.py [--saves N] [--quick]

Two stores are made in a temporary folder: one of 10 sessions, one of 1,000 (make_store),
and the same large session is added to each. Then the session is edited and saved through
`Store.save`, alternately in the one store and the other, `saves` times each:

- a note typed (the common edit: the session file changes, what Home lists does not);
- an action item closed (its open-action count changes, so the index is written too).

Every save is a real one: a temporary file, fsync, os.replace, fsync of the folder. The floor
is measured alongside: the same session's JSON written the same way (sdtui.files.write_private)
without sdtui's serialising, checking and index work; the disk's share of every save.
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
from make_store import large_session, make_store  # noqa: E402

from sdtui.files import write_private  # noqa: E402
from sdtui.model import ActionStatus  # noqa: E402
from sdtui.store import Store  # noqa: E402

SIZES = (10, 1_000)
TARGET_MS = 10.0
TARGET_SPREAD = 0.20


def run(quick: bool = False, saves: int | None = None) -> list[Result]:
    saves = saves or (15 if quick else 60)
    with tempfile.TemporaryDirectory(prefix="sdtui-save-") as folder:
        stores, sessions = {}, {}
        for n in SIZES:
            make_store(n, Path(folder) / f"store-{n}")
            store = Store(Path(folder) / f"store-{n}")
            session = store.add(large_session(random.Random(7)))
            store.acquire(session.id)  # as the app does when it opens the session
            stores[n], sessions[n] = store, session
        floor_ms: list[float] = []
        floor_text = (Path(folder) / "store-10" / "s" / f"{sessions[10].id}.json").read_text(encoding="utf-8")
        note_ms: dict[int, list[float]] = {n: [] for n in SIZES}
        action_ms: dict[int, list[float]] = {n: [] for n in SIZES}
        for i in range(saves):
            for n in SIZES if i % 2 == 0 else SIZES[::-1]:
                session, store = sessions[n], stores[n]
                note = session.agenda[i % len(session.agenda)].notes[0]
                note.text += " x"
                started = time.perf_counter()
                store.save(session)
                note_ms[n].append((time.perf_counter() - started) * 1000)

                action = session.actions[i]
                action.status = ActionStatus.DONE
                started = time.perf_counter()
                store.save(session)
                action_ms[n].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            write_private(Path(folder) / "floor.json", floor_text)
            floor_ms.append((time.perf_counter() - started) * 1000)
        for store in stores.values():
            store.close()
    results = [
        Result(
            "save floor: atomic write of the same JSON",
            median(floor_ms),
            "ms",
            "",
            None,
            f"{len(floor_text.encode()) // 1024} KiB, fsync + rename + fsync folder",
        )
    ]
    for label, timings in (("note typed", note_ms), ("action closed", action_ms)):
        small, big = median(timings[SIZES[0]]), median(timings[SIZES[1]])
        spread = big / small
        target_met = big < TARGET_MS and small < TARGET_MS
        results += [
            Result(
                f"save, {label}: 10 sessions",
                small,
                "ms",
                f"< {TARGET_MS:.0f} ms",
                target_met if label == "note typed" else None,
            ),
            Result(
                f"save, {label}: 1,000 sessions",
                big,
                "ms",
                f"< {TARGET_MS:.0f} ms",
                target_met if label == "note typed" else None,
            ),
            Result(
                f"save, {label}: 1,000 / 10 sessions",
                spread,
                "x",
                "0.83x to 1.20x" if label == "note typed" else "",
                1 / (1 + TARGET_SPREAD) <= spread <= 1 + TARGET_SPREAD if label == "note typed" else None,
                f"median of {saves} saves each",
            ),
        ]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, help="saves per store and edit (default 60; 15 with --quick)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.saves))
    return 0


if __name__ == "__main__":
    sys.exit(main())
