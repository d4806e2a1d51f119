"""The `sdtui` command as a user runs it: a real process, its output and its exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from sdtui import __version__, cli

from .support.cli import assert_one_line_error, run, sdtui


def parse(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt("commonmark").enable("table").parse(markdown))


def headings(tree: SyntaxTreeNode, tag: str) -> list[SyntaxTreeNode]:
    return [node for node in tree.walk() if node.type == "heading" and node.tag == tag]


def test_version_and_help() -> None:
    version = sdtui("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"sdtui {__version__}"
    helped = sdtui("--help")
    assert helped.returncode == 0
    for command in ("demo", "list", "export", "--store"):
        assert command in helped.stdout


def test_demo_prints_its_id_last_and_list_starts_lines_with_ids(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = sdtui("demo", store=store)
    assert first.returncode == 0, first.stderr
    first_id = first.stdout.strip().splitlines()[-1]
    second_id = sdtui("demo", store=store).stdout.strip().splitlines()[-1]
    assert first_id != second_id

    listed = sdtui("list", store=store)
    assert listed.returncode == 0
    lines = listed.stdout.strip().splitlines()
    assert sorted(line.split()[0] for line in lines) == sorted([first_id, second_id])
    assert all("Wmo" in line for line in lines)


def test_list_of_empty_store_says_how_to_start(tmp_path: Path) -> None:
    result = sdtui("list", store=tmp_path / "empty")
    assert result.returncode == 0
    assert result.stdout == ""
    assert "sdtui demo" in result.stderr


def test_export_writes_minutes_into_the_store_and_prints_the_path(tmp_path: Path) -> None:
    store = tmp_path / "store"
    session_id = sdtui("demo", store=store).stdout.strip().splitlines()[-1]
    result = sdtui("export", session_id[:4], store=store)
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.parent == store.resolve() / "minutes" or path.parent.resolve() == (store / "minutes").resolve()
    assert path.suffix == ".md" and session_id in path.name
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    tree = parse(path.read_text(encoding="utf-8"))
    assert len(headings(tree, "h1")) == 1
    assert len(headings(tree, "h2")) >= 4
    assert any(node.type == "table" for node in tree.walk())


def test_export_to_stdout_and_to_a_chosen_file(tmp_path: Path) -> None:
    store = tmp_path / "store"
    session_id = sdtui("demo", store=store).stdout.strip().splitlines()[-1]
    to_stdout = sdtui("export", session_id, "-o", "-", store=store)
    assert to_stdout.returncode == 0
    target = tmp_path / "out" / "juni.md"
    to_file = sdtui("export", session_id, "-o", str(target), store=store)
    assert to_file.returncode == 0, to_file.stderr
    assert to_file.stdout.strip() == str(target)
    assert target.read_text(encoding="utf-8") == to_stdout.stdout
    assert len(headings(parse(to_stdout.stdout), "h1")) == 1


def test_store_comes_from_environment_then_default(tmp_path: Path) -> None:
    env_store = tmp_path / "from-env"
    made = sdtui("demo", env={"SDTUI_STORE": str(env_store)})
    assert made.returncode == 0, made.stderr
    assert (env_store / "s").is_dir()
    cwd = tmp_path / "here"
    cwd.mkdir()
    sdtui("demo", cwd=cwd)
    assert (cwd / "sessions" / "s").is_dir()


def test_unknown_id_is_one_clear_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    sdtui("demo", store=store)
    line = assert_one_line_error(sdtui("export", "zzzzzzzz", store=store))
    assert "zzzzzzzz" in line


def test_store_path_that_is_a_file_is_one_clear_line(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    line = assert_one_line_error(sdtui("list", store=not_a_folder))
    assert "notes.txt" in line
    assert not_a_folder.read_text(encoding="utf-8") == "mine"


def test_corrupt_index_is_one_clear_line_and_left_untouched(tmp_path: Path) -> None:
    store = tmp_path / "store"
    sdtui("demo", store=store)
    index = store / "index.json"
    index.write_text("{not json", encoding="utf-8")
    assert_one_line_error(sdtui("list", store=store))
    assert index.read_text(encoding="utf-8") == "{not json"


def test_app_without_a_terminal_explains_instead_of_hanging(tmp_path: Path) -> None:
    line = assert_one_line_error(sdtui(store=tmp_path / "store"))
    assert "terminal" in line


def test_bad_usage_exits_with_usage_error(tmp_path: Path) -> None:
    result = sdtui("export", store=tmp_path / "store")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("title", ["../../etc/passwd", "..", "/tmp/x", "a/b\\c", "   "])
def test_export_name_never_leaves_the_minutes_folder(tmp_path: Path, title: str) -> None:
    from sdtui.exporting import minutes_filename
    from sdtui.model import Session

    session = Session(title=title.strip() or "x")
    name = minutes_filename(session)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_read_without_a_terminal_or_with_a_missing_file_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(sdtui("read", str(tmp_path / "missing.md")))
    assert "needs a terminal" in assert_one_line_error(sdtui("read", store=tmp_path / "store"))


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path: Path) -> None:
    """`sdtui list | head -1`: the rest of the list meets a closed pipe, and sdtui stops quietly."""
    from sdtui.demo import build_demo
    from sdtui.store import Store

    with Store(tmp_path / "store") as store:
        store.add_many([build_demo() for _ in range(800)])  # more than a pipe holds
    process = subprocess.Popen(
        [sys.executable, "-m", "sdtui", "--store", str(tmp_path / "store"), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip()
    process.stdout.close()
    _out, errors = process.communicate(timeout=60)
    assert errors == ""
    assert process.returncode == 1


# Every command the parser had before it was split into one module per command group, in the
# order `sdtui --help` lists them, with the least each needs to parse.
COMMANDS = {
    "demo": [],
    "list": [],
    "export": ["ID"],
    "read": [],
    "follow": [],
    "participant": [],
    "search": [],
    "attendance": ["Wmo"],
    "next": ["ID"],
    "actions": [],
    "import": ["backup.json"],
    "templates": [],
    "new": ["--template", "crisis"],
    "approve": ["ID"],
    "forget": ["NAME"],
    "retention": ["--older-than", "2y"],
}


def test_every_command_is_offered_in_order_and_bound_to_a_handler_of_its_group(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as usage:
        cli.main(["no-such-command"])
    assert usage.value.code == 2
    offered = capsys.readouterr().err.partition("choose from ")[2]
    assert offered.strip().rstrip(")") == ", ".join(repr(name) for name in COMMANDS)

    parser = cli.build_parser()
    assert parser.parse_args([]).handler.__module__ == "sdtui.cli.app"
    for name, needs in COMMANDS.items():
        handler = parser.parse_args([name, *needs]).handler
        assert callable(handler)
        assert handler.__module__.startswith("sdtui.cli.") and handler.__module__ != "sdtui.cli.common", name


def test_command_modules_import_only_common_from_the_cli() -> None:
    """No cycles: `sdtui.cli` imports the command modules, and they import `common` and the core only."""
    import ast
    import importlib
    import pkgutil

    modules = [info.name for info in pkgutil.iter_modules(cli.__path__)]
    assert {"common", "app", "sessions", "series", "templates"} <= set(modules)
    for name in modules:
        source = Path(importlib.import_module(f"sdtui.cli.{name}").__file__).read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom):
                # `from .x import y` or `from ..x import y`, as the absolute name of x
                base = "sdtui.cli" if node.level == 1 else "sdtui" if node.level == 2 else ""
                imported = [".".join(filter(None, (base, node.module)))]
                if node.module is None:
                    imported = [f"{base}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            else:
                continue
            allowed = () if name == "common" else ("sdtui.cli.common",)
            for module in imported:
                assert not module.startswith("sdtui.cli") or module in allowed, f"sdtui.cli.{name} imports {module}"


@pytest.mark.parametrize("command", [["search", "overleg"], ["attendance", "Wmo"], ["actions"]])
def test_an_unreadable_session_is_named_alike_by_every_command_and_the_rest_still_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    from sdtui.model import Session
    from sdtui.store import Store

    root = tmp_path / "store"
    with Store(root) as store:
        good = Session("Overleg over de brug", network="Wmo", date="2025-03-12", status="closed")
        good.add_participant("Zoë Bakker", attendance="present")
        good.add_action("Overleg plannen", owner="Zoë Bakker")
        good = store.add(good)
        bad = store.add(Session("Overleg over de tunnel", network="Wmo", date="2025-06-18", status="closed"))
    (root / "s" / f"{bad.id}.json").write_text("{kapot", encoding="utf-8")
    code, out, err = run(capsys, "--store", str(root), *command)
    assert code == 1
    assert "Zoë Bakker" in out or good.id in out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sdtui: skipped: ") and bad.id in lines[0], err
