"""The record a network stands behind, driven by keys at 80x24 in English and Dutch: approved
minutes on Home, amendments on Run's approve item, forgetting a person from Prepare's People,
secret rounds and counted hands on the board, arrivals and departures with the quorum, the
projected end with shorten, skip and move, and a review date in the decision form."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Static

from sdtui.i18n import set_language
from sdtui.model import ItemStatus, Movement, Position, RoundMode, Session
from sdtui.series import next_meeting
from sdtui.store import Store

from ..support.run import Clock, bar, meeting, open_run
from ..support.ui import FROZEN_NOW, SIZE, screen_text, table_rows

WORDS = {
    "en": {
        "approved": "approved",
        "hint": "g: amendments, approve",
        "forget": "Forget Zoë Hendriks everywhere?",
        "pseudonym": "Deelnemer 1",
        "count": "Mode (h): count",
        "hidden": "Mode (h): hidden",
        "quorum": "Quorum 2/3",
        "late": "Ends 15:55 > 15:30",
        "no_fit": "2 do not fit (s k m)",
    },
    "nl": {
        "approved": "vastgesteld",
        "hint": "g: wijzigingen, vaststellen",
        "forget": "Zoë Hendriks overal vergeten?",
        "pseudonym": "Deelnemer 1",
        "count": "Wijze (h): handen tellen",
        "hidden": "Wijze (h): geheim",
        "quorum": "Quorum 2/3",
        "late": "Einde 15:55 > 15:30",
        "no_fit": "2 passen niet (s k m)",
    },
}
LANGUAGES = pytest.mark.parametrize("language", ["en", "nl"])


def held(title: str = "Netwerkbijeenkomst juni", day: str = "2026-06-04") -> Session:
    session = meeting()
    session.title, session.date = title, date.fromisoformat(day)
    session.start(FROZEN_NOW - timedelta(days=14))
    session.close(FROZEN_NOW - timedelta(days=14) + timedelta(hours=1))
    return session


@LANGUAGES
async def test_home_shows_that_minutes_are_approved(make_app, store: Store, language: str) -> None:
    set_language(language)
    session = held()
    session.approve(FROZEN_NOW.date())
    store.add(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert table_rows(app, "sessions")[0][3] == WORDS[language]["approved"]


@LANGUAGES
async def test_amendments_and_approval_on_runs_approve_item(make_app, store: Store, language: str) -> None:
    set_language(language)
    earlier = store.add(held())
    following = next_meeting(earlier, FROZEN_NOW.date())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, following, pilot)
        await pilot.press("n")  # the meeting starts at its first item: approving the previous minutes
        await pilot.pause()
        assert WORDS[language]["hint"] in bar(app, "item-bar")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"Punt 3 aanvullen")
        await pilot.press("ctrl+o")  # only the amendment: the minutes are not approved yet
        await pilot.pause()
        after_one = store.load(earlier.id)
        assert [(a.text, a.by) for a in after_one.amendments] == [("Punt 3 aanvullen", "Zoë Hendriks")]
        assert after_one.approved_on is None
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("tab", "tab", "enter", "down", "enter")  # approve: yes
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        approved = store.load(earlier.id)
        assert approved.approved_on == FROZEN_NOW.date() and len(approved.amendments) == 1


@LANGUAGES
async def test_forget_from_prepares_people_lists_first_and_asks(make_app, store: Store, language: str) -> None:
    set_language(language)
    other = store.add(held("Bijeenkomst met Zoë Hendriks"))
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        store.add(session)
        await pilot.pause()
        app.open_session(session.id, "prepare")
        await pilot.pause()
        await pilot.press("f6", "f")  # Zoë is the first row
        await pilot.pause()
        shown = screen_text(app)
        assert WORDS[language]["forget"] in shown and "Bijeenkomst met Zoë Hendriks" in shown
        await pilot.press("n")
        await pilot.pause()
        assert store.load(other.id).participants[0].name == "Zoë Hendriks"
        await pilot.press("f", "y")
        await pilot.pause()
        pseudonym = WORDS[language]["pseudonym"]
        assert app.session.participants[0].name == pseudonym
        assert store.load(session.id).participants[0].name == pseudonym
        assert store.load(other.id).title == f"Bijeenkomst met {pseudonym}"
        assert table_rows(app, "participants-table")[0][0] == pseudonym
        await pilot.press("ctrl+z")  # undo starts afresh after forgetting: nothing brings the name back
        await pilot.pause()
        assert store.load(session.id).participants[0].name == pseudonym


@LANGUAGES
async def test_the_board_hides_names_and_takes_counted_hands(make_app, store: Store, language: str) -> None:
    set_language(language)
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("n", "n", "f6", "r")  # started, on the round's item, Zoë: restore
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert WORDS[language]["hidden"] in str(app.screen.query_one("#round-text", Static).content)
        assert table_rows(app, "positions")[0][1] == "•"
        round_ = store.load(session.id).rounds[0]
        assert round_.mode is RoundMode.HIDDEN and round_.positions
        await pilot.press("h", "c")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"7", "tab", "ctrl+a", "ctrl+k", *"12", "ctrl+o")
        await pilot.pause()
        round_ = store.load(session.id).rounds[0]
        assert round_.mode is RoundMode.COUNT
        assert round_.counts == {Position.RESTORE: 7, Position.RENOVATE: 12, Position.UNDECIDED: 0}
        assert WORDS[language]["count"] in str(app.screen.query_one("#round-text", Static).content)
        assert table_rows(app, "positions") == []


@LANGUAGES
async def test_departures_are_timed_and_the_quorum_shows_on_the_clock_line(
    make_app, store: Store, language: str
) -> None:
    set_language(language)
    session = meeting()
    session.set_quorum(3)
    clock = Clock()
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("n")  # the notes list has focus: letters are keys
        await pilot.pause()
        assert "Quorum 3/3" in bar(app, "clock-bar")
        clock.advance(minutes=12)
        await pilot.press("i")  # Zoë is picked first
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        stored = store.load(session.id)
        assert [(a.movement, a.at) for a in stored.arrivals] == [(Movement.LEFT, clock.now)]
        assert WORDS[language]["quorum"] in bar(app, "clock-bar")
        await pilot.press("i", "ctrl+o")  # and she comes back
        await pilot.pause()
        assert store.load(session.id).arrivals[-1].movement is Movement.ARRIVED


@LANGUAGES
async def test_the_projected_end_and_moving_and_skipping_items(make_app, store: Store, language: str) -> None:
    set_language(language)
    session = meeting()  # 14:00-15:30, items of 5, 30 and 15 minutes
    clock = Clock(FROZEN_NOW.replace(hour=14, minute=0))
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert "15:" not in bar(app, "clock-bar")  # on time: no projection
        clock.advance(minutes=70)  # the opening runs 70 minutes
        await pilot.pause(1.2)
        line = bar(app, "clock-bar")
        assert WORDS[language]["late"] in line and WORDS[language]["no_fit"] in line
        await pilot.press("s", "ctrl+o")  # the first item that does not fit is picked already
        await pilot.pause()
        assert store.load(session.id).agenda[1].timebox == 25
        await pilot.press("m", "ctrl+o")
        await pilot.pause()
        await pilot.press("k")  # Signalen fits now; the item in view is offered first, Signalen is next
        await pilot.pause()
        await pilot.press("enter", "down", "enter", "ctrl+o")
        await pilot.pause()
        stored = store.load(session.id)
        assert [i.status for i in stored.agenda[1:]] == [ItemStatus.MOVED, ItemStatus.SKIPPED]
        assert "Housing first" in [i.title for i in next_meeting(stored, FROZEN_NOW.date()).agenda]


async def test_a_review_date_in_the_decision_form(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("f8", "a")
        await pilot.pause()
        await pilot.press(*"Housing first blijft", "tab", "tab", *"2027-01-15", "enter")
        await pilot.pause()
        assert store.load(session.id).decisions[0].review_on == date(2027, 1, 15)
        await pilot.press("e", "tab", "tab", "ctrl+a", "ctrl+k", *"later", "enter")
        await pilot.pause()
        assert "YYYY-MM-DD" in screen_text(app)  # refused: the form stays open with the message
        assert store.load(session.id).decisions[0].review_on == date(2027, 1, 15)


@LANGUAGES
async def test_a_quorum_above_the_members_is_refused_on_prepare(make_app, store: Store, language: str) -> None:
    set_language(language)
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        store.add(session)
        await pilot.pause()
        app.open_session(session.id, "prepare")
        await pilot.pause()
        await pilot.press("o", "ctrl+a", "ctrl+k", "9", "enter")
        await pilot.pause()
        assert ("more than the 3 members" if language == "en" else "meer dan de 3 leden") in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k", "2", "enter")
        await pilot.pause()
        assert store.load(session.id).quorum == 2
