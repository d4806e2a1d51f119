"""A record the network can stand behind, through the model, the store and the minutes:
approved minutes with amendments, the right to be forgotten, retention, secret rounds and
counted hands, live attendance with a quorum, live replanning, and decisions with a review date."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from sdtui.demo import build_demo
from sdtui.exporting import export_backup, export_minutes
from sdtui.forget import find_person, forget_person
from sdtui.library import OwnLibrary
from sdtui.minutes import render_minutes
from sdtui.model import (
    ItemKind,
    Language,
    Movement,
    PlaceKind,
    Position,
    RecordStatus,
    RoundMode,
    Session,
    SessionStatus,
    ValidationError,
)
from sdtui.replanning import outlook
from sdtui.retention import anonymise_sessions, expired, parse_duration, remove_sessions
from sdtui.series import next_meeting
from sdtui.store import SessionSummary, Store
from sdtui.templates import Template, TemplateItem

from .support.markdown import headings, parse, tables, text_of, walk

DAY = date(2026, 6, 18)


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 6, 18, hour, minute)


def meeting(language: Language = Language.EN, **details) -> Session:
    session = Session(
        "June meeting", network="Wmo", date=DAY, start_time="13:30", end_time="15:00", language=language, **details
    )
    session.add_participant("Ruud Verhoeven", "Tilburg", role="chair")
    session.add_participant("Zoë Hendriks", "Huizen")
    session.add_participant("Bram de Wit", "Amersfoort")
    session.add_participant("Ingrid Mulder", "Sociaal Werk Nederland", role="guest")
    return session


def closed(session: Session) -> Session:
    session.start(at(13, 30))
    session.close(at(15, 0))
    return session


def list_items(markdown: str, heading: str) -> list[str]:
    """The items of the first list after a level-2 heading."""
    tree = parse(markdown)
    nodes = list(walk(tree))
    start = next(n for n, node in enumerate(nodes) if node.type == "heading" and text_of(node) == heading)
    found = next(node for node in nodes[start:] if node.type in ("ordered_list", "bullet_list"))
    return [text_of(item) for item in found.children]


# --- backward compatibility ---------------------------------------------------------------


def test_a_session_stored_before_these_fields_existed_still_loads() -> None:
    old = meeting().to_dict()
    for name in ("approved_on", "amendments", "quorum", "arrivals"):
        del old[name]
    for round_ in old["rounds"]:
        del round_["mode"], round_["counts"], round_["present"]
    loaded = Session.from_dict(old)
    assert (loaded.approved_on, loaded.amendments, loaded.quorum, loaded.arrivals) == (None, [], 0, [])
    assert loaded.record_status is RecordStatus.DRAFT


def test_an_index_entry_written_before_approval_existed_still_reads() -> None:
    doc = SessionSummary.of(meeting()).to_doc()
    del doc["approved_on"]
    assert SessionSummary.from_doc(doc).shown_status is SessionStatus.DRAFT


# --- approving minutes --------------------------------------------------------------------


def test_amendments_are_recorded_and_the_minutes_keep_the_original_text() -> None:
    session = closed(meeting())
    session.add_decision("Housing first becomes the rule")
    original = render_minutes(session)
    assert session.record_status is RecordStatus.FINAL
    session.add_amendment("Decision 1 should read: housing first for everyone", by="Zoë Hendriks")
    session.approve(date(2026, 9, 10))
    assert session.record_status is RecordStatus.APPROVED
    assert session.amendments[0].on == date(2026, 9, 10)
    minutes = render_minutes(session)
    body = original.split("## Participants")[1].rsplit("\n\n", 1)[0]  # all but the heading's facts and the status line
    assert body in minutes  # stays word for word
    assert "Amendments" in headings(parse(minutes), "h2")
    assert list_items(minutes, "Amendments") == [
        "Decision 1 should read: housing first for everyone (asked by Zoë Hendriks)"
    ]
    assert "Status: approved on 10 September 2026" in text_of(parse(minutes))


def test_dutch_minutes_have_a_wijzigingen_section_and_say_vastgesteld() -> None:
    session = closed(meeting(Language.NL))
    session.add_amendment("Punt 3 aanvullen", by="Bram de Wit")
    session.approve("2026-09-10")
    minutes = render_minutes(session)
    assert "Wijzigingen" in headings(parse(minutes), "h2")
    assert list_items(minutes, "Wijzigingen") == ["Punt 3 aanvullen (gevraagd door Bram de Wit)"]
    assert "vastgesteld op 10 september 2026" in minutes


def test_the_status_line_says_draft_and_final() -> None:
    session = meeting()
    assert render_minutes(session).rstrip().endswith("*Status: draft*")
    assert render_minutes(closed(session)).rstrip().endswith("*Status: final*")


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.approve(date(2026, 9, 10)),
        lambda s: s.add_amendment("Anders", by="Bram"),
    ],
)
def test_minutes_of_a_meeting_not_closed_cannot_be_approved_or_amended(change) -> None:
    session = meeting()
    before = session.to_dict()
    with pytest.raises(ValidationError, match="not been closed"):
        change(session)
    assert session.to_dict() == before


def test_approved_minutes_take_no_second_approval_nor_amendment() -> None:
    session = closed(meeting())
    session.approve(date(2026, 9, 10))
    before = session.to_dict()
    with pytest.raises(ValidationError, match="already approved"):
        session.approve(date(2026, 9, 11))
    with pytest.raises(ValidationError, match="no more amendments"):
        session.add_amendment("Te laat")
    assert session.to_dict() == before


def test_the_next_meeting_starts_with_approving_the_previous_minutes() -> None:
    demo = build_demo(today=DAY)
    following = next_meeting(demo, DAY)
    kinds = [item.kind for item in following.agenda]
    assert kinds[0] is ItemKind.OPENING and kinds[1] is ItemKind.APPROVE_MINUTES
    assert following.agenda[1].title == "Vaststellen verslag vorige bijeenkomst"
    assert kinds.count(ItemKind.APPROVE_MINUTES) == 1
    # and the item does not come back a second time when the next meeting carries it on
    assert [i.kind for i in next_meeting(following, DAY).agenda].count(ItemKind.APPROVE_MINUTES) == 1


def test_the_index_knows_a_session_is_approved(store: Store) -> None:
    session = store.add(closed(meeting()))
    session.approve(date(2026, 9, 10))
    store.save(session)
    assert Store(store.root).list()[0].shown_status is RecordStatus.APPROVED


# --- secret rounds and counted hands ------------------------------------------------------


def test_a_hidden_round_shows_only_the_tally() -> None:
    session = meeting()
    round_ = session.add_round("Housing first?")
    people = session.participants
    session.set_round_mode(round_.id, "hidden")
    session.set_position(round_.id, people[1].id, "renovate")
    session.set_position(round_.id, people[2].id, "restore")
    minutes = render_minutes(session)
    table = tables(parse(minutes))[-1]
    assert table == [["Position", "Count"], ["restore", "1"], ["renovate", "1"], ["undecided", "2"]]
    assert "Secret round: positions were taken per person; only the tally is recorded." in minutes
    section = minutes.split("## Restore or renovate")[1]
    assert "Zoë" not in section and "Bram" not in section


def test_a_count_only_round_takes_the_numbers_directly() -> None:
    session = meeting()
    round_ = session.add_round("Digital meetings?")
    with pytest.raises(ValidationError, match="count-only"):
        session.set_count(round_.id, "restore", 3)
    session.set_round_mode(round_.id, RoundMode.COUNT)
    session.set_count(round_.id, Position.RESTORE, 3)
    session.set_count(round_.id, "renovate", "12")
    with pytest.raises(ValidationError, match="whole number"):
        session.set_count(round_.id, "undecided", "veel")
    assert round_.tally(session.participants) == {Position.RESTORE: 3, Position.RENOVATE: 12, Position.UNDECIDED: 0}
    minutes = render_minutes(session, language="nl")
    assert tables(parse(minutes))[-1][1:] == [["restaureren", "3"], ["renoveren", "12"], ["nog geen keuze", "0"]]
    assert "Handen geteld" in minutes


def test_a_named_round_says_so_and_the_mode_cycles() -> None:
    session = meeting()
    round_ = session.add_round("Thuiswerken")
    assert "Positions taken by name." in render_minutes(session)
    assert [session.cycle_round_mode(round_.id).mode for _ in range(3)] == [
        RoundMode.HIDDEN,
        RoundMode.COUNT,
        RoundMode.NAMED,
    ]


# --- live attendance ----------------------------------------------------------------------


def test_arrivals_and_departures_are_timed_and_each_decision_records_who_was_there() -> None:
    session = meeting()
    zoe, bram = session.participants[1], session.participants[2]
    session.edit_participant(bram.id, attendance="absent")
    session.start(at(13, 30))
    session.mark_arrival(bram.id, at(13, 50))
    first = session.add_decision("Housing first")
    session.mark_departure(zoe.id, at(14, 20))
    with pytest.raises(ValidationError, match="not in the room"):
        session.mark_departure(zoe.id, at(14, 25))
    second = session.add_decision("Keep the digital meetings")
    names = {p.id: p.name for p in session.participants}
    assert [names[i] for i in first.present] == ["Ruud Verhoeven", "Zoë Hendriks", "Bram de Wit", "Ingrid Mulder"]
    assert "Zoë Hendriks" not in [names[i] for i in second.present]
    assert [(a.movement, a.at) for a in session.arrivals] == [
        (Movement.ARRIVED, at(13, 50)),
        (Movement.LEFT, at(14, 20)),
    ]
    minutes = render_minutes(session)
    assert list_items(minutes, "Participants")  # still listed as present
    assert "13:50 Bram de Wit arrived" in minutes and "14:20 Zoë Hendriks left" in minutes
    assert "Present (3): Ruud Verhoeven, Bram de Wit, Ingrid Mulder" in text_of(parse(minutes))


def test_a_quorum_counts_members_in_the_room_and_the_minutes_say_whether_it_was_met() -> None:
    session = meeting()
    ruud, zoe, bram, _guest = session.participants
    session.set_quorum(3)
    assert session.quorum_met() is True
    session.mark_departure(bram.id, at(14, 0))
    assert session.quorum_met() is False  # the guest does not count
    session.add_decision("Postponed")
    assert "quorum not met" in render_minutes(session)
    session.mark_arrival(bram.id, at(14, 10))
    session.add_decision("Decided after all")
    assert "Present (4): Ruud Verhoeven, Zoë Hendriks, Bram de Wit, Ingrid Mulder; quorum met" in text_of(
        parse(render_minutes(session))
    )


def test_a_quorum_above_the_number_of_members_is_refused() -> None:
    session = meeting()
    with pytest.raises(ValidationError, match="more than the 3 members"):
        session.set_quorum(4)
    assert session.quorum == 0 and session.quorum_met() is None


def test_a_round_decided_records_who_was_present() -> None:
    session = meeting()
    round_ = session.add_round("Housing first?")
    session.mark_departure(session.participants[2].id, at(14, 0))
    session.decide(round_.id, "renovate", "It worked")
    assert len(round_.present) == 3
    assert "Present (3):" in render_minutes(session)


# --- live replanning ----------------------------------------------------------------------


def running_late() -> Session:
    session = meeting()
    session.end_time = None
    session.end_time = session.start_time.replace(hour=14, minute=30)
    for title, minutes in (("Opening", 10), ("Guest speaker", 20), ("Round", 15), ("Signals", 10), ("Closing", 5)):
        session.add_item(title, timebox=minutes)
    session.start(at(13, 30))
    session.go_to(1, at(13, 40))
    return session


def test_the_projection_follows_the_overrun_and_marks_what_no_longer_fits() -> None:
    session = running_late()
    on_time = outlook(session, at(13, 50))
    assert on_time.planned_end == at(14, 30) and on_time.projected_end == at(14, 30) and not on_time.no_fit
    late = outlook(session, at(14, 25))  # the guest speaker ran 45 minutes of 20
    assert late.projected_end == at(14, 55) and late.overrun.seconds == 25 * 60
    assert [i.title for i in late.no_fit] == ["Round", "Signals", "Closing"]


def test_shorten_skip_and_move_replan_the_meeting_and_the_minutes_record_the_move() -> None:
    session = running_late()
    round_item, signals, closing = session.agenda[2], session.agenda[3], session.agenda[4]
    session.shorten_item(round_item.id)
    assert round_item.timebox == 10
    session.skip_item(signals.id, at(14, 25))
    session.move_to_next_meeting(round_item.id, at(14, 25))
    assert [i.title for i in outlook(session, at(14, 25)).no_fit] == []
    assert outlook(session, at(14, 25)).projected_end == at(14, 30)
    with pytest.raises(ValidationError, match="already been dealt with"):
        session.skip_item(session.agenda[0].id, at(14, 26))
    session.close(at(14, 40))
    minutes = render_minutes(session)
    rows = {row[1]: row[4] for row in tables(parse(minutes))[0][1:]}
    assert rows["Round"].endswith("moved to the next meeting") and rows["Signals"].endswith("skipped")
    moved = [n for n in walk(parse(minutes)) if n.type == "paragraph" and text_of(n) == "Moved to the next meeting:"]
    assert len(moved) == 1 and "**Moved to the next meeting:**\n\n- Round\n" in minutes
    following = next_meeting(session, DAY)
    titles = [i.title for i in following.agenda]
    assert "Round" in titles and "Signals" not in titles and closing.title not in titles[:1]


# --- decisions with a review date ---------------------------------------------------------


def test_decisions_due_for_review_are_listed_by_the_next_meeting() -> None:
    march = closed(Session("March", network="Wmo", date=date(2026, 3, 12), language="en"))
    march.add_decision("Try housing first", review_on="2026-06-01")
    march.add_decision("Look again next year", review_on="2027-03-01")
    june = closed(Session("June", network="Wmo", date=date(2026, 6, 18), language="en"))
    june.add_decision("Keep digital meetings", review_on=date(2026, 9, 1))
    following = next_meeting(june, date(2026, 9, 10), history=[march])
    listing = [i for i in following.agenda if i.title == "Decisions due for review"]
    assert len(listing) == 1
    assert [n.text for n in listing[0].notes] == [
        "Keep digital meetings (decided on 2026-06-18; review date 2026-09-01)"
    ]
    # march's first decision was due at june's meeting already, and the other is not due yet
    with pytest.raises(ValidationError, match="not a real date"):
        june.add_decision("Bad", review_on="someday")
    minutes = render_minutes(june)
    assert "Review on: 1 September 2026" in text_of(parse(minutes))


def test_only_whole_words_of_the_name_are_replaced() -> None:
    session = meeting()
    item = session.add_item("Housing")
    note = session.add_note(item.id, "Zoë Hendriksen is someone else than zoe  hendriks.")
    session.forget("Zoë Hendriks", "Participant 9")
    assert session.note(item.id, note.id).text == "Zoë Hendriksen is someone else than Participant 9."


def test_a_review_date_can_be_set_on_a_decision_later() -> None:
    session = meeting()
    decision = session.add_decision("Housing first")
    session.edit_decision(decision.id, review_on="2027-01-15")
    assert session.decisions[0].review_on == date(2027, 1, 15)


# --- the right to be forgotten --------------------------------------------------------------


NAME = "Zoë Hendriks"


def store_bytes(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def filled_store(store: Store) -> tuple[Session, Session]:
    first = closed(meeting())
    zoe = first.participants[1]
    item = first.add_item("Housing", presenter="zoe hendriks")
    first.add_note(item.id, "ZOË HENDRIKS told how Huizen did it; Hendriksen did not.")
    round_ = first.add_round("Housing first?")
    first.set_position(round_.id, zoe.id, "renovate")
    first.add_action("Send the figures", "Zoë")
    first.add_decision("Zoë Hendriks leads the pilot")
    second = Session("September meeting", network="Wmo", date="2026-09-10", chair="Zoë Hendriks")
    second.add_participant("Zoë Hendriks", "Huizen")
    store.add_many([first, second])
    library = OwnLibrary(store.root)
    library.add_template(
        Template(
            "own-hendriks",
            {"nl": "Overleg met Zoë Hendriks", "en": "Meeting with Zoë Hendriks"},
            (TemplateItem({"nl": "Opening", "en": "Opening"}, presenter="Zoë Hendriks"),),
        )
    )
    library.add_prompt("Wat zou Zoë Hendriks doen?", "Een vraag van een deelnemer")
    export_minutes(first, store.minutes_dir)
    export_minutes(first, store.minutes_dir, language="nl", html=True)
    export_backup(first, store.minutes_dir)
    return first, second


def test_forget_lists_every_place_first_and_changes_nothing(store: Store) -> None:
    first, second = filled_store(store)
    before = store_bytes(store.root)
    plan = find_person(store, "zoe HENDRIKS")
    kinds = {found.session.id: sorted({p.kind for p in found.places}) for found in plan.sessions}
    assert kinds[first.id] == sorted(
        {PlaceKind.PARTICIPANT, PlaceKind.PRESENTER, PlaceKind.MENTION, PlaceKind.OWNER, PlaceKind.POSITION}
    )
    assert kinds[second.id] == sorted({PlaceKind.PARTICIPANT, PlaceKind.CHAIR})
    assert len(plan.library) == 4 and len(plan.minutes) == 3  # the template's two names and presenter, the prompt
    assert plan.pseudonym("en") == "Participant 1" and plan.pseudonym("nl") == "Deelnemer 1"
    assert store_bytes(store.root) == before


def test_forget_with_reexport_leaves_no_byte_of_the_name_in_any_store_file(store: Store) -> None:
    first, _second = filled_store(store)
    plan = find_person(store, NAME)
    result = forget_person(store, plan, reexport=True)
    assert len(result.sessions) == 2 and result.library == 2 and len(result.rewritten) == 3 and not result.left
    for path, data in store_bytes(store.root).items():
        lowered = data.lower()
        for form in (NAME, "Zoë Hendriks".upper(), "zoe hendriks", "Zo\\u00eb Hendriks"):
            assert form.lower().encode() not in lowered, path
    again = store.load(first.id)
    assert again.participants[1].name == "Participant 1"
    assert again.actions[0].owner_id == again.participants[1].id  # still theirs, under the pseudonym
    assert "Participant 1 told how Huizen did it; Hendriksen did not." in again.agenda[0].notes[0].text
    assert OwnLibrary(store.root).templates()[0].items[0].presenter == "Participant 1"
    with pytest.raises(ValidationError, match="appears nowhere"):
        find_person(store, NAME)


def test_the_pseudonym_is_stable_and_the_next_person_gets_the_next_number(store: Store) -> None:
    filled_store(store)
    forget_person(store, find_person(store, NAME))
    plan = find_person(store, "Bram de Wit")
    assert plan.number == 2
    forget_person(store, plan)
    names = {p.name for s in store.load_all()[0] for p in s.participants}
    assert {"Participant 1", "Participant 2"} <= names


def test_exported_minutes_are_listed_and_left_alone_without_reexport(store: Store) -> None:
    filled_store(store)
    files = {path: path.read_bytes() for path in store.minutes_dir.iterdir()}
    result = forget_person(store, find_person(store, NAME))
    assert sorted(result.left) == sorted(files) and not result.rewritten
    assert {path: path.read_bytes() for path in store.minutes_dir.iterdir()} == files


def test_an_unknown_name_is_refused_and_nothing_changes(store: Store) -> None:
    filled_store(store)
    before = store_bytes(store.root)
    for name in ("Nobody Here", "Hendrik", "   "):  # whole words only: Hendrik is not Hendriks
        with pytest.raises(ValidationError):
            find_person(store, name)
    assert store_bytes(store.root) == before


# --- retention ----------------------------------------------------------------------------


def test_durations_are_read_and_bad_ones_refused() -> None:
    assert parse_duration("2y").before(date(2026, 6, 18)) == date(2024, 6, 18)
    assert parse_duration("18m").before(date(2026, 3, 31)) == date(2024, 9, 30)
    assert parse_duration("1y 6w").before(date(2026, 6, 18)) == date(2025, 5, 7)
    for bad in ("", "two years", "5", "0d", "3x"):
        with pytest.raises(ValidationError):
            parse_duration(bad)


def old_and_new(store: Store) -> tuple[Session, Session]:
    old = closed(meeting())
    old.date = date(2023, 5, 1)
    new = closed(meeting())
    store.add_many([old, new])
    export_minutes(old, store.minutes_dir)
    export_minutes(new, store.minutes_dir)
    return old, new


def test_retention_removes_old_sessions_and_their_exported_minutes(store: Store) -> None:
    old, new = old_and_new(store)
    found = expired(store, parse_duration("2y"), DAY)
    assert [s.id for s in found] == [old.id]
    result = remove_sessions(store, found)
    assert result.sessions == [old.id] and len(result.files) == 1
    assert store.ids() == [new.id]
    assert [p.name for p in store.minutes_dir.iterdir()] == [
        result.files[0].name.replace(old.id, new.id).replace("2023-05-01", "2026-06-18")
    ]


def test_retention_can_anonymise_instead(store: Store) -> None:
    old, new = old_and_new(store)
    anonymise_sessions(store, expired(store, parse_duration("2y"), DAY))
    kept = store.load(old.id)
    assert [p.name for p in kept.participants] == ["Participant 1", "Participant 2", "Participant 3", "Participant 4"]
    assert "Zoë" not in json.dumps(kept.to_dict(), ensure_ascii=False)
    old_minutes = next(p for p in store.minutes_dir.iterdir() if old.id in p.name)
    assert "Zoë" not in old_minutes.read_text() and "Participant 2" in old_minutes.read_text()
    assert store.load(new.id).participants[1].name == "Zoë Hendriks"
