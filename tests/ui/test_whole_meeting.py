"""A whole meeting from an empty store, by keys only: prepare, run, close, export; then the minutes."""

from __future__ import annotations

from datetime import datetime, timedelta

from sdtui.store import Store

from ..support.markdown import headings, parse, tables, text_of, walk
from ..support.ui import FROZEN_NOW, SIZE


class Clock:
    def __init__(self) -> None:
        self.now = FROZEN_NOW

    def __call__(self) -> datetime:
        return self.now


async def test_a_whole_meeting_by_keys_gives_the_minutes(make_app, store: Store) -> None:
    clock = Clock()
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:

        async def keys(*pressed: str) -> None:
            await pilot.press(*pressed)
            await pilot.pause()

        # Home, empty: a new session.
        await keys("n")
        await keys(
            *"Netwerkbijeenkomst oktober",
            "tab",
            *"Wmo-netwerk",
            "tab",
            *"2026-10-08",
            "tab",
            *"14:00",
            "tab",
            *"15:00",
            "enter",
        )
        assert app.screen.SCREEN_NAME == "prepare"

        # Prepare: three participants, one sends apologies.
        await keys("f6")
        for name, organisation in (
            ("Zoë Hendriks", "gemeente Huizen"),
            ("Jeroen Bakker", "gemeente Assen"),
            ("Fatima El Amrani", "gemeente Zwijndrecht"),
        ):
            await keys("a")
            await keys(*name, "tab", *organisation, "ctrl+o")
        await keys("space")  # Fatima: absent with apologies

        # The agenda, with a topic from the prompt library on the second item.
        await keys("f7")
        for title, minutes in (("Opening", "10"), ("Housing first", "30"), ("Signalen", "15")):
            await keys("a")
            await keys(*title, "tab", "tab", "tab", *minutes, "enter")
            if title == "Housing first":
                await keys("p")
                await keys("enter")

        # Run: start, a public and a confidential note.
        await keys("f3")
        await keys("n")
        await keys("e", *"Welkom aan iedereen, [bold]ook[/] online.")
        await keys("escape", "a")
        await keys(*"Casus mevrouw J.", "ctrl+l")

        # The restore-or-renovate round.
        clock.now += timedelta(minutes=12)
        await keys("ctrl+n", "f6")
        await keys("v", "r")
        await keys("d")
        await keys("enter", "down", "down", "enter", "tab", *"Een veilige plek eerst.", "ctrl+o")
        await keys("ctrl+t")
        await keys(*"Notitie | aanpak schrijven", "tab", *"zo", "tab", *"2026-11-01", "enter")

        # Signals and a decision.
        clock.now += timedelta(minutes=35)
        await keys("ctrl+n", "f7", "a")
        await keys(*"gemeente Assen", "tab", "enter", "down", "enter", "tab", *"Ouderen uit beeld", "ctrl+o")
        await keys("f8", "a")
        await keys(*"# Knelpunten naar VNG", "tab", *"Speelt overal", "ctrl+o")

        # Close: finish and export.
        clock.now += timedelta(minutes=10)
        await keys("f4")
        await keys("f")
        await keys("y")
        await keys("e")
        await keys("ctrl+q")

    [path] = store.minutes_dir.iterdir()
    tree = parse(path.read_text(encoding="utf-8"))
    assert headings(tree, "h1") == ["Netwerkbijeenkomst oktober"]
    assert headings(tree, "h2") == [
        "Deelnemers",
        "Agenda",
        "Verloop",
        "Restaureren of renoveren",
        "Signalen",
        "Besluiten",
        "Actiepunten",
    ]
    assert "Afwezig met bericht" in headings(tree, "h3")
    assert not any(n.type == "blockquote" for n in walk(tree))  # closed: not a draft
    agenda, tally, actions = tables(tree)
    assert [row[1] for row in agenda[1:]] == ["Opening", "Housing first", "Signalen"]
    assert [row[3] for row in agenda[1:]] == ["14:00 (10 min)", "14:10 (30 min)", "14:40 (15 min)"]
    assert agenda[1][4] == "14:05–14:17 (12 min)"
    assert [row[:3] for row in tally[1:]] == [
        ["restaureren", "1", "Jeroen Bakker"],
        ["renoveren", "1", "Zoë Hendriks"],
        ["nog geen keuze", "0", ""],
    ]
    assert actions[1] == ["Notitie | aanpak schrijven", "Zoë Hendriks (gemeente Huizen)", "1 november 2026", "open"]
    text = text_of(tree)
    assert "Welkom aan iedereen, [bold]ook[/] online." in text
    assert "Casus mevrouw J." not in text
    assert "Besluit: renoveren" in text and "Een veilige plek eerst." in text
    assert "gemeente Assen: Ouderen uit beeld" in text
    assert "# Knelpunten naar VNG" in text
