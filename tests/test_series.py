"""A network over time: the next meeting and what it carries over; the action items of all meetings."""

from __future__ import annotations

from datetime import date

import pytest

from sdtui.demo import build_demo
from sdtui.minutes import labels as minutes_labels
from sdtui.minutes import render_minutes
from sdtui.model import (
    ActionStatus,
    Attendance,
    ItemKind,
    ItemStatus,
    Language,
    Session,
    SessionStatus,
    ValidationError,
    Verdict,
)
from sdtui.series import actions_across, filter_actions, next_meeting, next_meeting_date, next_meetings_of
from sdtui.store import Store

from .support.markdown import headings, parse, tables

TODAY = date(2026, 6, 20)
APPROVE = {"nl": "Vaststellen verslag vorige bijeenkomst", "en": "Approve the minutes of the previous meeting"}


@pytest.fixture
def demo() -> Session:
    return build_demo(today=TODAY)


def test_next_meeting_is_a_draft_of_the_same_network_with_everyone_present(demo: Session) -> None:
    following = next_meeting(demo, TODAY)
    assert following.id != demo.id
    assert (following.network, following.title, following.language) == (demo.network, demo.title, demo.language)
    assert following.status is SessionStatus.DRAFT and following.started_at is None
    assert following.date == TODAY and following.guest_speakers == []
    assert [(p.id, p.name, p.organisation, p.role) for p in following.participants] == [
        (p.id, p.name, p.organisation, p.role) for p in demo.participants
    ]
    assert {p.attendance for p in following.participants} == {Attendance.PRESENT}
    assert any(p.attendance is not Attendance.PRESENT for p in demo.participants)  # so the reset shows


def test_standing_items_come_back_fresh_and_finished_ones_stay_behind(demo: Session) -> None:
    following = next_meeting(demo, TODAY)
    titles = [item.title for item in following.agenda]
    for item in demo.agenda:
        if item.standing:
            assert item.title in titles
    presentation = next(i for i in demo.agenda if i.kind is ItemKind.PRESENTATION)
    assert presentation.status is ItemStatus.DONE and not presentation.standing
    assert presentation.title not in titles
    for item in following.agenda:
        assert item.notes == [] and item.status is ItemStatus.PLANNED and item.started_at is None
        assert item.id not in {i.id for i in demo.agenda}


def test_a_deferred_round_comes_back_with_its_item_and_arguments_but_no_positions(demo: Session) -> None:
    deferred = [r for r in demo.rounds if r.decision is Verdict.DEFERRED]
    decided = [r for r in demo.rounds if r.decision in (Verdict.RESTORE, Verdict.RENOVATE)]
    assert deferred and decided
    following = next_meeting(demo, TODAY)
    assert [r.topic for r in following.rounds] == [r.topic for r in deferred]
    [carried] = following.rounds
    assert carried.restore_args == deferred[0].restore_args and carried.positions == {}
    assert carried.decision is None
    item = following.item(carried.item_id)
    assert item is not None and item.title == demo.item(deferred[0].item_id).title


def test_items_not_reached_and_undecided_rounds_carry_over() -> None:
    session = Session(title="Maart", network="Wmo")
    done = session.add_item("Besproken")
    reached = session.add_item("Half besproken")
    session.add_item("Niet aan toegekomen")
    session.add_round("Thuiswerken", item_id=reached.id)
    session.start(datetime_at(13, 30))
    session.go_to(1, datetime_at(13, 45))
    session.close(datetime_at(14, 30))
    assert done.status is ItemStatus.DONE and reached.status is ItemStatus.DONE
    following = next_meeting(session, TODAY)
    assert [i.title for i in following.agenda] == [APPROVE["nl"], "Half besproken", "Niet aan toegekomen"]
    assert [r.topic for r in following.rounds] == ["Thuiswerken"]


def datetime_at(hour: int, minute: int):
    from datetime import datetime

    return datetime(2026, 3, 12, hour, minute)


def test_open_actions_are_gathered_under_the_actions_review_and_remember_their_meeting(demo: Session) -> None:
    following = next_meeting(demo, TODAY)
    assert [a.text for a in following.actions] == [a.text for a in demo.open_actions]
    assert len(demo.open_actions) < len(demo.actions)  # the done one stays behind
    review = [i for i in following.agenda if i.kind is ItemKind.ACTIONS_REVIEW]
    assert len(review) == 1
    for action, earlier in zip(following.actions, demo.open_actions, strict=True):
        assert action.carried_from == demo.id and action.id == earlier.id
        assert action.item_id == review[0].id and action.status is ActionStatus.OPEN
        assert action.owner_id == earlier.owner_id and action.due == earlier.due


def test_without_a_review_item_one_is_added_after_the_opening_in_the_session_language() -> None:
    for language, title in (
        (Language.NL, "Openstaande actiepunten uit eerdere bijeenkomsten"),
        (Language.EN, "Open actions from earlier meetings"),
    ):
        approve = APPROVE[language.value]
        session = Session(title="Maart", language=language)
        session.add_item("Opening", kind=ItemKind.OPENING, standing=True)
        session.add_item("Sluiting", kind=ItemKind.CLOSING, standing=True)
        session.add_participant("Zoë")
        session.add_action("Notitie schrijven", "Zoë")
        following = next_meeting(session, TODAY)
        assert [i.title for i in following.agenda] == ["Opening", approve, title, "Sluiting"]
        assert following.agenda[2].kind is ItemKind.ACTIONS_REVIEW


def test_no_review_item_when_nothing_is_open() -> None:
    session = Session(title="Maart")
    session.add_participant("Zoë")
    session.add_action("Klaar", "Zoë").status = ActionStatus.DONE
    assert [i.kind for i in next_meeting(session, TODAY).agenda] == [ItemKind.APPROVE_MINUTES]


def test_the_earlier_meeting_is_left_as_it_was(demo: Session) -> None:
    before = demo.to_dict()
    next_meeting(demo, TODAY)
    assert demo.to_dict() == before


def test_the_date_is_today_but_never_on_or_before_the_previous_meeting() -> None:
    assert next_meeting_date(date(2026, 3, 12), TODAY) == TODAY
    assert next_meeting_date(None, TODAY) == TODAY
    assert next_meeting_date(date(2026, 9, 17), TODAY) == date(2026, 9, 18)
    assert next_meeting_date(TODAY, TODAY) == date(2026, 6, 21)


def test_minutes_of_the_next_meeting_list_carried_actions_apart(demo: Session) -> None:
    following = next_meeting(demo, TODAY)
    following.add_action("Nieuw actiepunt", following.participants[0].id)
    for language in Language:
        words = minutes_labels(language)
        tree = parse(render_minutes(following, language=language))
        h3 = headings(tree, "h3")
        assert h3.index(words["carried"]) < h3.index(words["new_actions"])
        carried, new = tables(tree)[-2:]
        assert sorted(row[0] for row in carried[1:]) == sorted(a.text for a in demo.open_actions)
        assert [row[0] for row in new[1:]] == ["Nieuw actiepunt"]


def test_a_series_survives_the_store_and_a_backup_round_trip(tmp_path, demo: Session) -> None:
    from sdtui.exporting import backup_json, read_backup

    with Store(tmp_path / "store") as store:
        first = store.add(demo)
        following = store.add(next_meeting(store.load(first.id), TODAY))
        loaded = store.load(following.id)
    assert loaded.to_dict() == following.to_dict()
    restored = read_backup(backup_json(loaded))
    assert render_minutes(restored) == render_minutes(loaded)
    assert [i.standing for i in restored.agenda] == [i.standing for i in loaded.agenda]


# --- actions across meetings --------------------------------------------------------------


def two_meetings() -> tuple[Session, Session]:
    march = Session(title="Maart", network="Wmo-netwerk", date="2026-03-12")
    zoe = march.add_participant("Zoë de Vries", "gemeente Zwolle")
    jan = march.add_participant("Jan Bakker")
    march.add_action("Notitie huisvesting", zoe.id, "2026-04-01")
    march.add_action("Agenda mei", jan.id, "2026-07-01")
    march.add_action("Klaar", jan.id).status = ActionStatus.DONE
    youth = Session(title="Jeugd", network="Jeugdnetwerk", date="2026-05-07")
    youth.add_participant("Zoe Jansen")
    youth.add_action("Signalen bundelen", youth.participants[0].id)
    return march, youth


def test_every_action_of_every_meeting_open_first_by_due_date() -> None:
    march, youth = two_meetings()
    rows = actions_across([youth, march])
    assert [r.action.text for r in rows] == ["Notitie huisvesting", "Agenda mei", "Signalen bundelen", "Klaar"]
    assert rows[0].owner == "Zoë de Vries" and rows[0].session_id == march.id and rows[0].network == "Wmo-netwerk"


def test_a_carried_action_counts_once_at_its_latest_meeting() -> None:
    march, youth = two_meetings()
    may = next_meeting(march, TODAY)
    rows = actions_across([march, youth, may])
    texts = [r.action.text for r in rows]
    assert texts.count("Notitie huisvesting") == 1
    assert next(r for r in rows if r.action.text == "Notitie huisvesting").session_id == may.id
    assert texts.count("Klaar") == 1


def test_filters_ignore_case_and_accents_and_overdue_needs_an_open_past_due_date() -> None:
    march, youth = two_meetings()
    rows = actions_across([march, youth])
    texts = lambda found: [r.action.text for r in found]  # noqa: E731
    assert texts(filter_actions(rows, TODAY, owner="ZOE")) == ["Notitie huisvesting", "Signalen bundelen"]
    assert texts(filter_actions(rows, TODAY, owner="zoë vries")) == ["Notitie huisvesting"]
    assert texts(filter_actions(rows, TODAY, network="wmo", open_only=True)) == ["Notitie huisvesting", "Agenda mei"]
    assert texts(filter_actions(rows, TODAY, overdue_only=True)) == ["Notitie huisvesting"]
    assert rows[0].overdue(TODAY) and not rows[0].overdue(date(2026, 4, 1))
    assert texts(filter_actions(rows, TODAY, words="jeugd")) == ["Signalen bundelen"]
    assert filter_actions(rows, TODAY, owner="nobody") == []


def test_store_load_all_reads_every_session_and_reports_a_damaged_one(tmp_path) -> None:
    march, youth = two_meetings()
    with Store(tmp_path / "store") as store:
        store.add_many([march, youth])
        (store.sessions_dir / f"{youth.id}.json").write_text("{broken", encoding="utf-8")
        sessions, problems = store.load_all()
    assert [s.id for s in sessions] == [march.id]
    assert len(problems) == 1 and youth.id in problems[0]


def test_the_next_meeting_knows_which_meeting_it_follows_and_is_found_from_it(tmp_path, demo: Session) -> None:
    with Store(tmp_path / "store") as store:
        store.add(demo)
        other = store.add(Session("Jeugd", network="Jeugdnetwerk"))
        assert next_meetings_of(demo, store.list()) == []
        following = store.add(next_meeting(demo, TODAY))
        assert following.follows == demo.id
        found = next_meetings_of(demo, store.list())
        assert [s.id for s in found] == [following.id]
        assert next_meetings_of(other, store.list()) == []
        assert store.load(following.id).follows == demo.id  # kept in the store


def test_follows_must_be_a_session_id() -> None:
    with pytest.raises(ValidationError):
        Session.from_dict({"title": "x", "follows": "../etc"})
