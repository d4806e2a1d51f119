"""Keeping sessions no longer than needed: which are past a retention period, and what to do with them.

A municipality keeps personal data only as long as it needs it (AVG/GDPR). `sdtui retention
--older-than 2y` lists the sessions held before that; with `--yes` they are removed (and the
minutes exported from them in the store) or anonymised: every person named in them gets a
pseudonym, the same one for the same name across the sessions handled together, and the
minutes exported from them are written again. What the network decided and learned stays.

A session's age is its meeting date; a session without one counts from its last save.
"""

from __future__ import annotations

import json
import re
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .forget import MINUTES_NAME, PSEUDONYM, PSEUDONYMS, minutes_files, next_pseudonym_number, write_again
from .i18n import _, translation
from .library import OwnLibrary
from .model import Session, ValidationError
from .store import SessionSummary, Store
from .text import fold

DURATION = re.compile(r"(\d{1,4})\s*([dwmy])")
UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


@dataclass(frozen=True)
class Duration:
    """A period in years, months and days, as `2y`, `18m`, `6w`, `90d` or `1y6m` say it."""

    years: int = 0
    months: int = 0
    days: int = 0

    def before(self, day: date) -> date:
        """The day this long before `day` (the 31st becomes the last day of a shorter month)."""
        months = day.year * 12 + day.month - 1 - self.years * 12 - self.months
        year, month = divmod(months, 12)
        first = date(year, month + 1, 1)
        last = ((first + timedelta(days=31)).replace(day=1) - first).days
        return first.replace(day=min(day.day, last)) - timedelta(days=self.days)


def parse_duration(text: str) -> Duration:
    """`2y`, `18m`, `6w`, `90d`, or a sum such as `1y6m`; ValidationError for anything else."""
    cleaned = "".join(str(text).lower().split())
    parts = DURATION.findall(cleaned)
    if not cleaned or not parts or "".join(number + unit for number, unit in parts) != cleaned:
        raise ValidationError(
            _("{text!r} is not a period; write for example 2y, 18m, 6w or 90d (years, months, weeks, days).").format(
                text=text
            ),
            "older_than",
        )
    amounts = {"d": 0, "w": 0, "m": 0, "y": 0}
    for number, unit in parts:
        amounts[unit] += int(number)
    duration = Duration(amounts["y"], amounts["m"], amounts["d"] + 7 * amounts["w"])
    if duration == Duration():
        raise ValidationError(_("A retention period must be longer than nothing."), "older_than")
    return duration


def session_day(summary: SessionSummary) -> date | None:
    """The day a session counts from: its meeting date, else the day it was last saved."""
    if summary.date is not None:
        return summary.date
    try:
        return date.fromisoformat(summary.updated[:10])
    except ValueError:
        return None


def expired(store: Store, older_than: Duration, today: date) -> list[SessionSummary]:
    """The sessions held before `older_than` ago, oldest first."""
    cutoff = older_than.before(today)
    found = [s for s in store.list() if (day := session_day(s)) is not None and day < cutoff]
    return sorted(found, key=lambda s: (session_day(s) or date.min, s.title))


def exported_files(store: Store, session_ids: set[str]) -> list[Path]:
    """The files in the store's minutes folder that sdtui exported from these sessions."""
    return [
        path
        for path in minutes_files(store)
        if (match := MINUTES_NAME.fullmatch(path.name)) and match.group(1) in session_ids
    ]


@dataclass
class RetentionResult:
    sessions: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    """Exported files removed (with the sessions) or written again (anonymised)."""


def remove_sessions(store: Store, summaries: list[SessionSummary]) -> RetentionResult:
    """Delete the sessions and the minutes exported from them into the store."""
    result = RetentionResult()
    with ExitStack() as locks:
        for summary in summaries:  # all locked first: a session open elsewhere stops the whole removal
            locks.enter_context(store.acquire(summary.id))
        for path in exported_files(store, {s.id for s in summaries}):
            path.unlink(missing_ok=True)
            result.files.append(path)
        for summary in summaries:
            store.delete(summary.id)
            result.sessions.append(summary.id)
    return result


def people_of(session: Session) -> list[str]:
    """Every name of a person the session holds as such: participants, chair, guest speakers, who asked
    for amendments, presenters."""
    names = [p.name for p in session.participants] + [session.chair, *session.guest_speakers]
    names += [a.by for a in session.amendments] + [item.presenter for item in session.agenda]
    return [name for name in names if name.strip()]


def anonymise_sessions(store: Store, summaries: list[SessionSummary]) -> RetentionResult:
    """Give every person named in the sessions a pseudonym, and write their exported minutes again."""
    sessions = [store.read(s.id) for s in summaries]
    everything, _problems = store.load_all()
    texts = [json.dumps(s.to_dict(), ensure_ascii=False) for s in everything] + OwnLibrary(store.root).texts()
    number = next_pseudonym_number(texts)
    numbers: dict[str, int] = {}
    result = RetentionResult()
    with ExitStack() as locks:
        for session in sessions:  # all locked first: a session open elsewhere stops the whole change
            locks.enter_context(store.acquire(session.id))
        for session in sessions:
            before = Session.from_dict(session.to_dict())
            names = people_of(session)
            for name in names:  # numbered in the order the session lists them
                key = " ".join(fold(name).split())
                if key not in numbers and not PSEUDONYMS.fullmatch(name.strip()):
                    numbers[key] = number
                    number += 1
            for name in sorted(names, key=len, reverse=True):  # "Bram de Wit" before "Bram"
                key = " ".join(fold(name).split())
                if key in numbers:
                    pseudonym = translation(session.language.value).gettext(PSEUDONYM).format(number=numbers[key])
                    session.forget(name, pseudonym)
            store.save(session)
            result.sessions.append(session.id)
            for path in exported_files(store, {session.id}):
                write_again(path, before, session)
                result.files.append(path)
    return result


__all__ = [
    "Duration",
    "RetentionResult",
    "anonymise_sessions",
    "expired",
    "exported_files",
    "parse_duration",
    "people_of",
    "remove_sessions",
    "session_day",
]
