"""Attendance history of a network: who came how often, counted over the meetings that were held."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sdtui.attendance import attendance, held_meetings, network_sessions, networks
from sdtui.model import Session
from sdtui.store import Store

TODAY = date(2026, 11, 26)


def meeting(day: str, people: dict[str, str], *, network: str = "Wmo-netwerk", status: str = "closed") -> Session:
    session = Session(f"Bijeenkomst {day}", network=network, date=day, status=status)
    for name, state in people.items():
        session.add_participant(name, "Gemeente Breda", attendance=state)
    return session


def test_counts_present_apologies_and_absent_over_the_networks_meetings() -> None:
    sessions = [
        meeting("2026-03-12", {"Zoë Bakker": "present", "Ahmed El Amrani": "apologies", "Kees Jansen": "absent"}),
        meeting("2026-06-18", {"zoe bakker": "present", "Ahmed El Amrani": "present"}),
        meeting("2026-09-17", {"Zoë Bakker": "apologies", "Ahmed El Amrani": "present", "Nieuw Lid": "present"}),
        meeting("2026-09-01", {"Zoë Bakker": "present"}, network="Jeugdnetwerk"),
    ]
    rows = {row.name: row for row in attendance(sessions, "wmo-NETWERK", TODAY)}
    assert set(rows) == {"Zoë Bakker", "Ahmed El Amrani", "Kees Jansen", "Nieuw Lid"}
    zoe = rows["Zoë Bakker"]  # the same person whatever the case or accents
    assert (zoe.present, zoe.apologies, zoe.absent, zoe.meetings) == (2, 1, 0, 3)
    assert zoe.last_present == date(2026, 6, 18)
    assert (rows["Ahmed El Amrani"].present, rows["Ahmed El Amrani"].apologies) == (2, 1)
    assert rows["Ahmed El Amrani"].last_present == date(2026, 9, 17)
    newcomer = rows["Nieuw Lid"]  # on the list of one of the three meetings only
    assert (newcomer.present, newcomer.apologies, newcomer.absent, newcomer.meetings) == (1, 0, 0, 3)
    assert (rows["Kees Jansen"].present, rows["Kees Jansen"].absent) == (0, 1)


def test_most_often_present_comes_first() -> None:
    sessions = [
        meeting("2026-03-12", {"Bram": "present", "Anna": "apologies", "Carla": "present"}),
        meeting("2026-06-18", {"Bram": "present", "Anna": "absent", "Carla": "apologies"}),
    ]
    assert [row.name for row in attendance(sessions, "Wmo-netwerk", TODAY)] == ["Bram", "Carla", "Anna"]


def test_only_meetings_that_were_held_count() -> None:
    held = meeting("2026-06-18", {"Zoë": "present"})
    past_draft = meeting("2026-09-17", {"Zoë": "absent"}, status="draft")
    next_meeting = meeting("2026-12-10", {"Zoë": "present"}, status="draft")
    undated = Session("Zonder datum", network="Wmo-netwerk")
    assert held_meetings([next_meeting, undated, past_draft, held], "Wmo-netwerk", TODAY) == [held, past_draft]
    [row] = attendance([held, past_draft, next_meeting, undated], "Wmo-netwerk", TODAY)
    assert (row.present, row.absent, row.meetings) == (1, 1, 2)


def test_a_network_without_meetings_has_no_rows() -> None:
    assert attendance([meeting("2026-06-18", {"Zoë": "present"})], "Jeugdnetwerk", TODAY) == []


def test_the_store_gives_the_sessions_of_one_network(tmp_path: Path) -> None:
    with Store(tmp_path / "store") as store:
        wmo = store.add(meeting("2026-06-18", {"Zoë": "present"}))
        store.add(meeting("2026-06-19", {"Zoë": "present"}, network="Jeugdnetwerk"))
        store.add(meeting("2026-06-20", {"Zoë": "present"}, network="WMO-netwerk "))
        sessions, problems = network_sessions(store, "wmo-netwerk")
        assert problems == [] and wmo.id in [s.id for s in sessions] and len(sessions) == 2
        assert networks(store) == ["Jeugdnetwerk", "WMO-netwerk"]  # each once, as its newest meeting spells it
