"""The notes of an agenda item and the restore-or-renovate rounds: their rules.

Plain functions over one session; each is also a method of `Session` (model.py assigns them:
`Session.add_argument is meeting_rounds.add_argument`), so screens and tests call
`session.add_argument(...)` as for every other change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .i18n import _
from .parts import Note, Position, Round, RoundMode, Side, Verdict, find_part, following
from .validation import ValidationError, clean_text, parse_count, parse_enum, strip_controls

if TYPE_CHECKING:
    from .model import Session


def add_round(
    session: Session, topic: str, *, item_id: str | None = None, what_changed: str = "", prompt_id: str | None = None
) -> Round:
    round_ = Round(topic, what_changed=what_changed, item_id=item_id, prompt_id=prompt_id)
    session.rounds.append(round_)
    return round_


def set_position(session: Session, round_id: str, participant_id: str, position: Position | str) -> None:
    round_ = session.round(round_id)
    person = session.participant(participant_id)
    round_.positions[person.id] = parse_enum(Position, position, "Position")


def note(session: Session, item_id: str, note_id: str) -> Note:
    return find_part(session.agenda_item(item_id).notes, note_id)


def add_note(session: Session, item_id: str, text: str = "", *, confidential: bool = False) -> Note:
    note = Note(text, confidential)
    session.agenda_item(item_id).notes.append(note)
    return note


def set_note_text(session: Session, item_id: str, note_id: str, text: str) -> Note:
    """The note's text as it is being typed.

    Called on every key, outside an edit, so it only drops control characters; the editor
    keeps the length within MAX_TEXT, and every save checks the whole note again.
    """
    note = session.note(item_id, note_id)
    note.text = strip_controls(text)
    return note


def toggle_confidential(session: Session, item_id: str, note_id: str) -> Note:
    """Mark a note confidential (it never reaches the minutes), or not any more."""
    note = session.note(item_id, note_id)
    note.confidential = not note.confidential
    return note


def remove_note(session: Session, item_id: str, note_id: str) -> None:
    notes = session.agenda_item(item_id).notes
    notes.remove(find_part(notes, note_id))


def round(session: Session, round_id: str) -> Round:
    return find_part(session.rounds, round_id)


def add_argument(session: Session, round_id: str, side: Side | str, text: str) -> Round:
    """An argument to restore or to renovate, after the ones already made."""
    round_ = session.round(round_id)
    side = parse_enum(Side, side, "Side")
    argument = clean_text(text, "Argument", required=True, field="text")
    (round_.restore_args if side is Side.RESTORE else round_.renovate_args).append(argument)
    return round_


def set_what_changed(session: Session, round_id: str, text: str) -> Round:
    round_ = session.round(round_id)
    round_.what_changed = clean_text(text, "What changed")
    return round_


def decide(session: Session, round_id: str, verdict: Verdict | str | None, rationale: str = "") -> Round:
    """The round's outcome (restore, renovate or deferred; empty for none yet) and why.

    Who is in the room is recorded with it, so the minutes say who was present."""
    round_ = session.round(round_id)
    decided = None if verdict in (None, "") else parse_enum(Verdict, verdict, "Decision")
    round_.rationale = clean_text(rationale, "Rationale")
    round_.decision = decided
    round_.present = [p.id for p in session.in_room] if decided is not None else []
    return round_


def set_round_mode(session: Session, round_id: str, mode: RoundMode | str) -> Round:
    """Named, hidden (positions per person, only the tally shown) or count (numbers entered directly)."""
    round_ = session.round(round_id)
    round_.mode = parse_enum(RoundMode, mode, "Mode")
    return round_


def cycle_round_mode(session: Session, round_id: str) -> Round:
    """The round's next mode: named, hidden, count, named again."""
    round_ = session.round(round_id)
    round_.mode = following(round_.mode)
    return round_


def set_count(session: Session, round_id: str, position: Position | str, number: int | str) -> Round:
    """In a count-only round: how many hands for restore, renovate or undecided."""
    round_ = session.round(round_id)
    if round_.mode is not RoundMode.COUNT:
        raise ValidationError(
            _("Numbers are entered only in a count-only round; switch the round's mode first."), "counts"
        )
    round_.counts[parse_enum(Position, position, "Position")] = parse_count(number, "Count")
    return round_


def set_counts(session: Session, round_id: str, counts: Mapping[Position | str, int | str]) -> Round:
    """All the numbers of a count-only round at once; one bad number changes none."""
    checked = {
        parse_enum(Position, position, "Position"): parse_count(number, "Count") for position, number in counts.items()
    }
    for position, number in checked.items():
        session.set_count(round_id, position, number)
    return session.round(round_id)


__all__ = [
    "add_argument",
    "add_note",
    "add_round",
    "cycle_round_mode",
    "decide",
    "note",
    "remove_note",
    "round",
    "set_count",
    "set_counts",
    "set_note_text",
    "set_position",
    "set_round_mode",
    "set_what_changed",
    "toggle_confidential",
]
