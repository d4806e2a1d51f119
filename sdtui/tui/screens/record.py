"""The record a network stands behind, on the session screens: live attendance, the quorum, live
replanning, approving the previous minutes, and forgetting a person.

Kept beside the screens that use it (Run, Prepare) so their own files change only by a key and
a call each. Everything goes through the model's intents (`Session.toggle_in_room`,
`shorten_item`, `skip_item`, `move_to_next_meeting`, `set_quorum`, `add_amendment`, `approve`,
`forget`) and the core modules (replanning.py, forget.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text

from ...i18n import _, word
from ...model import ItemKind, Session, SessionStatus, ValidationError
from ...replanning import outlook
from ...store import StoreError
from ...text import one_line
from .dialogs import ConfirmScreen, Field, FormScreen

if TYPE_CHECKING:
    from .base import SessionScreen

SHORTEN_BY = 5
"""Minutes one press of the shorten key takes off an item."""
LISTED = 6
"""Sessions named one by one in the question before forgetting; the rest are counted."""


# --- Run's status line ----------------------------------------------------------------------


def live_status(session: Session, now: datetime) -> Text:
    """What the clock line adds while the meeting runs: the quorum when one is set, and the
    projected end when the meeting will run late. Empty when neither applies."""
    line = Text()
    met = session.quorum_met()
    if met is not None and session.status is SessionStatus.RUNNING:
        in_room = {p.id for p in session.in_room}
        members = sum(1 for p in session.members if p.id in in_room)
        line.append("   ")
        line.append(
            _("Quorum {present}/{quorum}").format(present=members, quorum=session.quorum),
            style="bold" if met else "bold reverse",
        )
    view = outlook(session, now)
    if session.status is SessionStatus.RUNNING and view.planned_end and view.projected_end and view.overrun:
        line.append("   ")
        line.append(
            _("Ends {projected} > {planned}").format(
                projected=f"{view.projected_end:%H:%M}", planned=f"{view.planned_end:%H:%M}"
            ),
            style="bold reverse",
        )
        if view.no_fit:
            line.append(" " + _("{count} do not fit (s k m)").format(count=len(view.no_fit)))
    return line


def item_hint(session: Session) -> str:
    """A hint after the item in view: how to approve the previous minutes on that item."""
    item = session.agenda[session.current_item] if session.agenda else None
    if item is not None and item.kind is ItemKind.APPROVE_MINUTES and session.follows:
        return " · " + _("g: amendments, approve")
    return ""


# --- live attendance ------------------------------------------------------------------------


def presence_form(screen: SessionScreen) -> None:
    """Pick who comes in or leaves; the time is the clock's."""
    session = screen.session
    if not session.participants:
        screen.notify(_("There are no participants yet; add them on Prepare (F2)."), markup=False)
        return
    in_room = {p.id for p in session.in_room}
    choices = [
        (f"{p.name} ({_('in the room') if p.id in in_room else _('not in the room')})", p.id)
        for p in session.participants
    ]
    fields = [Field("who", _("Who comes in or leaves?"), choices[0][1], kind="choice", choices=choices)]
    clock = screen.sdtui.clock
    screen.edit_in_form(_("Arrival or departure"), fields, lambda s, v: s.toggle_in_room(v["who"], clock()))


# --- live replanning ------------------------------------------------------------------------


def replan_form(screen: SessionScreen, how: str) -> None:
    """Shorten, skip or move an item still to come; the first one that does not fit is picked already."""
    session = screen.session
    now = screen.sdtui.clock()
    view = outlook(session, now)
    current = session.agenda[session.current_item] if session.agenda else None
    candidates = [item for item in session.agenda if item.status.value in ("planned", "running")]
    if not candidates:
        screen.notify(_("No item is left to replan."), markup=False)
        return
    picked = view.no_fit[0] if view.no_fit else (current if current in candidates else candidates[0])
    choices = [
        (
            f"{one_line(item.title, 40)} ({item.timebox} {_('min')})"
            + ("" if view.fits(item) else " · " + _("does not fit")),
            item.id,
        )
        for item in candidates
    ]
    title, change = {
        "shorten": (
            _("Shorten by {minutes} minutes").format(minutes=SHORTEN_BY),
            lambda s, v: s.shorten_item(v["item"], SHORTEN_BY),
        ),
        "skip": (_("Skip an item (it does not come back)"), lambda s, v: s.skip_item(v["item"], screen.sdtui.clock())),
        "move": (
            _("Move an item to the next meeting"),
            lambda s, v: s.move_to_next_meeting(v["item"], screen.sdtui.clock()),
        ),
    }[how]
    screen.edit_in_form(title, [Field("item", _("Item"), picked.id, kind="choice", choices=choices)], change)


# --- approving the previous minutes ---------------------------------------------------------


def approve_form(screen: SessionScreen) -> None:
    """Record an amendment to the minutes this meeting follows, and approve them if asked."""
    session = screen.session
    if not session.follows:
        screen.notify(_("This meeting follows no earlier one; there are no previous minutes to approve."), markup=False)
        return
    app = screen.sdtui
    try:
        earlier = app.store.load(session.follows)
    except StoreError as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    people = [(p.name, p.name) for p in session.present]
    fields = [
        Field("text", _("Amendment (empty for none)"), kind="text"),
        Field("by", _("Asked by"), people[0][1] if people else "", kind="choice", choices=people),
        Field(
            "approve",
            _("Approve the minutes now?"),
            "no",
            kind="choice",
            choices=[(_("no, only record the amendment"), "no"), (_("yes, approve them"), "yes")],
        ),
    ]

    def submit(values: dict[str, str]) -> Any:
        try:
            with app.store.acquire(earlier.id):
                current = app.store.read(earlier.id)
                if values["text"].strip():
                    current.add_amendment(values["text"], values["by"], app.today())
                if values["approve"] == "yes":
                    current.approve(app.today())
                elif not values["text"].strip():
                    raise ValidationError(_("Type an amendment, or choose to approve the minutes."), "text")
                app.store.save(current)
        except StoreError as error:
            raise ValidationError(str(error)) from None
        return current

    def done(result: Any) -> None:
        if isinstance(result, Session):
            message = (
                _("The minutes of {title} are approved.")
                if result.approved_on
                else _("Amendment recorded on the minutes of {title}.")
            ).format(title=result.title)
            screen.notify(message, markup=False)

    title = _("Minutes of {title} ({date})").format(
        title=earlier.title, date=earlier.date.isoformat() if earlier.date else ""
    )
    app.push_screen(FormScreen(title, fields, submit), callback=done)


# --- Prepare: the quorum and forgetting a person ------------------------------------------------


def quorum_form(screen: SessionScreen) -> None:
    session = screen.session
    fields = [
        Field(
            "quorum",
            _("Quorum: members in the room needed to decide (0: none; at most {members})").format(
                members=len(session.members)
            ),
            str(session.quorum),
        )
    ]
    screen.edit_in_form(_("Quorum"), fields, lambda s, v: s.set_quorum(v["quorum"]))


def forget_flow(screen: SessionScreen, name: str) -> None:
    """List where `name` appears in the whole store, ask, then put a pseudonym in its place."""
    from ...forget import find_person, forget_person

    app = screen.sdtui
    if app.readonly:
        screen.notify(_("This session is open elsewhere; it is read-only here."), severity="warning", markup=False)
        return
    app.flush()  # the open session on disk as it is on screen, so it is searched like the others
    try:
        plan = find_person(app.store, name)
    except (ValidationError, StoreError) as error:
        screen.notify(getattr(error, "message", str(error)), title=_("Not changed"), severity="warning", markup=False)
        return
    lines = [
        _("Forget {name} everywhere? Their name becomes {pseudonym!r} in:").format(
            name=name, pseudonym=plan.pseudonym(screen.session.language)
        )
    ]
    for found in plan.sessions[:LISTED]:
        kinds = sorted({word(place.kind) for place in found.places})
        lines.append(f"- {one_line(found.session.title, 30)}: {', '.join(kinds)}")
    if len(plan.sessions) > LISTED:
        lines.append(_("- and {count} more sessions").format(count=len(plan.sessions) - LISTED))
    if plan.library:
        lines.append(_("- {count} own templates or prompts").format(count=len(plan.library)))
    if plan.minutes:
        lines.append(
            _(
                "{count} exported files hold the name; they are not changed (sdtui forget --reexport "
                "writes them again)."
            ).format(count=len(plan.minutes))
        )
    open_id = screen.session.id

    def confirmed(yes: bool | None) -> None:
        if not yes:
            return
        pseudonym = plan.pseudonym(screen.session.language)
        ours = any(found.session.id == open_id for found in plan.sessions)
        # The open session is changed in memory, through the edit; the others on disk, all
        # locked first, so a session open elsewhere stops the change before anything is written.
        plan.sessions = [found for found in plan.sessions if found.session.id != open_id]
        try:
            forget_person(app.store, plan)
        except StoreError as error:
            screen.notify(str(error), title=_("Not changed"), severity="error", markup=False)
            return
        if ours:
            app.edit(lambda s: s.forget(name, pseudonym), announce=False)
        app.forget_history()  # an undo must never bring the name back
        screen.refresh_view()
        screen.notify(
            _("{name} is forgotten: {pseudonym!r} in their place.").format(name=name, pseudonym=pseudonym), markup=False
        )

    app.push_screen(ConfirmScreen("\n".join(lines)), callback=confirmed)


__all__ = ["approve_form", "forget_flow", "item_hint", "live_status", "presence_form", "quorum_form", "replan_form"]
