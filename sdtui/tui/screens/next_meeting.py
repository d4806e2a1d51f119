"""The next meeting of a network, from Home or Close: asked first, then created and opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...i18n import _
from ...model import Session
from ...series import next_meeting, next_meetings_of
from ...store import StoreError
from .dialogs import ConfirmScreen

if TYPE_CHECKING:
    from ..app import SdtuiApp


def ask_next_meeting(app: SdtuiApp, session_id: str) -> None:
    """Ask first (a stray key should not add a session), then create the next meeting and open it."""
    open_now = app.session if app.session is not None and app.session.id == session_id else None
    try:
        earlier: Session = open_now or app.store.load(session_id)
    except StoreError as error:
        app.notify(str(error), title=_("Cannot open"), severity="error", markup=False)
        return
    network = earlier.network or _("(no network)")
    question = _(
        "Create the next meeting of {network}? Open actions, unfinished agenda items and undecided "
        "topics carry over; this meeting stays as it is."
    ).format(network=network)
    try:
        made = next_meetings_of(earlier, app.store.list())
    except StoreError:
        made = []  # the question below still stands; creating it reports what is wrong with the store
    if made:
        question = _(
            "This meeting already has a next meeting: {title} ({date}). Another one would carry its "
            "open actions a second time. Create another next meeting anyway?"
        ).format(title=made[-1].title, date=made[-1].date)

    def confirmed(yes: bool | None) -> None:
        if yes:
            create_next_meeting(app, earlier)

    app.push_screen(ConfirmScreen(question), callback=confirmed)


def create_next_meeting(app: SdtuiApp, earlier: Session) -> Session | None:
    """Store the next meeting of `earlier`'s network and show it on Prepare; None when the store refused."""
    app.flush()
    try:
        following = app.store.add(next_meeting(earlier, app.today()))
    except StoreError as error:
        app.notify(str(error), title=_("Not created"), severity="error", markup=False)
        return None
    app.open_session(following.id, "prepare")  # leaves the open one first
    app.notify(
        _(
            "Next meeting created for {date}: {actions} open actions, {items} agenda items and {topics} topics "
            "carried over. Set its date on Details (F5)."
        ).format(
            date=following.date,
            actions=len(following.actions),
            items=len(following.agenda),
            topics=len(following.rounds),
        ),
        title=_("Next meeting"),
        markup=False,
        timeout=10,
    )
    return following


__all__ = ["ask_next_meeting", "create_next_meeting"]
