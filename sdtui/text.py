"""Text helpers shared by the model, the CLI and the screens (no Textual here)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching: `Zoë` and `zoe` fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))



__all__ = ["fold"]
