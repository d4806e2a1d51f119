"""`sdtui approve`, `forget` and `retention` as a user runs them: a real process, its output,
its exit status, and what is in the store afterwards."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sdtui.exporting import export_minutes
from sdtui.minutes import render_minutes
from sdtui.model import RecordStatus, Session
from sdtui.store import Store

from .support.cli import assert_one_line_error, sdtui
from .support.markdown import headings, parse


def closed_meeting(title: str = "June meeting", day: date = date(2026, 6, 18)) -> Session:
    session = Session(title, network="Wmo", date=day, language="en")
    session.add_participant("Zoë Hendriks", "Huizen")
    session.add_participant("Bram de Wit", "Amersfoort")
    session.add_decision("Housing first becomes the rule")
    session.start(datetime.combine(day, datetime.min.time()))
    session.close(datetime.combine(day, datetime.min.time()) + timedelta(hours=2))
    return session


def files_of(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file() and path.suffix != ".lock"}


def test_approve_records_amendments_and_list_shows_approved(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        session = store.add(closed_meeting())
    result = sdtui(
        "approve",
        session.id[:4],
        "--amend",
        "Decision 1: for everyone",
        "--by",
        "Zoë Hendriks",
        "--amend",
        "Add the figures",
        "--on",
        "2026-09-10",
        store=root,
    )
    assert result.returncode == 0, result.stderr
    assert "with 2 amendments" in result.stdout
    with Store(root) as store:
        approved = store.load(session.id)
    assert approved.record_status is RecordStatus.APPROVED and approved.approved_on == date(2026, 9, 10)
    assert [(a.text, a.by) for a in approved.amendments] == [
        ("Decision 1: for everyone", "Zoë Hendriks"),
        ("Add the figures", ""),
    ]
    assert "Amendments" in headings(parse(render_minutes(approved)), "h2")
    listed = sdtui("list", store=root)
    assert f"{session.id}  2026-06-18  approved" in listed.stdout
    exported = sdtui("export", session.id, "-o", "-", "--lang", "nl", store=root)
    assert "Wijzigingen" in headings(parse(exported.stdout), "h2")


def test_approve_refuses_an_unknown_session_a_draft_and_a_stray_by(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        draft = store.add(Session("Not yet held", date="2026-09-10"))
    before = files_of(root)
    assert "No session with id" in assert_one_line_error(sdtui("approve", "zzzzzzzz", "--amend", "x", store=root))
    assert "not been closed" in assert_one_line_error(sdtui("approve", draft.id, "--amend", "x", store=root))
    stray = sdtui("approve", draft.id, "--by", "Bram", store=root)
    assert stray.returncode == 2 and "--by names who asked" in stray.stderr
    assert files_of(root) == before


def test_forget_lists_first_then_replaces_everywhere_with_yes(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        first = closed_meeting()
        item = first.add_item("Housing", presenter="Zoë Hendriks")
        first.add_note(item.id, "zoe hendriks explained the pilot")
        second = closed_meeting("September meeting", date(2026, 9, 10))
        store.add_many([first, second])
        export_minutes(first, store.minutes_dir)
    before = files_of(root)
    listing = sdtui("forget", "ZOE HENDRIKS", store=root)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert any(line.startswith(f"{first.id}  2026-06-18  participant: Zoë Hendriks") for line in lines)
    assert any("presenter: Housing" in line for line in lines)
    assert any("mention: Housing  — zoe hendriks explained the pilot" in line for line in lines)
    assert any(second.id in line for line in lines)
    assert "Nothing changed" in listing.stderr and "'Participant 1'" in listing.stderr
    assert files_of(root) == before

    done = sdtui("forget", "ZOE HENDRIKS", "--yes", "--reexport", store=root)
    assert done.returncode == 0, done.stderr
    assert "in 2 sessions" in done.stdout and "wrote 1 exported files again" in done.stdout
    for path, data in files_of(root).items():
        assert "zoë hendriks".encode() not in data.lower() and b"zoe hendriks" not in data.lower(), path
    assert "Participant 1" in sdtui("export", first.id, "-o", "-", store=root).stdout


def test_forget_an_unknown_name_fails_and_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        store.add(closed_meeting())
    before = files_of(root)
    message = assert_one_line_error(sdtui("forget", "Nobody Here", "--yes", store=root))
    assert "appears nowhere" in message
    assert files_of(root) == before


def test_forget_in_dutch(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        store.add(closed_meeting())
    result = sdtui("--lang", "nl", "forget", "Bram de Wit", store=root)
    assert "deelnemer: Bram de Wit" in result.stdout and "'Deelnemer 1'" in result.stderr


def test_retention_lists_and_removes_or_anonymises_with_yes(tmp_path: Path) -> None:
    root = tmp_path / "store"
    today = date.today()
    with Store(root) as store:
        old = store.add(closed_meeting("Old meeting", today - timedelta(days=800)))
        older = store.add(closed_meeting("Older meeting", today - timedelta(days=900)))
        new = store.add(closed_meeting("New meeting", today - timedelta(days=10)))
        export_minutes(older, store.minutes_dir)
    before = files_of(root)
    listing = sdtui("retention", "--older-than", "2y", store=root)
    assert [line.split()[0] for line in listing.stdout.splitlines()] == [older.id, old.id]
    assert "Nothing changed" in listing.stderr and files_of(root) == before
    assert "--remove or --anonymise" in assert_one_line_error(
        sdtui("retention", "--older-than", "2y", "--yes", store=root)
    )
    assert "not a period" in assert_one_line_error(sdtui("retention", "--older-than", "two years", store=root))
    assert files_of(root) == before

    anonymised = sdtui("retention", "--older-than", "2y", "--yes", "--anonymise", store=root)
    assert "Anonymised 2 sessions and wrote 1 exported files again" in anonymised.stdout, anonymised.stderr
    with Store(root) as store:
        assert [p.name for p in store.load(old.id).participants] == ["Participant 1", "Participant 2"]
        assert [p.name for p in store.load(new.id).participants] == ["Zoë Hendriks", "Bram de Wit"]
    removed = sdtui("retention", "--older-than", "2y", "--yes", "--remove", store=root)
    assert "Removed 2 sessions and 1 exported files" in removed.stdout
    with Store(root) as store:
        assert store.ids() == [new.id]
        assert not list(store.minutes_dir.iterdir())
