"""Undo and redo for the open session, and a one-line description of each change.

A stray key in front of a room must never change the meeting unseen. Every change goes through
the app's edit transaction, which hands `History` the session as it was before and after; undo
puts the before back, redo the after, and both say in words what they did:
"action 'Send the presentation' done → open".

Text typed into a note is saved as it is typed, outside the edit transaction. So that undo never
throws typing away, `History` compares the session with the last state it knows before it
records or undoes anything; what changed in between becomes a step of its own ("note on
'Opening' changed"), undone first.

Descriptions are made from the stored form of a session (`Session.to_dict()`), so they need no
screen and speak of what a person sees: names, titles and words, never ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .i18n import N_, _, current_language, translation
from .text import one_line

LIMIT = 200
"""Changes kept for undo; the oldest go first."""
SHOWN = 40
"""Characters of a name or text shown in a description before it is cut with "…"."""

COLLECTIONS: dict[str, tuple[str, str]] = {
    "participants": (N_("participant"), "name"),
    "agenda": (N_("agenda item"), "title"),
    "rounds": (N_("topic"), "topic"),
    "signals": (N_("signal"), "text"),
    "decisions": (N_("decision"), "text"),
    "actions": (N_("action"), "text"),
}
"""The lists of a stored session: what one of their entries is called, and the field naming it."""

WORD_FIELDS: dict[tuple[str, str], str] = {
    ("participants", "role"): "Role",
    ("participants", "attendance"): "Attendance",
    ("agenda", "kind"): "ItemKind",
    ("agenda", "status"): "ItemStatus",
    ("rounds", "decision"): "Verdict",
    ("signals", "kind"): "SignalKind",
    ("actions", "status"): "ActionStatus",
    ("", "status"): "SessionStatus",
}
"""Fields whose value is a stored word: shown translated, without the field's name."""

FIELD_LABELS: dict[str, str] = {
    "title": N_("title"),
    "network": N_("network"),
    "date": N_("date"),
    "start_time": N_("start"),
    "end_time": N_("end"),
    "place": N_("place"),
    "online_link": N_("online link"),
    "chair": N_("chair"),
    "guest_speakers": N_("guest speakers"),
    "language": N_("language of the minutes"),
    "name": N_("name"),
    "organisation": N_("organisation"),
    "presenter": N_("presenter"),
    "timebox": N_("timebox"),
    "topic": N_("topic"),
    "what_changed": N_("what changed"),
    "rationale": N_("rationale"),
    "text": N_("text"),
    "owner_id": N_("owner"),
    "due": N_("due date"),
    "item_id": N_("agenda item"),
    "review": N_("review date"),
    "standing": N_("standing item"),
}
CLOCK_FIELDS = ("started_at", "ended_at", "status")
"""Fields of an agenda item that change by themselves when the meeting moves to another item."""
ARGUMENTS = {"restore_args": N_("argument to restore"), "renovate_args": N_("argument to renovate")}


def cut(text: Any, limit: int = SHOWN) -> str:
    """One line of at most `limit` cells, ending in "…" where it was cut."""
    return one_line(str(text), limit)


def describe(before: dict[str, Any], after: dict[str, Any]) -> str:
    """What changed from `before` to `after`, two stored sessions, in one line (UI language)."""
    found = list(_differences(before, after))
    if not found:
        return _("nothing changed")
    if len(found) == 1:
        return found[0]
    return _("{change} (and {count} more)").format(change=found[0], count=len(found) - 1)


def _differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    names = {p.get("id"): p.get("name", "") for p in [*before.get("participants", []), *after.get("participants", [])]}
    found: list[str] = []
    moved = before.get("current_item") != after.get("current_item") or before.get("status") != after.get("status")
    if before.get("current_item") != after.get("current_item"):
        agenda = after.get("agenda", [])
        index = after.get("current_item") or 0
        title = agenda[index].get("title", "") if 0 <= index < len(agenda) else ""
        found.append(_("now at agenda item '{title}'").format(title=cut(title)))
    for key in sorted(set(before) | set(after), key=_session_order):
        old, new = before.get(key), after.get(key)
        if old == new or key in ("current_item", "started_at", "ended_at", "id"):
            continue
        if key == "agenda" and moved:
            old, new = _without_clock(old or []), _without_clock(new or [])  # the clock moved with the meeting
            if old == new:
                continue
        if key in COLLECTIONS:
            found += _list_changes(key, old or [], new or [], names)
        elif key == "status":
            found.append(_("meeting {change}").format(change=_field_change("", key, old, new)))
        else:
            found.append(_field_change("", key, old, new))
    return found


def _without_clock(agenda: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{name: value for name, value in item.items() if name not in CLOCK_FIELDS} for item in agenda]


def _session_order(key: str) -> int:
    order = ["status", "title", "network", "date", *COLLECTIONS]
    return order.index(key) if key in order else len(order)


def _list_changes(key: str, old: list[dict[str, Any]], new: list[dict[str, Any]], names: dict[Any, str]) -> list[str]:
    what, naming = COLLECTIONS[key]
    old_by_id = {entry.get("id"): entry for entry in old}
    new_by_id = {entry.get("id"): entry for entry in new}
    found: list[str] = []
    for entry in new:
        if entry.get("id") not in old_by_id:
            found.append(_("added {what} '{name}'").format(what=_(what), name=cut(entry.get(naming, ""))))
    for entry in old:
        if entry.get("id") not in new_by_id:
            found.append(_("removed {what} '{name}'").format(what=_(what), name=cut(entry.get(naming, ""))))
    for entry in new:
        earlier = old_by_id.get(entry.get("id"))
        if earlier is None or earlier == entry:
            continue
        label = f"{_(what)} '{cut(entry.get(naming) or earlier.get(naming, ''))}'"
        for field in sorted(set(earlier) | set(entry), key=lambda name: name != "status"):
            was, now = earlier.get(field), entry.get(field)
            if was == now:
                continue
            if field == "notes":
                found += _note_changes(label, was or [], now or [])
            elif field == "positions":
                found += _position_changes(label, was or {}, now or {}, names)
            elif field in ARGUMENTS:
                found += _argument_changes(label, field, was or [], now or [])
            else:
                found.append(_field_change(key, field, was, now, label, names))
    kept_old = [entry.get("id") for entry in old if entry.get("id") in new_by_id]
    kept_new = [entry.get("id") for entry in new if entry.get("id") in old_by_id]
    if kept_old != kept_new and not found:
        moved = next(entry for i, entry in enumerate(kept_new) if kept_old[i] != entry)
        found.append(_("moved {what} '{name}'").format(what=_(what), name=cut(new_by_id[moved].get(naming, ""))))
    return found


def _field_change(
    key: str, field: str, was: Any, now: Any, label: str = "", names: dict[Any, str] | None = None
) -> str:
    context = WORD_FIELDS.get((key, field))
    if context is not None:
        words = translation(current_language()).pgettext
        change = f"{words(context, str(was)) if was else '-'} → {words(context, str(now)) if now else '-'}"
        return f"{label} {change}" if label else change
    if field == "owner_id" and names is not None:
        was, now = names.get(was, was), names.get(now, now)
    if field == "confidential":
        change = _("marked confidential") if now else _("no longer confidential")
        return f"{label} {change}" if label else change
    shown = _(FIELD_LABELS[field]) if field in FIELD_LABELS else field.replace("_", " ")
    change = f"{shown}: {_show(was)} → {_show(now)}"
    return f"{label} {change}" if label else change


def _show(value: Any) -> str:
    if value in (None, "", [], {}):
        return "-"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return f"'{cut(value, 24)}'" if isinstance(value, str) else cut(value, 24)


def _note_changes(label: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    old_by_id = {note.get("id"): note for note in old}
    new_by_id = {note.get("id"): note for note in new}
    found: list[str] = []
    for note in new:
        earlier = old_by_id.get(note.get("id"))
        if earlier is None:
            found.append(_("added a note on {item}").format(item=label))
        elif earlier.get("confidential") != note.get("confidential"):
            found.append(
                _("note on {item} marked confidential").format(item=label)
                if note.get("confidential")
                else _("note on {item} no longer confidential").format(item=label)
            )
        elif earlier != note:
            found.append(_("note on {item} changed: '{text}'").format(item=label, text=cut(note.get("text", ""), 24)))
    for note in old:
        if note.get("id") not in new_by_id:
            found.append(_("removed a note on {item}: '{text}'").format(item=label, text=cut(note.get("text", ""), 24)))
    return found


def _position_changes(label: str, old: dict[str, str], new: dict[str, str], names: dict[Any, str]) -> list[str]:
    words = translation(current_language()).pgettext
    found: list[str] = []
    for person in sorted(set(old) | set(new)):
        if old.get(person) != new.get(person):
            was, now = old.get(person), new.get(person)
            found.append(
                _("{name} on {topic}: {was} → {now}").format(
                    name=cut(names.get(person, person), 30),
                    topic=label,
                    was=words("Position", was) if was else "-",
                    now=words("Position", now) if now else "-",
                )
            )
    return found


def _argument_changes(label: str, field: str, old: list[str], new: list[str]) -> list[str]:
    what = _(ARGUMENTS[field])
    added = [text for text in new if text not in old]
    removed = [text for text in old if text not in new]
    if added and removed:
        return [_("{what} on {topic} changed: '{text}'").format(what=what, topic=label, text=cut(added[0], 24))]
    if added:
        return [_("added {what} on {topic}: '{text}'").format(what=what, topic=label, text=cut(added[0], 24))]
    if removed:
        return [_("removed {what} on {topic}: '{text}'").format(what=what, topic=label, text=cut(removed[0], 24))]
    return [_("moved an {what} on {topic}").format(what=what, topic=label)]


@dataclass(frozen=True)
class Change:
    """One step of the session's history: the stored session before and after it."""

    before: dict[str, Any]
    after: dict[str, Any]

    def describe(self) -> str:
        return describe(self.before, self.after)


class History:
    """Undo and redo of the changes to one open session.

    `record(before, after)` after every change; `undo(current)` and `redo(current)` return the
    step to apply (its `before` or `after` is the session to show and store), or None when there is
    nothing to undo or redo. `current` is the session as it is now: changes made since the last
    record (text typed into a note) become a step of their own first, so undo never loses them.
    """

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.done: list[Change] = []
        self.undone: list[Change] = []

    def _catch_up(self, current: dict[str, Any]) -> None:
        known = self.undone[-1].before if self.undone else (self.done[-1].after if self.done else None)
        if known is not None and known != current:
            self._push(Change(known, current))
            self.undone.clear()

    def _push(self, change: Change) -> None:
        self.done.append(change)
        del self.done[: -self.limit]

    def record(self, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Remember a change; a new change forgets what was undone (it can no longer be redone)."""
        if before == after:
            return
        self._catch_up(before)
        self._push(Change(before, after))
        self.undone.clear()

    def undo(self, current: dict[str, Any]) -> Change | None:
        """The change to take back (apply its `before`), or None."""
        self._catch_up(current)
        if not self.done:
            return None
        change = self.done.pop()
        self.undone.append(change)
        return change

    def redo(self, current: dict[str, Any]) -> Change | None:
        """The change to make again (apply its `after`), or None."""
        if self.undone and self.undone[-1].before != current:
            self._catch_up(current)  # typed since the undo: that is the newest change now
            return None
        if not self.undone:
            return None
        change = self.undone.pop()
        self._push(change)
        return change


__all__ = ["Change", "History", "cut", "describe"]
