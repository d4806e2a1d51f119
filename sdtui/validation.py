"""What typed text must look like before it becomes part of a meeting.

Plain functions that clean and check one value each (a line, a text, a date, a time, a timebox,
a choice) and raise `ValidationError` with a message meant for the person who typed it. The
model (model.py) builds every part of a meeting through these, and so do templates and prompts.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

from .i18n import _

EnumT = TypeVar("EnumT", bound=StrEnum)

MAX_TITLE = 200
"""Longest title, name or organisation we accept; longer text belongs in a note."""
MAX_TEXT = 100_000
"""Longest note, argument or rationale; a meeting note is never a book."""
MAX_TIMEBOX = 8 * 60
"""No agenda item runs longer than a working day."""
MAX_COUNT = 10_000
"""Most people a count of hands or a quorum can name; a network meeting is never a stadium."""


class ValidationError(ValueError):
    """Input a user typed does not make a valid meeting. The message is meant for that user."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


_CONTROL: dict[int, str | None] = {
    c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
}
_CONTROL[0x0D] = "\n"  # a lone carriage return is a line break from an old editor


def strip_controls(text: str) -> str:
    """Drop control characters (ESC, NUL, C1 ...) but keep newlines and tabs.

    Pasted escape sequences would otherwise reach a terminal that shows the text or the
    minutes; the printable rest of the sequence stays, so nothing readable is lost.
    """
    if text.isprintable():  # no control character at all: most lines, and a save checks thousands
        return text
    return text.replace("\r\n", "\n").translate(_CONTROL)


def field_name(what: str) -> str:
    """The attribute a label names: "Start time" is the field `start_time`."""
    return what.lower().replace(" ", "_")


def clean_line(
    value: Any, what: str, *, required: bool = False, limit: int = MAX_TITLE, field: str | None = None
) -> str:
    """A one-line text: trimmed, newlines folded to spaces, length checked."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("{what} must be text.").format(what=_(what)), field or field_name(what))
    if value.isprintable() and not value[:1].isspace() and not value[-1:].isspace():
        text = value  # nothing to fold, drop or trim: the common case, and a save checks thousands
    else:
        text = " ".join(strip_controls(value).replace("\t", " ").split("\n")).strip()
    if required and not text:
        raise ValidationError(_("{what} cannot be empty.").format(what=_(what)), field or field_name(what))
    if len(text) > limit:
        raise ValidationError(
            _("{what} is too long ({length} characters; at most {limit}).").format(
                what=_(what), length=len(text), limit=limit
            ),
            field or field_name(what),
        )
    return text


def clean_text(
    value: Any, what: str, *, required: bool = False, limit: int = MAX_TEXT, field: str | None = None
) -> str:
    """A multi-line text: kept as typed except for trailing white space."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("{what} must be text.").format(what=_(what)), field or field_name(what))
    text = strip_controls(value).rstrip()
    if required and not text.strip():
        raise ValidationError(_("{what} cannot be empty.").format(what=_(what)), field or field_name(what))
    if len(text) > limit:
        raise ValidationError(
            _("{what} is too long ({length} characters; at most {limit}).").format(
                what=_(what), length=len(text), limit=limit
            ),
            field or field_name(what),
        )
    return text


def parse_enum(kind: type[EnumT], value: Any, what: str, field: str | None = None) -> EnumT:
    """A member of `kind`: the member itself, or its value typed in any case and with spaces around."""
    if isinstance(value, kind):
        return value
    member = kind._value2member_map_.get(value) if isinstance(value, str) else None
    if isinstance(member, kind):  # a stored value as it was written: no need to clean it up
        return member
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ValidationError(
            _("{what} must be one of: {allowed} (got {value!r}).").format(what=_(what), allowed=allowed, value=value),
            field or field_name(what),
        ) from None


def parse_date(value: Any, what: str = "Date", field: str | None = None) -> date | None:
    """A date from a `date` or from text in the form YYYY-MM-DD; empty gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("{what} {text!r} is not a real date; write it as YYYY-MM-DD, e.g. 2026-06-18.").format(
                what=_(what), text=text
            ),
            field or field_name(what),
        ) from None
    if not 1900 <= parsed.year <= 2200:
        raise ValidationError(
            _("{what} {text!r} is too far from today to be a meeting date.").format(what=_(what), text=text),
            field or field_name(what),
        )
    return parsed


def parse_time(value: Any, what: str = "Time", field: str | None = None) -> time | None:
    """A time of day from a `time` or from text such as 9:30 or 09:30; empty gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = str(value).strip().replace(".", ":")
    if not text:
        return None
    try:
        hours, minutes, *seconds = text.split(":")
        if len(seconds) > 1 or any(not part.strip().isdigit() for part in (hours, minutes, *seconds)):
            raise ValueError(text)
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(
            _("{what} {text!r} is not a time of day; write it as HH:MM, e.g. 09:30.").format(
                what=_(what), text=str(value)
            ),
            field or field_name(what),
        ) from None


def parse_timebox(value: Any) -> int:
    """Minutes for an agenda item: a whole number from 0 to MAX_TIMEBOX."""
    if isinstance(value, bool):
        raise ValidationError(_("Timebox must be a number of minutes."), "timebox")
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            raise ValidationError(
                _("Timebox {value!r} is not a whole number of minutes.").format(value=value), "timebox"
            )
        value = int(value)
    if not isinstance(value, int):
        raise ValidationError(_("Timebox must be a whole number of minutes."), "timebox")
    if value < 0:
        raise ValidationError(_("Timebox cannot be negative."), "timebox")
    if value > MAX_TIMEBOX:
        raise ValidationError(
            _("Timebox of {value} minutes is longer than a working day (at most {limit}).").format(
                value=value, limit=MAX_TIMEBOX
            ),
            "timebox",
        )
    return value


def parse_count(value: Any, what: str = "Count", field: str | None = None) -> int:
    """A number of people: a whole number from 0 to MAX_COUNT."""
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            raise ValidationError(
                _("{what} {value!r} is not a whole number.").format(what=_(what), value=value),
                field or field_name(what),
            )
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("{what} must be a whole number.").format(what=_(what)), field or field_name(what))
    if not 0 <= value <= MAX_COUNT:
        raise ValidationError(
            _("{what} must be between 0 and {limit}.").format(what=_(what), limit=MAX_COUNT), field or field_name(what)
        )
    return value


def parse_datetime(value: Any) -> datetime | None:
    """A moment from a `datetime` or ISO text, as the store writes it; empty gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


__all__ = [
    "MAX_COUNT",
    "MAX_TEXT",
    "MAX_TIMEBOX",
    "MAX_TITLE",
    "ValidationError",
    "clean_line",
    "clean_text",
    "field_name",
    "parse_count",
    "parse_date",
    "parse_datetime",
    "parse_enum",
    "parse_time",
    "parse_timebox",
    "strip_controls",
]
