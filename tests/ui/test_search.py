"""Search from Home, driven by keys: hits as you type, and Enter opens the session where the hit is."""

from __future__ import annotations

from textual.widgets import DataTable, Static, TabbedContent

from sdtui.demo import build_demo
from sdtui.model import Session
from sdtui.store import Store
from sdtui.tui.screens.close import CloseScreen
from sdtui.tui.screens.home import HomeScreen
from sdtui.tui.screens.prepare import PrepareScreen
from sdtui.tui.screens.run import RunScreen
from sdtui.tui.screens.search import SearchScreen
from sdtui.tui.widgets.tables import selected_key

from ..support.ui import FROZEN_NOW, SIZE, screen_text, table_rows


def demo_with_marks() -> Session:
    """The demo meeting with a word no other text has, in a note, an argument, a signal and an action."""
    session = build_demo(today=FROZEN_NOW.date())
    digital = session.agenda[4]
    digital.notes[0].text += " Xylofoonnotitie."
    round_ = session.rounds_for(digital.id)[0]
    round_.renovate_args.append("Xylofoonargument: samen plannen gaat online sneller.")
    session.signals[-1].text += " Xylofoonsignaal."
    session.actions[0].text += " Xylofoonactie."
    return session


async def open_search(pilot, words: str) -> None:
    await pilot.press("s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause()


async def test_s_on_home_opens_search_and_hits_appear_as_you_type(make_app, store: Store) -> None:
    store.add(build_demo(today=FROZEN_NOW.date()))
    store.add(build_demo(today=FROZEN_NOW.date(), language="en"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "zoe hendr")
        assert isinstance(app.screen, SearchScreen)
        rows = table_rows(app, "hits")
        assert len(rows) == 2
        assert {row[1] for row in rows} == {"Participant"}
        assert all("Zoë Hendriks" in row[2] for row in rows)
        assert "2 found in 2 of 2 sessions" in screen_text(app)
        await pilot.press(*" xyz")
        await pilot.pause()
        assert table_rows(app, "hits") == []
        assert "Nothing found for 'zoe hendr xyz'." in screen_text(app)


async def test_enter_on_a_note_hit_opens_run_at_that_item_with_that_note(make_app, store: Store) -> None:
    session = store.add(demo_with_marks())
    digital = session.agenda[4]
    assert session.current_item != 4
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "xylofoonnotitie")
        assert [row[1] for row in table_rows(app, "hits")] == [f"Note · {digital.title}"[:15] + "…"]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert app.session.agenda[app.session.current_item].id == digital.id
        assert screen.pane == "notes"
        assert screen.note_id == digital.notes[0].id
        assert screen.editor.text == digital.notes[0].text
        assert f"Item 5/{len(session.agenda)}" in screen_text(app)
        assert store.load(session.id).current_item == 4  # the same move n and p make, saved


async def test_enter_on_an_argument_opens_the_board_on_its_topic(make_app, store: Store) -> None:
    session = store.add(demo_with_marks())
    digital = session.agenda[4]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "xylofoonargument online")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen) and screen.pane == "board"
        assert screen.round.id == session.rounds_for(digital.id)[0].id
        assert "Xylofoonargument" in str(screen.query_one("#round-text", Static).content)


async def test_enter_on_a_signal_opens_the_signals_pane_on_that_signal(make_app, store: Store) -> None:
    session = store.add(demo_with_marks())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "xylofoonsignaal")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen) and screen.pane == "signals"
        table = screen.query_one("#signals", DataTable)
        assert table.has_focus and table.cursor_row == len(session.signals) - 1


async def test_enter_on_an_action_opens_the_close_review_with_that_action_selected(make_app, store: Store) -> None:
    session = store.add(demo_with_marks())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "xylofoonactie")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CloseScreen)
        assert selected_key(screen.query_one("#actions", DataTable)) == session.actions[0].id


async def test_a_participant_opens_prepare_people_and_the_title_opens_the_details(make_app, store: Store) -> None:
    session = store.add(demo_with_marks())
    zoe = next(p for p in session.participants if p.name.startswith("Zoë"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "zoe")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        assert screen.query_one(TabbedContent).active == "participants"
        assert screen.people_table.coordinate_to_cell_key(screen.people_table.cursor_coordinate).row_key.value == zoe.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)  # back to the hits, not all the way Home
        await pilot.press("ctrl+a", "ctrl+k", *"sociaal domein crisis")
        await pilot.pause()
        assert table_rows(app, "hits")[0][1] == "Title"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert app.screen.query_one(TabbedContent).active == "details"


async def test_up_and_down_pick_the_hit_that_enter_opens(make_app, store: Store) -> None:
    first = store.add(Session("Overleg brug", date="2026-05-01"))
    second = store.add(Session("Overleg tunnel", date="2026-04-01"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "overleg")
        assert [row[0] for row in table_rows(app, "hits")] == [first.title, second.title]
        assert "Title · 2026-05-01 · Overleg brug" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session is not None and app.session.id == second.id
        assert isinstance(app.screen, PrepareScreen)


async def test_a_confidential_note_is_found_and_marked(make_app, store: Store) -> None:
    store.add(build_demo(today=FROZEN_NOW.date()))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "delen buiten")
        [row] = table_rows(app, "hits")
        assert row[2].startswith("[confidential] ")


async def test_no_words_say_what_to_type_and_markup_is_only_text(make_app, store: Store) -> None:
    store.add(Session("[bold]Overleg[/] [red]x"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "")
        assert "Type one or more words; 1 session is searched." in screen_text(app)
        assert table_rows(app, "hits") == []
        await pilot.press(*"[bold]overleg")
        await pilot.pause()
        [row] = table_rows(app, "hits")
        assert row[0] == "[bold]Overleg[/]…"
        assert "Title · [bold]Overleg[/] [red]x" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_index_follows_an_edit_made_after_the_first_search(make_app, store: Store) -> None:
    session = store.add(Session("Brugoverleg"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "tunneloverleg")
        assert table_rows(app, "hits") == []
        await pilot.press("escape")
        await pilot.pause()
        session.title = "Tunneloverleg"
        store.save(session)
        await open_search(pilot, "tunneloverleg")
        assert [row[0] for row in table_rows(app, "hits")] == ["Tunneloverleg"]


async def test_a_topic_whose_item_was_removed_opens_run_and_says_why_it_is_not_on_a_board(
    make_app, store: Store
) -> None:
    session = demo_with_marks()
    session.remove_item(session.agenda[4].id)  # the item of the marked argument
    store.add(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "xylofoonargument")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.pane == "board"
        assert any("on no agenda item" in note.message for note in app._notifications)


async def test_an_agenda_item_opens_prepare_on_the_agenda_with_that_item_selected(make_app, store: Store) -> None:
    session = store.add(demo_with_marks())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, session.agenda[4].title)
        assert table_rows(app, "hits")[0][1] == "Agenda item"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        assert screen.query_one(TabbedContent).active == "agenda"
        assert screen.current_item_id == session.agenda[4].id


async def test_a_word_added_or_erased_finds_what_typing_the_words_afresh_finds(make_app, store: Store) -> None:
    """Hits of a longer query come from the shorter one's when it found them all, else from every session."""
    for day in range(1, 29):  # 56 titles with "overleg": more than the screen lists
        store.add(Session(f"Overleg brug {day}", date=f"2026-05-{day:02d}"))
        store.add(Session(f"Overleg tunnel {day}", date=f"2026-04-{day:02d}"))
    oldest = store.add(Session("Overleg zwembad", date="2020-01-01"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "overleg")
        assert len(table_rows(app, "hits")) == 50
        assert "The first 50 hits" in screen_text(app)
        await pilot.press(*" zw")  # the first 50 hits of "overleg" do not hold it: all sessions are searched
        await pilot.pause()
        assert [row[0] for row in table_rows(app, "hits")] == [oldest.title]
        await pilot.press("backspace", "backspace", "backspace", *" tunnel 2")
        await pilot.pause()
        tunnels = [row[0] for row in table_rows(app, "hits")]
        assert tunnels == [f"Overleg tunnel {day}" for day in (28, 27, 26, 25, 24, 23, 22, 21, 20, 2)]
        await pilot.press("0")  # narrows a query whose hits were all found
        await pilot.pause()
        assert [row[0] for row in table_rows(app, "hits")] == ["Overleg tunnel 20"]
        await pilot.press("backspace")  # back to the hits found before
        await pilot.pause()
        assert [row[0] for row in table_rows(app, "hits")] == tunnels
        assert "10 found in 10 of 57 sessions" in screen_text(app)


async def test_the_words_keep_the_focus_and_new_words_go_back_to_the_first_hit(make_app, store: Store) -> None:
    store.add(Session("Overleg brug", date="2026-05-01"))
    store.add(Session("Overleg brugklas", date="2026-04-01"))
    store.add(Session("Overleg tunnel", date="2026-03-01"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "overleg")
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Title · 2026-03-01 · Overleg tunnel" in screen_text(app)
        assert app.screen.query_one("#query").has_focus
        await pilot.press("up")
        await pilot.pause()
        assert "Title · 2026-04-01 · Overleg brugklas" in screen_text(app)
        await pilot.press(*" brug")
        await pilot.pause()
        assert [row[0] for row in table_rows(app, "hits")] == ["Overleg brug", "Overleg brugklas"]
        assert "Title · 2026-05-01 · Overleg brug" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.title == "Overleg brug"
