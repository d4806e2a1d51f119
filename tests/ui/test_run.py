"""Run, driven by keys: the clock, notes saved as typed, the board, signals, decisions, action items."""

from __future__ import annotations

import io
from datetime import timedelta

from rich.console import Console
from textual.widgets import Static

from sdtui.demo import build_demo
from sdtui.model import Position, SessionStatus, SignalKind, Verdict
from sdtui.store import Store

from ..support.run import Clock, bar, meeting, open_run
from ..support.ui import FROZEN_NOW, SIZE, screen_text, table_rows


async def test_n_starts_the_meeting_and_moves_through_the_items(make_app, store: Store) -> None:
    session = meeting()
    clock = Clock()
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        assert "Not started: press n" in bar(app, "clock-bar")
        assert app.focused.id == "notes-table"  # n starts the meeting rather than typing into a note
        await pilot.press("n")
        await pilot.pause()
        saved = store.load(session.id)
        assert saved.status is SessionStatus.RUNNING and saved.started_at == FROZEN_NOW
        assert "Item 1/3 · Opening" in bar(app, "item-bar")
        clock.advance(minutes=4)
        await pilot.press("ctrl+n")  # works while typing, too
        await pilot.pause()
        saved = store.load(session.id)
        assert saved.current_item == 1 and saved.agenda[0].ended_at == FROZEN_NOW + timedelta(minutes=4)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert store.load(session.id).current_item == 0
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert store.load(session.id).current_item == 0  # no item before the first


async def test_the_item_clock_counts_past_zero_and_says_over(make_app, store: Store) -> None:
    session = meeting()
    clock = Clock()
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        clock.advance(minutes=2)
        await pilot.pause(1.2)
        assert "Item 2:00 of 5:00" in bar(app, "clock-bar")
        clock.advance(minutes=5, seconds=20)
        await pilot.pause(1.2)
        assert "Item +2:20 OVER (7:20 of 5:00)" in bar(app, "clock-bar")
        assert "Meeting 7 of 50 min" in bar(app, "clock-bar")


async def test_a_typed_note_is_stored_within_a_second(make_app, store: Store) -> None:
    session = meeting()
    session.start(FROZEN_NOW)  # a running meeting opens with the note editor focused
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("e", *"Welkom aan [bold]iedereen[/]")  # e: type (the list has focus first)
        await pilot.pause(0.7)
        assert [n.text for n in store.load(session.id).agenda[0].notes] == ["Welkom aan [bold]iedereen[/]"]
        assert "Welkom aan [bold]iedereen[/]" in screen_text(app)
        await pilot.press("enter", *"Tweede regel")
        await pilot.pause(0.7)
        assert store.load(session.id).agenda[0].notes[0].text == "Welkom aan [bold]iedereen[/]\nTweede regel"


async def test_ctrl_l_marks_a_note_confidential_and_the_minutes_leave_it_out(make_app, store: Store) -> None:
    from sdtui.minutes import render_minutes

    session = meeting()
    session.start(FROZEN_NOW)  # a running meeting opens with the note editor focused
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("e", *"Casus: mevrouw J. uit Assen")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert store.load(session.id).agenda[0].notes[0].confidential
        assert "[confidential] Casus" in screen_text(app)
        await pilot.press("escape", "a")  # a second, public note
        await pilot.pause()
        await pilot.press(*"Openbare notitie")
        await pilot.pause(0.7)
    saved = store.load(session.id)
    assert [(n.text, n.confidential) for n in saved.agenda[0].notes] == [
        ("Casus: mevrouw J. uit Assen", True),
        ("Openbare notitie", False),
    ]
    minutes = render_minutes(saved)
    assert "Openbare notitie" in minutes and "Casus" not in minutes


async def test_positions_take_one_key_each_and_the_tally_follows(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("ctrl+n", "ctrl+n", "f6")
        await pilot.pause()
        assert "Housing first: blijven we het doen?" in screen_text(app)
        await pilot.press("v", "r", "v")
        await pilot.pause()
        saved = store.load(session.id)
        people = {p.name: p.id for p in saved.participants}
        assert saved.rounds[0].positions == {
            people["Zoë Hendriks"]: Position.RENOVATE,
            people["Jeroen Bakker"]: Position.RESTORE,
            people["Fatima El Amrani"]: Position.RENOVATE,
        }
        assert "Restore 1 · Renovate 2 · Undecided 0" in bar(app, "tally")
        await pilot.press("up", "u")  # the cursor stayed on the last person; up is Jeroen
        await pilot.pause()
        assert "Restore 0 · Renovate 2 · Undecided 1" in bar(app, "tally")


async def test_arguments_and_the_decision_of_a_round(make_app, store: Store) -> None:
    session = meeting()
    session.current_item = 1
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("f6", "a")
        await pilot.pause()
        await pilot.press("tab", *"Tijdelijke opvang was duur", "ctrl+o")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter", "down", "down", "enter", "tab", *"Een veilige plek eerst.", "ctrl+o")
        await pilot.pause()
        round_ = store.load(session.id).rounds[0]
        assert round_.restore_args == ["Tijdelijke opvang was duur"]
        assert (round_.decision, round_.rationale) == (Verdict.RENOVATE, "Een veilige plek eerst.")
        assert "Decision (d): renovate" in screen_text(app)


async def test_signals_and_decisions_are_added_to_the_current_item(make_app, store: Store) -> None:
    session = meeting()
    session.current_item = 2
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("f7", "a")
        await pilot.pause()
        await pilot.press(*"gemeente Assen", "tab", "enter", "down", "enter", "tab", *"Ouderen uit beeld", "ctrl+o")
        await pilot.pause()
        await pilot.press("f8", "a")
        await pilot.pause()
        await pilot.press(*"Knelpunten naar VNG", "tab", *"Speelt overal", "ctrl+o")
        await pilot.pause()
        saved = store.load(session.id)
        [signal] = saved.signals
        assert (signal.organisation, signal.kind, signal.text, signal.item_id) == (
            "gemeente Assen",
            SignalKind.BOTTLENECK,
            "Ouderen uit beeld",
            saved.agenda[2].id,
        )
        [decision] = saved.decisions
        assert (decision.text, decision.rationale, decision.item_id) == (
            "Knelpunten naar VNG",
            "Speelt overal",
            saved.agenda[2].id,
        )
        await pilot.press("x", "y")
        await pilot.pause()
        assert store.load(session.id).decisions == []


async def test_ctrl_t_captures_an_action_linked_to_the_current_item(make_app, store: Store) -> None:
    session = meeting()
    session.start(FROZEN_NOW)  # a running meeting opens with the note editor focused
    session.current_item = 1
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("e", *"typing a note")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Notitie schrijven", "tab", *"jer", "tab", *"2026-10-01", "enter")
        await pilot.pause()
        saved = store.load(session.id)
        [action] = saved.actions
        assert (action.text, action.owner_id, action.due.isoformat(), action.item_id) == (
            "Notitie schrijven",
            saved.participants[1].id,
            "2026-10-01",
            saved.agenda[1].id,
        )
        assert saved.agenda[1].notes[0].text == "typing a note"


async def test_a_bad_due_date_keeps_the_action_form_open(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Iets doen", "tab", *"zo", "tab", *"31-02-2026", "enter")
        await pilot.pause()
        assert "date" in str(app.screen.query_one("#form-error", Static).content).lower()
        assert store.load(session.id).actions == []


async def test_the_screen_survives_resizing(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        for size in ((120, 40), (60, 16), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert "Item 1/3 · Opening" in screen_text(app)
        await pilot.press("f6")
        await pilot.pause()
        assert "Housing first" not in bar(app, "item-bar") and "F6 Board" in screen_text(app)


async def test_the_palette_offers_run_actions(make_app, store: Store) -> None:
    session = meeting()
    session.start(FROZEN_NOW)  # a running meeting opens with the note editor focused
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("e", *"first note", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"confidential")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert store.load(session.id).agenda[0].notes[0].confidential


def demo_running():
    demo = build_demo(today=FROZEN_NOW.date())
    demo.status = SessionStatus.DRAFT
    demo.started_at = demo.ended_at = None
    for item in demo.agenda:
        item.started_at = item.ended_at = None
        item.status = "planned"
    demo.current_item = 0
    demo.start(FROZEN_NOW - timedelta(minutes=47))
    demo.go_to(2, FROZEN_NOW - timedelta(minutes=28))
    return demo


def snapshot_of(*keys: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        session = app.store.add(demo_running())
        app.open_session(session.id, "run")
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_snapshot_run_notes(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f5"))


def test_snapshot_run_board(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f6"))


def test_snapshot_run_signals(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f7"))


def test_snapshot_run_decisions(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=snapshot_of("f8"))


async def test_the_board_keys_show_on_the_board_and_in_runs_help(make_app, store: Store) -> None:
    from sdtui.tui.screens.help import HelpScreen

    session = meeting()
    session.current_item = 1
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("f7")
        await pilot.pause()
        assert "Restore" not in footer_text(app)  # the board's keys stay with the board
        await pilot.press("f6")
        await pilot.pause()
        assert footer_text(app).startswith("f1 Help ^t Action ^n Next ^r Prev a Add r Restore v Renovate")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        for static in app.screen.query(Static):  # the whole list, also what is scrolled out of view
            console.print(static.content)
        listed = console.export_text()
        for help_text in (
            "Selected participant: restore",
            "Decision of this round and its rationale",
            "Edit what changed for this topic",
            "Next topic on this item's board",
            "Next agenda item",
        ):
            assert help_text in listed, help_text


async def test_w_edits_what_changed_and_t_shows_the_next_topic(make_app, store: Store) -> None:
    session = meeting()
    session.current_item = 1
    session.add_round("Thuiswerken: houden we het?", item_id=session.agenda[1].id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("f6", "w")
        await pilot.pause()
        await pilot.press(*"Nieuw: ", "ctrl+o")
        await pilot.pause()
        changed = store.load(session.id).rounds[0].what_changed
        assert "Nieuw:" in changed and "Iedereen kreeg een woning." in changed
        assert "Topic 1/2" in screen_text(app) and "Nieuw:" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert "Topic 2/2" in screen_text(app) and "Thuiswerken: houden we het?" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert "Topic 1/2" in screen_text(app)


async def test_a_on_an_empty_board_adds_a_topic_to_the_item_in_view(make_app, store: Store) -> None:
    session = meeting()  # the opening, item 1, has no topic
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert "No restore-or-renovate topic on this item." in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Welkomstkoffie: terug naar vroeger?", "ctrl+o")
        await pilot.pause()
        saved = store.load(session.id)
        assert [(r.topic, r.item_id) for r in saved.rounds_for(saved.agenda[0].id)] == [
            ("Welkomstkoffie: terug naar vroeger?", saved.agenda[0].id)
        ]
        assert "Welkomstkoffie: terug naar vroeger?" in screen_text(app)


async def test_x_removes_a_note_after_asking(make_app, store: Store) -> None:
    session = meeting()
    session.add_note(session.agenda[0].id, "Eerste")
    session.add_note(session.agenda[0].id, "Tweede")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("x", "y")  # the last note is selected
        await pilot.pause()
        assert [n.text for n in store.load(session.id).agenda[0].notes] == ["Eerste"]


def footer_text(app) -> str:
    """The footer, the last line of the screen, with single spaces."""
    return " ".join(screen_text(app).split("\n")[-1].split())


async def test_the_board_tells_undecided_from_not_asked_and_a_new_topic_starts_at_the_first_person(
    make_app, store: Store
) -> None:
    session = meeting()
    session.current_item = 1
    session.add_round("Digitaal werken: blijven we het doen?", item_id=session.agenda[1].id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("f6", "u")  # Zoë: undecided; the others have not been asked
        await pilot.pause()
        rows = table_rows(app, "positions")
        assert rows == [["Zoë Hendriks", "undecided"], ["Jeroen Bakker", "-"], ["Fatima El Amrani", "-"]]
        await pilot.press("down")  # on Fatima, the last
        await pilot.press("t")  # the next topic of this item
        await pilot.pause()
        assert "Digitaal werken" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        people = {p.name: p.id for p in store.load(session.id).participants}
        assert store.load(session.id).rounds[1].positions == {people["Zoë Hendriks"]: Position.RESTORE}


async def test_the_list_of_notes_shows_the_line_typed_once_typing_pauses(make_app, store: Store) -> None:
    session = meeting()
    session.start(FROZEN_NOW)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("e", *"Welkom allemaal")
        await pilot.pause(0.8)  # past the half second the list waits for typing to pause
        assert table_rows(app, "notes-table") == [["Welkom allemaal"]]
        await pilot.press("enter", *"tweede regel")
        await pilot.pause(0.8)
        assert table_rows(app, "notes-table") == [["Welkom allemaal"]]  # the list shows the first line
