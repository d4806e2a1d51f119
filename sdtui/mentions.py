"""Finding a person's name in stored text, and putting a pseudonym in its place.

Plain functions over the stored form of a session or a library entry (nested dicts, lists and
strings), for the right to be forgotten (`Session.forget`, forget.py). A name matches ignoring
case and accents (`zoe janssen` finds `Zoë Janssen`) and any white space between its words, but
only as whole words: forgetting `Ann` leaves `Annual report` alone. Ids and links are never
touched: they are random and say nothing about anyone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .parts import PlaceKind
from .text import fold, fold_with_offsets

SKIPPED_KEYS = frozenset(
    {
        "id",
        "follows",
        "carried_from",
        "present",
        "prompt_id",
        "item_id",
        "owner_id",
        "participant_id",
        "language",
        "status",
        "kind",
        "role",
        "attendance",
        "mode",
        "movement",
        "decision",
        "positions",
        "counts",
    }
)
"""Keys whose values are ids, links or stored words, never text a person typed."""

KINDS: dict[str, PlaceKind] = {
    "presenter": PlaceKind.PRESENTER,
    "chair": PlaceKind.CHAIR,
    "guest_speakers": PlaceKind.GUEST_SPEAKER,
    "by": PlaceKind.AMENDMENT,
}
"""Fields that name a person by what they hold; every other field holding the name is a mention."""


def name_pattern(name: str) -> re.Pattern[str] | None:
    """A pattern over folded text for `name` as whole words; None for a name with no letters or digits."""
    words = fold(name).split()
    if not words or not any(ch.isalnum() for ch in "".join(words)):
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")


def spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` occurs in `text`, as (start, end) in the original text, accents and all."""
    pattern = name_pattern(name)
    if pattern is None or not text:
        return []
    folded, origins = fold_with_offsets(text)
    found = []
    for match in pattern.finditer(folded):
        start, end = origins[match.start()], origins[match.end() - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # a decomposed accent belongs to the letter before it
        found.append((start, end))
    return found


def replace_name(text: str, name: str, replacement: str) -> str:
    """`text` with every occurrence of `name` replaced by `replacement`."""
    for start, end in reversed(spans(text, name)):
        text = text[:start] + replacement + text[end:]
    return text


def replace_in_strings(data: Any, name: str, replacement: str) -> Any:
    """A copy of stored data with `name` replaced in every text a person typed (see SKIPPED_KEYS)."""
    if isinstance(data, str):
        return replace_name(data, name, replacement)
    if isinstance(data, list):
        return [replace_in_strings(value, name, replacement) for value in data]
    if isinstance(data, dict):
        return {
            key: value if key in SKIPPED_KEYS else replace_in_strings(value, name, replacement)
            for key, value in data.items()
        }
    return data


def find_mentions(data: Any, name: str) -> list[tuple[PlaceKind, str, str]]:
    """Each text in stored data that holds `name`: the kind of place, what it is about, and the text."""
    return list(_walk(data, name, "", ""))


def _walk(data: Any, name: str, key: str, about: str) -> Iterator[tuple[PlaceKind, str, str]]:
    if isinstance(data, str):
        if spans(data, name):
            yield KINDS.get(key, PlaceKind.MENTION), about, data
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value, name, key, about)
    elif isinstance(data, dict):
        label = next((data[field] for field in ("title", "topic", "name") if isinstance(data.get(field), str)), about)
        for field, value in data.items():
            if field in SKIPPED_KEYS:
                continue
            if field == "name" and "organisation" in data:
                if spans(value, name):
                    yield PlaceKind.PARTICIPANT, value, value
                continue
            yield from _walk(value, name, field, label)


__all__ = ["KINDS", "SKIPPED_KEYS", "find_mentions", "name_pattern", "replace_in_strings", "replace_name", "spans"]
