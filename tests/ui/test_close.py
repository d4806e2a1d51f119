"""Close, driven by keys: review actions, preview the minutes, export, finish the meeting."""

from __future__ import annotations

from textual.widgets import DataTable, Markdown, Static

from sdtui.demo import build_demo
from sdtui.minutes import render_minutes
from sdtui.model import ActionStatus, Session, SessionStatus
from sdtui.store import Store
from sdtui.tui.screens.home import MIN_TITLE

from ..support.ui import FROZEN_NOW, SIZE, screen_text


async def open_close(app, store: Store, session: Session, pilot) -> None:
    store.add(session)
    await pilot.pause()
    app.open_session(session.id, "close")
    await pilot.pause()


def running_demo() -> Session:
    demo = build_demo(today=FROZEN_NOW.date())
    demo.status = SessionStatus.RUNNING
    demo.ended_at = None
    return demo


async def test_space_cycles_the_status_of_the_selected_action(make_app, store: Store) -> None:
    demo = running_demo()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        first = demo.actions[0]
        statuses = []
        for _ in range(3):
            await pilot.press("space")
            await pilot.pause()
            statuses.append(store.load(demo.id).actions[0].status)
    order = [ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED]
    start = order.index(first.status)
    assert statuses == [order[(start + n) % 3] for n in (1, 2, 3)]


async def test_overdue_actions_say_so(make_app, store: Store) -> None:
    demo = running_demo()
    late = demo.actions[1]
    late.due = FROZEN_NOW.date().replace(day=1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        table = app.screen.query_one("#actions", DataTable)
        shown, status = str(table.get_row(late.id)[0]), str(table.get_row(late.id)[3])
    assert status == "open OVERDUE"
    assert shown.endswith("…") and late.text.startswith(shown[:-1])  # cut to its column, with "…"


async def test_e_exports_the_minutes_and_shows_the_path(make_app, store: Store) -> None:
    demo = running_demo()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        await pilot.press("e")
        await pilot.pause()
        [written] = store.minutes_dir.iterdir()
        shown = str(app.screen.query_one("#written", Static).content)
    assert shown == f"Written: {written}"
    assert written.read_text(encoding="utf-8") == render_minutes(store.load(demo.id))
    assert written.stat().st_mode & 0o777 == 0o600


async def test_f_finishes_the_meeting_after_asking(make_app, store: Store) -> None:
    demo = running_demo()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert store.load(demo.id).status is SessionStatus.RUNNING
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        saved = store.load(demo.id)
        assert (saved.status, saved.ended_at) == (SessionStatus.CLOSED, FROZEN_NOW)
        assert "Meeting closed" in str(app.screen.query_one("#close-status", Static).content)
        assert app.screen.check_action("finish", ()) is None  # greyed out: nothing left to finish


async def test_the_preview_renders_the_minutes_without_raw_html(make_app, store: Store) -> None:
    demo = running_demo()
    demo.title = "Juni <script>alert(1)</script> [bold]x[/]"
    demo.agenda[0].notes[0].text = "<b>vet</b> & <img src=x onerror=alert(1)>"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        await pilot.press("f6")
        await pilot.pause(0.5)
        preview = app.screen.query_one("#minutes", Markdown)
        assert preview.source == render_minutes(store.load(demo.id))
        shown = screen_text(app)
        assert "Juni <script>alert(1)</script> [bold]x[/]" in shown
        assert "Concept" in shown  # a running meeting's minutes are a draft


async def test_markup_in_a_decision_shows_literally(make_app, store: Store) -> None:
    demo = running_demo()
    demo.decisions[0].text = "[bold]x[/] en [/] los"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        assert "[bold]x[/] en [/] los" in screen_text(app)


async def test_ctrl_t_from_close_adds_an_action_to_the_table(make_app, store: Store) -> None:
    demo = running_demo()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Verslag rondsturen", "tab", *"ru", "enter")  # owner: Ruud Verhoeven
        await pilot.pause()
        table = app.screen.query_one("#actions", DataTable)
        assert table.row_count == len(demo.actions) + 1
        assert str(table.get_row_at(table.row_count - 1)[0]) == "Verslag rondsturen"
    assert store.load(demo.id).actions[-1].text == "Verslag rondsturen"


async def test_escape_goes_back_to_home_and_releases_the_session(make_app, store: Store) -> None:
    demo = running_demo()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert getattr(app.screen, "SCREEN_NAME", "") == "home"
        assert demo.title[:MIN_TITLE] in screen_text(app)  # Home cuts long titles to fit
        assert "sdtui — network meetings" in screen_text(app).split("\n")[0]  # the header no longer names the session
        with Store(store.root) as other:
            other.acquire(demo.id).release()  # the lock is free again


def snapshot_of(key: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        session = app.store.add(build_demo(today=FROZEN_NOW.date()))
        app.open_session(session.id, "close")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause(0.5)

    return run_before


def test_snapshot_close_review(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f5"))


def test_snapshot_close_preview(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f6"))


async def test_the_minutes_preview_scrolls_by_keys_to_the_end(make_app, store: Store) -> None:
    demo = running_demo()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        await pilot.press("f6")
        await pilot.pause()
        frame = app.screen.query_one("#minutes-scroll")
        assert frame.has_focus and frame.max_scroll_y > 20  # the demo's minutes are many screens long
        await pilot.press("pagedown")
        await pilot.pause()
        assert frame.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert frame.scroll_y == frame.max_scroll_y
        assert "Status:" in screen_text(app)  # the last line of the minutes is in view
        await pilot.press("home")
        await pilot.pause()
        assert frame.scroll_y == 0


async def test_the_review_counts_and_lists_the_boards_decisions_too(make_app, store: Store) -> None:
    demo = running_demo()
    decided = [round_ for round_ in demo.rounds if round_.decision]
    assert decided  # the demo decides on its board
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_close(app, store, demo, pilot)
        status = str(app.screen.query_one("#close-status", Static).content)
        assert f"{len(demo.decisions) + len(decided)} decisions" in status
        rows = [
            str(app.screen.query_one("#decisions", DataTable).get_row_at(n)[1])
            for n in range(app.screen.query_one("#decisions", DataTable).row_count)
        ]
        assert any(decided[0].topic in row for row in rows)
