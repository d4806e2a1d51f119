"""Writing a file so that a crash leaves the old one or the new one, readable by its owner only.

Plain OSErrors only: `storage.py` builds the store's files on this and says in the store's
words what went wrong; the minutes export writes through it directly.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

FILE_MODE = 0o600


def write_private(path: Path, text: str, *, mode: int = FILE_MODE, group: int = -1) -> Path:
    """Replace `path` with `text` at once: temp file beside it, fsync, rename, fsync the folder.

    The file gets `mode` (0600: its owner's only) whatever the umask, and the Unix group `group`
    when one is given (publishing for a network's group). Raises OSError; the old file is then
    untouched and no temporary file is left behind.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(3)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            if group >= 0:
                os.fchown(descriptor, -1, group)
            os.fchmod(descriptor, mode)  # after chown: a chown may drop the mode's special bits
            handle.write(text)
            handle.flush()
            os.fsync(descriptor)
        os.replace(temporary, path)
        fsync_dir(path.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_leftovers(path: Path) -> None:
    """Delete temporary files a killed writer of `path` left; call only while holding its lock."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        leftover.unlink(missing_ok=True)
