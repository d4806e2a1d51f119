"""The record a network stands behind: approving the minutes with their amendments, who is in the
room and whether there is a quorum, replanning while the meeting runs, and forgetting a person.

Plain Python over one session. Each function here is also a method of `Session` (model.py
assigns them: `Session.approve is record.approve`), so screens and commands keep saying
`session.approve(day)`; the rules are kept here so model.py stays about the meeting itself.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TYPE_CHECKING

from .i18n import _
from .mentions import find_mentions, replace_in_strings
from .parts import AgendaItem, Amendment, Arrival, Attendance, ItemStatus, Movement, PlaceKind, SessionStatus, find_part
from .text import fold
from .validation import ValidationError, clean_line, parse_count, parse_date, parse_timebox

if TYPE_CHECKING:
    from .model import Session


# --- approving the minutes ----------------------------------------------------------------


def _refuse_when_approved(session: Session) -> None:
    if session.approved_on is not None:
        raise ValidationError(
            _("These minutes were approved on {date}; they take no more amendments.").format(
                date=session.approved_on.isoformat()
            ),
            "amendments",
        )


def add_amendment(session: Session, text: str, by: str = "", on: date | str | None = None) -> Amendment:
    """Record a change to these minutes asked for at the next meeting; the original text is kept."""
    if session.status is not SessionStatus.CLOSED:
        raise ValidationError(
            _("The meeting has not been closed; its minutes can still be changed directly."), "amendments"
        )
    _refuse_when_approved(session)
    amendment = Amendment(text, by, parse_date(on, "Date", "on"))
    session.amendments.append(amendment)
    return amendment


def remove_amendment(session: Session, amendment_id: str) -> None:
    """Take back an amendment, while the minutes are not yet approved."""
    _refuse_when_approved(session)
    session.amendments.remove(find_part(session.amendments, amendment_id))


def approve(session: Session, on: date | str) -> Session:
    """Mark the minutes approved on `on` (the day of the meeting that adopted them)."""
    day = parse_date(on, "Approved on", "approved_on")
    if day is None:
        raise ValidationError(_("Approving minutes needs a date."), "approved_on")
    if session.status is not SessionStatus.CLOSED:
        raise ValidationError(
            _("The meeting has not been closed yet; close it before its minutes are approved."), "approved_on"
        )
    if session.approved_on is not None:
        raise ValidationError(
            _("These minutes were already approved on {date}.").format(date=session.approved_on.isoformat()),
            "approved_on",
        )
    session.approved_on = day
    for amendment in session.amendments:
        if amendment.on is None:
            amendment.on = day
    return session


# --- live attendance ----------------------------------------------------------------------


def set_quorum(session: Session, quorum: int | str) -> Session:
    """How many members must be in the room to decide (0 for no quorum); at most the number of members."""
    number = parse_count(quorum, "Quorum")
    if number > len(session.members):
        raise ValidationError(
            _("A quorum of {quorum} is more than the {members} members of this meeting.").format(
                quorum=number, members=len(session.members)
            ),
            "quorum",
        )
    session.quorum = number
    return session


def mark_arrival(session: Session, participant_id: str, now: datetime) -> Arrival:
    """Someone comes in: present from now on, with the time noted."""
    person = session.participant(participant_id)
    person.attendance = Attendance.PRESENT
    arrival = Arrival(person.id, Movement.ARRIVED, now)
    session.arrivals.append(arrival)
    return arrival


def mark_departure(session: Session, participant_id: str, now: datetime) -> Arrival:
    """Someone leaves: they stay on the list as present, but are not in the room for what follows."""
    person = session.participant(participant_id)
    if person not in session.in_room:
        raise ValidationError(_("{name} is not in the room.").format(name=person.name), "attendance")
    departure = Arrival(person.id, Movement.LEFT, now)
    session.arrivals.append(departure)
    return departure


def toggle_in_room(session: Session, participant_id: str, now: datetime) -> Arrival:
    """Arrival when the person is not in the room, departure when they are: one key for both."""
    person = session.participant(participant_id)
    if person in session.in_room:
        return mark_departure(session, person.id, now)
    return mark_arrival(session, person.id, now)


# --- live replanning ----------------------------------------------------------------------


def shorten_item(session: Session, item_id: str, minutes: int = 5) -> AgendaItem:
    """Take `minutes` off an item's timebox, never below zero."""
    item = session.agenda_item(item_id)
    item.timebox = max(0, item.timebox - parse_timebox(minutes))
    return item


def skip_item(session: Session, item_id: str, now: datetime) -> AgendaItem:
    """Drop an item from this meeting for lack of time; it does not come back unless it is standing."""
    return _set_aside(session, item_id, ItemStatus.SKIPPED, now)


def move_to_next_meeting(session: Session, item_id: str, now: datetime) -> AgendaItem:
    """Put an item off to the next meeting: it carries over, and the minutes say it was moved."""
    return _set_aside(session, item_id, ItemStatus.MOVED, now)


def _set_aside(session: Session, item_id: str, status: ItemStatus, now: datetime) -> AgendaItem:
    item = session.agenda_item(item_id)
    if item.status is ItemStatus.DONE:
        raise ValidationError(_("{title!r} has already been dealt with.").format(title=item.title), "status")
    if item.status is ItemStatus.RUNNING:
        item.ended_at = now
    item.status = status
    return item


# --- the right to be forgotten ------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """One place a person appears in a session: what kind of place, what it is about, and the text there."""

    session_id: str
    kind: PlaceKind
    label: str
    """What the place is about, as the session has it: a note's item, an action's text, a round's topic."""
    text: str


def places_of(session: Session, name: str) -> list[Place]:
    """Every place `name` appears in this session, ignoring case and accents (see mentions.py)."""
    wanted = " ".join(fold(name).split())
    people = {p.id: p for p in session.participants if " ".join(fold(p.name).split()) == wanted}
    places = [Place(session.id, kind, label, text) for kind, label, text in find_mentions(session.to_dict(), name)]
    for action in session.actions:
        if action.owner_id in people:
            places.append(Place(session.id, PlaceKind.OWNER, action.text, people[action.owner_id].name))
    for round_ in session.rounds:
        for pid in round_.positions:
            if pid in people:
                places.append(Place(session.id, PlaceKind.POSITION, round_.topic, people[pid].name))
    for arrival in session.arrivals:
        if arrival.participant_id in people:
            places.append(
                Place(session.id, PlaceKind.ARRIVAL, arrival.at.strftime("%H:%M"), people[arrival.participant_id].name)
            )
    return places


def forget(session: Session, name: str, pseudonym: str) -> list[Place]:
    """Replace `name` everywhere in this session with `pseudonym`; the places it was, empty when none.

    The person keeps their id, so what they own, where they stood and when they came stay
    theirs, under the pseudonym. Everything is checked again as a new session would be.
    """
    places = places_of(session, name)
    if not places:
        return []
    pseudonym = clean_line(pseudonym, "Pseudonym", required=True)
    fresh = type(session).from_dict(replace_in_strings(session.to_dict(), name, pseudonym))
    for name_ in (f.name for f in fields(session)):
        setattr(session, name_, getattr(fresh, name_))
    return places
