"""Find every user-facing string in sdtui's source, for the catalog tests.

Run `python tests/catalog.py` to print, as `.po` entries, the strings `sdtui/locale/nl.po`
lacks; fill in their `msgstr` and paste them in.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sdtui"
sys.path.insert(0, str(ROOT))

# Where a string is shown without `_()` at the call: the position of the label argument.
LABEL_ARGUMENTS = {"clean_line": 1, "clean_text": 1, "parse_enum": 2, "parse_date": 1, "parse_time": 1}
TABLES = {("minutes.py", "LABELS"): "minutes", ("minutes.py", "MONTHS"): "month"}
"""Module-level tables of English words and the catalog context they are looked up under."""
DEFAULT_LABELS = ("Date", "Time")
"""Labels `parse_date` and `parse_time` use when the caller names none."""

# Calls whose text reaches a user: a bare literal there bypasses the catalog.
SHOWN = {
    "notify": 0,
    "Field": 1,
    "FormScreen": 0,
    "ConfirmScreen": 0,
    "add_column": 0,
    "TabPane": 0,
    "ValidationError": 0,
    "NotFound": 0,
    "CliError": 0,
    "StoreError": 0,
    "StoreCorrupt": 0,
    "StoreForeign": 0,
    "StoreTooNew": 0,
    "StoreReadOnly": 0,
    "StoreFull": 0,
    "StoreBusy": 0,
    "UnknownSession": 0,
    "AmbiguousId": 0,
    "SessionLocked": 0,
    "print": 0,
    "Static": 0,
    "Label": 0,
    "append": 0,
    "Text": 0,
    "plain": 0,
    "fail": 0,
}
NOT_WORDS = {"#", "keys", "what", "field", "value", "note", "sdtui: ", "Tab / Shift+Tab", "Ctrl+P"}
"""Column names of tables that show no header, the program's name, and keys as keyboards print them."""
WORD = re.compile(r"[A-Za-z]{2,}")


class Message(NamedTuple):
    context: str
    msgid: str
    where: str


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls(path: Path) -> Iterator[ast.Call]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call):
            yield node


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def messages() -> list[Message]:
    """Every msgid the code asks the catalog for, with where it is."""
    found: list[Message] = []
    for path in sources():
        for call in _calls(path):
            name = _name(call.func)
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            wanted: list[ast.expr | None] = []
            if name in {"_", "N_"} and call.args:
                wanted.append(call.args[0])
            elif name == "Key":
                wanted.extend(call.args[3:5])
                wanted.extend(k.value for k in call.keywords if k.arg == "palette")
            elif name in LABEL_ARGUMENTS:
                index = LABEL_ARGUMENTS[name]
                wanted.append(call.args[index] if len(call.args) > index else None)
                wanted.extend(k.value for k in call.keywords if k.arg == "what")
            for node in wanted:
                text = _text(node)
                if text:
                    found.append(Message("", text, where))
    found.extend(Message("", label, "sdtui/model.py (default label)") for label in DEFAULT_LABELS)
    found.extend(_tables())
    return found


def _tables() -> Iterator[Message]:
    for path in sources():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = (
                node.target
                if isinstance(node, ast.AnnAssign)
                else (node.targets[0] if isinstance(node, ast.Assign) else None)
            )
            context = TABLES.get((path.name, getattr(target, "id", "")))
            if context is None or node.value is None:
                continue
            values = node.value.values if isinstance(node.value, ast.Dict) else getattr(node.value, "elts", [])
            for value in values:
                if _text(value):
                    yield Message(context, _text(value), f"{path.relative_to(ROOT)}:{value.lineno}")


def words() -> list[Message]:
    """Stored values shown as words: every member of the model's enums, by enum name."""
    from sdtui import model

    return [
        Message(kind.__name__, member.value, "sdtui/model.py")
        for kind in vars(model).values()
        if isinstance(kind, type)
        and issubclass(kind, StrEnum)
        and kind is not StrEnum
        and kind.__module__ in (model.__name__, "sdtui.parts")
        and kind.__name__ != "Language"
        for member in kind
    ]


def bypasses() -> list[str]:
    """Literal text handed straight to something that shows it: each one skips the catalog."""
    found = []
    for path in sources():
        for call in _calls(path):
            index = SHOWN.get(_name(call.func))
            if index is None or len(call.args) <= index:
                continue
            node = call.args[index]
            if isinstance(node, ast.JoinedStr):
                literal = "".join(_text(part) or "" for part in node.values)
            else:
                literal = _text(node) or ""
            if WORD.search(literal) and literal not in NOT_WORDS:
                found.append(f"{path.relative_to(ROOT)}:{call.lineno}: {literal!r}")
    return found


def placeholders(text: str) -> list[str]:
    """The `str.format` fields of a message, in order of appearance, sorted for comparison."""
    return sorted(re.findall(r"\{[^{}]*\}", text))


def po_entry(message: Message) -> str:
    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    context = f"msgctxt {quote(message.context)}\n" if message.context else ""
    return f'#: {message.where}\n{context}msgid {quote(message.msgid)}\nmsgstr ""\n'


if __name__ == "__main__":
    from sdtui.i18n import LOCALE_DIR, read_po

    language = sys.argv[1] if len(sys.argv) > 1 else "nl"
    have = read_po(LOCALE_DIR / f"{language}.po")
    wanted = words() if language == "en" else [*messages(), *words()]
    seen = set()
    for message in wanted:
        key = (message.context, message.msgid)
        if key not in have and key not in seen:
            seen.add(key)
            print(po_entry(message))
