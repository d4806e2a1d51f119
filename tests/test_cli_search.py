"""`sdtui search` and `sdtui attendance` as a shell user runs them."""

from __future__ import annotations

from pathlib import Path

from sdtui.model import Session
from sdtui.store import Store

from .support.cli import assert_one_line_error, sdtui


def two_demos(store: Path) -> tuple[str, str]:
    dutch = sdtui("--lang", "nl", "demo", store=store).stdout.strip().splitlines()[-1]
    english = sdtui("--lang", "en", "demo", store=store).stdout.strip().splitlines()[-1]
    return dutch, english


def test_search_prints_one_hit_a_line_starting_with_the_session_id(tmp_path: Path) -> None:
    store = tmp_path / "store"
    dutch, english = two_demos(store)
    result = sdtui("search", "ZOE", "hendriks", store=store)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert sorted(line.split()[0] for line in lines) == sorted([dutch, english])
    assert all("Zoë Hendriks" in line for line in lines)


def test_search_marks_a_confidential_note(tmp_path: Path) -> None:
    store = tmp_path / "store"
    dutch, _english = two_demos(store)
    result = sdtui("search", "wijkteam", store=store)
    assert result.returncode == 0
    confidential = [line for line in result.stdout.splitlines() if "[confidential]" in line]
    assert len(confidential) == 1 and confidential[0].startswith(dutch)
    assert "delen" in confidential[0]


def test_search_without_words_is_one_clear_error(tmp_path: Path) -> None:
    store = tmp_path / "store"
    two_demos(store)
    for words in ([], ["  "], ["..."]):
        line = assert_one_line_error(sdtui("search", *words, store=store))
        assert "words to search for" in line


def test_search_that_finds_nothing_says_so_and_exits_non_zero(tmp_path: Path) -> None:
    store = tmp_path / "store"
    two_demos(store)
    result = sdtui("search", "[bold]xylofoon[/]", store=store)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "Nothing found for '[bold]xylofoon[/]'."


def test_search_skips_a_damaged_session_and_names_it(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        good = store.add(Session("Overleg over de brug"))
        bad = store.add(Session("Overleg over de tunnel"))
    (root / "s" / f"{bad.id}.json").write_text("{kapot", encoding="utf-8")
    result = sdtui("search", "overleg", store=root)
    assert result.returncode == 1  # the hits are shown, but they are not all there are
    assert [line.split()[0] for line in result.stdout.splitlines()] == [good.id]
    assert bad.id in result.stderr and "skipped" in result.stderr


def test_attendance_lists_everyone_with_counts(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        for day, state in (("2025-03-12", "present"), ("2025-06-18", "apologies"), ("2025-09-17", "present")):
            session = Session(f"Bijeenkomst {day}", network="Wmo-netwerk", date=day, status="closed")
            session.add_participant("Zoë Bakker", "Gemeente Breda", attendance=state)
            session.add_participant("Kees Jansen", attendance="present" if day == "2025-06-18" else "absent")
            store.add(session)
    result = sdtui("attendance", "wmo-NETWERK", store=root)
    assert result.returncode == 0, result.stderr
    header, columns, first, second = result.stdout.strip().splitlines()
    assert "Wmo-netwerk" in header and "3" in header
    assert columns.split() == ["Present", "Apologies", "Absent", "Name"]
    assert first.split() == ["2/3", "1", "0", "Zoë", "Bakker", "(Gemeente", "Breda)"]
    assert second.split() == ["1/3", "0", "2", "Kees", "Jansen"]


def test_attendance_of_an_unknown_network_names_the_known_ones(tmp_path: Path) -> None:
    store = tmp_path / "store"
    two_demos(store)
    line = assert_one_line_error(sdtui("attendance", "Jeugdnetwerk", store=store))
    assert "Jeugdnetwerk" in line and "Wmo transformatienetwerk" in line
