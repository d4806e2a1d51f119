"""Undo and redo of the open session, and what each change is called (sdtui/history.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sdtui.history import History, cut, describe
from sdtui.i18n import set_language
from sdtui.model import ActionStatus, Note, Role, Session


def meeting() -> Session:
    session = Session("Netwerkbijeenkomst juni", network="Wmo-netwerk")
    session.add_participant("Ruud Verhoeven", "gemeente Tilburg")
    session.add_participant("Zoë Hendriks", "gemeente Breda")
    session.add_item("Opening", timebox=10)
    session.add_round("Housing first", item_id=session.agenda[0].id)
    session.add_action("Send the presentation", "Ruud")
    return session


def change(session: Session, edit) -> tuple[dict, dict]:
    before = session.to_dict()
    edit(session)
    return before, session.to_dict()


def test_an_action_status_reads_as_the_issue_says() -> None:
    session = meeting()
    session.actions[0].status = ActionStatus.DONE
    before, after = change(session, lambda s: setattr(s.actions[0], "status", ActionStatus.OPEN))
    assert describe(before, after) == "action 'Send the presentation' done → open"


def test_each_kind_of_change_is_named_by_what_people_see() -> None:
    session = meeting()
    person = session.participants[0]
    round_ = session.rounds[0]
    item = session.agenda[0]
    assert describe(*change(session, lambda s: s.set_position(round_.id, person.id, "restore"))) == (
        "Ruud Verhoeven on topic 'Housing first': - → restore"
    )
    assert describe(*change(session, lambda s: setattr(s.participants[0], "role", Role.CHAIR))) == (
        "participant 'Ruud Verhoeven' member → chair"
    )
    assert describe(*change(session, lambda s: s.add_decision("Housing first it is"))) == (
        "added decision 'Housing first it is'"
    )
    assert describe(*change(session, lambda s: s.remove_participant(s.participants[1].id))) == (
        "removed participant 'Zoë Hendriks'"
    )
    assert describe(*change(session, lambda s: s.add_item("Signals round"))) == "added agenda item 'Signals round'"
    assert describe(*change(session, lambda s: s.move_item(s.agenda[1].id, -1))) == "moved agenda item 'Signals round'"
    assert describe(*change(session, lambda s: s.agenda[1].notes.append(Note("Welkom")))) == (
        "added a note on agenda item 'Opening'"
    )
    assert (
        describe(*change(session, lambda s: setattr(item, "timebox", 15))) == "agenda item 'Opening' timebox: 10 → 15"
    )
    assert (
        describe(*change(session, lambda s: setattr(s, "title", "Juli"))) == "title: 'Netwerkbijeenkomst juni' → 'Juli'"
    )
    assert describe(*change(session, lambda s: s.rounds[0].restore_args.append("Te duur"))) == (
        "added argument to restore on topic 'Housing first': 'Te duur'"
    )


def test_descriptions_speak_dutch_when_the_screens_do() -> None:
    set_language("nl")
    session = meeting()
    session.actions[0].status = ActionStatus.DONE
    before, after = change(session, lambda s: setattr(s.actions[0], "status", ActionStatus.DROPPED))
    assert describe(before, after) == "actiepunt 'Send the presentation' afgerond → vervallen"


def test_two_changes_at_once_name_the_first_and_count_the_rest() -> None:
    session = meeting()
    before, after = change(session, lambda s: (s.add_decision("A"), s.add_decision("B")))
    assert describe(before, after) == "added decision 'A' (and 1 more)"


def test_long_names_are_cut_with_an_ellipsis() -> None:
    assert cut("x" * 100) == "x" * 39 + "…"
    assert cut("kort") == "kort"
    assert cut("twee\nregels") == "twee regels"


def test_undo_gives_back_the_state_before_and_redo_the_state_after() -> None:
    session = meeting()
    history = History()
    first = change(session, lambda s: s.add_decision("A"))
    history.record(*first)
    second = change(session, lambda s: s.add_decision("B"))
    history.record(*second)
    undone = history.undo(session.to_dict())
    assert undone is not None and undone.before == first[1]
    undone_again = history.undo(undone.before)
    assert undone_again is not None and undone_again.before == first[0]
    assert history.undo(first[0]) is None
    redone = history.redo(first[0])
    assert redone is not None and redone.after == first[1]


def test_a_new_change_after_undo_forgets_what_could_be_redone() -> None:
    session = meeting()
    history = History()
    history.record(*change(session, lambda s: s.add_decision("A")))
    undone = history.undo(session.to_dict())
    assert undone is not None
    restored = Session.from_dict(undone.before)
    history.record(*change(restored, lambda s: s.add_decision("B")))
    assert history.redo(restored.to_dict()) is None


def test_text_typed_between_changes_is_a_step_of_its_own_and_never_lost() -> None:
    session = meeting()
    history = History()
    history.record(*change(session, lambda s: s.agenda[0].notes.append(Note(""))))
    session.agenda[0].notes[0].text = "Welkom allemaal"  # typed live, saved outside the edit transaction
    typed = session.to_dict()
    undone = history.undo(typed)
    assert undone is not None and undone.after == typed
    assert "note on agenda item 'Opening' changed" in undone.describe()
    redone = history.redo(undone.before)
    assert redone is not None and redone.after == typed


@given(st.lists(st.sampled_from(["decide", "undo", "redo"]), max_size=30))
def test_any_mix_of_changes_undo_and_redo_ends_in_a_state_that_was_shown(steps: list[str]) -> None:
    session = meeting()
    history = History()
    shown = [session.to_dict()]
    for number, step in enumerate(steps):
        current = session.to_dict()
        if step == "decide":
            before, after = change(session, lambda s, number=number: s.add_decision(f"Besluit {number}"))
            history.record(before, after)
        elif step == "undo" and (undone := history.undo(current)) is not None:
            session = Session.from_dict(undone.before)
        elif step == "redo" and (redone := history.redo(current)) is not None:
            session = Session.from_dict(redone.after)
        shown.append(session.to_dict())
    assert session.to_dict() in shown
    while (undone := history.undo(session.to_dict())) is not None:
        session = Session.from_dict(undone.before)
    assert session.to_dict() == shown[0]  # every step can be taken back, down to the start
