"""The meeting as plain Python: sessions, participants, agenda, rounds, signals, decisions, actions.

Nothing here imports Textual or touches the disk. Every rule about what a valid meeting looks
like lives here, so the TUI, the CLI and the store all enforce the same rules and report the
same readable messages.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Iterable, Iterator

from .i18n import _

MAX_TITLE = 200
"""Longest title, name or organisation we accept; longer text belongs in a note."""
MAX_TEXT = 100_000
"""Longest note, argument or rationale; a meeting note is never a book."""
MAX_TIMEBOX = 8 * 60
"""No agenda item runs longer than a working day."""
ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
"""Lower case, without 0/o, 1/l/i: ids are read aloud and typed over SSH."""


class ValidationError(ValueError):
    """Input a user typed does not make a valid meeting. The message is meant for that user."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(LookupError):
    """An id or name that names nothing in this session."""


class Language(StrEnum):
    NL = "nl"
    EN = "en"


class SessionStatus(StrEnum):
    DRAFT = "draft"
    RUNNING = "running"
    CLOSED = "closed"


class Role(StrEnum):
    CHAIR = "chair"
    SPEAKER = "speaker"
    MINUTE_TAKER = "minute-taker"
    MEMBER = "member"
    GUEST = "guest"


class Attendance(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class ItemKind(StrEnum):
    OPENING = "opening"
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    ROUND = "restore-renovate"
    SIGNALS = "signals"
    ACTIONS_REVIEW = "actions-review"
    BREAK = "break"
    CLOSING = "closing"
    OTHER = "other"


class ItemStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"


class Position(StrEnum):
    RESTORE = "restore"
    RENOVATE = "renovate"
    UNDECIDED = "undecided"


class Verdict(StrEnum):
    """The outcome of a restore-or-renovate round."""

    RESTORE = "restore"
    RENOVATE = "renovate"
    DEFERRED = "deferred"


class SignalKind(StrEnum):
    GOOD_PRACTICE = "good-practice"
    BOTTLENECK = "bottleneck"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


def new_id(length: int = 6) -> str:
    """A short random id; 31**6 is about 900 million, plenty within one store or session."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


# --- validation helpers -------------------------------------------------------------------

_CONTROL = {c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
_CONTROL[0x0D] = "\n"  # a lone carriage return is a line break from an old editor


def strip_controls(text: str) -> str:
    """Drop control characters (ESC, NUL, C1 ...) but keep newlines and tabs.

    Pasted escape sequences would otherwise reach a terminal that shows the text or the
    minutes; the printable rest of the sequence stays, so nothing readable is lost.
    """
    if text.isprintable():  # no control character at all: most lines, and a save checks thousands
        return text
    return text.replace("\r\n", "\n").translate(_CONTROL)



def field_name(what: str) -> str:
    """The attribute a label names: "Start time" is the field `start_time`."""
    return what.lower().replace(" ", "_")


def clean_line(value: Any, what: str, *, required: bool = False, limit: int = MAX_TITLE,
               field: str | None = None) -> str:
    """A one-line text: trimmed, newlines folded to spaces, length checked."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("{what} must be text.").format(what=_(what)), field or field_name(what))
    if value.isprintable() and not value[:1].isspace() and not value[-1:].isspace():
        text = value  # nothing to fold, drop or trim: the common case, and a save checks thousands
    else:
        text = " ".join(strip_controls(value).replace("\t", " ").split("\n")).strip()
    if required and not text:
        raise ValidationError(_("{what} cannot be empty.").format(what=_(what)), field or field_name(what))
    if len(text) > limit:
        raise ValidationError(_("{what} is too long ({length} characters; at most {limit}).").format(
            what=_(what), length=len(text), limit=limit), field or field_name(what))
    return text


def clean_text(value: Any, what: str, *, required: bool = False, limit: int = MAX_TEXT,
               field: str | None = None) -> str:
    """A multi-line text: kept as typed except for trailing white space."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("{what} must be text.").format(what=_(what)), field or field_name(what))
    text = strip_controls(value).rstrip()
    if required and not text.strip():
        raise ValidationError(_("{what} cannot be empty.").format(what=_(what)), field or field_name(what))
    if len(text) > limit:
        raise ValidationError(_("{what} is too long ({length} characters; at most {limit}).").format(
            what=_(what), length=len(text), limit=limit), field or field_name(what))
    return text


def parse_enum(kind: type[StrEnum], value: Any, what: str, field: str | None = None) -> Any:
    if isinstance(value, kind):
        return value
    member = kind._value2member_map_.get(value) if isinstance(value, str) else None
    if member is not None:  # a stored value as it was written: no need to clean it up
        return member
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ValidationError(_("{what} must be one of: {allowed} (got {value!r}).").format(
            what=_(what), allowed=allowed, value=value), field or field_name(what)) from None


def parse_date(value: Any, what: str = "Date", field: str | None = None) -> date | None:
    """A date from a `date` or from text in the form YYYY-MM-DD; empty gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(_("{what} {text!r} is not a real date; write it as YYYY-MM-DD, e.g. 2026-06-18.").format(
            what=_(what), text=text), field or field_name(what)) from None
    if not 1900 <= parsed.year <= 2200:
        raise ValidationError(_("{what} {text!r} is too far from today to be a meeting date.").format(what=_(what), text=text),
                              field or field_name(what))
    return parsed


def parse_time(value: Any, what: str = "Time", field: str | None = None) -> time | None:
    """A time of day from a `time` or from text such as 9:30 or 09:30; empty gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = str(value).strip().replace(".", ":")
    if not text:
        return None
    try:
        hours, minutes, *seconds = text.split(":")
        if len(seconds) > 1 or any(not part.strip().isdigit() for part in (hours, minutes, *seconds)):
            raise ValueError(text)
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(_("{what} {text!r} is not a time of day; write it as HH:MM, e.g. 09:30.").format(
            what=_(what), text=str(value)), field or field_name(what)) from None


def parse_timebox(value: Any) -> int:
    """Minutes for an agenda item: a whole number from 0 to MAX_TIMEBOX."""
    if isinstance(value, bool):
        raise ValidationError(_("Timebox must be a number of minutes."), "timebox")
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            raise ValidationError(_("Timebox {value!r} is not a whole number of minutes.").format(value=value), "timebox")
        value = int(value)
    if not isinstance(value, int):
        raise ValidationError(_("Timebox must be a whole number of minutes."), "timebox")
    if value < 0:
        raise ValidationError(_("Timebox cannot be negative."), "timebox")
    if value > MAX_TIMEBOX:
        raise ValidationError(_("Timebox of {value} minutes is longer than a working day (at most {limit}).").format(
            value=value, limit=MAX_TIMEBOX), "timebox")
    return value


def _datetime_or_none(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


# --- the parts of a meeting ---------------------------------------------------------------


@dataclass
class Note:
    """A note taken during an agenda item. Confidential notes never reach the minutes."""

    text: str
    confidential: bool = False
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Note", field="text")
        self.confidential = bool(self.confidential)


@dataclass
class Participant:
    name: str
    organisation: str = ""
    role: Role = Role.MEMBER
    attendance: Attendance = Attendance.PRESENT
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.name = clean_line(self.name, "Name", required=True)
        self.organisation = clean_line(self.organisation, "Organisation")
        self.role = parse_enum(Role, self.role, "Role")
        self.attendance = parse_enum(Attendance, self.attendance, "Attendance")

    @property
    def label(self) -> str:
        """Name with organisation, as shown in pick lists and the minutes."""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass
class AgendaItem:
    title: str
    kind: ItemKind = ItemKind.DISCUSSION
    presenter: str = ""
    timebox: int = 15
    notes: list[Note] = field(default_factory=list)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    status: ItemStatus = ItemStatus.PLANNED
    standing: bool = False
    """A standing item comes back every meeting (opening, actions review, closing)."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.title = clean_line(self.title, "Title", required=True)
        self.kind = parse_enum(ItemKind, self.kind, "Kind")
        self.presenter = clean_line(self.presenter, "Presenter")
        self.timebox = parse_timebox(self.timebox)
        self.status = parse_enum(ItemStatus, self.status, "Status")
        self.started_at = _datetime_or_none(self.started_at)
        self.ended_at = _datetime_or_none(self.ended_at)
        self.notes = [n if isinstance(n, Note) else Note(**n) for n in self.notes]
        self.standing = bool(self.standing)

    def elapsed(self, now: datetime) -> timedelta:
        """How long the item has run (so far, or in all once it ended)."""
        if self.started_at is None:
            return timedelta(0)
        return (self.ended_at or now) - self.started_at

    def overrun(self, now: datetime) -> timedelta:
        """Time spent past the timebox; negative while there is time left."""
        return self.elapsed(now) - timedelta(minutes=self.timebox)

    @property
    def public_notes(self) -> list[Note]:
        return [note for note in self.notes if not note.confidential and note.text.strip()]


@dataclass
class RestoreRenovate:
    """One restore-or-renovate round: go back to how it was, or organise it differently?"""

    topic: str
    what_changed: str = ""
    restore_args: list[str] = field(default_factory=list)
    renovate_args: list[str] = field(default_factory=list)
    positions: dict[str, Position] = field(default_factory=dict)
    """Participant id to that participant's position."""
    decision: Verdict | None = None
    rationale: str = ""
    item_id: str | None = None
    prompt_id: str | None = None
    """The library prompt this round was started from, if any."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.topic = clean_line(self.topic, "Topic", required=True)
        self.what_changed = clean_text(self.what_changed, "What changed")
        self.restore_args = [clean_text(a, "Argument", required=True, field="text") for a in self.restore_args]
        self.renovate_args = [clean_text(a, "Argument", required=True, field="text") for a in self.renovate_args]
        self.positions = {str(pid): parse_enum(Position, pos, "Position") for pid, pos in self.positions.items()}
        self.decision = None if self.decision in (None, "") else parse_enum(Verdict, self.decision, "Decision")
        self.rationale = clean_text(self.rationale, "Rationale")

    def tally(self, participants: Iterable[Participant] | None = None) -> dict[Position, int]:
        """Count positions; with participants, everyone present without a position is undecided."""
        counts = {position: 0 for position in Position}
        if participants is None:
            for position in self.positions.values():
                counts[position] += 1
            return counts
        for person in participants:
            if person.attendance is Attendance.PRESENT:
                counts[self.positions.get(person.id, Position.UNDECIDED)] += 1
        return counts


@dataclass
class Signal:
    """Something a member organisation reports: a good practice or a bottleneck."""

    organisation: str
    kind: SignalKind
    text: str
    item_id: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.organisation = clean_line(self.organisation, "Organisation", required=True)
        self.kind = parse_enum(SignalKind, self.kind, "Signal kind", "kind")
        self.text = clean_text(self.text, "Signal", required=True, field="text")


@dataclass
class Decision:
    text: str
    rationale: str = ""
    item_id: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Decision", required=True, field="text")
        self.rationale = clean_text(self.rationale, "Rationale")


@dataclass
class ActionItem:
    text: str
    owner_id: str
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    item_id: str | None = None
    carried_from: str | None = None
    """Id of the earlier session this action was carried over from, if any."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Action", required=True, field="text")
        self.owner_id = clean_line(self.owner_id, "Owner", required=True)
        self.due = parse_date(self.due, "Due date", "due")
        self.status = parse_enum(ActionStatus, self.status, "Action status", "status")

    def is_overdue(self, today: date) -> bool:
        return self.status is ActionStatus.OPEN and self.due is not None and self.due < today


# --- the session --------------------------------------------------------------------------


@dataclass
class Session:
    """One meeting of a network, from preparation to minutes."""

    title: str
    network: str = ""
    date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    online_link: str = ""
    chair: str = ""
    guest_speakers: list[str] = field(default_factory=list)
    language: Language = Language.NL
    status: SessionStatus = SessionStatus.DRAFT
    participants: list[Participant] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    rounds: list[RestoreRenovate] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    current_item: int = 0
    """Index of the agenda item the Run screen shows."""
    follows: str = ""
    """Id of the meeting this one is the next meeting of (series.py); empty for a first meeting."""
    id: str = field(default_factory=lambda: new_id(8))

    def __post_init__(self) -> None:
        self.title = clean_line(self.title, "Title", required=True)
        self.network = clean_line(self.network, "Network")
        self.date = parse_date(self.date)
        self.start_time = parse_time(self.start_time, "Start time")
        self.end_time = parse_time(self.end_time, "End time")
        self.place = clean_line(self.place, "Place")
        self.online_link = clean_line(self.online_link, "Online link", limit=2000)
        self.chair = clean_line(self.chair, "Chair")
        self.guest_speakers = [clean_line(g, "Guest speaker", required=True, field="guest_speakers") for g in self.guest_speakers]
        self.language = parse_enum(Language, self.language, "Language")
        self.status = parse_enum(SessionStatus, self.status, "Status")
        self.started_at = _datetime_or_none(self.started_at)
        self.ended_at = _datetime_or_none(self.ended_at)
        self.participants = [p if isinstance(p, Participant) else Participant(**p) for p in self.participants]
        self.agenda = [a if isinstance(a, AgendaItem) else AgendaItem(**a) for a in self.agenda]
        self.rounds = [r if isinstance(r, RestoreRenovate) else RestoreRenovate(**r) for r in self.rounds]
        self.signals = [s if isinstance(s, Signal) else Signal(**s) for s in self.signals]
        self.decisions = [d if isinstance(d, Decision) else Decision(**d) for d in self.decisions]
        self.actions = [a if isinstance(a, ActionItem) else ActionItem(**a) for a in self.actions]
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError(_("End time must be after the start time."), "end_time")
        people = {person.id for person in self.participants}
        for action in self.actions:
            if action.owner_id not in people:
                self.participant(action.owner_id)  # an owner must be a participant: this says so
        self.current_item = max(0, min(int(self.current_item), len(self.agenda) - 1)) if self.agenda else 0
        if not isinstance(self.follows, str) or not set(self.follows) <= set(ID_ALPHABET):
            raise ValidationError(_("The meeting this one follows is not a session id."), "follows")

    # lookups

    def participant(self, participant_id: str) -> Participant:
        for person in self.participants:
            if person.id == participant_id:
                return person
        raise ValidationError(_("The owner ({owner!r}) is not a participant of this meeting.").format(owner=participant_id),
                              "owner")

    def find_participant(self, name: str) -> Participant:
        """A participant by id, exact name, or a unique case-insensitive name prefix."""
        wanted = name.strip().casefold()
        for person in self.participants:
            if person.id == name or person.name.casefold() == wanted:
                return person
        matches = [p for p in self.participants if p.name.casefold().startswith(wanted)] if wanted else []
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValidationError(_("More than one participant fits {name!r}; type more of the name.").format(name=name),
                                  "owner")
        raise ValidationError(_("There is no participant called {name!r}; add them first.").format(name=name), "owner")

    def item(self, item_id: str | None) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == item_id), None)

    def rounds_for(self, item_id: str) -> list[RestoreRenovate]:
        return [r for r in self.rounds if r.item_id == item_id]

    @property
    def present(self) -> list[Participant]:
        return [p for p in self.participants if p.attendance is Attendance.PRESENT]

    @property
    def open_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.status is ActionStatus.OPEN]

    # editing

    def add_participant(self, name: str, organisation: str = "", role: Role | str = Role.MEMBER,
                        attendance: Attendance | str = Attendance.PRESENT) -> Participant:
        person = Participant(name, organisation, role, attendance)
        if any(p.name.casefold() == person.name.casefold() for p in self.participants):
            raise ValidationError(_("There is already a participant called {name!r}.").format(name=person.name), "name")
        self.participants.append(person)
        return person

    def remove_participant(self, participant_id: str) -> None:
        person = self.participant(participant_id)
        if any(a.owner_id == person.id for a in self.actions):
            raise ValidationError(_("{name} owns action items; give them to someone else first.").format(name=person.name),
                                  "owner")
        self.participants.remove(person)
        for round_ in self.rounds:
            round_.positions.pop(person.id, None)

    def add_item(self, title: str, *, kind: ItemKind | str = ItemKind.DISCUSSION, presenter: str = "",
                 timebox: int | str = 15, index: int | None = None, standing: bool = False) -> AgendaItem:
        item = AgendaItem(title, kind=kind, presenter=presenter, timebox=timebox, standing=standing)
        self.agenda.insert(len(self.agenda) if index is None else index, item)
        return item

    def remove_item(self, item_id: str) -> None:
        item = self.item(item_id)
        if item is None:
            raise NotFound(_("There is no agenda item {id!r} in this session.").format(id=item_id))
        self.agenda.remove(item)
        for part in (*self.rounds, *self.signals, *self.decisions, *self.actions):
            if part.item_id == item_id:
                part.item_id = None
        self.current_item = min(self.current_item, max(len(self.agenda) - 1, 0))

    def move_item(self, item_id: str, offset: int) -> int:
        """Move an item up (negative) or down the agenda; returns its new index."""
        item = self.item(item_id)
        if item is None:
            raise NotFound(_("There is no agenda item {id!r} in this session.").format(id=item_id))
        old = self.agenda.index(item)
        new = max(0, min(len(self.agenda) - 1, old + offset))
        self.agenda.insert(new, self.agenda.pop(old))
        return new

    def add_round(self, topic: str, *, item_id: str | None = None, what_changed: str = "",
                  prompt_id: str | None = None) -> RestoreRenovate:
        round_ = RestoreRenovate(topic, what_changed=what_changed, item_id=item_id, prompt_id=prompt_id)
        self.rounds.append(round_)
        return round_

    def set_position(self, round_id: str, participant_id: str, position: Position | str) -> None:
        round_ = self._find(self.rounds, round_id)
        person = self.participant(participant_id)
        round_.positions[person.id] = parse_enum(Position, position, "Position")

    def add_signal(self, organisation: str, kind: SignalKind | str, text: str,
                   item_id: str | None = None) -> Signal:
        signal = Signal(organisation, kind, text, item_id=item_id)
        self.signals.append(signal)
        return signal

    def add_decision(self, text: str, rationale: str = "", item_id: str | None = None) -> Decision:
        decision = Decision(text, rationale, item_id=item_id)
        self.decisions.append(decision)
        return decision

    def add_action(self, text: str, owner: str, due: date | str | None = None,
                   item_id: str | None = None) -> ActionItem:
        """Add an action item; owner is a participant id or name (a unique prefix will do)."""
        person = self.find_participant(owner)
        action = ActionItem(text, person.id, due, item_id=item_id)
        self.actions.append(action)
        return action

    def update_part(self, collection: str, part_id: str, /, **changes: Any) -> Any:
        """Change fields of a participant, agenda item, round, signal, decision or action.

        The changed part is built anew, so it is validated exactly like a new one; on an error
        nothing changes.
        """
        parts = getattr(self, collection)
        current = self._find(parts, part_id)
        updated = replace(current, **changes)
        if collection == "participants" and any(p.id != part_id and p.name.casefold() == updated.name.casefold()
                                          for p in self.participants):
            raise ValidationError(_("There is already a participant called {name!r}.").format(name=updated.name), "name")
        parts[parts.index(current)] = updated
        return updated

    def remove_part(self, collection: str, part_id: str) -> None:
        """Remove a signal or a decision (participants and items have rules of their own)."""
        if collection not in ("signals", "decisions"):
            raise ValueError(f"remove_part does not remove {collection}")
        parts = getattr(self, collection)
        parts.remove(self._find(parts, part_id))

    def _find(self, items: list[Any], item_id: str) -> Any:
        for part in items:
            if part.id == item_id:
                return part
        raise NotFound(_("{id!r} is no longer in this session.").format(id=item_id))

    # the clock

    def planned_starts(self) -> list[datetime | None]:
        """Planned start of each agenda item, from the session start and the timeboxes."""
        if self.date is None or self.start_time is None:
            return [None] * len(self.agenda)
        moment = datetime.combine(self.date, self.start_time)
        starts = []
        for item in self.agenda:
            starts.append(moment)
            moment += timedelta(minutes=item.timebox)
        return starts

    @property
    def planned_minutes(self) -> int:
        return sum(item.timebox for item in self.agenda)

    def agenda_overrun(self) -> int:
        """Minutes the agenda runs past the planned end time (0 when it fits or no end is set)."""
        if self.start_time is None or self.end_time is None:
            return 0
        start = datetime.combine(date.min, self.start_time)
        end = datetime.combine(date.min, self.end_time)
        available = int((end - start).total_seconds() // 60)
        return max(0, self.planned_minutes - available)

    def start(self, now: datetime) -> None:
        """Start the meeting (or resume it) at the current item."""
        if self.status is SessionStatus.DRAFT:
            self.status = SessionStatus.RUNNING
            self.started_at = now
        if self.agenda:
            self._begin(self.agenda[self.current_item], now)

    def go_to(self, index: int, now: datetime) -> AgendaItem:
        """Finish the current item and begin the one at index."""
        if not self.agenda:
            raise NotFound(_("The agenda is empty."))
        index = max(0, min(len(self.agenda) - 1, index))
        current = self.agenda[self.current_item]
        if index != self.current_item and current.status is ItemStatus.RUNNING:
            current.ended_at = now
            current.status = ItemStatus.DONE
        self.current_item = index
        item = self.agenda[index]
        if self.status is SessionStatus.RUNNING:
            self._begin(item, now)
        return item

    def _begin(self, item: AgendaItem, now: datetime) -> None:
        if item.started_at is None:
            item.started_at = now
        if item.status is not ItemStatus.DONE:
            item.status = ItemStatus.RUNNING
        else:
            # Going back to a finished item reopens it; its clock resumes from where it ended.
            item.status = ItemStatus.RUNNING
            if item.ended_at is not None:
                item.started_at = now - (item.ended_at - item.started_at)
                item.ended_at = None

    def close(self, now: datetime) -> None:
        """End the meeting: the running item ends, the session is closed."""
        for item in self.agenda:
            if item.status is ItemStatus.RUNNING:
                item.status = ItemStatus.DONE
                item.ended_at = now
        if self.started_at is None:
            self.started_at = now
        self.ended_at = now
        self.status = SessionStatus.CLOSED

    def meeting_elapsed(self, now: datetime) -> timedelta:
        if self.started_at is None:
            return timedelta(0)
        return (self.ended_at or now) - self.started_at

    def meeting_overrun(self, now: datetime) -> timedelta:
        """Time past the planned length of the whole agenda; negative while within it."""
        return self.meeting_elapsed(now) - timedelta(minutes=self.planned_minutes)

    # copies

    def copy(self) -> Session:
        """A deep copy with the same ids (for undo, or to compare before and after)."""
        return Session.from_dict(self.to_dict())

    def duplicate(self) -> Session:
        """A fresh draft with the same details, participants, agenda and round topics.

        What happened in the meeting (notes, positions, decisions, signals, actions, timing)
        stays behind; every part gets a new id so the two sessions never share one.
        """
        copy = Session(
            title=self.title, network=self.network, date=self.date, start_time=self.start_time,
            end_time=self.end_time, place=self.place, online_link=self.online_link, chair=self.chair,
            guest_speakers=list(self.guest_speakers), language=self.language,
        )
        copy.participants = [
            Participant(p.name, p.organisation, p.role, Attendance.PRESENT) for p in self.participants
        ]
        new_item_ids = {}
        for item in self.agenda:
            fresh = AgendaItem(item.title, item.kind, item.presenter, item.timebox, standing=item.standing)
            new_item_ids[item.id] = fresh.id
            copy.agenda.append(fresh)
        copy.rounds = [
            RestoreRenovate(r.topic, what_changed=r.what_changed, item_id=new_item_ids.get(r.item_id or ""),
                            prompt_id=r.prompt_id)
            for r in self.rounds
        ]
        return copy

    def walk_text(self) -> Iterator[tuple[str, str]]:
        """Every user-typed string in the session with a label, for search and safety checks."""
        yield "title", self.title
        yield "network", self.network
        yield "place", self.place
        yield "online link", self.online_link
        yield "chair", self.chair
        for guest in self.guest_speakers:
            yield "guest speaker", guest
        for person in self.participants:
            yield "participant", person.name
            yield "organisation", person.organisation
        for item in self.agenda:
            yield "agenda item", item.title
            yield "presenter", item.presenter
            for note in item.notes:
                yield "note", note.text
        for round_ in self.rounds:
            yield "topic", round_.topic
            yield "what changed", round_.what_changed
            for arg in (*round_.restore_args, *round_.renovate_args):
                yield "argument", arg
            yield "rationale", round_.rationale
        for signal in self.signals:
            yield "organisation", signal.organisation
            yield "signal", signal.text
        for decision in self.decisions:
            yield "decision", decision.text
            yield "rationale", decision.rationale
        for action in self.actions:
            yield "action", action.text

    # serialisation

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `Session.from_dict(s.to_dict()) == s`."""
        return _to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        """Rebuild a session; raises ValidationError when the data does not make a valid session."""
        if not isinstance(data, dict):
            raise ValidationError(_("A session must be a JSON object."))
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValidationError(_("Unknown session fields: {fields}.").format(fields=", ".join(sorted(unknown))))
        try:
            return cls(**data)
        except ValidationError:
            raise
        except (TypeError, ValueError, AttributeError) as error:
            raise ValidationError(_("This is not a valid sdtui session ({error}).").format(error=error)) from None


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
"""Field names of each dataclass, looked up once: a save turns thousands of objects into dicts."""


def _to_plain(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or value is None or kind is bool:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and hasattr(value, "__dataclass_fields__"):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _to_plain(getattr(value, name)) for name in names}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    return value


__all__ = [
    "ActionItem", "ActionStatus", "AgendaItem", "Attendance", "Decision", "ItemKind", "ItemStatus",
    "Language", "NotFound", "Note", "Participant", "Position", "RestoreRenovate", "Role", "Session",
    "SessionStatus", "Signal", "SignalKind", "ValidationError", "Verdict", "new_id", "parse_date",
    "parse_time", "parse_timebox", "strip_controls",
]
