"""Prepare, driven by keys: details, participants, the agenda, and topics from the prompt library."""

from __future__ import annotations

from datetime import date, time

from textual.widgets import DataTable, Static

from sdtui.model import Attendance, Role
from sdtui.prompts import PROMPTS
from sdtui.store import Store

from ..support.prepare import open_prepare, small_session
from ..support.ui import SIZE, screen_text, table_rows


async def test_details_form_refuses_an_impossible_date_and_saves_a_good_one(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", *"2026-09-31", "enter")
        await pilot.pause()
        assert "date" in str(app.screen.query_one("#form-error", Static).content).lower()
        assert store.load(session.id).date == date(2026, 9, 17)
        await pilot.press(*"2026-09-24", "tab", "tab", "tab", *"Stadhuis Zwolle", "enter")
        await pilot.pause()
        saved = store.load(session.id)
        assert (saved.date, saved.place) == (date(2026, 9, 24), "Stadhuis Zwolle")
        assert "Stadhuis Zwolle" in screen_text(app)


async def test_details_form_refuses_an_end_before_the_start_and_splits_guest_speakers(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", *"12:00", "enter")
        await pilot.pause()
        assert "End time" in str(app.screen.query_one("#form-error", Static).content)
        assert store.load(session.id).end_time == time(15, 0)
        await pilot.press(*"16:00", "tab", "tab", "tab", "tab", *"Els de Boer; Piet Smit ;", "enter")
        await pilot.pause()
        saved = store.load(session.id)
        assert (saved.end_time, saved.guest_speakers) == (time(16, 0), ["Els de Boer", "Piet Smit"])


async def test_participants_are_added_edited_cycled_and_removed(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f6")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Fatima El Amrani", "tab", *"gemeente Zwijndrecht", "enter")
        await pilot.pause()
        assert [p.name for p in store.load(session.id).participants][-1] == "Fatima El Amrani"
        assert table_rows(app, "participants-table")[-1][:2] == ["Fatima El Amrani", "gemeente Zwijndrecht"]
        await pilot.press("r", "space")
        await pilot.pause()
        fatima = store.load(session.id).participants[-1]
        assert (fatima.role, fatima.attendance) == (Role.GUEST, Attendance.APOLOGIES)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Fatima el Amrani-Bakker", "enter")  # the cursor starts at the end
        await pilot.pause()
        assert store.load(session.id).participants[-1].name == "Fatima el Amrani-Bakker"
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [p.name for p in store.load(session.id).participants] == ["Zoë Hendriks", "Jeroen Bakker"]


async def test_a_duplicate_name_keeps_the_form_open_with_the_reason(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f6")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"jeroen bakker", "enter")
        await pilot.pause()
        assert "already a participant" in str(app.screen.query_one("#form-error", Static).content)
        assert len(store.load(session.id).participants) == 2


async def test_agenda_items_are_added_moved_and_show_planned_starts(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f7")
        assert [row[0] for row in table_rows(app, "agenda-table")] == ["13:30", "13:40"]
        await pilot.press("down", "a")
        await pilot.pause()
        await pilot.press(*"Signalenronde", "tab", "tab", "tab", *"20", "enter")
        await pilot.pause()
        assert [i.title for i in store.load(session.id).agenda] == ["Opening", "Housing first", "Signalenronde"]
        await pilot.press("k")
        await pilot.pause()
        assert [i.title for i in store.load(session.id).agenda] == ["Opening", "Signalenronde", "Housing first"]
        rows = table_rows(app, "agenda-table")
        assert [(row[0], row[1]) for row in rows] == [
            ("13:30", "Opening"),
            ("13:40", "Signalenronde"),
            ("14:00", "Housing first"),
        ]
        assert app.screen.query_one("#agenda-table", DataTable).cursor_row == 1  # the moved item stays selected
        await pilot.press("shift+down")
        await pilot.pause()
        assert store.load(session.id).agenda[2].title == "Signalenronde"


async def test_a_timebox_past_the_end_shows_a_warning(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f7")
        assert "WARNING" not in screen_text(app)
        await pilot.press("down", "e")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *"95", "enter")
        await pilot.pause()
        assert store.load(session.id).agenda[1].timebox == 95
        summary = app.screen.query_one("#agenda-summary", Static)
        assert "WARNING: the agenda runs 15 min past the planned end 15:00" in str(summary.content)
        assert summary.has_class("warning")


async def test_an_absurd_timebox_is_refused_with_a_message(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f7")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *"-5", "enter")
        await pilot.pause()
        assert str(app.screen.query_one("#form-error", Static).content)
        assert store.load(session.id).agenda[0].timebox == 10


async def test_p_attaches_a_prompt_from_the_library_to_the_selected_item(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f7")
        await pilot.press("down", "p")
        await pilot.pause()
        assert PROMPTS[0].explain("nl")[:40] in screen_text(app)  # each prompt with its explanation
        await pilot.press("down", "enter")
        await pilot.pause()
        saved = store.load(session.id)
        [round_] = saved.rounds
        assert (round_.prompt_id, round_.item_id, round_.topic) == (
            PROMPTS[1].id,
            saved.agenda[1].id,
            PROMPTS[1].text("nl"),
        )
        assert f"Topic: {PROMPTS[1].text('nl')}" in screen_text(app)


async def test_w_writes_a_topic_on_the_spot(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f7")
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"Wijkteams: [bold]terug[/] naar kantoor?", "tab", *"Iedereen werkte thuis.", "ctrl+o")
        await pilot.pause()
        [round_] = store.load(session.id).rounds
        assert (round_.topic, round_.what_changed) == (
            "Wijkteams: [bold]terug[/] naar kantoor?",
            "Iedereen werkte thuis.",
        )
        assert "Topic: Wijkteams: [bold]terug[/] naar kantoor?" in screen_text(app)


async def test_markup_in_names_and_titles_shows_literally(make_app, store: Store) -> None:
    session = small_session()
    session.add_participant("[bold]x[/]", "[red]gemeente[/]")
    session.add_item("[link=http://x]klik[/link] agenda", timebox=5)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f6")
        assert "[bold]x[/]" in screen_text(app) and "[red]gemeente[/]" in screen_text(app)
        await pilot.press("f7")
        await pilot.pause()
        assert "[link=http://x]klik[/link]" in screen_text(app)


async def test_keys_of_other_tabs_are_not_offered(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, small_session(), pilot, "f6")
        assert app.screen.check_action("cycle_role", ()) and not app.screen.check_action("prompt", ())
        await pilot.press("f7")
        await pilot.pause()
        assert app.screen.check_action("prompt", ()) and not app.screen.check_action("cycle_role", ())


async def test_a_session_open_elsewhere_is_read_only(make_app, store: Store, tmp_path) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        store.add(session)
        with Store(store.root) as other:
            other.acquire(session.id)
            app.open_session(session.id, "prepare")
            await pilot.pause()
            assert "Read-only" in screen_text(app)
            await pilot.press("f6", "space")
            await pilot.pause()
        assert store.load(session.id).participants[0].attendance is Attendance.PRESENT


def snapshot_of(tab: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        session = app.store.add(small_session())
        app.open_session(session.id, "prepare")
        await pilot.pause()
        await pilot.press(tab)
        await pilot.pause()

    return run_before


def test_snapshot_prepare_details(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f5"))


def test_snapshot_prepare_people(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f6"))


def test_snapshot_prepare_agenda(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f7"))
