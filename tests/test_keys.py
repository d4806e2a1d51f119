"""The key map: ids unique, nothing only on keys that terminals or SSH swallow."""

from __future__ import annotations

from sdtui.tui.keys import KEYS, Key

SWALLOWED = {"ctrl+s", "ctrl+z", "f11", "f12"}
"""Flow control, suspend, and keys terminals keep for themselves (full screen, dev tools)."""


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
            others = [k for s in KEYS.values() for k in s if k.action.removeprefix("app.") ==
                      key.action.removeprefix("app.") and any(plain(n) for n in k.keys.split(","))]
            assert others, f"{key.id} ({key.keys}) has no plain key and no palette entry"
