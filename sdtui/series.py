"""A network over time: the next meeting of a series, and the action items of all its meetings.

Plain Python like the model: no Textual, no disk. The CLI and the screens call these and store
the result.

What carries over to the next meeting, and why:

- the participants, everyone present again (attendance is a fact of one meeting); each keeps
  their id, so an owner is the same person in every meeting of the series;
- first (after the opening, if any) an item to approve the minutes of this meeting, where
  amendments are recorded on this meeting and it is marked approved (`Session.approve`);
- the standing agenda items, fresh (no notes, no clock);
- the agenda items not finished (not reached, moved to the next meeting, or still running when
  the meeting stopped) and the items whose restore-or-renovate round ended without a final
  verdict; an item skipped for lack of time stays behind unless it is standing;
- the quorum, which belongs to the network rather than to one meeting;
- the decisions whose review date has come by the new meeting's date (`decisions_due`), listed
  under one item, one note each;
- those rounds, with their topic, what changed and the arguments so far, but no positions and
  no decision: a new meeting takes its own positions;
- the open action items, gathered under an actions review item, each remembering the meeting
  it came from (`carried_from`) and keeping its id, so the same action can be followed through
  the series. The earlier meeting is not changed: its record stays as it was; in the view of
  all actions the latest copy of an action stands for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from .i18n import N_, translation
from .model import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    ItemKind,
    ItemStatus,
    Note,
    Round,
    Session,
    Verdict,
)
from .text import fold

if TYPE_CHECKING:
    from .store import SessionSummary

REVIEW_TITLE = N_("Open actions from earlier meetings")
"""Title of the actions review item made when the agenda has none; in the session's language."""
REVIEW_TIMEBOX = 10
APPROVE_TITLE = N_("Approve the minutes of the previous meeting")
"""Title of the item a next meeting starts with (after its opening); in the session's language."""
APPROVE_TIMEBOX = 5
DUE_TITLE = N_("Decisions due for review")
"""Title of the item listing the decisions whose review date has come; in the session's language."""
DUE_NOTE = N_("{text} (decided on {decided}; review date {review})")


# --- the next meeting ---------------------------------------------------------------------


def unsettled(round_: Round) -> bool:
    """A round without a final verdict: not decided yet, or deferred."""
    return round_.decision is None or round_.decision is Verdict.DEFERRED


def carried_items(session: Session) -> list[AgendaItem]:
    """The agenda items that come back: standing, unfinished, or holding an unsettled round."""
    open_rounds = {r.item_id for r in session.rounds if unsettled(r)}
    return [
        item
        for item in session.agenda
        if item.kind is not ItemKind.APPROVE_MINUTES
        and (item.standing or item.status not in (ItemStatus.DONE, ItemStatus.SKIPPED) or item.id in open_rounds)
    ]


def next_meeting_date(previous: date | None, today: date) -> date:
    """A first guess for the date, changed on Prepare: today, but never on or before the previous meeting."""
    if previous is not None and previous >= today:
        return previous + timedelta(days=1)
    return today


def next_meeting(session: Session, today: date, history: Iterable[Session] = ()) -> Session:
    """The next meeting of the same network, as a draft; see the module docstring for what carries over.

    `history` is the network's earlier meetings, whose decisions due for review are listed too;
    without it only `session`'s own decisions are looked at.
    """
    # The details as they were, but another date and no guest speakers: they came for that meeting.
    details = session.details() | {"date": next_meeting_date(session.date, today), "guest_speakers": []}
    following = Session(**details, follows=session.id, quorum=session.quorum)
    following.participants = [replace(p, attendance=Attendance.PRESENT) for p in session.participants]
    new_ids: dict[str, str] = {}
    for item in carried_items(session):
        fresh = AgendaItem(item.title, item.kind, item.presenter, item.timebox, standing=item.standing)
        new_ids[item.id] = fresh.id
        following.agenda.append(fresh)
    following.rounds = [
        Round(
            r.topic,
            what_changed=r.what_changed,
            restore_args=list(r.restore_args),
            renovate_args=list(r.renovate_args),
            item_id=new_ids.get(r.item_id or ""),
            prompt_id=r.prompt_id,
        )
        for r in session.rounds
        if unsettled(r)
    ]
    approve_item(following)
    due = decisions_due(session, [session, *history], following.date)
    if due:
        catalog = translation(session.language.value)
        before_closing = next(
            (index for index, item in enumerate(following.agenda) if item.kind is ItemKind.CLOSING),
            len(following.agenda),
        )
        listing = following.add_item(catalog.gettext(DUE_TITLE), timebox=REVIEW_TIMEBOX, index=before_closing)
        listing.notes = [
            Note(
                catalog.gettext(DUE_NOTE).format(
                    text=" ".join(decision.text.split()),
                    decided=held.date.isoformat() if held.date else "?",
                    review=decision.review_on.isoformat() if decision.review_on else "",
                )
            )
            for held, decision in due
        ]
    if session.open_actions:
        review = review_item(following)
        following.actions = [
            ActionItem(a.text, a.owner_id, a.due, item_id=review.id, carried_from=session.id, id=a.id)
            for a in session.open_actions
        ]
    return Session.from_dict(following.to_dict())  # every rule of the model has seen it


def approve_item(session: Session) -> AgendaItem:
    """The item to approve the previous minutes: put first, after the opening items, unless there is one."""
    for item in session.agenda:
        if item.kind is ItemKind.APPROVE_MINUTES:
            return item
    after_opening = next(
        (index for index, item in enumerate(session.agenda) if item.kind is not ItemKind.OPENING), len(session.agenda)
    )
    title = translation(session.language.value).gettext(APPROVE_TITLE)
    return session.add_item(title, kind=ItemKind.APPROVE_MINUTES, timebox=APPROVE_TIMEBOX, index=after_opening)


def decisions_due(session: Session, history: Iterable[Session], by: date | None) -> list[tuple[Session, Decision]]:
    """The decisions of `session`'s network due for review by `by`, each with the meeting that took it.

    Only those not already due at `session` itself (review date after its date), so each
    decision is listed once, at the first meeting on or after its review date; `session`'s own
    decisions are listed whenever their date has come. Oldest review date first.
    """
    network = " ".join(fold(session.network).split())
    seen: set[str] = set()
    due = []
    for held in history:
        if held.id in seen or " ".join(fold(held.network).split()) != network:
            continue
        seen.add(held.id)
        if held.id != session.id and session.date and held.date and held.date > session.date:
            continue  # a later meeting than the one followed: not part of this meeting's past
        for decision in held.decisions:
            review = decision.review_on
            if review is None or (by is not None and review > by):
                continue
            if held.id != session.id and session.date is not None and review <= session.date:
                continue
            due.append((held, decision))
    due.sort(key=lambda pair: (pair[1].review_on or date.min, pair[0].date or date.min))
    return due


def next_meetings_of(session: Session, summaries: Iterable[SessionSummary]) -> list[SessionSummary]:
    """The meetings already made as the next meeting of `session` (from the store's list): a
    second one would carry its open actions twice, so the CLI and the screens say so first."""
    return [summary for summary in summaries if summary.follows == session.id]


def review_item(session: Session) -> AgendaItem:
    """The session's actions review item; one is added after the opening (and the approval of the
    previous minutes) when the agenda has none."""
    for item in session.agenda:
        if item.kind is ItemKind.ACTIONS_REVIEW:
            return item
    after_opening = next(
        (
            index
            for index, item in enumerate(session.agenda)
            if item.kind not in (ItemKind.OPENING, ItemKind.APPROVE_MINUTES)
        ),
        len(session.agenda),
    )
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
        return (
            fold(self.owner),
            fold(self.network),
            fold(" ".join((self.owner, self.network, self.action.text, self.session_title))),
        )

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
            found.append(
                SeriesAction(
                    action,
                    names.get(action.owner_id, action.owner_id),
                    session.id,
                    session.title,
                    session.date,
                    session.network,
                )
            )
    found.sort(key=lambda row: row.session_date or date.min, reverse=True)
    found.sort(key=lambda row: (not row.is_open, row.action.due or date.max))
    return found


def filter_actions(
    rows: Iterable[SeriesAction],
    today: date,
    *,
    open_only: bool = False,
    overdue_only: bool = False,
    owner: str = "",
    network: str = "",
    words: str = "",
) -> list[SeriesAction]:
    """The rows that pass every filter; owner, network and words match any part, ignoring case and accents."""
    wanted = [fold(query).split() for query in (owner, network, words)]
    return [
        row
        for row in rows
        if (not open_only or row.is_open)
        and (not overdue_only or row.overdue(today))
        and all(word in text for words_, text in zip(wanted, row.folded, strict=True) for word in words_)
    ]


__all__ = [
    "APPROVE_TITLE",
    "DUE_TITLE",
    "REVIEW_TITLE",
    "SeriesAction",
    "actions_across",
    "approve_item",
    "carried_items",
    "decisions_due",
    "filter_actions",
    "next_meeting",
    "next_meeting_date",
    "review_item",
    "unsettled",
]
