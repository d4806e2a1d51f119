"""Hostile text through every field: a session holding it, where each field is, and whether text stayed safe."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len

from sdtui.model import Note, Session, ValidationError
from sdtui.tui.app import SdtuiApp

from .ui import FROZEN_NOW, SIZE, screen_text


def base_session() -> Session:
    """A small meeting with one of everything, so each hostile string can sit in every field."""
    session = Session(
        "Netwerkbijeenkomst",
        network="Wmo-netwerk",
        date=FROZEN_NOW.date(),
        start_time="13:30",
        end_time="16:00",
        place="Utrecht",
        online_link="https://meet.example.nl/x",
        chair="Ruud",
        guest_speakers=["Evert"],
    )
    session.add_participant("Ruud Verhoeven", "gemeente Tilburg")
    session.add_participant("Zoë Hendriks", "gemeente Huizen")
    session.add_item("Opening", presenter="Ruud")
    item = session.add_item("Housing first", presenter="Ruud")
    item.notes.append(Note("Tilburg vertelt."))
    round_ = session.add_round("Housing first?", item_id=item.id, what_changed="Iedereen een woning.")
    round_.restore_args.append("Te duur")
    round_.renovate_args.append("Het werkt")
    round_.rationale = "Meerderheid"
    session.add_signal("gemeente Assen", "bottleneck", "Ouderen uit beeld", item_id=item.id)
    session.add_decision("Housing first blijft", "Het werkt", item_id=item.id)
    session.add_action("Notitie schrijven", "Zoë", "2026-07-01", item_id=item.id)
    session.start(FROZEN_NOW)
    return Session.from_dict(session.to_dict())


# Every free-text field of a session, as a path into Session.to_dict() of base_session().
FIELDS: tuple[tuple[Any, ...], ...] = (
    ("title",),
    ("network",),
    ("place",),
    ("online_link",),
    ("chair",),
    ("guest_speakers", 0),
    ("participants", 1, "name"),
    ("participants", 1, "organisation"),
    ("agenda", 1, "title"),
    ("agenda", 1, "presenter"),
    ("agenda", 1, "notes", 0, "text"),
    ("rounds", 0, "topic"),
    ("rounds", 0, "what_changed"),
    ("rounds", 0, "restore_args", 0),
    ("rounds", 0, "renovate_args", 0),
    ("rounds", 0, "rationale"),
    ("signals", 0, "organisation"),
    ("signals", 0, "text"),
    ("decisions", 0, "text"),
    ("decisions", 0, "rationale"),
    ("actions", 0, "text"),
)


CONTROLS = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


def with_text(data: dict[str, Any], path: tuple[Any, ...], value: str) -> dict[str, Any]:
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def read(data: dict[str, Any], path: tuple[Any, ...]) -> str:
    for step in path:
        data = data[step]
    return data


def hostile_session(*values: str) -> Session:
    """The values in turn across the fields, each in every field it fits (the others keep their text)."""
    data = base_session().to_dict()
    for number, path in enumerate(FIELDS):
        value = values[number % len(values)]
        try:
            Session.from_dict(with_text(base_session().to_dict(), path, value))
        except ValidationError:
            continue
        with_text(data, path, value)
    return Session.from_dict(data)


def terminal_safe(text: str) -> bool:
    """Nothing that a terminal would act on: no control character, no escape sequence."""
    return not any(ch in CONTROLS for ch in text.replace("\n", ""))


def squeezed_lines(app: SdtuiApp) -> list[str]:
    return screen_text(app).split("\n")


def assert_screen_intact(app: SdtuiApp, where: str) -> None:
    lines = squeezed_lines(app)
    assert len(lines) == SIZE[1], where
    assert all(terminal_safe(line) for line in lines), where
    too_wide = [line for line in lines if cell_len(line) > SIZE[0]]
    assert not too_wide, (where, too_wide)


def strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
