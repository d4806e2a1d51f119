"""The demo meeting: what a new user sees first, and what many tests build on."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta

import pytest

from sdtui.demo import DEMO_TITLE, DEMO_TITLE_EN, build_demo, demo_date
from sdtui.model import (
    ActionStatus,
    Attendance,
    ItemKind,
    ItemStatus,
    Language,
    Position,
    Role,
    Session,
    SessionStatus,
    SignalKind,
    Verdict,
)
from sdtui.prompts import prompt_by_id
from sdtui.search import entries_of

TODAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def demo() -> Session:
    return build_demo(today=TODAY)


def test_demo_survives_a_round_trip(demo: Session) -> None:
    assert Session.from_dict(demo.to_dict()) == demo


def test_demo_is_the_june_meeting_of_the_network(demo: Session) -> None:
    assert demo.title == DEMO_TITLE
    assert demo.network == "Wmo transformatienetwerk"
    assert demo.language is Language.NL
    assert demo.date == date(2026, 6, 18)  # the third Thursday of June
    assert demo.date.weekday() == 3
    assert demo.online_link.startswith("https://") and ".example." in demo.online_link
    assert demo.chair == demo.find_participant(demo.chair).name
    assert demo.guest_speakers and demo.find_participant(demo.guest_speakers[0]).role is Role.SPEAKER


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2030])
def test_demo_date_is_a_thursday_in_june_of_the_given_year(year: int) -> None:
    day = demo_date(year)
    assert (day.year, day.month, day.weekday()) == (year, 6, 3)
    assert 15 <= day.day <= 21
    assert build_demo(today=date(year, 12, 31)).date == day


def test_demo_defaults_to_this_year() -> None:
    assert build_demo().date.year == date.today().year


def test_demo_has_a_realistic_group_of_participants(demo: Session) -> None:
    assert 8 <= len(demo.participants) <= 12
    roles = {person.role for person in demo.participants}
    assert {Role.CHAIR, Role.SPEAKER, Role.MINUTE_TAKER, Role.MEMBER} <= roles
    attendance = [person.attendance for person in demo.participants]
    assert 1 <= attendance.count(Attendance.APOLOGIES) <= 2
    assert attendance.count(Attendance.ABSENT) == 1
    organisations = {person.organisation for person in demo.participants}
    assert len(organisations) >= 4
    assert sum(org.startswith("gemeente ") for org in organisations) >= 4


def test_demo_has_a_name_with_a_diacritic_that_search_finds(demo: Session) -> None:
    accented = [p.name for p in demo.participants if unicodedata.normalize("NFD", p.name) != p.name]
    assert accented
    assert demo.find_participant("zoë").name == "Zoë Hendriks"
    assert any(entry.what == "Participant" and "Zoë" in entry.text for entry in entries_of(demo))


def test_demo_invents_its_people(demo: Session) -> None:
    """The source texts name real people; the demo must not put words in their mouths."""
    real = [
        "Boutellier",
        "Van de Weerd",
        "Halsema",
        "Marjon Breed",
        "Matton",
        "Van Zwieten",
        "Waanders",
        "Klokman",
        "Veuger",
        "Den Outer",
        "Aarnink",
        "Kuyvenhoven",
        "Van der Burg",
    ]
    for lang in ("nl", "en"):
        text = " ".join(entry.text for entry in entries_of(build_demo(today=TODAY, language=lang))).casefold()
        assert not [name for name in real if name.casefold() in text]


def test_demo_agenda_fits_the_afternoon(demo: Session) -> None:
    assert (demo.start_time, demo.end_time) == (time(13, 30), time(16, 0))
    assert demo.agenda_overrun() == 0
    assert 120 <= demo.planned_minutes <= 150
    kinds = [item.kind for item in demo.agenda]
    assert kinds[0] is ItemKind.OPENING and kinds[-1] is ItemKind.CLOSING
    assert kinds.count(ItemKind.ROUND) == 2
    for kind in (ItemKind.PRESENTATION, ItemKind.SIGNALS, ItemKind.ACTIONS_REVIEW):
        assert kind in kinds
    assert all(item.title.strip() for item in demo.agenda)


def test_demo_was_held_and_closed_with_timing(demo: Session) -> None:
    assert demo.status is SessionStatus.CLOSED
    assert demo.started_at is not None and demo.ended_at is not None
    assert demo.started_at.date() == demo.date
    assert demo.started_at >= datetime.combine(demo.date, demo.start_time)
    assert demo.ended_at <= datetime.combine(demo.date, demo.end_time)
    previous_end = demo.started_at
    for item in demo.agenda:
        assert item.status is ItemStatus.DONE
        assert item.started_at == previous_end and item.ended_at > item.started_at
        previous_end = item.ended_at
    assert previous_end == demo.ended_at
    overruns = [item.elapsed(demo.ended_at) - timedelta(minutes=item.timebox) for item in demo.agenda]
    overran = [overrun for overrun in overruns if overrun > timedelta(0)]
    assert len(overran) == 1
    assert timedelta(minutes=1) <= overran[0] <= timedelta(minutes=10)


def test_demo_has_a_renovated_and_a_deferred_round(demo: Session) -> None:
    assert len(demo.rounds) >= 2
    verdicts = [round_.decision for round_ in demo.rounds]
    assert Verdict.RENOVATE in verdicts and Verdict.DEFERRED in verdicts
    present = {person.id for person in demo.present}
    for round_ in demo.rounds:
        item = demo.item(round_.item_id)
        assert item is not None and item.kind is ItemKind.ROUND
        assert prompt_by_id(round_.prompt_id).id == round_.prompt_id
        assert round_.what_changed and round_.rationale
        assert 2 <= len(round_.restore_args) <= 3 and 2 <= len(round_.renovate_args) <= 3
        assert set(round_.positions) <= present
        assert len(round_.positions) > len(present) / 2
    renovated = next(r for r in demo.rounds if r.decision is Verdict.RENOVATE)
    tally = renovated.tally(demo.participants)
    assert tally[Position.RENOVATE] > tally[Position.RESTORE]


def test_demo_has_exactly_one_confidential_note(demo: Session) -> None:
    confidential = [note for item in demo.agenda for note in item.notes if note.confidential]
    assert len(confidential) == 1
    public = [note.text for item in demo.agenda for note in item.public_notes]
    assert confidential[0].text not in public
    assert len(public) >= 8


def test_demo_collects_signals_of_both_kinds(demo: Session) -> None:
    signals_item = next(item for item in demo.agenda if item.kind is ItemKind.SIGNALS)
    assert all(signal.item_id == signals_item.id for signal in demo.signals)
    assert {signal.kind for signal in demo.signals} == set(SignalKind)
    members = {person.organisation for person in demo.participants}
    reporters = {signal.organisation for signal in demo.signals}
    assert len(reporters) >= 4 and reporters <= members


def test_demo_decisions_are_linked_to_items(demo: Session) -> None:
    assert 2 <= len(demo.decisions) <= 3
    assert all(demo.item(decision.item_id) is not None for decision in demo.decisions)
    assert all(decision.rationale for decision in demo.decisions)


def test_demo_actions_have_owners_and_due_dates_after_the_meeting(demo: Session) -> None:
    assert 4 <= len(demo.actions) <= 5
    participant_ids = {person.id for person in demo.participants}
    for action in demo.actions:
        assert action.owner_id in participant_ids
        assert action.due is not None and action.due > demo.date
        assert demo.item(action.item_id) is not None
    statuses = [action.status for action in demo.actions]
    assert statuses.count(ActionStatus.DONE) == 1
    assert len(demo.open_actions) == len(demo.actions) - 1


def test_each_demo_is_a_fresh_meeting() -> None:
    first, second = build_demo(today=TODAY), build_demo(today=TODAY)
    assert first.id != second.id
    first.participants[0].name = "Iemand anders"
    assert second.participants[0].name != "Iemand anders"


def test_english_demo_tells_the_same_meeting() -> None:
    dutch, english = build_demo(today=TODAY), build_demo(today=TODAY, language="en")
    assert Session.from_dict(english.to_dict()) == english
    assert english.language is Language.EN and english.title == DEMO_TITLE_EN != dutch.title
    assert [p.name for p in english.participants] == [p.name for p in dutch.participants]
    assert [i.timebox for i in english.agenda] == [i.timebox for i in dutch.agenda]
    assert [r.decision for r in english.rounds] == [r.decision for r in dutch.rounds]
    assert [i.title for i in english.agenda] != [i.title for i in dutch.agenda]
    dutch_text = {entry.text for entry in entries_of(dutch) if len(entry.text) > 40}
    english_text = {entry.text for entry in entries_of(english) if len(entry.text) > 40}
    assert dutch_text.isdisjoint(english_text - {english.online_link})
