"""Saves that check and write only the parts that changed must write what a full save would.

A Store remembers the parts of a session as it last wrote them and reuses that JSON for parts
that did not change. Any sequence of edits, made through the model or straight on the parts
(as a bug elsewhere might), followed by saves, must leave a file that another Store reads back
as the session in memory; a save that is refused must leave the file as the last save wrote it.
"""

from __future__ import annotations

import tempfile
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdtui.demo import build_demo
from sdtui.model import ActionStatus, ItemStatus, Note, Session
from sdtui.store import Store, StoreError

TEXT = st.lists(st.sampled_from([*"abc zoë[/]\n\t\x1b\u200d", "漢", "👩\u200d⚕️"]), max_size=12).map("".join)
INDEX = st.integers(min_value=0, max_value=40)

EDITS = st.one_of(
    st.tuples(st.just("note text"), INDEX, INDEX, TEXT),
    st.tuples(st.just("add note"), INDEX, TEXT),
    st.tuples(st.just("remove note"), INDEX, INDEX),
    st.tuples(st.just("timebox"), INDEX, st.integers(min_value=-5, max_value=500)),
    st.tuples(st.just("item status"), INDEX, st.sampled_from(list(ItemStatus))),
    st.tuples(st.just("swap items"), INDEX, INDEX),
    st.tuples(st.just("action status"), INDEX, st.sampled_from([*ActionStatus, "bogus"])),
    st.tuples(st.just("action owner"), INDEX, INDEX),
    st.tuples(st.just("action text"), INDEX, TEXT),
    st.tuples(st.just("remove action"), INDEX),
    st.tuples(st.just("add action"), TEXT, INDEX),
    st.tuples(st.just("title"), TEXT),
    st.tuples(st.just("participant name"), INDEX, TEXT),
    st.just(("save",)),
)


def pick(items: list[Any], index: int) -> Any | None:
    return items[index % len(items)] if items else None


def edit(session: Session, change: tuple[Any, ...]) -> None:
    """One change, straight on the parts: the store may not rely on the model having checked it."""
    kind, *args = change
    item = pick(session.agenda, args[0]) if args and isinstance(args[0], int) else None
    action = pick(session.actions, args[0]) if args and isinstance(args[0], int) else None
    if kind == "note text" and item is not None and item.notes:
        pick(item.notes, args[1]).text = args[2]
    elif kind == "add note" and item is not None:
        item.notes.append(Note("x"))
        item.notes[-1].text = args[1]
    elif kind == "remove note" and item is not None and item.notes:
        item.notes.pop(args[1] % len(item.notes))
    elif kind == "timebox" and item is not None:
        item.timebox = args[1]
    elif kind == "item status" and item is not None:
        item.status = args[1]
    elif kind == "swap items" and session.agenda:
        i, j = args[0] % len(session.agenda), args[1] % len(session.agenda)
        session.agenda[i], session.agenda[j] = session.agenda[j], session.agenda[i]
    elif kind == "action status" and action is not None:
        action.status = args[1]
    elif kind == "action owner" and action is not None and session.participants:
        action.owner_id = pick(session.participants, args[1]).id
    elif kind == "action text" and action is not None:
        action.text = args[1]
    elif kind == "remove action" and action is not None:
        session.actions.remove(action)
    elif kind == "add action" and session.participants:
        session.add_action("Nieuwe actie", pick(session.participants, args[1]).id)
        session.actions[-1].text = args[0]
    elif kind == "title":
        session.title = args[0]
    elif kind == "participant name" and session.participants:
        pick(session.participants, args[0]).name = args[1]


def stored(root: str, session_id: str) -> dict[str, Any]:
    """The session as a Store that never saw the edits reads it."""
    with Store(root) as fresh:
        return fresh.load(session_id).to_dict()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=25))
def test_any_edits_then_saves_leave_a_file_that_reads_back_as_the_session(changes: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as root, Store(root) as store:
        session = store.add(build_demo())
        store.acquire(session.id)
        last_good = stored(root, session.id)
        for change in [*changes, ("save",)]:
            if change[0] != "save":
                edit(session, change)
                continue
            try:
                store.save(session)
            except StoreError as refused:
                assert str(refused).startswith("Not saved")
                assert stored(root, session.id) == last_good  # nothing written
                continue
            expected = Session.from_dict(session.to_dict()).to_dict()  # the session as a full check reads it
            last_good = stored(root, session.id)
            assert last_good == expected
