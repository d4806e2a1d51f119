"""The minutes: a Markdown document participants read, in Dutch or English.

CommonMark plus GFM tables, readable as plain text. Every string a person typed goes through
`escape_inline` or `escape_cell`, so no name or note can change the document's structure: a
`|` stays in its cell, a leading `#` or `1.` stays text, `<b>` shows as typed. Confidential
notes never appear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from .i18n import translation
from .model import (
    ActionItem,
    ActionStatus,
    Attendance,
    ItemStatus,
    Language,
    Movement,
    Participant,
    Position,
    RecordStatus,
    Role,
    Round,
    RoundMode,
    Session,
    SessionStatus,
    SignalKind,
    Verdict,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

LABELS: dict[str, str] = {
    "draft": "**Draft**: the meeting has not been closed; these minutes may still change.",
    "date": "Date",
    "time": "Time",
    "place": "Place",
    "online": "Online",
    "network": "Network",
    "chair": "Chair",
    "guests": "Guest speakers",
    "minute_taker": "Minutes",
    "participants": "Participants",
    "present": "Present",
    "apologies": "Absent with apologies",
    "absent": "Absent",
    "agenda": "Agenda",
    "item": "Item",
    "presenter": "Presenter",
    "planned": "Planned",
    "actual": "Actual",
    "minutes_unit": "min",
    "not_reached": "not reached",
    "proceedings": "Proceedings",
    "no_notes": "No notes.",
    "rounds": "Restore or renovate",
    "what_changed": "What changed",
    "restore_args": "Arguments to restore",
    "renovate_args": "Arguments to renovate",
    "position": "Position",
    "count": "Count",
    "who": "Who",
    "decision": "Decision",
    "rationale": "Rationale",
    "no_decision": "no decision yet",
    "signals": "Signals",
    "good-practice": "Good practices",
    "bottleneck": "Bottlenecks",
    "decisions": "Decisions",
    "actions": "Action items",
    "action": "Action",
    "owner": "Owner",
    "due": "Due",
    "status": "Status",
    "carried": "Open from earlier meetings",
    "new_actions": "New",
    "none": "None.",
    "restore": "restore",
    "renovate": "renovate",
    "undecided": "undecided",
    "deferred": "deferred",
    "open": "open",
    "done": "done",
    "dropped": "dropped",
    "chair_role": "chair",
    "speaker": "speaker",
    "minute-taker": "minute-taker",
    "member": "member",
    "guest": "guest",
    "final": "final",
    "draft_status": "draft",
    "approved_on": "approved on {date}",
    "amendments": "Amendments",
    "amendments_intro": "Asked for when these minutes were approved; the text above is kept as it was written.",
    "asked_by": "asked by",
    "mode_named": "Positions taken by name.",
    "mode_hidden": "Secret round: positions were taken per person; only the tally is recorded.",
    "mode_count": "Counted hands: only the numbers were taken.",
    "present_for": "Present",
    "quorum": "Quorum",
    "quorum_met": "quorum met",
    "quorum_not_met": "quorum not met",
    "arrivals": "Arrivals and departures",
    "arrived": "arrived",
    "left": "left",
    "moved": "moved to the next meeting",
    "skipped": "skipped",
    "moved_items": "Moved to the next meeting",
    "review_on": "Review on",
}
"""Every word the minutes use, by key, in English; `labels()` gives them in a session's language
from the catalog (context "minutes")."""

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Month names for dates in the minutes; the catalog has them under the context "month"."""


def labels(language: Language) -> dict[str, str]:
    """The minutes' words in one language."""
    catalog = translation(language.value)
    return {key: catalog.pgettext("minutes", text) for key, text in LABELS.items()}


# Characters that mean something anywhere in a line, and what means something at its start.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&!])")
_LINE_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)]))")


def escape_inline(text: str) -> str:
    """One line of typed text as Markdown that renders exactly as typed (white space aside)."""
    line = " ".join(text.split())
    line = _INLINE.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match:
        end = match.end()
        line = f"{line[:end]}\\{line[end:]}" if match.group(1)[0].isdigit() else f"\\{line}"
    return line


def escape_cell(text: str) -> str:
    """Typed text for a table cell: on one line, pipes escaped."""
    return escape_inline(text) or " "


def escape_block(text: str) -> str:
    """Multi-line typed text as paragraphs; its line breaks stay line breaks."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    rendered = []
    for paragraph in paragraphs:
        lines = [escape_inline(line) for line in paragraph.splitlines() if line.strip()]
        rendered.append("\\\n".join(lines))
    return "\n\n".join(rendered)


def format_date(day: date, language: Language) -> str:
    """`18 juni 2026` in Dutch, `18 June 2026` in English."""
    month = translation(language.value).pgettext("month", MONTHS[day.month - 1])
    return f"{day.day} {month} {day.year}"


def _hhmm(moment: datetime | time | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


class _Writer:
    """Builds the document block by block in one language."""

    def __init__(self, session: Session, language: Language) -> None:
        self.session = session
        self.language = language
        self.label = labels(language)
        self.blocks: list[str] = []

    def add(self, *blocks: str) -> None:
        self.blocks.extend(block for block in blocks if block)

    def bullets(self, lines: Iterable[str]) -> str:
        return "\n".join(f"- {line}" for line in lines)

    def table(self, header: list[str], rows: list[list[str]]) -> str:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)

    def person(self, participant: Participant) -> str:
        return escape_inline(participant.label)

    def owner(self, action: ActionItem) -> str:
        owner = next((p for p in self.session.participants if p.id == action.owner_id), None)
        return escape_cell(owner.label) if owner else escape_cell(action.owner_id)

    def word(self, key: str) -> str:
        return self.label[key]

    # sections

    def heading(self) -> None:
        session, label = self.session, self.label
        self.add(f"# {escape_inline(session.title)}")
        if session.status is not SessionStatus.CLOSED:
            self.add(f"> {label['draft']}")
        facts = []
        if session.date:
            facts.append((label["date"], format_date(session.date, self.language)))
        if session.start_time:
            end = f"–{_hhmm(session.end_time)}" if session.end_time else ""
            facts.append((label["time"], f"{_hhmm(session.start_time)}{end}"))
        for key, value in (
            ("place", session.place),
            ("online", session.online_link),
            ("network", session.network),
            ("chair", session.chair),
        ):
            if value:
                facts.append((label[key], escape_inline(value)))
        if session.guest_speakers:
            facts.append((label["guests"], ", ".join(escape_inline(g) for g in session.guest_speakers)))
        takers = [p for p in session.participants if p.role is Role.MINUTE_TAKER]
        if takers:
            facts.append((label["minute_taker"], ", ".join(self.person(p) for p in takers)))
        if session.record_status is RecordStatus.APPROVED and session.approved_on:
            facts.append(
                (label["status"], label["approved_on"].format(date=format_date(session.approved_on, self.language)))
            )
        self.add(self.bullets(f"**{name}:** {value}" for name, value in facts))

    def names(self, ids: Iterable[str]) -> str:
        """The people with these ids, by name, in the order of the list of participants."""
        wanted = set(ids)
        return ", ".join(escape_inline(p.name) for p in self.session.participants if p.id in wanted)

    def present_line(self, ids: list[str]) -> str:
        """`**Present (3):** A, B, C; quorum met` for a decision, or nothing when no one was recorded."""
        if not ids:
            return ""
        line = f"**{self.word('present_for')} ({len(ids)}):** {self.names(ids)}"
        quorum = self.session.quorum
        if quorum:
            members = {p.id for p in self.session.members}
            met = sum(1 for pid in ids if pid in members) >= quorum
            line += f"; {self.word('quorum_met' if met else 'quorum_not_met')}"
        return line

    def participants(self) -> None:
        self.add(f"## {self.word('participants')}")
        for attendance, key in (
            (Attendance.PRESENT, "present"),
            (Attendance.APOLOGIES, "apologies"),
            (Attendance.ABSENT, "absent"),
        ):
            people = [p for p in self.session.participants if p.attendance is attendance]
            if people:
                self.add(f"### {self.word(key)}", self.bullets(self._with_role(p) for p in people))
        if not self.session.participants:
            self.add(self.word("none"))
        if self.session.quorum:
            self.add(f"**{self.word('quorum')}:** {self.session.quorum}")
        if self.session.arrivals:
            names = {p.id: p.name for p in self.session.participants}
            self.add(
                f"### {self.word('arrivals')}",
                self.bullets(
                    f"{_hhmm(a.at)} {escape_inline(names.get(a.participant_id, a.participant_id))} "
                    f"{self.word('arrived' if a.movement is Movement.ARRIVED else 'left')}"
                    for a in self.session.arrivals
                ),
            )

    def _with_role(self, participant: Participant) -> str:
        if participant.role is Role.MEMBER:
            return self.person(participant)
        role = self.word("chair_role" if participant.role is Role.CHAIR else participant.role.value)
        return f"{self.person(participant)}, {role}"

    def agenda(self) -> None:
        session = self.session
        self.add(f"## {self.word('agenda')}")
        if not session.agenda:
            self.add(self.word("none"))
            return
        unit = self.word("minutes_unit")
        rows = []
        for number, (item, planned) in enumerate(zip(session.agenda, session.planned_starts(), strict=True), start=1):
            planned_text = f"{_hhmm(planned)} ({item.timebox} {unit})".strip()
            if item.started_at:
                minutes = round(item.elapsed(item.ended_at or item.started_at).total_seconds() / 60)
                actual = (
                    f"{_hhmm(item.started_at)}–{_hhmm(item.ended_at)} ({minutes} {unit})"
                    if item.ended_at
                    else _hhmm(item.started_at)
                )
            else:
                actual = self.word("not_reached") if session.status is SessionStatus.CLOSED else ""
            if item.status in (ItemStatus.MOVED, ItemStatus.SKIPPED):
                aside = self.word("moved" if item.status is ItemStatus.MOVED else "skipped")
                actual = f"{actual}, {aside}" if actual else aside
            rows.append(
                [str(number), escape_cell(item.title), escape_cell(item.presenter), planned_text, actual or " "]
            )
        self.add(
            self.table(
                ["#", self.word("item"), self.word("presenter"), self.word("planned"), self.word("actual")], rows
            )
        )
        moved = [item for item in session.agenda if item.status is ItemStatus.MOVED]
        if moved:
            self.add(f"**{self.word('moved_items')}:**", self.bullets(escape_inline(item.title) for item in moved))

    def proceedings(self) -> None:
        items = [item for item in self.session.agenda if item.public_notes]
        if not items:
            return
        self.add(f"## {self.word('proceedings')}")
        for item in items:
            self.add(f"### {escape_inline(item.title)}")
            self.add(*(escape_block(note.text) for note in item.public_notes))

    def rounds(self) -> None:
        if not self.session.rounds:
            return
        self.add(f"## {self.word('rounds')}")
        for round_ in self.session.rounds:
            self.round(round_)

    def round(self, round_: Round) -> None:
        self.add(f"### {escape_inline(round_.topic)}")
        if round_.what_changed:
            self.add(f"**{self.word('what_changed')}:**", escape_block(round_.what_changed))
        for key, arguments in (("restore_args", round_.restore_args), ("renovate_args", round_.renovate_args)):
            if arguments:
                self.add(f"**{self.word(key)}:**", self.bullets(escape_inline(a) for a in arguments))
        present = self.session.present
        counts = round_.tally(self.session.participants)
        self.add(f"*{self.word('mode_' + round_.mode.value)}*")
        rows = []
        for position in Position:
            if round_.mode is not RoundMode.NAMED:  # a secret round or counted hands: numbers only
                rows.append([self.word(position.value), str(counts[position])])
                continue
            names = [escape_cell(p.name) for p in present if round_.positions.get(p.id, Position.UNDECIDED) is position]
            rows.append([self.word(position.value), str(counts[position]), ", ".join(names) or " "])
        header = [self.word("position"), self.word("count")]
        self.add(self.table(header if round_.mode is not RoundMode.NAMED else [*header, self.word("who")], rows))
        verdict = self.word(round_.decision.value) if isinstance(round_.decision, Verdict) else self.word("no_decision")
        self.add(f"**{self.word('decision')}:** {verdict}")
        self.add(self.present_line(round_.present))
        if round_.rationale:
            self.add(f"**{self.word('rationale')}:**", escape_block(round_.rationale))

    def signals(self) -> None:
        if not self.session.signals:
            return
        self.add(f"## {self.word('signals')}")
        for kind in SignalKind:
            found = [s for s in self.session.signals if s.kind is kind]
            if found:
                self.add(
                    f"### {self.word(kind.value)}",
                    self.bullets(f"**{escape_inline(s.organisation)}:** {escape_inline(s.text)}" for s in found),
                )

    def decisions(self) -> None:
        self.add(f"## {self.word('decisions')}")
        if not self.session.decisions:
            self.add(self.word("none"))
            return
        lines = []
        for number, decision in enumerate(self.session.decisions, start=1):
            why = (
                f" ({self.word('rationale').lower()}: {escape_inline(decision.rationale)})"
                if decision.rationale
                else ""
            )
            lines.append(f"{number}. {escape_inline(decision.text)}{why}")
            indent = " " * len(f"{number}. ")
            if decision.review_on:
                lines.append(
                    f"{indent}- **{self.word('review_on')}:** {format_date(decision.review_on, self.language)}"
                )
            if decision.present:
                lines.append(f"{indent}- {self.present_line(decision.present)}")
        self.add("\n".join(lines))

    def amendments(self) -> None:
        """Changes asked for at approval, after everything else: the minutes above stay as written."""
        if not self.session.amendments:
            return
        self.add(f"## {self.word('amendments')}", self.word("amendments_intro"))
        lines = []
        for number, amendment in enumerate(self.session.amendments, start=1):
            by = f" ({self.word('asked_by')} {escape_inline(amendment.by)})" if amendment.by else ""
            lines.append(f"{number}. {escape_inline(amendment.text)}{by}")
        self.add("\n".join(lines))

    def status(self) -> None:
        """The last line: how final these minutes are (draft, final, or approved on a date)."""
        session = self.session
        if session.record_status is RecordStatus.APPROVED and session.approved_on:
            status = self.word("approved_on").format(date=format_date(session.approved_on, self.language))
        else:
            status = self.word("final" if session.record_status is RecordStatus.FINAL else "draft_status")
        self.add(f"*{self.word('status')}: {status}*")

    def actions(self) -> None:
        self.add(f"## {self.word('actions')}")
        carried = [a for a in self.session.actions if a.carried_from]
        new = [a for a in self.session.actions if not a.carried_from]
        if not self.session.actions:
            self.add(self.word("none"))
            return
        if carried:
            self.add(f"### {self.word('carried')}", self.action_table(carried))
            if new:
                self.add(f"### {self.word('new_actions')}")
        if new:
            self.add(self.action_table(new))

    def action_table(self, actions: list[ActionItem]) -> str:
        rows = [
            [
                escape_cell(a.text),
                self.owner(a),
                format_date(a.due, self.language) if a.due else " ",
                self.word(a.status.value),
            ]
            for a in sorted(actions, key=lambda a: (a.status is not ActionStatus.OPEN, a.due or date.max))
        ]
        return self.table([self.word("action"), self.word("owner"), self.word("due"), self.word("status")], rows)


def render_minutes(session: Session, *, language: Language | str | None = None) -> str:
    """The minutes of `session` as Markdown, in its own language unless another is given."""
    writer = _Writer(session, Language(language) if language else session.language)
    writer.heading()
    writer.participants()
    writer.agenda()
    writer.proceedings()
    writer.rounds()
    writer.signals()
    writer.decisions()
    writer.actions()
    writer.amendments()
    writer.status()
    return "\n\n".join(writer.blocks) + "\n"


HTML_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.45; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
blockquote { border-left: 4px solid #c60; margin: 1rem 0; padding: .2rem 1rem; background: #fff4e5; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def markdown_parser() -> MarkdownIt:
    """The parser for reading minutes: CommonMark with GFM tables and raw HTML off, so `<script>` in a
    note shows as text. The HTML minutes, the Close preview and the reader all parse with it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_minutes_html(session: Session, *, language: Language | str | None = None) -> str:
    """The minutes as one self-contained HTML page to send by email; raw HTML in the text stays text."""
    from html import escape

    lang = Language(language) if language else session.language
    body = markdown_parser().render(render_minutes(session, language=lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(session.title)}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


__all__ = [
    "LABELS",
    "labels",
    "escape_block",
    "escape_cell",
    "escape_inline",
    "format_date",
    "markdown_parser",
    "render_minutes",
    "render_minutes_html",
]
