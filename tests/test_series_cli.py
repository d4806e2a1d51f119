"""`sdtui next` and `sdtui actions` as a shell user runs them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sdtui.model import ActionStatus, Session, SessionStatus
from sdtui.store import Store

from .support.cli import assert_one_line_error, run, sdtui


def meetings(root: Path) -> tuple[Session, Session]:
    """Two networks; one action overdue (a year ago), one due in a year, one done."""
    today = date.today()
    march = Session(title="Maart", network="Wmo-netwerk", date=today - timedelta(days=30))
    zoe = march.add_participant("Zoë de Vries")
    jan = march.add_participant("Jan Bakker")
    march.add_action("Notitie | huisvesting\nmet [bold]opmaak[/]", zoe.id, today - timedelta(days=365))
    march.add_action("Agenda mei", jan.id, today + timedelta(days=365))
    march.add_action("Klaar", jan.id).status = ActionStatus.DONE
    youth = Session(title="Jeugd", network="Jeugdnetwerk", date=today - timedelta(days=10))
    youth.add_participant("ZOE Jansen")
    youth.add_action("Signalen bundelen", youth.participants[0].id)
    with Store(root) as store:
        return tuple(store.add_many([march, youth]))  # type: ignore[return-value]


def test_next_prints_the_new_id_last_and_the_new_meeting_carries_the_open_actions(tmp_path: Path) -> None:
    root = tmp_path / "store"
    march, _youth = meetings(root)
    result = sdtui("next", march.id[:5], store=root)
    assert result.returncode == 0, result.stderr
    new_id = result.stdout.strip().splitlines()[-1]
    with Store(root) as store:
        following = store.load(new_id)
    assert following.id != march.id and following.network == "Wmo-netwerk"
    assert following.status is SessionStatus.DRAFT
    assert sorted(a.text for a in following.actions) == sorted(a.text for a in march.open_actions)
    assert {a.carried_from for a in following.actions} == {march.id}


def test_a_second_next_meeting_is_refused_in_one_line_unless_asked_again(tmp_path: Path) -> None:
    root = tmp_path / "store"
    march, _youth = meetings(root)
    first = sdtui("next", march.id, store=root).stdout.strip().splitlines()[-1]
    line = assert_one_line_error(sdtui("next", march.id, store=root))
    assert first in line and "--again" in line
    with Store(root) as store:
        assert len(store.list()) == 3  # nothing added the second time
    again = sdtui("next", march.id, "--again", store=root)
    assert again.returncode == 0, again.stderr
    with Store(root) as store:
        assert len(store.list()) == 4


def test_next_of_an_unknown_session_is_one_line_and_adds_nothing(tmp_path: Path) -> None:
    root = tmp_path / "store"
    meetings(root)
    line = assert_one_line_error(sdtui("next", "zzzz", store=root))
    assert "zzzz" in line
    with Store(root) as store:
        assert len(store.list()) == 2


def test_actions_lists_one_a_line_starting_with_the_session_id(tmp_path: Path, capsys) -> None:
    root = tmp_path / "store"
    march, youth = meetings(root)
    code, out, err = run(capsys, "--lang", "en", "--store", str(root), "actions")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 4
    # Open first, earliest due date first, no due date last; then the rest.
    assert [line.split()[0] for line in lines] == [march.id, march.id, youth.id, march.id]
    assert "Notitie | huisvesting met [bold]opmaak[/]" in lines[0]  # one line, as typed
    assert "OVERDUE" in lines[0] and not any("OVERDUE" in line for line in lines[1:])
    assert "[Jeugdnetwerk]" in lines[2] and "Klaar" in lines[3]


def test_actions_filters_by_open_owner_network_and_overdue(tmp_path: Path, capsys) -> None:
    root = tmp_path / "store"
    meetings(root)

    def texts(*options: str) -> list[str]:
        code, out, err = run(capsys, "--lang", "en", "--store", str(root), "actions", *options)
        assert code == 0, err
        return [line.split(": ", 1)[1].split("  [")[0] for line in out.splitlines()]

    assert "Klaar" not in texts("--open") and len(texts("--open")) == 3
    assert texts("--owner", "zoe") == ["Notitie | huisvesting met [bold]opmaak[/]", "Signalen bundelen"]
    assert texts("--owner", "ZOË DE") == ["Notitie | huisvesting met [bold]opmaak[/]"]
    assert texts("--network", "jeugd") == ["Signalen bundelen"]
    assert texts("--open", "--network", "WMO") == ["Notitie | huisvesting met [bold]opmaak[/]", "Agenda mei"]
    assert texts("--overdue") == ["Notitie | huisvesting met [bold]opmaak[/]"]
    code, out, err = run(capsys, "--store", str(root), "actions", "--owner", "nobody")
    assert code == 0 and out == "" and err.strip()


def test_actions_in_dutch_mark_overdue_in_dutch(tmp_path: Path, capsys) -> None:
    root = tmp_path / "store"
    meetings(root)
    code, out, _err = run(capsys, "--lang", "nl", "--store", str(root), "actions", "--overdue")
    assert code == 0 and "TE LAAT" in out and "OVERDUE" not in out


def test_a_carried_action_is_listed_once_at_its_latest_meeting(tmp_path: Path, capsys) -> None:
    root = tmp_path / "store"
    march, _youth = meetings(root)
    code, out, _err = run(capsys, "--store", str(root), "next", march.id)
    new_id = out.strip().splitlines()[-1]
    code, out, _err = run(capsys, "--store", str(root), "actions", "--open", "--network", "wmo")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [new_id, new_id]


def test_a_damaged_session_is_named_on_stderr_and_the_rest_still_listed(tmp_path: Path, capsys) -> None:
    root = tmp_path / "store"
    march, youth = meetings(root)
    (root / "s" / f"{youth.id}.json").write_text("{broken", encoding="utf-8")
    code, out, err = run(capsys, "--store", str(root), "actions")
    assert code == 1
    assert {line.split()[0] for line in out.splitlines()} == {march.id}
    assert err.startswith("sdtui: ") and youth.id in err and "Traceback" not in err
