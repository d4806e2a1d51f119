"""The key map: ids unique, nothing only on keys that terminals or SSH swallow."""

from __future__ import annotations

import pytest

from sdtui.tui.keys import KEYS, Key, bindings, keys_for

SWALLOWED = {"ctrl+s", "f11", "f12"}
"""Flow control, and keys terminals keep for themselves (full screen, dev tools)."""
SOMETIMES = {"ctrl+z", "ctrl+y"}
"""Suspend and delayed suspend: a raw terminal (as sdtui runs it) passes them on, but a shell or a
multiplexer in between may not. Undo and redo use them, as everywhere; the palette offers both too."""


def plain(key: str) -> bool:
    """A key every terminal passes on: a letter, a sign, Enter, Escape, Space, Delete, arrows."""
    return not (key.startswith(("ctrl+", "alt+", "meta+", "super+")) or (key[0] == "f" and key[1:].isdigit()))


def all_keys() -> list[Key]:
    return [key for scope in KEYS.values() for key in scope]


def test_every_binding_has_its_own_id() -> None:
    ids = [key.id for key in all_keys()]
    assert len(ids) == len(set(ids))


def test_no_binding_uses_keys_that_terminals_swallow() -> None:
    for key in all_keys():
        names = key.keys.split(",")
        assert not SWALLOWED & set(names), key.id
        assert not SOMETIMES & set(names) or key.palette, key.id
        assert not any(name.startswith("alt+") for name in names), key.id
        assert all(not (n[0] == "f" and n[1:].isdigit()) or int(n[1:]) <= 10 for n in names), key.id


def test_every_action_on_a_ctrl_or_function_key_has_a_plain_way_too() -> None:
    """A plain key for the same action in its scope, or the command palette (Ctrl+P, or F1 then reading)."""
    for scope, keys in KEYS.items():
        if scope == "form":
            continue  # a form submits with Enter in any one-line field; Ctrl+O is for text areas
        for key in keys:
            names = key.keys.split(",")
            if any(plain(name) for name in names) or key.palette:
                continue
            others = [
                k
                for s in KEYS.values()
                for k in s
                if k.action.removeprefix("app.") == key.action.removeprefix("app.")
                and any(plain(n) for n in k.keys.split(","))
            ]
            assert others, f"{key.id} ({key.keys}) has no plain key and no palette entry"


def keyed_screens() -> list[type]:
    """Every screen class of both apps."""
    import sdtui.tui.reader  # noqa: F401 - defines the reader's screens
    import sdtui.tui.screens.actions  # noqa: F401, E401
    import sdtui.tui.screens.attendance
    import sdtui.tui.screens.close
    import sdtui.tui.screens.help  # noqa: F401, E401
    import sdtui.tui.screens.home
    import sdtui.tui.screens.library
    import sdtui.tui.screens.prepare  # noqa: F401, E401
    from sdtui.tui.keyed import KeyedScreen

    found, todo = [], [KeyedScreen]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def bound_ids(screen: type) -> set[str]:
    """The ids of the keys a screen class binds, its bases' included (as Textual merges them)."""
    return {binding.id for cls in screen.__mro__ for binding in cls.__dict__.get("BINDINGS", ()) if binding.id}


def test_every_screen_binds_exactly_the_keys_of_its_scopes() -> None:
    screens = {cls.__name__: cls for cls in keyed_screens()}
    assert {
        "HomeScreen",
        "PrepareScreen",
        "RunScreen",
        "CloseScreen",
        "FormScreen",
        "ConfirmScreen",
        "HelpScreen",
        "TemplatePicker",
        "PromptPicker",
        "MinutesList",
        "Document",
    } <= set(screens)
    for cls in screens.values():
        assert bound_ids(cls) == {key.id for key in keys_for(*cls.key_scopes)}, cls.__name__
    # The session's keys come with every session screen, after its own; the app's stay on the app.
    for name, own in (("PrepareScreen", "prepare"), ("RunScreen", "run"), ("CloseScreen", "close")):
        assert screens[name].key_scopes[0] == own and "session" in screens[name].key_scopes
    assert not any("app" in cls.key_scopes for cls in screens.values())


def test_a_screen_declares_its_scopes_and_never_its_bindings_too() -> None:
    from sdtui.tui.keyed import KeyedScreen

    with pytest.raises(TypeError, match="KEY_SCOPES"):

        class Twice(KeyedScreen[None]):  # noqa: F841 - defining it is the test
            KEY_SCOPES = ("home",)
            BINDINGS = bindings("home")
