"""Text helpers shared by the model-level modules and the screens; no Textual here."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching: `Zoë` and `zoe` fold alike."""
    if text.isascii():  # most titles and names: the same result, twenty times faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def cell_width(char: str) -> int:
    """Terminal cells one character takes: 2 for wide ones (CJK, most emoji), 0 for marks and joiners."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """Terminal cells `text` takes on one line."""
    return len(text) if text.isascii() else sum(cell_width(char) for char in text)


def one_line(text: str, limit: int) -> str:
    """The text on one line in at most `limit` cells, cut with "…": for a table cell or a list."""
    flat = " ".join(str(text).split())
    if cells(flat) <= limit:
        return flat
    kept, used = [], 0
    for char in flat:
        width = cell_width(char)
        if used + width > limit - 1:
            break
        kept.append(char)
        used += width
    return "".join(kept).rstrip() + "…"


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index of the character it came from.

    Folding can change the length (`ß` becomes `ss`, `ﬁ` becomes `fi`), so a match found in
    the folded text is mapped back through this list to mark the same words in the original.
    """
    whole = fold(text)
    if len(whole) == len(text):
        # The common case: accents dropped, nothing expanded; the characters line up one for one.
        return whole, list(range(len(text)))
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        part = fold(char)
        folded.append(part)
        origins.extend([index] * len(part))
    return "".join(folded), origins


__all__ = ["cell_width", "cells", "fold", "fold_with_offsets", "one_line"]
