"""Home, driven by keys: the list of sessions, filter, new, copy, delete, export, demo, help."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from sdtui.demo import DEMO_TITLE_EN, build_demo
from sdtui.model import Session, SessionStatus
from sdtui.store import Store
from sdtui.tui.screens.help import HelpScreen
from sdtui.tui.screens.home import HomeScreen

from ..support.ui import FROZEN_NOW, SIZE, screen_text, table_rows


def add_meetings(store: Store) -> list[Session]:
    return [
        store.add(Session(title=title, network=network, date=day))
        for title, network, day in (
            ("Netwerkbijeenkomst maart", "Wmo-netwerk", "2026-03-12"),
            ("Zoë's werkgroep", "Jeugdnetwerk", "2026-05-07"),
            ("Regio-overleg", "Wmo-netwerk", "2026-09-17"),
        )
    ]


async def test_an_empty_store_says_how_to_start(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#empty", Static)
        assert empty.display and "d to load the demo" in str(empty.content)
        assert "Press n" in str(empty.content)
        assert app.screen.check_action("open", ()) is None


async def test_d_adds_the_demo_and_shows_it(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        [summary] = store.list()
        assert summary.title == DEMO_TITLE_EN  # in the language of the UI
        assert table_rows(app, "sessions")[0][1] == DEMO_TITLE_EN
        assert not app.screen.query_one("#empty", Static).display


async def test_the_list_shows_date_title_network_status_and_open_actions(make_app, store: Store) -> None:
    demo = store.add(build_demo(today=FROZEN_NOW.date()))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [row] = table_rows(app, "sessions")
    assert row == [demo.date.isoformat(), demo.title, demo.network, "closed", str(len(demo.open_actions))]


async def test_status_and_open_actions_stay_in_view_beside_a_long_title(make_app, store: Store) -> None:
    store.add(build_demo())  # its title is longer than what 80 columns leave for it
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [row] = [line for line in screen_text(app).split("\n") if line.startswith("2026-06-18")]
        assert row.split()[-2:] == ["closed", "4"]
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        [row] = [line for line in screen_text(app).split("\n") if line.startswith("2026-06-18")]
        assert build_demo().title in row and row.split()[-2:] == ["closed", "4"]  # more room, whole title


async def test_filter_as_you_type_ignores_case_and_accents(make_app, store: Store) -> None:
    add_meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zoe")
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == ["Zoë's werkgroep"]
        await pilot.press("ctrl+u", *"WMO")
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == ["Regio-overleg", "Netwerkbijeenkomst maart"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.title == "Regio-overleg"


async def test_down_goes_from_the_filter_to_the_list_and_esc_empties_the_filter(make_app, store: Store) -> None:
    add_meetings(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"wmo", "down")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#sessions")
        assert len(table_rows(app, "sessions")) == 2
        await pilot.press("escape")  # from the list too: the filter empties, every session is back
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "" and len(table_rows(app, "sessions")) == 3
        await pilot.press("escape")  # nothing left to clear: Home stays
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.focused is app.screen.query_one("#sessions")


def add_many_meetings(store: Store, count: int) -> list[Session]:
    """`count` meetings, one a day back from 2026-06-30, so the newest is listed first."""
    networks = ("Amstelland", "Brabant", "Delta", "Eemsmond", "Friesland", "Gooi", "Kennemerland")
    return store.add_many(
        [
            Session(
                title=f"Meeting {n:04d}",
                network=networks[n % 7],
                date=date.fromordinal(date(2026, 6, 30).toordinal() - n),
            )
            for n in range(count)
        ]
    )


async def test_a_long_list_holds_every_session_and_filters_all_of_it(make_app, store: Store) -> None:
    count = 170
    add_many_meetings(store, count)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == [f"Meeting {n:04d}" for n in range(count)]
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert app.screen.selected_id() == app.screen.table.rows[-1].key  # the oldest, far down
        assert f"Meeting {count - 1:04d}" in screen_text(app)
        await pilot.press("slash", *f"meeting {count - 1:04d}")
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == [f"Meeting {count - 1:04d}"]
        await pilot.press("ctrl+u", *"gooi")
        await pilot.pause()
        expected = [f"Meeting {n:04d}" for n in range(count) if n % 7 == 5]
        assert [row[1] for row in table_rows(app, "sessions")] == expected
        await pilot.press("backspace", "backspace")  # back to "go": matches found before, or more
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == expected
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert len(table_rows(app, "sessions")) == count


async def test_every_word_typed_narrows_the_list_whatever_was_typed_before(make_app, store: Store) -> None:
    count = 120
    meetings = add_many_meetings(store, count)
    app = make_app()

    def expected(*words: str) -> list[str]:
        texts = {m.title: f"{m.date} {m.title} {m.network}".lower() for m in meetings}
        return [title for title, text in texts.items() if all(word in text for word in words)]

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"gooi 2026-0")
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == expected("gooi", "2026-0")
        await pilot.press(*"5 meeting 00")  # a third word, and a second one made longer
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == expected("gooi", "2026-05", "meeting", "00")
        assert expected("gooi", "2026-05", "meeting", "00")  # the test is about a list that is not empty
        await pilot.press(*["backspace"] * len("5 meeting 00"))
        await pilot.press(*"6")
        await pilot.pause()
        assert [row[1] for row in table_rows(app, "sessions")] == expected("gooi", "2026-06")


async def test_a_long_title_is_cut_with_an_ellipsis_and_shown_whole_below_the_list(make_app, store: Store) -> None:
    title = "Netwerkbijeenkomst over de doordecentralisatie van beschermd wonen"
    store.add(Session(title=title, network="Wmo", date=date(2026, 6, 1)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "2026-06-01" in line)
        assert title not in row and "Netwerkbijeenkomst over de" in row and "…" in row
        assert any(title in line for line in lines)  # the detail line under the list


async def test_the_selected_session_stays_selected_however_far_down(make_app, store: Store) -> None:
    meetings = add_many_meetings(store, 90)
    oldest = meetings[-1]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(3):
            await pilot.press("ctrl+end")
            await pilot.pause()
        assert app.screen.selected_id() == oldest.id
        app.screen.reload()
        await pilot.pause()
        assert app.screen.selected_id() == oldest.id


async def test_n_creates_a_session_through_a_form_and_refuses_a_bad_date(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Netwerk [bold]oktober[/]", "tab", *"Wmo", "tab", "ctrl+u", *"2026-02-30", "enter")
        await pilot.pause()
        assert "date" in str(app.screen.query_one("#form-error", Static).content).lower()
        assert store.list() == []
        await pilot.press("ctrl+u", *"2026-10-08", "enter")
        await pilot.pause()
        [summary] = store.list()
        assert (summary.title, summary.network, summary.date) == ("Netwerk [bold]oktober[/]", "Wmo", date(2026, 10, 8))
        assert summary.status == SessionStatus.DRAFT
        assert getattr(app.screen, "SCREEN_NAME", "") == "prepare"


async def test_c_copies_and_delete_asks_first(make_app, store: Store) -> None:
    store.add(build_demo(today=FROZEN_NOW.date()))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert sorted(s.status for s in store.list()) == [SessionStatus.CLOSED, SessionStatus.DRAFT]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(store.list()) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(store.list()) == 1 and len(table_rows(app, "sessions")) == 1


async def test_e_exports_the_selected_minutes(make_app, store: Store) -> None:
    demo = store.add(build_demo(today=FROZEN_NOW.date()))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
    [written] = store.minutes_dir.iterdir()
    assert written.read_text(encoding="utf-8").startswith(f"# {demo.title}")


async def test_a_title_with_markup_shows_literally(make_app, store: Store) -> None:
    store.add(Session(title="[bold]Crisis[/] \x1b[31mred", network="[link=x]net"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [row] = table_rows(app, "sessions")
    assert row[1] == "[bold]Crisis[/] [31mred" and row[2] == "[link=x]net"


async def test_f1_and_question_mark_list_the_keys_of_home(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = screen_text(app)
            assert "Add the demo meeting" in shown and "Ctrl+Q" in shown
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_the_command_palette_offers_the_main_actions(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"demo meeting")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert [s.title for s in store.list()] == [DEMO_TITLE_EN]


def test_snapshot_empty_home(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_snapshot_home_with_sessions(snap_compare, make_app, store: Store) -> None:
    add_meetings(store)
    store.add(build_demo(today=FROZEN_NOW.date()))
    assert snap_compare(make_app(), terminal_size=SIZE)


async def test_every_footer_fits_80_columns_and_keeps_f3_and_f4_on_prepare(make_app, store: Store) -> None:
    from textual.widgets import Footer

    session = store.add(Session("Netwerkbijeenkomst", date="2026-09-17"))
    session.add_participant("Zoë Hendriks")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_session(session.id, "prepare")
        await pilot.pause()
        for tab in ("f5", "f6", "f7"):
            await pilot.press(tab)
            await pilot.pause()
            footer = app.screen.query_one(Footer)
            keys = [child for child in footer.children if child.display]
            assert max(child.region.right for child in keys) <= SIZE[0]
            last_line = screen_text(app).splitlines()[-1]
            assert "f3 Run" in last_line and "f4 Close" in last_line, last_line
            assert last_line.rstrip().endswith("^p palette")  # nothing runs on under the palette key


async def test_the_footer_fits_the_terminal_again_after_a_resize(make_app, store: Store) -> None:
    session = store.add(Session("Netwerkbijeenkomst", date="2026-09-17"))
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        app.open_session(session.id, "prepare")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert "^q Quit" in screen_text(app).splitlines()[-1]  # room for every key at 120 columns
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        last_line = screen_text(app).splitlines()[-1]
        assert "^q Quit" not in last_line and last_line.rstrip().endswith("^p palette")
