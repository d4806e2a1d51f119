"""Templates and own prompts, driven by keys: new from a template, save as template, own prompts."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from sdtui.i18n import set_language
from sdtui.library import OwnLibrary
from sdtui.model import ItemKind, Language, Session
from sdtui.prompts import PROMPTS
from sdtui.store import Store
from sdtui.templates import TEMPLATES
from sdtui.tui.screens.library import PromptPicker, TemplatePicker
from sdtui.tui.screens.prepare import PrepareScreen

from ..support.prepare import open_prepare, small_session
from ..support.ui import SIZE, screen_text


def agenda_of(session: Session) -> list[tuple[str, ItemKind, int]]:
    return [(item.title, item.kind, item.timebox) for item in session.agenda]


async def pick_template(pilot, downs: int) -> None:
    await pilot.press("t")
    await pilot.pause()
    await pilot.press(*["down"] * downs, "enter")
    await pilot.pause()


async def test_t_on_home_starts_a_session_from_a_built_in_template_in_dutch(make_app, store: Store) -> None:
    set_language("nl")
    app = make_app()
    crisis = TEMPLATES[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TemplatePicker)
        assert crisis.title("nl") in screen_text(app) and crisis.describe("nl") in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert crisis.title("nl") in screen_text(app)  # the form offers the template's name as title
        await pilot.press("tab", "tab", *"Wmo-netwerk", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        [summary] = store.list()
        session = store.load(summary.id)
    assert (session.title, session.network, session.language) == (crisis.title("nl"), "Wmo-netwerk", Language.NL)
    assert agenda_of(session) == [(item.title["nl"], item.kind, item.timebox) for item in crisis.items]
    assert {r.topic for r in session.rounds} >= {PROMPTS[0].text("nl")}  # housing first, in Dutch
    assert (session.start_time.isoformat(timespec="minutes"), session.end_time.isoformat(timespec="minutes")) == (
        "13:30",
        "15:40",
    )  # the end follows from the timeboxes


async def test_the_user_picks_english_for_a_session_from_a_built_in_template(make_app, store: Store) -> None:
    set_language("nl")  # a Dutch UI, an English meeting
    app = make_app()
    guest = TEMPLATES[0]
    async with app.run_test(size=SIZE) as pilot:
        await pick_template(pilot, 0)
        await pilot.press("ctrl+a", "ctrl+k", *"Meeting with our guest", "tab", "enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # Dutch, English: pick English
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        [summary] = store.list()
        session = store.load(summary.id)
        await pilot.press("f7")
        await pilot.pause()
        assert "Guest speaker: presentation" in screen_text(app)
    assert (session.title, session.language) == ("Meeting with our guest", Language.EN)
    assert [item.title for item in session.agenda] == [item.title["en"] for item in guest.items]
    assert session.rounds[0].topic == guest.items[4].topics[0].topic["en"]


async def test_a_bad_date_in_the_template_form_keeps_the_form_open_and_stores_nothing(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pick_template(pilot, 2)
        await pilot.press("tab", "tab", "tab", "ctrl+a", "ctrl+k", *"2026-02-30", "enter")
        await pilot.pause()
        assert "2026-02-30" in str(app.screen.query_one("#form-error", Static).content)
        assert store.list() == []


async def test_save_as_template_on_prepare_then_start_a_session_from_it(make_app, store: Store) -> None:
    session = small_session()
    session.add_round("Wijkbudget: [bold]terug[/]?", item_id=session.agenda[1].id, what_changed="Op.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", "enter")  # an empty name is refused in the form
        await pilot.pause()
        assert "cannot be empty" in str(app.screen.query_one("#form-error", Static).content)
        await pilot.press(*"Mijn [b]agenda[/b]", "enter")
        await pilot.pause()
        [template] = OwnLibrary(store.root).templates()
        assert template.title("nl") == "Mijn [b]agenda[/b]"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "Mijn [b]agenda[/b]" in screen_text(app)  # user text is never markup
        await pilot.press("end", "enter")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Oktober", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        new = next(store.load(s.id) for s in store.list() if s.title == "Oktober")
    assert agenda_of(new) == agenda_of(session)
    assert [(r.topic, r.what_changed) for r in new.rounds] == [("Wijkbudget: [bold]terug[/]?", "Op.")]
    assert new.rounds[0].item_id == new.agenda[1].id
    assert not new.participants


async def test_an_own_template_is_removed_from_the_picker_after_asking(make_app, store: Store) -> None:
    from sdtui.templates import Template

    OwnLibrary(store.root).add_template(Template.from_session(small_session(), "Weg ermee"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("x")  # a built-in one stays
        await pilot.pause()
        assert len(app.screen.query_one(OptionList).options) == len(TEMPLATES) + 1
        await pilot.press("end", "x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert OwnLibrary(store.root).templates() == []
        assert len(app.screen.query_one(OptionList).options) == len(TEMPLATES)


async def test_a_damaged_templates_file_is_reported_and_the_built_in_ones_still_work(make_app, store: Store) -> None:
    (store.root / "templates.json").write_text("{torn", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        error = str(app.screen.query_one("#library-error", Static).content)
        assert "templates.json" in error and "damaged" in error
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert len(store.list()) == 1
    assert (store.root / "templates.json").read_text(encoding="utf-8") == "{torn"


async def test_an_own_prompt_is_written_attached_and_removed_in_the_library(make_app, store: Store) -> None:
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f7")
        await pilot.press("down", "p")
        await pilot.pause()
        assert isinstance(app.screen, PromptPicker)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # nothing typed: refused, the form stays
        await pilot.pause()
        assert "cannot be empty" in str(app.screen.query_one("#form-error", Static).content)
        await pilot.press(
            *"Wijkbudget: [red]houden[/] we het?", "tab", *"Het budget loopt af.", "tab", *"Het geld is op.", "ctrl+o"
        )
        await pilot.pause()
        assert isinstance(app.screen, PromptPicker)
        assert "Wijkbudget: [red]houden[/] we het? (own)" in screen_text(app)
        [own] = OwnLibrary(store.root).prompts()
        await pilot.press("enter")  # the new prompt is highlighted: Enter attaches it
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        [round_] = store.load(session.id).rounds
        assert (round_.topic, round_.what_changed, round_.prompt_id) == (
            "Wijkbudget: [red]houden[/] we het?",
            "Het geld is op.",
            own.id,
        )
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("home", "x")  # a built-in prompt is not removed
        await pilot.pause()
        assert len(app.screen.query_one(OptionList).options) == len(PROMPTS) + 1
        await pilot.press("end", "x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert OwnLibrary(store.root).prompts() == []
        assert len(app.screen.query_one(OptionList).options) == len(PROMPTS)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert store.load(session.id).rounds[0].topic == "Wijkbudget: [red]houden[/] we het?"  # kept its words


async def test_own_prompts_outlive_the_app(make_app, store: Store) -> None:
    OwnLibrary(store.root).add_prompt("Wijkbudget: houden we het?", "Het budget loopt af.")
    session = small_session()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_prepare(app, store, session, pilot, "f7")
        await pilot.press("p", "end", "enter")
        await pilot.pause()
    assert store.load(session.id).rounds[0].topic == "Wijkbudget: houden we het?"


async def test_t_on_close_keeps_a_held_meeting_as_a_template_without_what_happened(make_app, store: Store) -> None:
    from sdtui.demo import build_demo
    from sdtui.tui.screens.close import CloseScreen

    demo = store.add(build_demo(language="en"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_session(demo.id)
        await pilot.pause()
        assert isinstance(app.screen, CloseScreen)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"x" * 61, "enter")  # too long: refused, nothing kept
        await pilot.pause()
        assert "too long" in str(app.screen.query_one("#form-error", Static).content)
        assert OwnLibrary(store.root).templates() == []
        await pilot.press("ctrl+a", "ctrl+k", *"June meeting", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CloseScreen)
    [template] = OwnLibrary(store.root).templates()
    again = template.new_session("September", "en")
    assert [(i.title, i.kind, i.timebox) for i in again.agenda] == [(i.title, i.kind, i.timebox) for i in demo.agenda]
    assert [(r.topic, r.prompt_id) for r in again.rounds] == [(r.topic, r.prompt_id) for r in demo.rounds]
    assert not any(item.notes for item in again.agenda) and not again.decisions


def test_snapshot_template_picker(snap_compare, make_app, store: Store) -> None:
    from sdtui.templates import Template

    OwnLibrary(store.root).add_template(Template.from_session(small_session(), "Mijn [b]agenda[/b]", "own-snap22"))
    assert snap_compare(make_app(), terminal_size=SIZE, press=["t"])


def test_snapshot_prompt_library_with_an_own_prompt(snap_compare, make_app, store: Store) -> None:
    async def run_before(pilot) -> None:
        session = store.add(small_session())
        pilot.app.open_session(session.id, "prepare")
        await pilot.pause()
        await pilot.press("f7", "p", "end")
        await pilot.pause()

    library = OwnLibrary(store.root)
    library.add_prompt("Wijkbudget: [red]houden[/] we het?", "Het budget loopt af.")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
