"""The live view a participant follows (`sdtui follow`) and the participants' menu, driven with Pilot."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

from sdtui.follow import Follower
from sdtui.publish import Publisher
from sdtui.tui.follow import FollowApp, Part, ParticipantMenu

from ..support.hostile_text import HOSTILE
from ..support.live import SECRET, STARTED, running_meeting
from ..support.ui import SIZE, screen_text

AT = (STARTED + timedelta(minutes=32, seconds=5)).timestamp()
"""The follower's clock in most tests: 12:05 into the third item."""


def follow_app(folder: Path, **follower: float) -> FollowApp:
    app = FollowApp(Follower(folder, **follower), wall=lambda: AT, poll_seconds=0.1)
    app.animation_level = "none"
    return app


async def test_view_shows_item_agenda_clocks_board_and_record(tmp_path: Path) -> None:
    session = running_meeting()
    session.add_decision("Housing first wordt het uitgangspunt")
    session.add_action("Notitie schrijven", "Ruud", "2026-07-16")
    Publisher(tmp_path).publish(session)
    app = follow_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
    assert "● LIVE Netwerkbijeenkomst juni — Wmo-netwerk — 2026-06-18" in text
    assert "Item 3/8: Housing first (Ruud Verhoeven)" in text
    assert "Item 12:05 of 15:00  Meeting 32 of 120 min  ends 16:30" in text
    assert "✓ 1. Opening (done)" in text and "▶ 3. Housing first (now)" in text and "→ 4. Signalenronde (next)" in text
    assert "Opvang van daklozen" in text and "Oude regels zijn bekend" in text
    assert "Restore 1 · Renovate 1 · Undecided 1" in text
    assert "1. Housing first wordt het uitgangspunt" in text
    assert "• Notitie schrijven (Ruud Verhoeven, due 2026-07-16)" in text
    assert SECRET not in text and "Tilburg deelt de aanpak" not in text  # notes not shared


async def test_changes_appear_within_a_second(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session)
    app = follow_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for change, expected in (
            (lambda: session.add_decision("Besluit over opvang"), "1. Besluit over opvang"),
            (lambda: session.go_to(3, STARTED + timedelta(minutes=30)), "Item 4/8: Signalenronde"),
            (lambda: session.add_action("Signalen bundelen", "Ingrid"), "Signalen bundelen (Ingrid Mulder)"),
        ):
            change()
            publisher.publish(session)
            published = time.monotonic()
            while expected not in screen_text(app):
                assert time.monotonic() - published < 1.0, screen_text(app)
                await pilot.pause(0.05)


async def test_a_follower_started_before_the_meeting_waits_then_shows_it(tmp_path: Path) -> None:
    app = follow_app(tmp_path / "publish")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Waiting for a meeting to go live" in screen_text(app)
        Publisher(tmp_path / "publish").publish(running_meeting())
        await pilot.pause(0.4)
        assert "Item 3/8: Housing first (Ruud Verhoeven)" in screen_text(app)


async def test_hostile_text_shows_as_typed(tmp_path: Path) -> None:
    session = running_meeting()
    for number, text in enumerate(HOSTILE):
        if text.strip():
            session.add_decision(text)
            session.add_argument(session.rounds[0].id, "restore", text)
        session.add_participant(f"{text[:150]} {number}" if text.strip() else f"leeg {number}")
    session.agenda[2].title = "[bold]Housing[/] \x1b[31mfirst"
    Publisher(tmp_path).publish(session, share_notes=True)
    app = follow_app(tmp_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Housing[/] [31mfirst" in text  # markup shown, the escape character gone
        assert "\x1b" not in text
        await pilot.press("end")
        assert app.is_running


async def test_a_torn_file_is_reported_and_the_last_state_stays(tmp_path: Path) -> None:
    session = running_meeting()
    Publisher(tmp_path).publish(session)
    app = follow_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (tmp_path / "live" / f"{session.id}.json").write_text('{"kind": "sdtui-live", "sch')
        await pilot.pause(0.4)
        text = screen_text(app)
        assert "is not complete JSON" in text
        assert "Item 3/8: Housing first (Ruud Verhoeven)" in text


async def test_a_facilitator_gone_quiet_shows_no_longer_updated(tmp_path: Path) -> None:
    session = running_meeting()
    Publisher(tmp_path).publish(session)
    for path in (tmp_path / "live").iterdir():
        os.utime(path, (time.time() - 120, time.time() - 120))
    app = follow_app(tmp_path, stale_after=0.5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        assert "The meeting is no longer updated (last update at" in screen_text(app)
        Publisher(tmp_path).heartbeat()  # another publisher knows no live meeting: nothing happens
        for path in (tmp_path / "live").iterdir():
            os.utime(path)  # what a heartbeat does
        await pilot.pause(0.3)
        assert "● LIVE" in screen_text(app)


async def test_paused_publishing_hides_the_meeting(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session)
    app = follow_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        publisher.pause(session)
        await pilot.pause(0.4)
        text = screen_text(app)
        assert "Publishing paused" in text and "Opvang van daklozen" not in text


async def test_closed_meeting_offers_the_minutes(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session)
    app = follow_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert app.is_running  # nothing published yet: it says so and stays
        session.close(STARTED + timedelta(minutes=90))
        publisher.close(session)
        await pilot.pause(0.4)
        assert "The meeting is closed; the minutes appear here once they are exported." in screen_text(app)
        markdown, _html = publisher.publish_session_minutes(session)
        await pilot.pause(0.4)
        assert "The meeting is closed. m: read the minutes." in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
    assert app.return_value == markdown


async def test_the_clock_ticks_alone(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Once a second only the clock line is redrawn: an idle follower costs the terminal little."""
    Publisher(tmp_path).publish(running_meeting())
    now = [AT]
    app = FollowApp(Follower(tmp_path), wall=lambda: now[0], poll_seconds=0.1)
    updated: list[str] = []
    real_update = Part.update

    def spy(self: Part, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        updated.append(self.id or "")
        real_update(self, *args, **kwargs)

    monkeypatch.setattr(Part, "update", spy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        updated.clear()
        now[0] += 2
        await pilot.pause(1.3)
        assert set(updated) == {"follow-clock"}
        assert "Item 12:07 of 15:00" in screen_text(app)


async def test_help_lists_the_follow_keys(tmp_path: Path) -> None:
    app = follow_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert "Read the published minutes" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_value is None


async def test_participant_menu_offers_follow_and_minutes_only() -> None:
    for keys, chosen in ((["enter"], "follow"), (["down", "enter"], "minutes"), (["q"], None)):
        app = ParticipantMenu()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "1. Follow the live meeting" in text and "2. Read the published minutes" in text
            await pilot.press(*keys)
            await pilot.pause()
        assert app.return_value == chosen


async def test_participant_menu_has_no_command_palette() -> None:
    app = ParticipantMenu()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert "Search for commands" not in screen_text(app)
        assert type(app.screen).__name__ == "ParticipantScreen"
