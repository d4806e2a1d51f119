"""Small apps that hold one widget each, for the byte and time benchmarks of sdtui's light widgets.

    python benchmarks/widget_apps.py textarea LINES     a bare TextArea holding a note of LINES lines
    python benchmarks/widget_apps.py editor LINES       sdtui's NoteEditor, the same note, same place
    python benchmarks/widget_apps.py input              a bare Input (what a form's text field is today)
    python benchmarks/widget_apps.py line               sdtui's LineInput, the same place
    python benchmarks/widget_apps.py rows N             LineInput filtering a RowList of N made-up sessions
    python benchmarks/widget_apps.py clock              a Static rewritten every second, like Run's clock bar
    python benchmarks/widget_apps.py ticker             sdtui's Ticker, the same text

The editors sit where Run's note editor sits at 80x24 (rows 7 to 23, 17 rows tall), focused,
the cursor at the end of the note and not blinking; the fields are focused, at the top, as a
form's first field is. Nothing else on screen changes, so every byte written after a key is the
widget's answer to it.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rich.text import Text  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Input, Static, TextArea  # noqa: E402

LINE = "Wethouder meldt dat de regio de cijfers over wachtlijsten nog niet heeft"
NETWORKS = ("Regio Zuid", "Noordoost", "G40 Sociaal", "Holland Rijnland", "Twente", "Drechtsteden")
TOPICS = ("WMO", "Jeugdzorg", "Participatie", "Schuldhulp", "Beschermd wonen", "Inburgering")


def note(lines: int) -> str:
    return "\n".join(f"{number}. {LINE}" for number in range(1, lines + 1))


class EditorApp(App[None]):
    CSS = "#above { height: 6; } #note { height: 17; }"

    def __init__(self, kind: str, lines: int) -> None:
        super().__init__()
        self.kind, self.lines = kind, lines

    def compose(self) -> ComposeResult:
        yield Static(id="above")
        if self.kind == "textarea":
            editor = TextArea(note(self.lines), soft_wrap=True, tab_behavior="focus", id="note")
            editor.show_line_numbers = False
            editor.cursor_blink = False
        else:
            from sdtui.tui.widgets.editor import NoteEditor

            editor = NoteEditor(note(self.lines), id="note")
        yield editor

    def on_mount(self) -> None:
        editor = self.query_one("#note")
        if isinstance(editor, TextArea):
            editor.move_cursor(editor.document.end)
        else:
            editor.cursor_blink = False
            editor.move_cursor(editor.end)
        editor.focus()


class FieldApp(App[None]):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        if self.kind == "input":
            field = Input()
        else:
            from sdtui.tui.widgets.line_input import LineInput

            field = LineInput()
        field.cursor_blink = False
        yield field
        yield Static("")


def sessions(count: int) -> list[tuple[str, str, str, str, str]]:
    """Made-up sessions, newest first: date, title, network, status, open actions."""
    start = datetime(2026, 11, 30)
    rows = []
    for number in range(count):
        day = start - timedelta(days=number // 3)
        topic = TOPICS[number % len(TOPICS)]
        network = NETWORKS[number * 7 % len(NETWORKS)]
        status = ("draft", "running", "closed")[number % 3]
        rows.append(
            (
                day.strftime("%Y-%m-%d"),
                f"{topic} themabijeenkomst {day:%B} nr. {number}",
                network,
                status,
                str(number % 5 or ""),
            )
        )
    return rows


class RowsApp(App[None]):
    CSS = "LineInput { height: 1; border: none; padding: 0; } RowList { height: 1fr; }"

    def __init__(self, count: int) -> None:
        super().__init__()
        from sdtui.tui.widgets.rows import Row

        # What a screen would do: the rows made once, their searchable text folded once.
        self.sessions = [
            (Row(f"s{number}", cells), " ".join(cells).lower()) for number, cells in enumerate(sessions(count))
        ]
        self.everything = (self.sessions, [row for row, _text in self.sessions])
        self.found: dict[str, tuple[list[tuple[Row, str]], list[Row]]] = {}  # query -> its matches

    def compose(self) -> ComposeResult:
        from sdtui.tui.widgets.line_input import LineInput
        from sdtui.tui.widgets.rows import Column, RowList

        yield Static("sdtui", id="header")
        field = LineInput(instant=self.show)
        field.cursor_blink = False
        yield field
        yield RowList(
            [Column("Date", 10), Column("Title", None), Column("Network", 16), Column("Status", 8), Column("Open", 4)]
        )

    def on_mount(self) -> None:
        self.show("")
        self.query_one("LineInput").focus()

    def show(self, query: str) -> None:
        """Filter on every key, called by the field itself (`instant`): drawn in the same frame.

        A letter added to the query only narrows the matches, so it searches the matches of the
        query before it, and Backspace goes back to matches already found: a key costs about the
        same with 1,000 sessions as with 10,000.
        """
        from sdtui.tui.widgets.rows import RowList

        query = " ".join(query.lower().split()) + (" " if query.endswith(" ") else "")
        self.found = {known: pairs for known, pairs in self.found.items() if query.startswith(known)}
        base = max(self.found, key=len, default=None)
        pairs, rows = self.everything if base is None else self.found[base]
        if query != base:
            words = query.split()
            if len(words) == 1:
                word = words[0]
                pairs = [pair for pair in pairs if word in pair[1]]
            else:
                pairs = [pair for pair in pairs if all(word in pair[1] for word in words)]
            rows = [row for row, _text in pairs]
            self.found[query] = (pairs, rows)
        self.query_one(RowList).set_rows(rows)


class ClockApp(App[None]):
    """A clock bar under a header line, rewritten every second as Run's is."""

    CSS = "#bar { height: 1; background: $boost; padding: 0 1; }"

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.started = datetime.now()

    def compose(self) -> ComposeResult:
        yield Static("Item 3/12 · Jeugdzorg: stand van zaken", id="item")
        if self.kind == "clock":
            yield Static(id="bar")
        else:
            from sdtui.tui.widgets.ticker import Ticker

            yield Ticker(id="bar")

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        from sdtui.tui.widgets.clock import clock

        elapsed = datetime.now() - self.started + timedelta(minutes=12)
        line = Text()
        line.append_text(clock("Item", elapsed, timedelta(minutes=25)))
        line.append("   ")
        line.append_text(clock("Meeting", elapsed + timedelta(minutes=40), timedelta(minutes=120), minutes=True))
        self.query_one("#bar").update(line)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind in ("textarea", "editor"):
        EditorApp(kind, int(sys.argv[2])).run()
    elif kind in ("input", "line"):
        FieldApp(kind).run()
    elif kind == "rows":
        RowsApp(int(sys.argv[2])).run()
    elif kind in ("clock", "ticker"):
        ClockApp(kind).run()
    else:
        sys.exit(f"unknown app {kind!r}")
