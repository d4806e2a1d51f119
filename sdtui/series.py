"""A network over time: the next meeting of a series, and the action items of all its meetings.

Plain Python like the model: no Textual, no disk. The CLI and the screens call these and store
the result.

What carries over to the next meeting, and why:

- the participants, everyone present again (attendance is a fact of one meeting); each keeps
  their id, so an owner is the same person in every meeting of the series;
- the standing agenda items, fresh (no notes, no clock);
- the agenda items not finished (not reached, skipped, or still running when the meeting
  stopped) and the items whose restore-or-renovate round ended without a final verdict;
- those rounds, with their topic, what changed and the arguments so far, but no positions and
  no decision: a new meeting takes its own positions;
- the open action items, gathered under an actions review item, each remembering the meeting
  it came from (`carried_from`) and keeping its id, so the same action can be followed through
  the series. The earlier meeting is not changed: its record stays as it was; in the view of
  all actions the latest copy of an action stands for it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable

from .i18n import N_, translation
from .model import (
    ActionItem, ActionStatus, AgendaItem, Attendance, ItemKind, ItemStatus, Round, Session, Verdict,
)
from .text import fold

if TYPE_CHECKING:
    from .store import SessionSummary

REVIEW_TITLE = N_("Open actions from earlier meetings")
"""Title of the actions review item made when the agenda has none; in the session's language."""
REVIEW_TIMEBOX = 10


# --- the next meeting ---------------------------------------------------------------------


def unsettled(round_: Round) -> bool:
    """A round without a final verdict: not decided yet, or deferred."""
    return round_.decision is None or round_.decision is Verdict.DEFERRED


def carried_items(session: Session) -> list[AgendaItem]:
    """The agenda items that come back: standing, unfinished, or holding an unsettled round."""
    open_rounds = {r.item_id for r in session.rounds if unsettled(r)}
    return [item for item in session.agenda
            if item.standing or item.status is not ItemStatus.DONE or item.id in open_rounds]


def next_meeting_date(previous: date | None, today: date) -> date:
    """A first guess for the date, changed on Prepare: today, but never on or before the previous meeting."""
    if previous is not None and previous >= today:
        return previous + timedelta(days=1)
    return today


def next_meeting(session: Session, today: date) -> Session:
    """The next meeting of the same network, as a draft; see the module docstring for what carries over."""
    following = Session(
        title=session.title, network=session.network, date=next_meeting_date(session.date, today),
        start_time=session.start_time, end_time=session.end_time, place=session.place,
        online_link=session.online_link, chair=session.chair, language=session.language, follows=session.id,
    )
    following.participants = [replace(p, attendance=Attendance.PRESENT) for p in session.participants]
    new_ids: dict[str, str] = {}
    for item in carried_items(session):
        fresh = AgendaItem(item.title, item.kind, item.presenter, item.timebox, standing=item.standing)
        new_ids[item.id] = fresh.id
        following.agenda.append(fresh)
    following.rounds = [
        Round(r.topic, what_changed=r.what_changed, restore_args=list(r.restore_args),
                        renovate_args=list(r.renovate_args), item_id=new_ids.get(r.item_id or ""),
                        prompt_id=r.prompt_id)
        for r in session.rounds if unsettled(r)
    ]
    if session.open_actions:
        review = review_item(following)
        following.actions = [
            ActionItem(a.text, a.owner_id, a.due, item_id=review.id, carried_from=session.id, id=a.id)
            for a in session.open_actions
        ]
    return Session.from_dict(following.to_dict())  # every rule of the model has seen it


def next_meetings_of(session: Session, summaries: Iterable[SessionSummary]) -> list[SessionSummary]:
    """The meetings already made as the next meeting of `session` (from the store's list): a
    second one would carry its open actions twice, so the CLI and the screens say so first."""
    return [summary for summary in summaries if summary.follows == session.id]


def review_item(session: Session) -> AgendaItem:
    """The session's actions review item; one is added after the opening when the agenda has none."""
    for item in session.agenda:
        if item.kind is ItemKind.ACTIONS_REVIEW:
            return item
    after_opening = next((index for index, item in enumerate(session.agenda) if item.kind is not ItemKind.OPENING),
                         len(session.agenda))
    title = translation(session.language.value).gettext(REVIEW_TITLE)
    return session.add_item(title, kind=ItemKind.ACTIONS_REVIEW, timebox=REVIEW_TIMEBOX, index=after_opening)


# --- action items across meetings ---------------------------------------------------------


@dataclass(frozen=True)
class SeriesAction:
    """One action item with the meeting it belongs to, as the view of all actions lists it."""

    action: ActionItem
    owner: str
    """The owner's name (the id when the session no longer knows them)."""
    session_id: str
    session_title: str
    session_date: date | None
    network: str

    def overdue(self, today: date) -> bool:
        return self.action.is_overdue(today)

    @cached_property
    def folded(self) -> tuple[str, str, str]:
        """Owner, network, and everything a filter searches, folded once: a view filters as you type."""
        return (fold(self.owner), fold(self.network),
                fold(" ".join((self.owner, self.network, self.action.text, self.session_title))))

    @property
    def is_open(self) -> bool:
        return self.action.status is ActionStatus.OPEN


def actions_across(sessions: Iterable[Session]) -> list[SeriesAction]:
    """Every action item of every session, an action carried on counted once: at its latest copy.

    Sorted for a to-do list: open first, then by due date (none last), then newest meeting first.
    """
    sessions = list(sessions)
    carried_on = {(a.carried_from, a.id) for s in sessions for a in s.actions if a.carried_from}
    found = []
    for session in sessions:
        names = {p.id: p.name for p in session.participants}
        for action in session.actions:
            if (session.id, action.id) in carried_on:
                continue
            found.append(SeriesAction(action, names.get(action.owner_id, action.owner_id), session.id,
                                      session.title, session.date, session.network))
    found.sort(key=lambda row: (row.session_date or date.min), reverse=True)
    found.sort(key=lambda row: (not row.is_open, row.action.due or date.max))
    return found


def filter_actions(rows: Iterable[SeriesAction], today: date, *, open_only: bool = False, overdue_only: bool = False,
                   owner: str = "", network: str = "", words: str = "") -> list[SeriesAction]:
    """The rows that pass every filter; owner, network and words match any part, ignoring case and accents."""
    wanted = [fold(query).split() for query in (owner, network, words)]
    return [row for row in rows
            if (not open_only or row.is_open)
            and (not overdue_only or row.overdue(today))
            and all(word in text for words_, text in zip(wanted, row.folded) for word in words_)]


__all__ = ["REVIEW_TITLE", "SeriesAction", "actions_across", "carried_items", "filter_actions", "next_meeting",
           "next_meeting_date", "review_item", "unsettled"]
