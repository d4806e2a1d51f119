"""Due dates as a facilitator types them, in Dutch or English, relative to today.

Typing `2026-07-10` in front of a room takes ten keys; `+2w`, `vr` or `10 juli` take two to
seven. Every form here reads the same in both languages:

- `2026-07-10`: a date in full;
- `+10d`, `+2w` (also `+3`, days): that many days or weeks from today;
- `vandaag`/`today`, `morgen`/`tomorrow`;
- a weekday, Dutch or English, short or long (`vr`, `vrijdag`, `fri`, `friday`): the first such
  day after today;
- `10-7`, `10/7` or `10.7` (day, then month, as the Dutch write it), and `10 juli`, `10 jul`,
  `july 10`, each with an optional year; without one, the first such day from today on.

Anything else is refused with a message that says which forms work.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .i18n import N_, _
from .validation import ValidationError, parse_date

WEEKDAYS: dict[str, int] = {}
for number, names in enumerate(
    (
        ("ma", "maa", "maandag", "mo", "mon", "monday"),
        ("di", "din", "dinsdag", "tu", "tue", "tues", "tuesday"),
        ("wo", "woe", "woensdag", "we", "wed", "wednesday"),
        ("do", "don", "donderdag", "th", "thu", "thur", "thurs", "thursday"),
        ("vr", "vri", "vrij", "vrijdag", "fr", "fri", "friday"),
        ("za", "zat", "zaterdag", "sa", "sat", "saturday"),
        ("zo", "zon", "zondag", "su", "sun", "sunday"),
    )
):
    WEEKDAYS.update(dict.fromkeys(names, number))

MONTHS: dict[str, int] = {}
for number, names in enumerate(
    (
        ("jan", "januari", "january"),
        ("feb", "febr", "februari", "february"),
        ("mrt", "maa", "mar", "maart", "march"),
        ("apr", "april"),
        ("mei", "may"),
        ("jun", "juni", "june"),
        ("jul", "juli", "july"),
        ("aug", "augustus", "august"),
        ("sep", "sept", "september"),
        ("okt", "oct", "oktober", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ),
    start=1,
):
    MONTHS.update(dict.fromkeys(names, number))

TODAY = ("vandaag", "today")
TOMORROW = ("morgen", "tomorrow")

_OFFSET = re.compile(r"\+\s*(\d{1,4})\s*([dw]?)")
_DAY_MONTH = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{2}|\d{4}))?")
_DAY_NAME = re.compile(r"(\d{1,2})\.?\s+([a-z]+)\.?(?:\s+(\d{4}))?")
_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")

FORMS = N_("Write a date as 2026-07-10, +10d, +2w, a weekday (vr, fri), 10-7 or 10 juli.")


def parse_due(text: str, today: date, what: str = N_("Due date"), field: str = "due") -> date | None:
    """The date `text` names, read relative to `today`; empty text gives None.

    Raises ValidationError, naming `field`, when `text` is no date in any of the forms above.
    """
    typed = " ".join(str(text).split()).lower()
    if not typed:
        return None
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", typed):
        return parse_date(typed, what, field)
    found = _relative(typed, today)
    if found is None:
        found = _day_and_month(typed, today, what, field)
    if found is None:
        raise ValidationError(
            _("{what} {text!r} is not a date I know. {forms}").format(
                what=_(what), text=str(text).strip(), forms=_(FORMS)
            ),
            field,
        )
    return found


def _relative(typed: str, today: date) -> date | None:
    if typed in TODAY:
        return today
    if typed in TOMORROW:
        return today + timedelta(days=1)
    if typed in WEEKDAYS:
        return today + timedelta(days=(WEEKDAYS[typed] - today.weekday() - 1) % 7 + 1)
    if offset := _OFFSET.fullmatch(typed):
        count = int(offset.group(1))
        return today + (timedelta(weeks=count) if offset.group(2) == "w" else timedelta(days=count))
    return None


def _day_and_month(typed: str, today: date, what: str, field: str) -> date | None:
    if numbers := _DAY_MONTH.fullmatch(typed):
        day, month, year = numbers.groups()
    elif (named := _DAY_NAME.fullmatch(typed)) and named.group(2) in MONTHS:
        day, month, year = named.group(1), str(MONTHS[named.group(2)]), named.group(3)
    elif (named := _NAME_DAY.fullmatch(typed)) and named.group(1) in MONTHS:
        day, month, year = named.group(2), str(MONTHS[named.group(1)]), named.group(3)
    else:
        return None
    if year is not None and len(year) == 2:
        year = f"20{year}"
    try:
        if year is not None:
            return _checked(date(int(year), int(month), int(day)), what, field)
        this_year = date(today.year, int(month), int(day)) if _exists(today.year, month, day) else None
        if this_year is not None and this_year >= today:
            return this_year
        return date(today.year + 1, int(month), int(day))  # a day already past this year: next year's
    except ValueError:
        raise ValidationError(
            _("{what} {text!r} is not a real date: there is no day {day} in month {month}.").format(
                what=_(what), text=typed, day=int(day), month=int(month)
            ),
            field,
        ) from None


def _exists(year: int, month: str, day: str) -> bool:
    try:
        date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _checked(found: date, what: str, field: str) -> date:
    return parse_date(found.isoformat(), what, field) or found


__all__ = ["FORMS", "MONTHS", "WEEKDAYS", "parse_due"]
