"""The parts of a meeting: the words it is made of (roles, positions, verdicts ...) and the notes,
participants, agenda items, rounds, signals, decisions and actions a session holds.

Each part checks itself when it is built, through validation.py; `Session` (model.py) holds
them and is where they are changed. Import them from `sdtui.model`, which has them all.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from .i18n import _
from .validation import (
    EnumT,
    ValidationError,
    clean_line,
    clean_text,
    parse_count,
    parse_date,
    parse_datetime,
    parse_enum,
    parse_timebox,
)

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
"""Lower case, without 0/o, 1/l/i: ids are read aloud and typed over SSH."""


class NotFound(LookupError):
    """An id or name that names nothing in this session."""


class Language(StrEnum):
    NL = "nl"
    EN = "en"


class SessionStatus(StrEnum):
    DRAFT = "draft"
    RUNNING = "running"
    CLOSED = "closed"


class RecordStatus(StrEnum):
    """How final the record of a meeting is: draft while it runs, final once closed, approved
    once the next meeting adopted its minutes."""

    DRAFT = "draft"
    FINAL = "final"
    APPROVED = "approved"


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
    APPROVE_MINUTES = "approve-minutes"
    """The first item of a next meeting: adopt the minutes of the previous one (series.py)."""


class ItemStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"
    """Dropped during the meeting for lack of time; not carried over."""
    MOVED = "moved"
    """Moved to the next meeting during this one; carried over (series.py)."""


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

    def next(self) -> ActionStatus:
        """The status after this one in a review: open (kept), done, dropped, and open again."""
        return following(self)


class RoundMode(StrEnum):
    """How a round takes positions: by name, by name but shown only as a tally, or as counted hands."""

    NAMED = "named"
    HIDDEN = "hidden"
    COUNT = "count"


class Movement(StrEnum):
    """Someone coming into or leaving a meeting that is running."""

    ARRIVED = "arrived"
    LEFT = "left"


class PlaceKind(StrEnum):
    """Where a person appears in a session, as `sdtui forget` lists it."""

    PARTICIPANT = "participant"
    OWNER = "owner"
    PRESENTER = "presenter"
    POSITION = "position"
    CHAIR = "chair"
    GUEST_SPEAKER = "guest-speaker"
    AMENDMENT = "amendment"
    ARRIVAL = "arrival"
    MENTION = "mention"


class Side(StrEnum):
    """The side of a round an argument is for."""

    RESTORE = "restore"
    RENOVATE = "renovate"


def following(member: EnumT) -> EnumT:
    """The next member of `member`'s enum, after the last the first: one key steps through them all."""
    members = list(type(member))
    return members[(members.index(member) + 1) % len(members)]


def find_part(parts: Iterable[Any], part_id: str) -> Any:
    """The part with this id among `parts`; NotFound when it is gone (another edit removed it)."""
    for part in parts:
        if part.id == part_id:
            return part
    raise NotFound(_("{id!r} is no longer in this session.").format(id=part_id))


def new_id(length: int = 6) -> str:
    """A short random id; 31**6 is about 900 million, plenty within one store or session."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


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
        self.started_at = parse_datetime(self.started_at)
        self.ended_at = parse_datetime(self.ended_at)
        self.notes = [n if isinstance(n, Note) else Note(**n) for n in self.notes]
        self.standing = bool(self.standing)

    def elapsed(self, now: datetime) -> timedelta:
        """How long the item has run (so far, or in all once it ended)."""
        if self.started_at is None:
            return timedelta(0)
        return (self.ended_at or now) - self.started_at

    @property
    def public_notes(self) -> list[Note]:
        return [note for note in self.notes if not note.confidential and note.text.strip()]


@dataclass
class Round:
    """A restore-or-renovate round: go back to how it was, or organise it differently?

    Stored under `rounds` in a session's JSON. Its `topic` is what the facilitator puts to the
    meeting; the UI calls the round's pane the board.
    """

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
    mode: RoundMode = RoundMode.NAMED
    """Named: the minutes say who stands where; hidden: only the tally; count: counted hands."""
    counts: dict[Position, int] = field(default_factory=dict)
    """In count mode, the numbers for restore, renovate and undecided, entered directly."""
    present: list[str] = field(default_factory=list)
    """Participant ids in the room when the round was decided."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.mode = parse_enum(RoundMode, self.mode, "Mode")
        self.counts = {
            parse_enum(Position, pos, "Position"): parse_count(number, "Count") for pos, number in self.counts.items()
        }
        self.present = [clean_line(pid, "Participant", required=True) for pid in self.present]
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
        if self.mode is RoundMode.COUNT:
            counts.update(self.counts)
            return counts
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
    review_on: date | None = None
    """When the network wants to look at this decision again; a next meeting lists it then."""
    present: list[str] = field(default_factory=list)
    """Participant ids in the room when the decision was made."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Decision", required=True, field="text")
        self.rationale = clean_text(self.rationale, "Rationale")
        self.review_on = parse_date(self.review_on, "Review date", "review_on")
        self.present = [clean_line(pid, "Participant", required=True) for pid in self.present]


@dataclass
class Amendment:
    """A change to earlier minutes asked for when they are approved; the original text stays."""

    text: str
    by: str = ""
    """Who asked for it, by name."""
    on: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Amendment", required=True, field="text")
        self.by = clean_line(self.by, "Asked by", field="by")
        self.on = parse_date(self.on, "Date", "on")


@dataclass
class Arrival:
    """Someone arriving at or leaving a running meeting, and when."""

    participant_id: str
    movement: Movement
    at: datetime
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.participant_id = clean_line(self.participant_id, "Participant", required=True)
        self.movement = parse_enum(Movement, self.movement, "Movement")
        parsed = parse_datetime(self.at)
        if parsed is None:
            raise ValidationError(_("An arrival or departure needs a time."), "at")
        self.at = parsed


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


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
"""Field names of each dataclass, looked up once: a save turns thousands of objects into dicts."""


def to_plain(value: Any) -> Any:
    """A part, a session or any value in them as JSON-ready data: dicts, lists, strings, numbers."""
    kind = type(value)
    if kind is str or kind is int or value is None or kind is bool:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and hasattr(value, "__dataclass_fields__"):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


__all__ = [
    "ID_ALPHABET",
    "ActionItem",
    "ActionStatus",
    "AgendaItem",
    "Amendment",
    "Arrival",
    "Attendance",
    "Decision",
    "ItemKind",
    "ItemStatus",
    "Language",
    "Movement",
    "NotFound",
    "Note",
    "Participant",
    "PlaceKind",
    "Position",
    "RecordStatus",
    "Role",
    "Round",
    "RoundMode",
    "SessionStatus",
    "Side",
    "Signal",
    "SignalKind",
    "Verdict",
    "following",
    "new_id",
    "find_part",
    "to_plain",
]
