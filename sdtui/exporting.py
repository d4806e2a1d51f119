"""Writing minutes to disk: where they go, under which name, and how safely.

Shared by the CLI and the app, so both name and write files the same way.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .files import write_private
from .model import Session


def minutes_filename(session: Session, suffix: str = ".md") -> str:
    """A file name from date, title and id; only [a-z0-9-], so no title can leave the folder."""
    when = session.date.isoformat() if session.date else "undated"
    return f"{when}-{slug(session.title)}-{session.id}{suffix}"


def slug(text: str, limit: int = 48) -> str:
    """Lower-case ASCII words joined by dashes: `Ëvaluatie ../juni` becomes `evaluatie-juni`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-") or "session"


def write_minutes(path: Path, text: str) -> Path:
    """Write minutes to a file of the user's choosing (or the minutes folder), owner-only and atomically."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise IsADirectoryError(21, "Is a folder; give a file name for the minutes", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_private(path, text)


def export_minutes(session: Session, folder: Path, target: Path | None = None) -> Path:
    """Render the minutes and write them to `target`, or into `folder` under a safe name."""
    from .minutes import render_minutes

    return write_minutes(target or Path(folder) / minutes_filename(session), render_minutes(session))
