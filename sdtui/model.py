"""The meeting as plain Python: a session with its participants, agenda, rounds, signals,
decisions and actions, and every change a screen or command can make to it.

Nothing here imports Textual or touches the disk. Every rule about what a valid meeting looks
like lives in the core (the parts in parts.py, the checks of typed text in validation.py, the
clock in timing.py, approval, attendance, replanning and forgetting in record.py), and Session
is how the TUI, the CLI and the store reach it, so they all enforce the same rules and report the
same readable messages. Screens say what they mean (`session.add_argument(round_id, Side.RESTORE,
text)`), never which field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time
from typing import Any

from . import meeting_rounds, record, timing
from .i18n import _
from .parts import (
    ID_ALPHABET,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Amendment,
    Arrival,
    Attendance,
    Decision,
    ItemKind,
    ItemStatus,
    Language,
    Movement,
    Note,
    NotFound,
    Participant,
    PlaceKind,
    Position,
    RecordStatus,
    Role,
    Round,
    RoundMode,
    SessionStatus,
    Side,
    Signal,
    SignalKind,
    Verdict,
    find_part,
    following,
    new_id,
    to_plain,
)
from .record import Place
from .validation import (
    MAX_TEXT,
    MAX_TIMEBOX,
    MAX_TITLE,
    ValidationError,
    clean_line,
    clean_text,
    parse_count,
    parse_date,
    parse_datetime,
    parse_enum,
    parse_time,
    parse_timebox,
    strip_controls,
)

# --- the session --------------------------------------------------------------------------

DETAILS = (
    "title",
    "network",
    "date",
    "start_time",
    "end_time",
    "place",
    "online_link",
    "chair",
    "guest_speakers",
    "language",
)
"""The fields of a session that `Session.update_details` changes: what Prepare's Details tab shows."""


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
    rounds: list[Round] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    current_item: int = 0
    """Index of the agenda item the Run screen shows."""
    follows: str = ""
    """Id of the meeting this one is the next meeting of (series.py); empty for a first meeting."""
    approved_on: dt.date | None = None
    """The day the next meeting approved these minutes; None while they are not approved."""
    amendments: list[Amendment] = field(default_factory=list)
    """Changes asked for when the minutes were approved; the minutes list them beside the original text."""
    quorum: int = 0
    """Members (everyone but guests) who must be in the room for the network to decide; 0 for none."""
    arrivals: list[Arrival] = field(default_factory=list)
    """Arrivals and departures marked while the meeting ran, in the order they happened."""
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
        self.guest_speakers = [
            clean_line(g, "Guest speaker", required=True, field="guest_speakers") for g in self.guest_speakers
        ]
        self.language = parse_enum(Language, self.language, "Language")
        self.status = parse_enum(SessionStatus, self.status, "Status")
        self.started_at = parse_datetime(self.started_at)
        self.ended_at = parse_datetime(self.ended_at)
        self.participants = [p if isinstance(p, Participant) else Participant(**p) for p in self.participants]
        self.agenda = [a if isinstance(a, AgendaItem) else AgendaItem(**a) for a in self.agenda]
        self.rounds = [r if isinstance(r, Round) else Round(**r) for r in self.rounds]
        self.signals = [s if isinstance(s, Signal) else Signal(**s) for s in self.signals]
        self.decisions = [d if isinstance(d, Decision) else Decision(**d) for d in self.decisions]
        self.actions = [a if isinstance(a, ActionItem) else ActionItem(**a) for a in self.actions]
        self.approved_on = parse_date(self.approved_on, "Approved on", "approved_on")
        self.amendments = [a if isinstance(a, Amendment) else Amendment(**a) for a in self.amendments]
        self.arrivals = [a if isinstance(a, Arrival) else Arrival(**a) for a in self.arrivals]
        self.quorum = parse_count(self.quorum, "Quorum")
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
        raise ValidationError(
            _("The owner ({owner!r}) is not a participant of this meeting.").format(owner=participant_id), "owner"
        )

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
            raise ValidationError(
                _("More than one participant fits {name!r}; type more of the name.").format(name=name), "owner"
            )
        raise ValidationError(_("There is no participant called {name!r}; add them first.").format(name=name), "owner")

    def item(self, item_id: str | None) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == item_id), None)

    def agenda_item(self, item_id: str) -> AgendaItem:
        """The agenda item with this id; NotFound when the session has none."""
        item = self.item(item_id)
        if item is None:
            raise NotFound(_("There is no agenda item {id!r} in this session.").format(id=item_id))
        return item

    def rounds_for(self, item_id: str) -> list[Round]:
        return [r for r in self.rounds if r.item_id == item_id]

    @property
    def present(self) -> list[Participant]:
        return [p for p in self.participants if p.attendance is Attendance.PRESENT]

    @property
    def open_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.status is ActionStatus.OPEN]

    @property
    def record_status(self) -> RecordStatus:
        """Draft until the meeting is closed, final once it is, approved once the next meeting adopted it."""
        if self.approved_on is not None:
            return RecordStatus.APPROVED
        return RecordStatus.FINAL if self.status is SessionStatus.CLOSED else RecordStatus.DRAFT

    @property
    def members(self) -> list[Participant]:
        """The participants who count for the quorum: everyone but guests."""
        return [p for p in self.participants if p.role is not Role.GUEST]

    @property
    def in_room(self) -> list[Participant]:
        """Who is here now: present, and not left since they last arrived."""
        last = {arrival.participant_id: arrival.movement for arrival in self.arrivals}
        return [p for p in self.present if last.get(p.id) is not Movement.LEFT]

    def quorum_met(self) -> bool | None:
        """Whether enough members are in the room to decide; None when the network set no quorum."""
        if not self.quorum:
            return None
        in_room = {p.id for p in self.in_room}
        return sum(1 for p in self.members if p.id in in_room) >= self.quorum

    # editing

    def add_participant(
        self,
        name: str,
        organisation: str = "",
        role: Role | str = Role.MEMBER,
        attendance: Attendance | str = Attendance.PRESENT,
    ) -> Participant:
        person = Participant(
            name, organisation, parse_enum(Role, role, "Role"), parse_enum(Attendance, attendance, "Attendance")
        )
        if any(p.name.casefold() == person.name.casefold() for p in self.participants):
            raise ValidationError(_("There is already a participant called {name!r}.").format(name=person.name), "name")
        self.participants.append(person)
        return person

    def remove_participant(self, participant_id: str) -> None:
        person = self.participant(participant_id)
        if any(a.owner_id == person.id for a in self.actions):
            raise ValidationError(
                _("{name} owns action items; give them to someone else first.").format(name=person.name), "owner"
            )
        self.participants.remove(person)
        for round_ in self.rounds:
            round_.positions.pop(person.id, None)

    def add_item(
        self,
        title: str,
        *,
        kind: ItemKind | str = ItemKind.DISCUSSION,
        presenter: str = "",
        timebox: int | str = 15,
        index: int | None = None,
        standing: bool = False,
    ) -> AgendaItem:
        item = AgendaItem(
            title,
            kind=parse_enum(ItemKind, kind, "Kind"),
            presenter=presenter,
            timebox=parse_timebox(timebox),
            standing=standing,
        )
        self.agenda.insert(len(self.agenda) if index is None else index, item)
        return item

    def remove_item(self, item_id: str) -> None:
        item = self.agenda_item(item_id)
        self.agenda.remove(item)
        linked: list[Round | Signal | Decision | ActionItem] = [
            *self.rounds,
            *self.signals,
            *self.decisions,
            *self.actions,
        ]
        for part in linked:
            if part.item_id == item_id:
                part.item_id = None
        self.current_item = min(self.current_item, max(len(self.agenda) - 1, 0))

    def move_item(self, item_id: str, offset: int) -> int:
        """Move an item up (negative) or down the agenda; returns its new index."""
        old = self.agenda.index(self.agenda_item(item_id))
        new = max(0, min(len(self.agenda) - 1, old + offset))
        self.agenda.insert(new, self.agenda.pop(old))
        return new

    def add_signal(self, organisation: str, kind: SignalKind | str, text: str, item_id: str | None = None) -> Signal:
        signal = Signal(organisation, parse_enum(SignalKind, kind, "Signal kind", "kind"), text, item_id=item_id)
        self.signals.append(signal)
        return signal

    def add_decision(
        self, text: str, rationale: str = "", item_id: str | None = None, review_on: dt.date | str | None = None
    ) -> Decision:
        """A decision of the meeting, with who is in the room now and, if given, when to review it."""
        decision = Decision(
            text,
            rationale,
            item_id=item_id,
            review_on=parse_date(review_on, "Review date", "review_on"),
            present=[p.id for p in self.in_room],
        )
        self.decisions.append(decision)
        return decision

    def add_action(
        self, text: str, owner: str, due: dt.date | str | None = None, item_id: str | None = None
    ) -> ActionItem:
        """Add an action item; owner is a participant id or name (a unique prefix will do)."""
        person = self.find_participant(owner)
        action = ActionItem(text, person.id, parse_date(due, "Due date", "due"), item_id=item_id)
        self.actions.append(action)
        return action

    def details(self) -> dict[str, Any]:
        """The session's details by name, in the order Prepare shows them."""
        return {name: getattr(self, name) for name in DETAILS}

    def update_details(self, **changes: Any) -> Session:
        """Change the session's details (title, network, date, times, place, link, chair, guest
        speakers, language); checked together, so an end before the start is refused."""
        unknown = set(changes) - set(DETAILS)
        if unknown:
            raise ValueError(f"not a detail of a session: {', '.join(sorted(unknown))}")
        updated = replace(self, **changes)  # validates every field, and end after start
        for name in changes:
            setattr(self, name, getattr(updated, name))
        return self

    def edit_participant(self, participant_id: str, **changes: Any) -> Participant:
        """Change a participant's name, organisation, role or attendance."""
        current = find_part(self.participants, participant_id)
        updated = replace(current, **changes)
        if any(p.id != participant_id and p.name.casefold() == updated.name.casefold() for p in self.participants):
            raise ValidationError(
                _("There is already a participant called {name!r}.").format(name=updated.name), "name"
            )
        self.participants[self.participants.index(current)] = updated
        return updated

    def cycle_role(self, participant_id: str) -> Participant:
        """The participant's next role: chair, speaker, minute taker, member, guest, chair again."""
        person = self.participant(participant_id)
        person.role = following(person.role)
        return person

    def cycle_attendance(self, participant_id: str) -> Participant:
        """The participant's next attendance: present, apologies, absent, present again."""
        person = self.participant(participant_id)
        person.attendance = following(person.attendance)
        return person

    def edit_item(self, item_id: str, **changes: Any) -> AgendaItem:
        """Change an agenda item's title, kind, presenter, timebox or whether it is standing."""
        return self._replace(self.agenda, item_id, changes)

    # The record a network stands behind: approving the minutes, live attendance, live replanning
    # and forgetting a person. The rules are in record.py; these are the same functions.

    add_amendment = record.add_amendment
    remove_amendment = record.remove_amendment
    approve = record.approve
    set_quorum = record.set_quorum
    mark_arrival = record.mark_arrival
    mark_departure = record.mark_departure
    toggle_in_room = record.toggle_in_room
    shorten_item = record.shorten_item
    skip_item = record.skip_item
    move_to_next_meeting = record.move_to_next_meeting
    places_of = record.places_of
    forget = record.forget

    # notes and rounds (meeting_rounds.py)
    add_round = meeting_rounds.add_round
    set_position = meeting_rounds.set_position
    note = meeting_rounds.note
    add_note = meeting_rounds.add_note
    set_note_text = meeting_rounds.set_note_text
    toggle_confidential = meeting_rounds.toggle_confidential
    remove_note = meeting_rounds.remove_note
    round = meeting_rounds.round
    add_argument = meeting_rounds.add_argument
    set_what_changed = meeting_rounds.set_what_changed
    decide = meeting_rounds.decide
    set_round_mode = meeting_rounds.set_round_mode
    cycle_round_mode = meeting_rounds.cycle_round_mode
    set_count = meeting_rounds.set_count
    set_counts = meeting_rounds.set_counts

    # signals, decisions, actions

    def edit_signal(self, signal_id: str, **changes: Any) -> Signal:
        """Change a signal's organisation, kind or text."""
        return self._replace(self.signals, signal_id, changes)

    def remove_signal(self, signal_id: str) -> None:
        self.signals.remove(find_part(self.signals, signal_id))

    def edit_decision(self, decision_id: str, **changes: Any) -> Decision:
        """Change a decision's text, rationale or review date."""
        return self._replace(self.decisions, decision_id, changes)

    def remove_decision(self, decision_id: str) -> None:
        self.decisions.remove(find_part(self.decisions, decision_id))

    def advance_action_status(self, action_id: str) -> ActionItem:
        """The action's next status in a review: open (kept), done, dropped, open again."""
        action = find_part(self.actions, action_id)
        action.status = action.status.next()
        return action

    def _replace(self, parts: list[Any], part_id: str, changes: dict[str, Any]) -> Any:
        """Put a changed copy of a part in its place. The copy is built anew, so it is validated
        exactly like a new part, and on an error nothing changes. Ids and links stay."""
        if "id" in changes:
            raise ValueError("a part keeps its id")
        current = find_part(parts, part_id)
        updated = replace(current, **changes)
        parts[parts.index(current)] = updated
        return updated

    # the clock: the rules are in timing.py; these are the same functions.

    planned_starts = timing.planned_starts
    agenda_overrun = timing.agenda_overrun
    planned_end = timing.planned_end
    start = timing.start
    go_to = timing.go_to
    close = timing.close
    meeting_elapsed = timing.meeting_elapsed

    @property
    def planned_minutes(self) -> int:
        return sum(item.timebox for item in self.agenda)

    # copies

    def duplicate(self) -> Session:
        """A fresh draft with the same details, participants, agenda and round topics.

        What happened in the meeting (notes, positions, decisions, signals, actions, timing)
        stays behind; every part gets a new id so the two sessions never share one.
        """
        copy = Session(**self.details() | {"guest_speakers": list(self.guest_speakers)})
        copy.participants = [Participant(p.name, p.organisation, p.role, Attendance.PRESENT) for p in self.participants]
        new_item_ids = {}
        for item in self.agenda:
            fresh = AgendaItem(item.title, item.kind, item.presenter, item.timebox, standing=item.standing)
            new_item_ids[item.id] = fresh.id
            copy.agenda.append(fresh)
        copy.rounds = [
            Round(
                r.topic, what_changed=r.what_changed, item_id=new_item_ids.get(r.item_id or ""), prompt_id=r.prompt_id
            )
            for r in self.rounds
        ]
        return copy

    # serialisation

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `Session.from_dict(s.to_dict()) == s`."""
        return to_plain(self)

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


__all__ = [
    "DETAILS",
    "ID_ALPHABET",
    "MAX_TEXT",
    "MAX_TIMEBOX",
    "MAX_TITLE",
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
    "Place",
    "PlaceKind",
    "Position",
    "RecordStatus",
    "Role",
    "Round",
    "RoundMode",
    "Session",
    "SessionStatus",
    "Side",
    "Signal",
    "SignalKind",
    "ValidationError",
    "Verdict",
    "clean_line",
    "clean_text",
    "following",
    "new_id",
    "parse_date",
    "parse_datetime",
    "parse_enum",
    "parse_time",
    "parse_timebox",
    "strip_controls",
]
