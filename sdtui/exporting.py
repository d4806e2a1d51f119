"""Writing minutes and backups to disk: where they go, under which name, and how safely.

Shared by the CLI and the app, so both name and write files the same way. A backup is the
whole session as JSON, marked as sdtui's, that `read_backup` turns back into a session.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from .files import write_private
from .i18n import _
from .model import Session, ValidationError


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


def export_minutes(
    session: Session, folder: Path, target: Path | None = None, *, language: str | None = None, html: bool = False
) -> Path:
    """Render the minutes (Markdown, or an HTML page) and write them to `target`, or into `folder`."""
    text = minutes_text(session, language=language, html=html)
    return write_minutes(target or Path(folder) / minutes_filename(session, ".html" if html else ".md"), text)


def minutes_text(session: Session, *, language: str | None = None, html: bool = False) -> str:
    from .minutes import render_minutes, render_minutes_html

    return (render_minutes_html if html else render_minutes)(session, language=language)


BACKUP_KIND = "sdtui-session"
BACKUP_SCHEMA = 1


def backup_json(session: Session) -> str:
    """The whole session as JSON, for a backup or to move it to another store."""
    return (
        json.dumps(
            {"kind": BACKUP_KIND, "schema": BACKUP_SCHEMA, "session": session.to_dict()}, ensure_ascii=False, indent=1
        )
        + "\n"
    )


def export_backup(session: Session, folder: Path, target: Path | None = None) -> Path:
    """Write the backup to `target`, or into `folder` beside the minutes."""
    return write_minutes(target or Path(folder) / minutes_filename(session, ".json"), backup_json(session))


def read_backup(text: str) -> Session:
    """A session from a backup; ValidationError in plain words when the text is not one."""
    try:
        data = json.loads(text)
    except ValueError:
        raise ValidationError(_("This is not a JSON file.")) from None
    if not isinstance(data, dict) or data.get("kind") != BACKUP_KIND:
        raise ValidationError(_("This JSON is not an sdtui session backup."))
    schema = data.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise ValidationError(_("This backup has no valid schema version."))
    if schema > BACKUP_SCHEMA:
        raise ValidationError(
            _("This backup was written by a newer sdtui (schema {schema}); upgrade sdtui.").format(schema=schema)
        )
    try:
        return Session.from_dict(data["session"])
    except ValidationError as error:
        raise ValidationError(
            _("The session in this backup is not valid: {reason}").format(reason=error.message)
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValidationError(
            _("The session in this backup is not valid ({reason}).").format(reason=type(error).__name__)
        ) from None
