"""The right to be forgotten (AVG/GDPR): find a person everywhere in a store, then replace them.

`find_person` lists every place a name appears: in every session (as participant, owner,
presenter, position, chair, guest speaker, amendment, arrival, or a mention in typed text), in
the user's own templates and prompts, and in the minutes files exported into the store. Case
and accents do not matter (see mentions.py). Nothing changes until `forget_person` is called
with that plan: then each session is saved with a pseudonym in the name's place (which also
updates the index that Home and the search read), and so are the library files.

The pseudonym is stable: "Participant 7" (in a Dutch meeting "Deelnemer 7"), one number for the
person in every session, the next number no earlier pseudonym in the store uses. Exported
minutes are the user's documents: they are listed and left alone, unless `reexport` asks for
those sdtui wrote (named `<date>-<title>-<id>.md|html|json`) to be written again from the
anonymised session. Sessions are locked before anything is written, so a session open
elsewhere stops the whole change rather than half of it.
"""

from __future__ import annotations

import json
import re
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from .exporting import backup_json, minutes_text, write_minutes
from .i18n import N_, _, current_language, translation
from .library import OwnLibrary
from .mentions import spans
from .model import Language, Place, Session, ValidationError
from .store import Store

PSEUDONYM = N_("Participant {number}")
"""The pseudonym, in each session's own language."""
PSEUDONYMS = re.compile(r"(?<!\w)(?:Participant|Deelnemer) (\d{1,6})(?!\w)")
"""An earlier pseudonym in English or Dutch: numbers are never handed out twice."""
MINUTES_NAME = re.compile(r".*-([2-9a-z]{8})\.(md|html|json)")
"""A minutes or backup file as sdtui names it, ending in the session's id."""


@dataclass
class SessionPlaces:
    """One session the name appears in, and where."""

    session: Session
    places: list[Place]


@dataclass
class ForgetPlan:
    """Everything `forget_person` would change for one name, to show before it does."""

    name: str
    sessions: list[SessionPlaces] = field(default_factory=list)
    library: list[tuple[str, str]] = field(default_factory=list)
    """(file, what) for each own template or prompt that holds the name."""
    minutes: list[Path] = field(default_factory=list)
    """Exported files in the store's minutes folder that hold the name."""
    number: int = 1
    """The number of the pseudonym."""

    @property
    def places(self) -> int:
        return sum(len(found.places) for found in self.sessions) + len(self.library) + len(self.minutes)

    def pseudonym(self, language: Language | str | None = None) -> str:
        """The pseudonym in a language (the UI's when none is given)."""
        lang = Language(language) if language else Language(current_language())
        return translation(lang.value).gettext(PSEUDONYM).format(number=self.number)


@dataclass
class ForgetResult:
    sessions: list[str] = field(default_factory=list)
    """Ids of the sessions changed."""
    library: int = 0
    rewritten: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)
    """Exported files that still hold the name: not asked to write again, or not written by sdtui."""


def next_pseudonym_number(texts: list[str]) -> int:
    """One more than the highest pseudonym number in `texts`."""
    numbers = [int(match) for text in texts for match in PSEUDONYMS.findall(text)]
    return max(numbers, default=0) + 1


def find_person(store: Store, name: str) -> ForgetPlan:
    """Every place `name` appears in the store; ValidationError when it appears nowhere, or when a
    session cannot be read (the name might be in it, and a partial erasure is no erasure)."""
    if not " ".join(name.split()):
        raise ValidationError(_("Give the name of the person to forget."), "name")
    sessions, problems = store.load_all()
    if problems:
        raise ValidationError(
            _(
                "{count} sessions cannot be read, and the name may be in them; repair or move them first: {problems}"
            ).format(count=len(problems), problems="; ".join(problems))
        )
    plan = ForgetPlan(name)
    texts = []
    for session in sessions:
        texts.append(json.dumps(session.to_dict(), ensure_ascii=False))
        places = session.places_of(name)
        if places:
            plan.sessions.append(SessionPlaces(session, places))
    library = OwnLibrary(store.root)
    plan.library = library.places_of(name)
    texts.extend(library.texts())
    plan.minutes = [path for path in minutes_files(store) if spans(_read(path), name)]
    plan.number = next_pseudonym_number(texts)
    if not plan.places:
        raise ValidationError(
            _("{name!r} appears nowhere in this store; nothing was changed.").format(name=name), "name"
        )
    return plan


def minutes_files(store: Store) -> list[Path]:
    """The files in the store's minutes folder, sorted by name."""
    try:
        return sorted(path for path in store.minutes_dir.iterdir() if path.is_file())
    except OSError:
        return []


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def forget_person(
    store: Store, plan: ForgetPlan, *, reexport: bool = False, held: frozenset[str] = frozenset()
) -> ForgetResult:
    """Replace the person of `plan` everywhere it found them; see the module docstring.

    `held` names sessions whose lock the caller holds and keeps (the app's open session): they
    are changed and saved like the others, and stay locked afterwards.
    """
    result = ForgetResult()
    with ExitStack() as locks:
        for found in plan.sessions:
            lock = store.acquire(found.session.id)
            if found.session.id not in held:
                locks.enter_context(lock)
        before = {found.session.id: Session.from_dict(found.session.to_dict()) for found in plan.sessions}
        for found in plan.sessions:
            found.session.forget(plan.name, plan.pseudonym(found.session.language))
            store.save(found.session)
            result.sessions.append(found.session.id)
    if plan.library:
        result.library = OwnLibrary(store.root).forget(plan.name, plan.pseudonym())
    changed = {found.session.id: found.session for found in plan.sessions}
    for path in plan.minutes:
        match = MINUTES_NAME.fullmatch(path.name)
        session = changed.get(match.group(1)) if match else None
        if reexport and session is not None:
            write_again(path, before[session.id], session)
            result.rewritten.append(path)
        else:
            result.left.append(path)
    return result


def write_again(path: Path, before: Session, after: Session) -> Path:
    """Write an exported file again from `after`, in the language and format it was written in."""
    if path.suffix == ".json":
        return write_minutes(path, backup_json(after))
    html = path.suffix == ".html"
    old = _read(path)
    language = next(
        (
            lang.value
            for lang in (before.language, *Language)
            if minutes_text(before, language=lang.value, html=html) == old
        ),
        before.language.value,
    )
    return write_minutes(path, minutes_text(after, language=language, html=html))


__all__ = [
    "PSEUDONYM",
    "ForgetPlan",
    "ForgetResult",
    "SessionPlaces",
    "find_person",
    "forget_person",
    "minutes_files",
    "next_pseudonym_number",
    "write_again",
]
