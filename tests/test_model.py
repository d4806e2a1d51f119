"""The domain model: what a valid meeting is, and what a user is told when input is not."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdtui.model import (
    ActionStatus,
    Attendance,
    ItemStatus,
    Language,
    Note,
    NotFound,
    Position,
    Role,
    Session,
    SessionStatus,
    Side,
    ValidationError,
    Verdict,
    strip_controls,
)


@pytest.fixture
def session() -> Session:
    meeting = Session(
        "Juni-bijeenkomst", network="Wmo transformatienetwerk", date="2026-06-18", start_time="13:30", end_time="16:00"
    )
    meeting.add_participant("Marieke de Vries", "Gemeente Tilburg", "chair")
    meeting.add_participant("Zoë Bakker", "Gemeente Breda")
    meeting.add_participant("Ahmed El Amrani", "Gemeente Utrecht", attendance="apologies")
    meeting.add_item("Opening", kind="opening", timebox=10)
    meeting.add_item("Housing first", kind="restore-renovate", timebox=40)
    meeting.add_item("Signalen", kind="signals", timebox=30)
    return meeting


@pytest.mark.parametrize(
    "make, field",
    [
        (lambda s: s.add_item("   "), "title"),
        (lambda s: s.add_item("Pause", timebox=-5), "timebox"),
        (lambda s: s.add_item("Pause", timebox=100_000), "timebox"),
        (lambda s: s.add_item("Pause", timebox="ten"), "timebox"),
        (lambda s: s.add_action("Memo", "Nobody Known"), "owner"),
        (lambda s: s.add_action("Memo", "Zoë", due="2026-02-30"), "due"),
        (lambda s: s.add_participant(""), "name"),
        (lambda s: s.add_participant("zoë bakker"), "name"),
        (lambda s: s.add_signal("Breda", "complaint", "x"), "kind"),
    ],
    ids=[
        "empty title",
        "negative timebox",
        "absurd timebox",
        "timebox not a number",
        "owner not a participant",
        "impossible due date",
        "empty name",
        "duplicate participant",
        "unknown signal kind",
    ],
)
def test_bad_input_raises_validation_error_with_readable_message(session: Session, make, field: str) -> None:
    before = session.to_dict()
    with pytest.raises(ValidationError) as raised:
        make(session)
    assert raised.value.field == field
    message = str(raised.value)
    assert message and "\n" not in message and "Traceback" not in message
    assert message[0].isupper() and message.endswith(".")
    assert session.to_dict() == before


@pytest.mark.parametrize("value", ["2026-13-01", "18-06-2026", "2026-02-29", "tomorrow", "0001-01-01"])
def test_impossible_session_dates_are_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="date"):
        Session("Overleg", date=value)


def test_end_time_must_follow_start_time() -> None:
    with pytest.raises(ValidationError, match="End time"):
        Session("Overleg", start_time="15:00", end_time="14:00")


def test_owner_found_by_unique_name_prefix_and_refused_when_ambiguous(session: Session) -> None:
    action = session.add_action("Notitie schrijven", "zoë")
    assert session.participant(action.owner_id).name == "Zoë Bakker"
    session.add_participant("Zoë Jansen", "Gemeente Eindhoven")
    with pytest.raises(ValidationError, match="More than one"):
        session.add_action("Nog een", "zoë")


def test_planned_starts_follow_the_timeboxes_and_overrun_is_reported(session: Session) -> None:
    starts = session.planned_starts()
    assert starts == [datetime(2026, 6, 18, 13, 30), datetime(2026, 6, 18, 13, 40), datetime(2026, 6, 18, 14, 20)]
    assert session.agenda_overrun() == 0
    session.add_item("Lang gesprek", timebox=90)
    assert session.agenda_overrun() == 170 - 150


def test_move_item_reorders_and_stops_at_the_ends(session: Session) -> None:
    signals = session.agenda[2]
    assert session.move_item(signals.id, -1) == 1
    assert session.move_item(signals.id, -5) == 0
    assert [i.title for i in session.agenda] == ["Signalen", "Opening", "Housing first"]


def test_running_the_clock_marks_items_and_counts_overrun(session: Session) -> None:
    start = datetime(2026, 6, 18, 13, 30)
    session.start(start)
    assert session.status is SessionStatus.RUNNING
    opening = session.agenda[0]
    assert opening.status is ItemStatus.RUNNING
    later = start + timedelta(minutes=13)
    assert opening.elapsed(later) == timedelta(minutes=13)
    session.go_to(1, later)
    assert opening.status is ItemStatus.DONE and opening.ended_at == later
    assert session.agenda[1].started_at == later
    session.close(later + timedelta(minutes=40))
    assert session.status is SessionStatus.CLOSED
    assert session.agenda[1].elapsed(datetime(2030, 1, 1)) == timedelta(minutes=40)


def test_going_back_to_a_finished_item_resumes_its_clock(session: Session) -> None:
    start = datetime(2026, 6, 18, 13, 30)
    session.start(start)
    session.go_to(1, start + timedelta(minutes=5))
    session.go_to(0, start + timedelta(minutes=20))
    opening = session.agenda[0]
    assert opening.elapsed(start + timedelta(minutes=21)) == timedelta(minutes=6)


def test_tally_counts_present_people_without_position_as_undecided(session: Session) -> None:
    round_ = session.add_round("Housing first", item_id=session.agenda[1].id)
    chair, zoe, absent = session.participants
    session.set_position(round_.id, chair.id, "renovate")
    tally = round_.tally(session.participants)
    assert tally == {Position.RESTORE: 0, Position.RENOVATE: 1, Position.UNDECIDED: 1}
    session.set_position(round_.id, zoe.id, Position.RESTORE)
    assert round_.tally(session.participants)[Position.RESTORE] == 1
    with pytest.raises(ValidationError):
        session.set_position(round_.id, "nobody", "restore")


def test_removing_an_action_owner_is_refused(session: Session) -> None:
    action = session.add_action("Memo", "Marieke")
    with pytest.raises(ValidationError, match="owns action items"):
        session.remove_participant(action.owner_id)


def test_round_trip_through_json_keeps_everything(session: Session) -> None:
    round_ = session.add_round("Digitaal werken", what_changed="Overleg online")
    round_.restore_args.append("Elkaar zien")
    round_.decision = Verdict.DEFERRED
    session.add_signal("Gemeente Breda", "bottleneck", "Uitgestelde zorg")
    session.add_decision("Housing first uitbreiden", "Het werkte in de crisis")
    session.add_action("Notitie", "Zoë", "2026-07-01")
    session.agenda[0].notes.append(Note("Geheim", confidential=True))
    session.start(datetime(2026, 6, 18, 13, 31))
    text = json.dumps(session.to_dict())
    again = Session.from_dict(json.loads(text))
    assert again == session
    assert again.actions[0].due == date(2026, 7, 1) and again.actions[0].status is ActionStatus.OPEN


def test_foreign_data_is_refused_with_a_message() -> None:
    with pytest.raises(ValidationError, match="Unknown session fields"):
        Session.from_dict({"title": "x", "password": "y"})
    with pytest.raises(ValidationError):
        Session.from_dict({"title": "x", "participants": "not a list"})
    with pytest.raises(ValidationError):
        Session.from_dict(["x"])  # type: ignore[arg-type]


def test_duplicate_is_a_fresh_draft_without_what_happened(session: Session) -> None:
    session.add_round("Housing first", item_id=session.agenda[1].id)
    session.add_action("Memo", "Zoë")
    session.start(datetime(2026, 6, 18, 13, 30))
    copy = session.duplicate()
    assert copy.id != session.id and copy.status is SessionStatus.DRAFT
    assert [p.name for p in copy.participants] == [p.name for p in session.participants]
    assert all(p.attendance is Attendance.PRESENT for p in copy.participants)
    assert not {p.id for p in copy.participants} & {p.id for p in session.participants}
    assert copy.actions == [] and copy.rounds[0].item_id == copy.agenda[1].id


def test_control_characters_and_escape_sequences_are_dropped() -> None:
    session = Session("A\x1b[31mred\x1b[0m title\x00")
    assert session.title == "A[31mred[0m title"
    note_text = strip_controls("line one\r\nline two\x07\x9b2J")
    assert note_text == "line one\nline two2J"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_either_accepted_clean_or_refused_with_a_message(text: str) -> None:
    try:
        session = Session(text)
    except ValidationError as error:
        assert error.message
        return
    assert session.title == session.title.strip()
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in session.title)
    assert Session.from_dict(json.loads(json.dumps(session.to_dict()))) == session


def test_times_accept_common_spellings() -> None:
    assert Session("x", start_time="9.30").start_time == time(9, 30)
    assert Session("x", start_time="09:30:00").start_time == time(9, 30)
    with pytest.raises(ValidationError):
        Session("x", start_time="half tien")


# --- every change a screen makes is a method that says what it means --------------------


def test_details_change_together_and_an_end_before_the_start_is_refused(session: Session) -> None:
    session.update_details(
        title="Juli-bijeenkomst", place="Stadhuis Zwolle", guest_speakers=["Els de Boer"], language="en"
    )
    assert (session.title, session.place, session.guest_speakers, session.language) == (
        "Juli-bijeenkomst",
        "Stadhuis Zwolle",
        ["Els de Boer"],
        Language.EN,
    )
    before = session.to_dict()
    with pytest.raises(ValidationError, match="End time"):
        session.update_details(start_time="17:00", end_time="16:00")
    assert session.to_dict() == before
    with pytest.raises(ValueError):
        session.update_details(status="closed")  # not a detail: the meeting closes with close()


def test_editing_a_participant_keeps_the_id_and_refuses_a_name_taken(session: Session) -> None:
    zoe = session.participants[1]
    edited = session.edit_participant(
        zoe.id, name="Zoë Bakker-Smit", organisation="Gemeente Breda", role="speaker", attendance="absent"
    )
    assert edited.id == zoe.id and session.participant(zoe.id) is edited
    assert (edited.name, edited.role, edited.attendance) == ("Zoë Bakker-Smit", Role.SPEAKER, Attendance.ABSENT)
    before = session.to_dict()
    with pytest.raises(ValidationError, match="already a participant") as raised:
        session.edit_participant(zoe.id, name="marieke de vries")
    assert raised.value.field == "name" and session.to_dict() == before


def test_role_and_attendance_step_round_and_come_back(session: Session) -> None:
    chair = session.participants[0]
    assert [session.cycle_role(chair.id).role for _ in Role] == [
        Role.SPEAKER,
        Role.MINUTE_TAKER,
        Role.MEMBER,
        Role.GUEST,
        Role.CHAIR,
    ]
    assert [session.cycle_attendance(chair.id).attendance for _ in Attendance] == [
        Attendance.APOLOGIES,
        Attendance.ABSENT,
        Attendance.PRESENT,
    ]


def test_editing_an_agenda_item_is_checked_like_a_new_one(session: Session) -> None:
    opening = session.agenda[0]
    session.edit_item(opening.id, title="Welkom", timebox="5", standing=True)
    assert (session.agenda[0].id, session.agenda[0].title, session.agenda[0].timebox) == (opening.id, "Welkom", 5)
    with pytest.raises(ValidationError) as raised:
        session.edit_item(opening.id, timebox="een uur")
    assert raised.value.field == "timebox" and session.agenda[0].timebox == 5
    with pytest.raises(NotFound):
        session.edit_item("gone", title="x")


def test_notes_are_added_typed_marked_confidential_and_removed(session: Session) -> None:
    item = session.agenda[1]
    note = session.add_note(item.id, "Eerste")
    session.set_note_text(item.id, note.id, "Eerste regel\x1b[2J\nen de tweede")
    assert session.note(item.id, note.id).text == "Eerste regel[2J\nen de tweede"
    assert session.toggle_confidential(item.id, note.id).confidential
    assert item.public_notes == []
    assert not session.toggle_confidential(item.id, note.id).confidential
    session.remove_note(item.id, note.id)
    assert item.notes == []
    with pytest.raises(NotFound):
        session.set_note_text(item.id, note.id, "weg")


def test_arguments_what_changed_and_the_decision_of_a_round(session: Session) -> None:
    round_ = session.add_round("Housing first", item_id=session.agenda[1].id)
    session.add_argument(round_.id, Side.RESTORE, "De opvang was duur")
    session.add_argument(round_.id, "renovate", "Het werkte")
    session.add_argument(round_.id, Side.RENOVATE, "Minder uitval")
    assert (round_.restore_args, round_.renovate_args) == (["De opvang was duur"], ["Het werkte", "Minder uitval"])
    with pytest.raises(ValidationError):
        session.add_argument(round_.id, "undecided", "Geen kant")
    with pytest.raises(ValidationError, match="Argument cannot be empty"):
        session.add_argument(round_.id, Side.RESTORE, "   ")
    assert session.set_what_changed(round_.id, "Iedereen kreeg een woning").what_changed == "Iedereen kreeg een woning"
    decided = session.decide(round_.id, "renovate", "Het werkte in de crisis")
    assert (decided.decision, decided.rationale) == (Verdict.RENOVATE, "Het werkte in de crisis")
    with pytest.raises(ValidationError):
        session.decide(round_.id, "maybe", "")
    assert round_.decision is Verdict.RENOVATE and round_.rationale == "Het werkte in de crisis"
    with pytest.raises(NotFound):
        session.decide("gone", "restore")


def test_signals_and_decisions_are_edited_and_removed_by_id(session: Session) -> None:
    signal = session.add_signal("Gemeente Breda", "bottleneck", "Wachtlijst")
    edited = session.edit_signal(
        signal.id, organisation="Gemeente Tilburg", kind="good-practice", text="Geen wachtlijst"
    )
    assert edited.id == signal.id and session.signals == [edited] and edited.organisation == "Gemeente Tilburg"
    with pytest.raises(ValidationError):
        session.edit_signal(signal.id, text="")
    session.remove_signal(signal.id)
    assert session.signals == []
    decision = session.add_decision("Brief sturen")
    assert session.edit_decision(decision.id, text="Brief sturen", rationale="De raad").rationale == "De raad"
    session.remove_decision(decision.id)
    assert session.decisions == []
    with pytest.raises(NotFound):
        session.remove_decision(decision.id)


def test_an_action_steps_open_done_dropped_and_open_again(session: Session) -> None:
    action = session.add_action("Memo", "Zoë")
    assert [session.advance_action_status(action.id).status for _ in ActionStatus] == [
        ActionStatus.DONE,
        ActionStatus.DROPPED,
        ActionStatus.OPEN,
    ]
    assert ActionStatus.DROPPED.next() is ActionStatus.OPEN
