"""The facilitator's app publishes the running meeting for followers: on every change, switched
with one key on Run, marked in the header, and the exported minutes too."""

from __future__ import annotations

import json
from pathlib import Path

from sdtui.follow import parse_snapshot
from sdtui.model import ItemKind, Position, Role, RoundMode, Session, SessionStatus
from sdtui.publish import LivePublishing
from sdtui.store import Store
from sdtui.tui.app import SdtuiApp

from ..support.ui import FROZEN_NOW, SIZE, screen_text


def meeting() -> Session:
    session = Session(title="Netwerkbijeenkomst september", date="2026-09-17")
    session.add_participant("Zoë Hendriks", "gemeente Huizen", Role.CHAIR)
    session.add_participant("Jeroen Bakker", "gemeente Assen")
    item = session.add_item("Housing first", kind=ItemKind.ROUND, timebox=30)
    session.add_round("Housing first: blijven we het doen?", item_id=item.id)
    session.start(FROZEN_NOW)
    return session


def live_app(store: Store, folder: Path) -> SdtuiApp:
    app = SdtuiApp(
        store,
        clock=lambda: FROZEN_NOW,
        cursor_blink=False,
        live=LivePublishing(
            folder, hide_names=lambda round_: round_.mode is not RoundMode.NAMED, clock=lambda: FROZEN_NOW
        ),
    )
    app.animation_level = "none"
    return app


def published(folder: Path, session: Session) -> dict:
    return parse_snapshot((folder / "live" / f"{session.id}.json").read_bytes())


async def test_a_running_meeting_is_published_from_the_start_and_on_every_change(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "publish"
    session = store.add(meeting())
    app = live_app(store, folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_session(session.id, "run")
        await pilot.pause()
        assert published(folder, session)["state"] == "live"
        assert "● LIVE" in screen_text(app)  # the header says followers see it
        await pilot.press("f6", "v")  # Zoë: renovate
        await pilot.pause()
        board = published(folder, session)["board"][0]
        assert board["tally"] == {"restore": 0, "renovate": 1, "undecided": 1}
        assert {"name": "Zoë Hendriks", "position": Position.RENOVATE.value} in board["positions"]
        await pilot.press("l")  # publishing off: followers see the meeting paused
        await pilot.pause()
        assert published(folder, session)["state"] == "paused"
        assert "● LIVE" not in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert published(folder, session)["state"] == "paused"  # a change while off is not published
        await pilot.press("l")
        await pilot.pause()
        snapshot = published(folder, session)
        assert snapshot["state"] == "live" and snapshot["board"][0]["tally"]["restore"] == 1


async def test_a_round_that_hides_names_is_published_as_a_tally_only(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "publish"
    session = meeting()
    session.rounds[0].mode = RoundMode.HIDDEN
    store.add(session)
    app = live_app(store, folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_session(session.id, "run")
        await pilot.pause()
        await pilot.press("f6", "v", "r")
        await pilot.pause()
        board = published(folder, session)["board"][0]
        assert board["tally"] == {"restore": 1, "renovate": 1, "undecided": 0}
        assert not board.get("positions")
        assert "Zoë" not in json.dumps(board, ensure_ascii=False)


async def test_the_exported_minutes_are_published_for_participants_to_read(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "publish"
    session = meeting()
    session.close(FROZEN_NOW)
    store.add(session)
    app = live_app(store, folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_session(session.id, "close")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    names = sorted(path.suffix for path in (folder / "minutes").iterdir())
    assert names == [".html", ".md"]
    [markdown] = (folder / "minutes").glob("*.md")
    assert markdown.read_text(encoding="utf-8").startswith("# Netwerkbijeenkomst september")
    assert session.status is SessionStatus.CLOSED


async def test_without_a_publish_folder_the_key_says_how_to_publish(make_app, store: Store) -> None:
    session = store.add(meeting())
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.open_session(session.id, "run")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert "No publish folder" in screen_text(app)
