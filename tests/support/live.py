"""A running meeting to publish and follow (tests of sdtui.publish, sdtui.follow and their views)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sdtui.model import Session

STARTED = datetime(2026, 6, 18, 14, 0)
SECRET = "Geheim: de wethouder treedt af"


def running_meeting(now: datetime = STARTED) -> Session:
    """Eight items, the third running, with a board, a confidential and a public note."""
    session = Session(
        "Netwerkbijeenkomst juni",
        network="Wmo-netwerk",
        date=date(2026, 6, 18),
        start_time=time(14, 0),
        end_time=time(16, 30),
    )
    ruud = session.add_participant("Ruud Verhoeven", "gemeente Tilburg")
    zoe = session.add_participant("Zoë Hendriks", "gemeente Assen")
    session.add_participant("Ingrid Mulder", "Sociaal Werk Nederland")
    for title, presenter in (
        ("Opening", ""),
        ("Actielijst", ""),
        ("Housing first", "Ruud Verhoeven"),
        ("Signalenronde", ""),
        ("Pauze", ""),
        ("Online vergaderen", "Zoë Hendriks"),
        ("Rondvraag", ""),
        ("Sluiting", ""),
    ):
        session.add_item(title, presenter=presenter, timebox=15)
    session.start(now)
    session.go_to(2, now + timedelta(minutes=20))
    housing = session.agenda[2]
    round_ = session.add_round("Opvang van daklozen", item_id=housing.id, what_changed="Noodverordening")
    session.add_argument(round_.id, "restore", "Oude regels zijn bekend")
    session.add_argument(round_.id, "renovate", "Iedereen kreeg binnen tien dagen een woning")
    session.set_position(round_.id, ruud.id, "renovate")
    session.set_position(round_.id, zoe.id, "restore")
    session.add_note(housing.id, SECRET, confidential=True)
    session.add_note(housing.id, "Tilburg deelt de aanpak")
    return session
