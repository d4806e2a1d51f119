"""JSON backups: export, import, a round trip with identical minutes, and bad files refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdtui.demo import build_demo
from sdtui.exporting import backup_json
from sdtui.minutes import render_minutes
from sdtui.store import Store

from .support.cli import run
from .support.files import snapshot
from .support.hostile import FIELDS, base_session, strings, terminal_safe, with_text
from .support.hostile_text import HOSTILE
from .support.markdown import no_html, parse


def test_a_round_trip_gives_identical_minutes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "here", tmp_path / "there"
    with Store(source) as store:
        demo = store.add(build_demo())
    code, out, _ = run(capsys, "--store", str(source), "export", demo.id[:5], "--format", "json")
    assert code == 0
    backup = Path(out.strip())
    assert backup.parent == source / "minutes" and backup.suffix == ".json"
    assert backup.stat().st_mode & 0o777 == 0o600
    code, out, _ = run(capsys, "--store", str(target), "import", str(backup))
    assert code == 0
    with Store(target) as store:
        imported = store.load(out.strip().splitlines()[-1])
    assert render_minutes(imported) == render_minutes(demo)
    assert imported.to_dict() == demo.to_dict()


def test_json_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(tmp_path / "store") as store:
        demo = store.add(build_demo())
    code, out, _ = run(capsys, "--store", str(tmp_path / "store"), "export", demo.id, "--format", "json", "-o", "-")
    assert code == 0 and json.loads(out)["session"]["id"] == demo.id


@pytest.mark.parametrize(
    "content, words",
    [
        ("not json at all", "not a JSON file"),
        ('{"people": []}', "not an sdtui session backup"),
        ("[1, 2]", "not an sdtui session backup"),
        ('{"kind": "sdtui-session", "schema": 9, "session": {}}', "newer sdtui"),
        ('{"kind": "sdtui-session", "schema": 1, "session": {"title": ""}}', "Title cannot be empty"),
        (
            '{"kind": "sdtui-session", "schema": 1, "session": {"title": "x", "actions": [{"text": "a", '
            '"owner_id": "nobody"}]}}',
            "not valid",
        ),
        ('{"kind": "sdtui-session", "schema": 1, "session": {"title": "x", "bogus": 1}}', "not valid"),
        ('{"kind": "sdtui-session", "schema": 1}', "not valid"),
    ],
)
def test_a_bad_backup_is_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        store.add(build_demo())
    before = snapshot(root)
    file = tmp_path / "backup.json"
    file.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "--store", str(root), "import", str(file))
    assert code == 1 and err.count("\n") == 1 and words in err and "Nothing was imported" in err, err
    assert snapshot(root) == before


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_a_backup_is_imported_clean_or_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    data = json.loads(backup_json(base_session()))
    for path in FIELDS:
        with_text(data["session"], path, value)  # raw, past the model: as a hand-edited file would be
    file = tmp_path / "backup.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    root = tmp_path / "store"
    Store(root).close()
    before = snapshot(root)
    code, out, err = run(capsys, "--store", str(root), "import", str(file))
    if code != 0:
        assert err.startswith("sdtui: ") and err.count("\n") == 1
        assert snapshot(root) == before
        return
    with Store(root) as store:
        session = store.load(out.strip().splitlines()[-1])
    assert all(terminal_safe(text) for text in strings(session.to_dict()))
    minutes = render_minutes(session)
    assert terminal_safe(minutes) and no_html(parse(minutes))
