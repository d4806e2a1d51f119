"""Publishing a running meeting: what followers may see, and how the files are written."""

from __future__ import annotations

import grp
import json
import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from sdtui.model import Session
from sdtui.publish import (
    DIR_MODE,
    FILE_MODE,
    LivePublishing,
    Publisher,
    PublishError,
    build_snapshot,
    publish_folder,
)

from .support.live import SECRET, STARTED, running_meeting

NOW = STARTED + timedelta(minutes=25)


def read_live(folder: Path, session_id: str) -> dict:
    return json.loads((folder / "live" / f"{session_id}.json").read_text(encoding="utf-8"))


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_snapshot_shows_the_current_item_agenda_and_clocks() -> None:
    session = running_meeting()
    data = Publisher(Path("unused")).snapshot(session, share_notes=False, now=NOW)
    assert data["current"] == 2
    assert data["agenda"][2]["title"] == "Housing first" and data["agenda"][2]["presenter"] == "Ruud Verhoeven"
    assert [item["place"] for item in data["agenda"]] == [
        "done",
        "planned",
        "current",
        "next",
        "planned",
        "planned",
        "planned",
        "planned",
    ]
    assert data["meeting"]["started"] == STARTED.timestamp()
    assert data["agenda"][2]["started"] == (STARTED + timedelta(minutes=20)).timestamp()
    assert data["meeting"]["planned_end"] == "16:30" and data["meeting"]["planned_minutes"] == 120
    assert data["agenda"][2]["timebox"] == 15


def test_confidential_notes_are_never_published_and_other_notes_only_when_shared(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session, share_notes=False, now=NOW)
    text = (tmp_path / "live" / f"{session.id}.json").read_text(encoding="utf-8")
    assert SECRET not in text and "Tilburg deelt de aanpak" not in text
    publisher.publish(session, share_notes=True, now=NOW)
    text = (tmp_path / "live" / f"{session.id}.json").read_text(encoding="utf-8")
    assert SECRET not in text
    assert json.loads(text)["notes"] == ["Tilburg deelt de aanpak"]


def test_positions_per_person_only_when_names_are_not_hidden() -> None:
    session = running_meeting()
    shown = build_snapshot(session)["board"][0]
    assert {"name": "Ruud Verhoeven", "position": "renovate"} in shown["positions"]
    hidden = build_snapshot(session, hide_names=True)["board"][0]
    assert hidden["positions"] is None
    assert hidden["tally"] == {"restore": 1, "renovate": 1, "undecided": 1}
    assert "Ruud Verhoeven" not in json.dumps(hidden)
    by_round = build_snapshot(session, hide_names=lambda round_: round_.topic.startswith("Opvang"))["board"][0]
    assert by_round["positions"] is None


def test_actions_and_decisions_carry_owner_name_due_and_status() -> None:
    session = running_meeting()
    session.add_decision("Housing first wordt het uitgangspunt")
    session.add_action("Notitie schrijven", "Ruud", "2026-07-16")
    data = build_snapshot(session)
    assert data["decisions"][0]["text"] == "Housing first wordt het uitgangspunt"
    assert data["actions"] == [
        {
            "id": session.actions[0].id,
            "text": "Notitie schrijven",
            "owner": "Ruud Verhoeven",
            "due": "2026-07-16",
            "status": "open",
            "carried": False,
        }
    ]


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077, 0o777])
def test_files_are_0640_and_folders_2750_whatever_the_umask(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        publisher = Publisher(tmp_path / "publish")
        session = running_meeting()
        publisher.publish(session, now=NOW)
        publisher.publish_minutes(session.id, "# Notulen\n", "<h1>Notulen</h1>\n")
    finally:
        os.umask(old)
    folders = [tmp_path / "publish", tmp_path / "publish" / "live", tmp_path / "publish" / "minutes"]
    for folder in folders:
        assert stat.S_IMODE(os.stat(folder).st_mode) == DIR_MODE == 0o2750, folder
    files = [path for folder in folders[1:] for path in folder.iterdir()]
    assert len(files) == 4
    for path in files:
        assert stat.S_IMODE(os.stat(path).st_mode) == FILE_MODE == 0o640, path


def test_group_is_set_on_files_and_folders(tmp_path: Path, umask: None) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    session = running_meeting()
    Publisher(tmp_path / "publish", group=group).publish(session, now=NOW)
    for path in (tmp_path / "publish", tmp_path / "publish" / "live", tmp_path / "publish" / "live" / "current.json"):
        assert os.stat(path).st_gid == os.getgid()


def test_a_missing_group_is_a_clear_error() -> None:
    with pytest.raises(PublishError, match="no group called 'sdtui-no-such-group'"):
        Publisher(Path("unused"), group="sdtui-no-such-group")


def test_writes_are_atomic_and_leave_no_temporary_files(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session, now=NOW)
    live = tmp_path / "live" / f"{session.id}.json"
    first = os.stat(live).st_ino
    session.add_decision("Besluit")
    assert publisher.publish(session, now=NOW)
    assert os.stat(live).st_ino != first  # a new file renamed over the old one, never rewritten in place
    assert sorted(path.name for path in (tmp_path / "live").iterdir()) == sorted([live.name, "current.json"])
    pointer = json.loads((tmp_path / "live" / "current.json").read_text(encoding="utf-8"))
    assert pointer["session"] == session.id and pointer["state"] == "live"


def test_an_unchanged_meeting_is_not_written_again(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    assert publisher.publish(session, now=NOW)
    live = tmp_path / "live" / f"{session.id}.json"
    before = os.stat(live)
    session.agenda[2].notes[0].text += " (en meer geheims)"  # confidential: followers see no change
    assert not publisher.publish(session, now=NOW + timedelta(seconds=3))
    after = os.stat(live)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_heartbeat_touches_without_changing_the_snapshot(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session, now=NOW)
    live = tmp_path / "live" / f"{session.id}.json"
    os.utime(live, (1_000_000, 1_000_000))
    text = live.read_text(encoding="utf-8")
    publisher.heartbeat()
    assert os.stat(live).st_mtime > 1_000_000
    assert live.read_text(encoding="utf-8") == text


def test_close_pause_and_minutes(tmp_path: Path) -> None:
    session = running_meeting()
    publisher = Publisher(tmp_path)
    publisher.publish(session, now=NOW)
    publisher.pause(session, now=NOW)
    paused = read_live(tmp_path, session.id)
    assert paused["state"] == "paused" and "agenda" not in paused and "board" not in paused
    session.close(NOW + timedelta(minutes=90))
    publisher.close(session, now=NOW)
    assert read_live(tmp_path, session.id)["state"] == "closed"
    markdown, html = publisher.publish_session_minutes(session)
    assert markdown.parent == tmp_path / "minutes" and markdown.suffix == ".md" and html.suffix == ".html"
    assert session.id in markdown.name and "Netwerkbijeenkomst juni" in markdown.read_text(encoding="utf-8")
    assert SECRET not in markdown.read_text(encoding="utf-8")
    assert read_live(tmp_path, session.id)["minutes"] == markdown.name


def test_publishing_into_an_unwritable_place_is_a_publish_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the publish folder should be")
    with pytest.raises(PublishError, match="Cannot publish to"):
        Publisher(blocker).publish(running_meeting(), now=NOW)


def test_live_publishing_hooks_never_raise_and_say_a_failure_once(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    live = LivePublishing(blocker, clock=lambda: NOW)
    session = running_meeting()
    first = live.on_save(session)
    assert first and "Cannot publish" in first
    assert live.on_save(session) is None  # the same failure is not shown on every key
    assert not live.live
    assert live.on_heartbeat() is None
    exported = live.on_export(session)  # another failure (the minutes folder): said, not raised
    assert exported and "Cannot publish" in exported


def test_live_publishing_switch_pauses_and_resumes(tmp_path: Path) -> None:
    live = LivePublishing(tmp_path, clock=lambda: NOW)
    session = running_meeting()
    assert live.on_start(session) is None and live.live and live.marker == "● LIVE"
    assert live.toggle(session) == (False, "Publishing is off: followers see that the meeting is paused.")
    assert read_live(tmp_path, session.id)["state"] == "paused" and not live.live and live.marker == ""
    session.add_decision("Niet zichtbaar zolang gepauzeerd")
    assert live.on_save(session) is None
    assert "Niet zichtbaar" not in json.dumps(read_live(tmp_path, session.id))
    assert live.toggle(session) == (True, "Publishing again: followers see the meeting.")
    assert read_live(tmp_path, session.id)["decisions"][0]["text"] == "Niet zichtbaar zolang gepauzeerd"


def test_a_draft_is_not_published_and_a_closed_meeting_is_published_closed(tmp_path: Path) -> None:
    live = LivePublishing(tmp_path, clock=lambda: NOW)
    session = Session("Concept")
    session.add_item("Opening")
    live.on_save(session)
    assert not (tmp_path / "live").exists()
    session.start(STARTED)
    session.close(NOW)
    live.on_save(session)
    assert read_live(tmp_path, session.id)["state"] == "closed"


def test_publish_folder_comes_from_the_option_else_the_environment() -> None:
    assert publish_folder("/srv/a", {"SDTUI_PUBLISH": "/srv/b"}) == Path("/srv/a")
    assert publish_folder(None, {"SDTUI_PUBLISH": "/srv/b"}) == Path("/srv/b")
    assert publish_folder(None, {}) is None


def test_an_id_that_is_not_a_session_id_names_no_file(tmp_path: Path) -> None:
    with pytest.raises(PublishError):
        Publisher(tmp_path).publish_minutes("../../etc/passwd", "x", "y")
