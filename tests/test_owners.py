"""The owner of an action from a few letters, and its default due date (sdtui/owners.py)."""

from __future__ import annotations

from datetime import date

from sdtui.model import Attendance, Session
from sdtui.owners import best_owner, default_due, match_owners


def people() -> Session:
    session = Session("Netwerkbijeenkomst")
    session.add_participant("Zoë Hendriks", "gemeente Huizen")
    session.add_participant("Jeroen Bakker", "gemeente Assen")
    session.add_participant("Anouk Veldhuis", "gemeente Zwolle")
    session.add_participant("Bram de Wit", "Sociaal Werk Nederland", attendance=Attendance.APOLOGIES)
    session.add_participant("Bas Zonneveld", "gemeente Breda")
    return session


def test_the_first_letters_of_a_name_pick_the_owner_whatever_the_case_and_accents() -> None:
    session = people()
    assert best_owner(session.participants, "zo").name == "Zoë Hendriks"
    assert best_owner(session.participants, "ZOË").name == "Zoë Hendriks"
    assert best_owner(session.participants, "jer").name == "Jeroen Bakker"


def test_a_surname_and_then_an_organisation_fit_too() -> None:
    session = people()
    assert best_owner(session.participants, "bak").name == "Jeroen Bakker"
    assert best_owner(session.participants, "ass").name == "Jeroen Bakker"  # gemeente Assen
    assert best_owner(session.participants, "zwo").name == "Anouk Veldhuis"


def test_a_first_name_beats_a_surname_and_those_present_come_first() -> None:
    session = people()
    assert [p.name for p in match_owners(session.participants, "b")] == [
        "Bas Zonneveld",
        "Bram de Wit",
        "Jeroen Bakker",
    ]  # Bram sent apologies
    assert [p.name for p in match_owners(session.participants, "z")][:2] == ["Zoë Hendriks", "Bas Zonneveld"]


def test_nothing_typed_or_nobody_fitting_picks_nobody() -> None:
    session = people()
    assert best_owner(session.participants, "") is None
    assert best_owner(session.participants, "   ") is None
    assert best_owner(session.participants, "xq") is None


def test_an_id_picks_that_participant() -> None:
    session = people()
    assert best_owner(session.participants, session.participants[2].id) is session.participants[2]


def test_due_by_default_at_the_next_meeting_else_two_weeks_on() -> None:
    june = date(2026, 6, 18)
    assert default_due(june, [date(2026, 9, 17)], date(2026, 6, 18)) == date(2026, 9, 17)
    assert default_due(june, [None, date(2026, 5, 1), date(2026, 10, 1), date(2026, 9, 17)], june) == date(2026, 9, 17)
    assert default_due(june, [], june) == date(2026, 7, 2)
    assert default_due(None, [], date(2026, 12, 2)) == date(2026, 12, 16)
