"""What a follower shows, as plain text: the current item, the clocks, a round's tally, an action,
and `describe_changes()`, which turns two successive snapshots into one-line sentences for
`sdtui follow --plain` (screen readers, braille, a phone, `tee` to a log).

Plain functions over the snapshots follow.py reads (`parse_snapshot`); the follow screen
(tui/follow.py) uses the same lines, so the two never tell a meeting differently.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .i18n import _, word
from .model import ActionStatus, Position, SignalKind, Verdict
from .publish import STATE_CLOSED, STATE_LIVE, STATE_PAUSED
from .timing import clock_parts, clock_time

LINE_LIMIT = 500
"""Longest line `--plain` prints for one change; the rest is in the minutes."""


def one_line(text: str, limit: int = LINE_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def duration(seconds: float) -> str:
    """A span of time as the clocks show it (timing.clock_time)."""
    return clock_time(seconds)


def _word(kind: type[StrEnum], value: str) -> str:
    """A stored value from a snapshot as a word; unknown values as they are."""
    member = kind._value2member_map_.get(value)
    return word(member) if member is not None else value


def current_item(snapshot: dict[str, Any]) -> dict[str, Any] | None:
    index = snapshot["current"]
    return snapshot["agenda"][index] if index is not None else None


def item_line(snapshot: dict[str, Any]) -> str:
    """`Item 3/8: Housing first (Ruud Verhoeven)`."""
    item = current_item(snapshot)
    if item is None:
        return _("No item is running.")
    line = _("Item {number}/{count}: {title}").format(
        number=snapshot["current"] + 1, count=len(snapshot["agenda"]), title=item["title"]
    )
    return one_line(f"{line} ({item['presenter']})" if item["presenter"] else line)


def elapsed(part: dict[str, Any], now: float) -> float:
    """Seconds an item or the meeting has run by the follower's clock (all of it once it ended)."""
    if part["started"] is None:
        return 0.0
    return max(0.0, (part["ended"] if part["ended"] is not None else now) - part["started"])


def clocks(snapshot: dict[str, Any], now: float) -> tuple[tuple[float, float] | None, tuple[float, float]]:
    """(item elapsed, item planned) or None, and (meeting elapsed, meeting planned), in seconds."""
    item = current_item(snapshot)
    meeting = snapshot["meeting"]
    item_clock = (elapsed(item, now), item["timebox"] * 60) if item is not None else None
    return item_clock, (elapsed(meeting, now), meeting["planned_minutes"] * 60)


def clock_line(snapshot: dict[str, Any], now: float) -> str:
    """`Item 12:05 of 25:00 · Meeting 62 of 150 min · ends 16:30`, as plain text."""
    item_clock, (spent, planned) = clocks(snapshot, now)
    parts = []
    if item_clock is not None:
        parts.append(_("Item") + " " + _clock_text(*item_clock))
    parts.append(_("Meeting") + " " + _clock_text(spent, planned, minutes=True))
    if snapshot["meeting"]["planned_end"]:
        parts.append(_("ends {time}").format(time=snapshot["meeting"]["planned_end"]))
    return " · ".join(parts)


def _clock_text(spent: float, planned: float, *, minutes: bool = False) -> str:
    over, shown = clock_parts(spent, planned, minutes=minutes)
    return _("{over} OVER").format(over=over) + f" ({shown})" if over else shown


def tally_text(round_: dict[str, Any]) -> str:
    tally = round_["tally"]
    return _("Restore {restore} · Renovate {renovate} · Undecided {undecided}").format(
        restore=tally["restore"], renovate=tally["renovate"], undecided=tally["undecided"]
    )


def action_text(action: dict[str, Any]) -> str:
    """`text (owner, due 2026-07-01)`."""
    details = [action["owner"]] if action["owner"] else []
    if action["due"]:
        details.append(_("due {date}").format(date=action["due"]))
    text = one_line(action["text"])
    return f"{text} ({', '.join(details)})" if details else text


def meeting_line(snapshot: dict[str, Any]) -> str:
    meeting = snapshot["meeting"]
    parts = [meeting["title"]] + [part for part in (meeting["network"], meeting["date"]) if part]
    return one_line(" — ".join(parts))


def describe_changes(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """What changed from `old` to `new`, one line each, in the order a listener wants it."""
    lines: list[str] = []
    fresh = old is None or old["meeting"]["id"] != new["meeting"]["id"]
    if fresh:
        old = None
    state, was = new["state"], (old["state"] if old else None)
    if state != was:
        if state == STATE_PAUSED:
            lines.append(_("Publishing paused by the facilitator: {meeting}").format(meeting=meeting_line(new)))
        elif state == STATE_LIVE:
            lines.append(
                (_("Live: {meeting}") if was != STATE_PAUSED else _("Publishing resumed: {meeting}")).format(
                    meeting=meeting_line(new)
                )
            )
        elif was is None:
            lines.append(_("Closed: {meeting}").format(meeting=meeting_line(new)))
    if state == STATE_PAUSED:
        return lines
    item, old_item = current_item(new), (current_item(old) if old is not None else None)
    if item is not None and (
        old is None or old["current"] != new["current"] or old_item is None or old_item["title"] != item["title"]
    ):
        lines.append(item_line(new))
    lines += _board_changes(old["board"] if old else [], new["board"])
    old_notes = old["notes"] if old and old["current"] == new["current"] else []
    if new["notes"][: len(old_notes)] == old_notes:
        added = new["notes"][len(old_notes) :]
    else:  # a note was edited or removed: say only the texts not shown before
        added = [text for text in new["notes"] if text not in old_notes]
    lines += [_("Note: {text}").format(text=one_line(text)) for text in added]
    seen = {s["id"] for s in old["signals"]} if old else set()
    for signal in new["signals"]:
        if signal["id"] not in seen:
            kind = _("Good practice") if signal["kind"] == SignalKind.GOOD_PRACTICE.value else _("Bottleneck")
            lines.append(f"{kind} ({one_line(signal['organisation'], 80)}): {one_line(signal['text'])}")
    seen = {d["id"] for d in old["decisions"]} if old else set()
    lines += [_("Decision: {text}").format(text=one_line(d["text"])) for d in new["decisions"] if d["id"] not in seen]
    known = {a["id"]: a for a in old["actions"]} if old else {}
    for action in new["actions"]:
        before = known.get(action["id"])
        if before is None:
            if not (action["carried"] and old is None):  # carried actions are old news at the start
                lines.append(_("Action: {action}").format(action=action_text(action)))
        elif before["status"] != action["status"]:
            status = _word(ActionStatus, action["status"])
            lines.append(_("Action {status}: {action}").format(status=status, action=action_text(action)))
    if new["minutes"] and (old is None or old["minutes"] != new["minutes"]):
        lines.append(_("Minutes published: {name}").format(name=new["minutes"]))
    if state == STATE_CLOSED and was not in (None, STATE_CLOSED):
        lines.append(_("Meeting closed"))
    return lines


def _board_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    lines = []
    known = {round_["id"]: round_ for round_ in old}
    for round_ in new:
        topic = one_line(round_["topic"], 120)
        before = known.get(round_["id"])
        if before is None:
            lines.append(_("Topic: {topic}").format(topic=topic))
            before = {"what_changed": "", "restore": [], "renovate": [], "tally": None, "decision": ""}
        if round_["what_changed"] and round_["what_changed"] != before["what_changed"]:
            lines.append(_("What changed: {text}").format(text=one_line(round_["what_changed"])))
        for side, label in (("restore", _("Restore")), ("renovate", _("Renovate"))):
            for argument in round_[side]:
                if argument not in before[side]:
                    lines.append(f"{label}: {one_line(argument)}")
        counted = round_["tally"]["restore"] + round_["tally"]["renovate"]
        if round_["tally"] != before["tally"] and (before["tally"] is not None or counted):
            lines.append(_("Tally on {topic}: {tally}").format(topic=topic, tally=tally_text(round_)))
        if round_["decision"] and round_["decision"] != before["decision"]:
            lines.append(
                _("Decided on {topic}: {verdict}").format(topic=topic, verdict=_word(Verdict, round_["decision"]))
            )
    return lines


def position_word(value: str) -> str:
    return "-" if value == Position.UNDECIDED.value else _word(Position, value)
