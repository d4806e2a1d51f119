"""Time to persist one edit of a large session (60 items, 300 actions), against the disk's floor.

    python benchmarks/save.py [--saves N] [--quick]

Three stores are made in a temporary folder: of 10, 1,000 and 10,000 sessions (make_store; the
last takes a quarter of a minute), and the same large session is added to each. Then the session
is edited and saved through `Store.save`, in the stores in turn, `saves` times each:

- a note typed (the common edit: the session file changes, what Home lists does not);
- an action item closed (its open-action count changes, so the index is written too).

Every save is a real one: a temporary file, fsync, os.replace, fsync of the folder. The floor
is measured alongside, just before or just after each typed note (in turn), in the same folder
as the session's file: the same session's JSON written the same way
(sdtui.files.write_private) without sdtui's serialising, checking and index work; the disk's
share of every save. How fast fsync is changes a lot with what else the machine does, so a
typed note is judged as a ratio to the floor of the same run, and closing an action as a ratio
between the store sizes.

Targets (issue 13): a typed note in the large session saved in at most 2x the floor; closing an
action at 1,000 and at 10,000 sessions within 20% of closing it at 10.
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

SIZES = (10, 1_000, 10_000)
NOTE_TARGET = 2.0
"""A typed note saved in at most this many times the floor."""
TARGET_SPREAD = 0.20
"""Closing an action in a big store within this much of closing it in a store of 10."""


def run(quick: bool = False, saves: int | None = None) -> list[Result]:
    saves = saves or (15 if quick else 60)
    sizes = SIZES
    with tempfile.TemporaryDirectory(prefix="sdtui-save-") as folder:
        stores, sessions = {}, {}
        for n in sizes:
            make_store(n, Path(folder) / f"store-{n}")
            store = Store(Path(folder) / f"store-{n}")
            session = store.add(large_session(random.Random(7), actions=max(300, saves + 1)))
            store.acquire(session.id)  # as the app does when it opens the session
            stores[n], sessions[n] = store, session
        smallest = sizes[0]
        floor_ms: list[float] = []
        floor_text = (Path(folder) / f"store-{smallest}" / "s" / f"{sessions[smallest].id}.json").read_text(
            encoding="utf-8"
        )
        note_ms: dict[int, list[float]] = {n: [] for n in sizes}
        action_ms: dict[int, list[float]] = {n: [] for n in sizes}
        for i in range(saves):
            for n in sizes if i % 2 == 0 else sizes[::-1]:
                session, store = sessions[n], stores[n]
                note = session.agenda[i % len(session.agenda)].notes[0]
                note.text += " x"
                # The note and the floor take turns at coming first, right after the index
                # was written (the action before): neither always pays for the other's wake.
                for turn in (0, 1) if i % 2 else (1, 0):
                    started = time.perf_counter()
                    if turn == 0:
                        store.save(session)
                        note_ms[n].append((time.perf_counter() - started) * 1000)
                    else:
                        write_private(store.sessions_dir / "floor.json", floor_text)
                        floor_ms.append((time.perf_counter() - started) * 1000)

                action = session.actions[i]
                action.status = ActionStatus.DONE
                started = time.perf_counter()
                store.save(session)
                action_ms[n].append((time.perf_counter() - started) * 1000)
        for store in stores.values():
            store.close()
    floor = median(floor_ms)
    note = median([ms for n in sizes for ms in note_ms[n]])
    results = [
        Result(
            "save floor: atomic write of the same JSON",
            floor,
            "ms",
            "",
            None,
            f"{len(floor_text.encode()) // 1024} KiB, fsync + rename + fsync folder; median of {len(floor_ms)}",
        )
    ]
    for n in sizes:
        results.append(Result(f"save, note typed: {n:,} sessions", median(note_ms[n]), "ms", "", None))
    results.append(
        Result(
            "save, note typed / floor",
            note / floor,
            "x",
            f"<= {NOTE_TARGET:.1f}x",
            note / floor <= NOTE_TARGET,
            f"median of {saves * len(sizes)} saves: {note:.2f} ms against {floor:.2f} ms",
        )
    )
    small = median(action_ms[smallest])
    for n in sizes:
        results.append(Result(f"save, action closed: {n:,} sessions", median(action_ms[n]), "ms", "", None))
    for n in sizes[1:]:
        spread = median(action_ms[n]) / small
        results.append(
            Result(
                f"save, action closed: {n:,} / {smallest} sessions",
                spread,
                "x",
                f"<= {1 + TARGET_SPREAD:.2f}x",
                spread <= 1 + TARGET_SPREAD,
                f"median of {saves} saves each",
            )
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, help="saves per store and edit (default 60; 15 with --quick)")
    parser.add_argument("--quick", action="store_true", help="15 saves each")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.saves))
    return 0


if __name__ == "__main__":
    sys.exit(main())
