"""A network over time, driven by keys: the next meeting from Home and Close, all action items from Home."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from sdtui.demo import build_demo
from sdtui.model import ActionStatus, ItemKind, Session, SessionStatus
from sdtui.series import next_meeting
from sdtui.store import Store
from sdtui.tui.screens.actions import ActionsScreen
from sdtui.tui.screens.help import HelpScreen
from sdtui.tui.screens.home import HomeScreen
from sdtui.tui.widgets.rows import RowList

from ..support.ui import FROZEN_NOW, SIZE, screen_text, table_rows


def meetings(store: Store) -> tuple[Session, Session]:
    """The demo (closed, four open actions) and a youth network meeting with one open action."""
    demo = store.add(build_demo(today=FROZEN_NOW.date()))
    youth = Session(title="Jeugd [bold]overleg[/]", network="Jeugdnetwerk", date="2026-05-07")
    owner = youth.add_participant("Zoë [i]Jansen[/i]")
    youth.add_action("Signalen [red]bundelen[/]", owner.id, "2026-06-01")
    return demo, store.add(youth)


async def open_actions_view(app, pilot) -> None:
    await pilot.press("a")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ActionsScreen)


async def test_next_meeting_from_home_asks_then_opens_it_on_prepare(make_app, store: Store) -> None:
    demo, _youth = meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("n")  # declined: nothing added
        await pilot.pause()
        assert len(store.list()) == 2 and isinstance(app.screen, HomeScreen)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert getattr(app.screen, "SCREEN_NAME", "") == "prepare"
        following = app.session
        assert following is not None and following.id not in {demo.id, _youth.id}
        assert following.network == demo.network and following.status is SessionStatus.DRAFT
        assert following.date == FROZEN_NOW.date().replace(day=19)  # the day after the demo: never before it
    stored = store.load(following.id)
    assert sorted(a.text for a in stored.actions) == sorted(a.text for a in demo.open_actions)
    assert {a.carried_from for a in stored.actions} == {demo.id}
    assert store.load(demo.id).to_dict() == demo.to_dict()  # the earlier meeting is left as it was


async def test_a_second_next_meeting_is_asked_about_by_name(make_app, store: Store) -> None:
    demo, _youth = meetings(store)
    store.add(next_meeting(demo, FROZEN_NOW.date()))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # past the next meeting (the newest) to the demo
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert "already has a next meeting" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert len(store.list()) == 3


async def test_next_meeting_from_close_leaves_this_one_and_opens_the_new_one(make_app, store: Store) -> None:
    demo, _youth = meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the demo is closed: it opens on Close
        await pilot.pause()
        assert getattr(app.screen, "SCREEN_NAME", "") == "close"
        assert "m: next meeting" in str(app.screen.query_one("#close-status", Static).content)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert getattr(app.screen, "SCREEN_NAME", "") == "prepare"
        assert app.session is not None and app.session.id != demo.id
        with store.acquire(demo.id):  # the earlier meeting is no longer held
            pass
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(store.list()) == 3


async def test_carried_actions_are_reviewed_on_close_with_space(make_app, store: Store) -> None:
    demo, _youth = meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "y")
        await pilot.pause()
        following_id = app.session.id
        await pilot.press("f4")
        await pilot.pause()
        rows = table_rows(app, "actions")
        assert rows and all(row[0].startswith("(earlier) ") for row in rows)
        await pilot.press("space")  # open -> done
        await pilot.pause()
        await pilot.press("down", "space", "space")  # open -> done -> dropped
        await pilot.pause()
    statuses = [a.status for a in store.load(following_id).actions]
    assert statuses[:2] == [ActionStatus.DONE, ActionStatus.DROPPED]
    assert set(statuses[2:]) == {ActionStatus.OPEN}  # kept
    review = [i for i in store.load(following_id).agenda if i.kind is ItemKind.ACTIONS_REVIEW]
    assert len(review) == 1


async def test_all_actions_view_lists_open_actions_of_every_meeting(make_app, store: Store) -> None:
    demo, youth = meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        rows = table_rows(app, "all-actions")
        assert len(rows) == len(demo.open_actions) + 1
        assert ["Zoë [i]Jansen[/i]", "Signalen [red]bundelen[/]", "Jeugdnetwerk"] == rows[0][2:]  # as typed
        await pilot.press("o")  # open and closed
        await pilot.pause()
        assert len(table_rows(app, "all-actions")) == len(demo.actions) + 1
        assert "open and closed" in str(app.screen.query_one("#actions-state", Static).content)


async def test_filter_by_owner_or_network_ignores_case_and_accents(make_app, store: Store) -> None:
    meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        await pilot.press("slash", *"ZOE")
        await pilot.pause()
        owners = [row[2] for row in table_rows(app, "all-actions")]
        assert owners and all(o.startswith(("Zoë", "Zo")) for o in owners) and len(set(owners)) == 2
        await pilot.press(*" jeugd")
        await pilot.pause()
        assert [row[2] for row in table_rows(app, "all-actions")] == ["Zoë [i]Jansen[/i]"]
        await pilot.press("escape")  # clears the filter, back in the list
        await pilot.pause()
        assert len(table_rows(app, "all-actions")) == 5
        await pilot.press("escape")  # nothing left to clear: back to Home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_overdue_actions_stand_out_by_style_and_by_word(make_app, store: Store) -> None:
    demo, _youth = meetings(store)
    app = make_app(clock=lambda: datetime(2026, 7, 20, 10, 0))  # two demo actions are past due by then
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        table = app.screen.query_one("#all-actions", RowList)
        rows = table_rows(app, "all-actions")
        late = sorted(a.text for a in demo.open_actions if a.due and a.due < datetime(2026, 7, 20).date())
        assert len(rows) == len(late) + 1  # and the youth meeting's
        assert all("OVERDUE" in row[1] for row in rows)
        status_cell = table.rows[0].cells[1]
        assert "red" in str(status_cell.style)
        await pilot.press("d")
        await pilot.pause()
        assert any("OVERDUE" not in row[1] for row in table_rows(app, "all-actions"))


async def test_enter_opens_the_meeting_of_the_action(make_app, store: Store) -> None:
    _demo, youth = meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        assert "Jeugd [bold]overleg[/]" in screen_text(app)  # the meeting of the highlighted action
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.id == youth.id
        await pilot.press("escape")  # back to the list it was opened from, not to Home
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen) and app.session is None
        assert "sdtui — Action items of every meeting" in screen_text(app).split("\n")[0]


async def test_a_store_without_actions_says_so_and_esc_goes_home(make_app, store: Store) -> None:
    store.add(Session(title="Leeg"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        assert "No action items in any meeting yet." in screen_text(app)
        await pilot.press("enter")  # nothing to open: nothing happens
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_help_and_palette_offer_the_series_keys(make_app, store: Store) -> None:
    meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        await pilot.press("end")  # Home has more keys than one screenful
        await pilot.pause()
        shown += screen_text(app)
        assert "Create the next meeting" in shown and "Action items of every meeting" in shown
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"action items of every")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, ActionsScreen)


async def test_footers_fit_80_columns(make_app, store: Store) -> None:
    meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_text(app).splitlines()[-1].rstrip().endswith("palette")
        await open_actions_view(app, pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "f1 Help" in footer and footer.rstrip().endswith("palette")


async def test_an_agenda_item_is_marked_standing_on_prepare_and_comes_back_next_time(make_app, store: Store) -> None:
    session = Session(title="Maart", network="Wmo-netwerk", date="2026-03-12")
    session.add_item("Opening", kind=ItemKind.OPENING)
    session.add_item("Gastspreker", kind=ItemKind.PRESENTATION)
    store.add(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_session(session.id, "prepare")
        await pilot.pause()
        await pilot.press("f7", "e")  # the opening
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", "enter", "down", "enter")  # standing: yes
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert [i.standing for i in store.load(session.id).agenda] == [True, False]
        assert table_rows(app, "agenda-table")[0][1] == "Opening (standing)"
    held = store.load(session.id)  # the meeting runs through both items
    held.start(FROZEN_NOW)
    held.go_to(1, FROZEN_NOW)
    held.close(FROZEN_NOW)
    assert [i.title for i in next_meeting(held, FROZEN_NOW.date()).agenda] == [
        "Opening",
        "Vaststellen verslag vorige bijeenkomst",
    ]


async def test_the_actions_review_on_run_shows_carried_actions_and_space_marks_them(make_app, store: Store) -> None:
    demo, _youth = meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "y")
        await pilot.pause()
        following_id = app.session.id
        kinds = [item.kind for item in app.session.agenda]
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("n")  # the meeting starts at the first item
        await pilot.pause()
        for _ in range(kinds.index(ItemKind.ACTIONS_REVIEW)):
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert app.screen.pane == "actions"  # arriving at the review shows the list
        assert "Action items (Space: open, done, dropped)" in screen_text(app)
        rows = table_rows(app, "run-actions")
        assert len(rows) == len(demo.open_actions) and all(r[0].startswith("(earlier) ") for r in rows)
        await pilot.press("space", "down", "down", "space", "space")
        await pilot.pause()
        assert [r[3] for r in table_rows(app, "run-actions")][:3] == ["done", "open", "dropped"]
        await pilot.press("f5")  # the other panes are one key away; Space is a plain key again
        await pilot.pause()
        assert app.screen.check_action("cycle_status", ()) is False
    statuses = [a.status for a in store.load(following_id).actions]
    assert statuses[:3] == [ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.DROPPED]


async def test_a_store_that_cannot_be_read_gives_a_message_not_a_crash(make_app, store: Store) -> None:
    meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # Home lists the meetings; then the index is damaged on disk
        store.index_path.write_text("{not json", encoding="utf-8")
        await open_actions_view(app, pilot)
        await pilot.pause()
        assert "could not be read" in screen_text(app)
        assert "No action items in any meeting yet." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_actions_view_reads_the_meetings_with_a_store_of_its_own(make_app, store: Store, monkeypatch) -> None:
    """The meetings are read in a thread, which never uses the app's store: the app keeps using it meanwhile."""
    meetings(store)
    app = make_app()

    def not_from_a_thread():
        raise AssertionError("the app's store was used by the thread reading the meetings")

    monkeypatch.setattr(store, "load_all", not_from_a_thread)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        assert "Signalen [red]bundelen[/]" in screen_text(app)
        assert "could not be read" not in screen_text(app)


async def test_leaving_before_the_meetings_are_read_is_harmless(make_app, store: Store, monkeypatch) -> None:
    import threading

    meetings(store)
    release = threading.Event()
    real = Store.load_all

    def slow(self: Store):
        release.wait(5)
        return real(self)

    monkeypatch.setattr(Store, "load_all", slow)  # every store, the view's own included
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert "Reading the meetings" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert app.return_code in (None, 0)


async def test_hostile_text_stays_text_in_the_actions_view_the_next_meeting_and_its_minutes(tmp_path) -> None:
    from sdtui.minutes import render_minutes
    from tests.support.hostile_text import HOSTILE
    from tests.support.markdown import no_html
    from tests.support.markdown import parse as parse_minutes

    from ..support.hostile import assert_screen_intact, hostile_session, terminal_safe
    from ..support.ui import still_app

    values = HOSTILE[::5]  # markup, escapes, Markdown, RTL and the rest, at a tenth of the time
    with Store(tmp_path / "store") as store:
        following = []
        for value in values:
            earlier = store.add(hostile_session(value))
            after = store.add(next_meeting(earlier, FROZEN_NOW.date()))
            minutes = render_minutes(after)
            assert terminal_safe(minutes) and no_html(parse_minutes(minutes))
            following.append(after.id)
        app = still_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_actions_view(app, pilot)
            assert_screen_intact(app, "actions view")
            for index in range(len(values)):
                await pilot.press("down")
                assert_screen_intact(app, f"actions view row {index}")
            await pilot.press("escape")
            await pilot.pause()
            for number, session_id in enumerate(following):
                app.open_session(session_id, "run")
                await pilot.pause()
                await pilot.press("f9")
                assert_screen_intact(app, f"{number} run actions")
                await pilot.press("f4")
                assert_screen_intact(app, f"{number} close")
                await pilot.press("escape")
                await pilot.pause()


async def test_a_long_action_is_cut_with_an_ellipsis_and_shown_whole_below_the_list(make_app, store: Store) -> None:
    meeting = Session(title="Regio-overleg", network="Wmo-netwerk", date="2026-05-07")
    owner = meeting.add_participant("Fatima El Amrani-Verhoeven")
    text = "Cijfers over de wachtlijsten beschermd wonen per gemeente opvragen en vergelijken"
    meeting.add_action(text, owner.id, "2026-09-01")
    store.add(meeting)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_actions_view(app, pilot)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if line.startswith("2026-09-01"))
        assert "Cijfers over de" in row and text not in row and "…" in row
        below = " ".join(" ".join(lines[lines.index(row) + 1 :]).split())  # the line under the list may wrap
        assert f"Fatima El Amrani-Verhoeven: {text}" in below
