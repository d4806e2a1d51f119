"""The layers stay as docs/architecture.md draws them.

- The core (every module at the package root, and the CLI) works without a terminal: importing it
  loads neither Textual nor Rich. The CLI imports the terminal UI only inside the commands that
  open it, so `sdtui list` stays fast and works where Textual could not start.
- Inside `sdtui` no module imports, directly or by a chain, a module that imports it back.
- The core never imports `sdtui.tui` or `sdtui.cli`; `sdtui.tui` never imports `sdtui.cli`.

The import graph is read from the source with `ast`, so a cycle hidden behind a lazy import
inside a function counts too. Imports under `if TYPE_CHECKING:` do not run, so they do not count.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sdtui"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
CORE = sorted(name for name in MODULES if not name.startswith(("sdtui.tui", "sdtui.__main__")))
"""The plain-Python modules, the CLI's included: nothing here may need a terminal."""


def runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of `tree` except those inside an `if TYPE_CHECKING:` block."""
    nodes: list[ast.AST] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return nodes


def imports_of(name: str) -> set[str]:
    """The `sdtui` modules that module `name` imports anywhere in its source."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from . import keys` names a module; `from .model import Session` names a module's member.
            targets = [f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in MODULES else stem for alias in node.names]
        else:
            continue
        found.update(target for target in targets if target in MODULES and target != name)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def test_the_graph_is_read_from_real_imports() -> None:
    # Guards the parser above: a graph that found nothing would pass every test below.
    assert "sdtui.model" in GRAPH["sdtui.store"]
    assert "sdtui.tui.keys" in GRAPH["sdtui.tui.keyed"]  # `from . import keys`: a module named in a from-import
    assert len(CORE) >= 15


def test_core_modules_load_no_textual_and_no_rich() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [], "a core module pulled in Textual or Rich"


def test_there_are_no_import_cycles() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def walk(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(GRAPH[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                walk(target, [*path, target])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            walk(name, [name])
    assert cycles == []


@pytest.mark.parametrize("name", [name for name in CORE if not name.startswith("sdtui.cli")])
def test_the_core_imports_neither_the_tui_nor_the_cli(name: str) -> None:
    # The CLI may open the app, lazily: the fresh-interpreter test above keeps that lazy.
    assert not {target for target in GRAPH[name] if target.startswith(("sdtui.tui", "sdtui.cli"))}


@pytest.mark.parametrize("name", sorted(name for name in MODULES if name.startswith("sdtui.tui")))
def test_the_tui_does_not_import_the_cli(name: str) -> None:
    assert not {target for target in GRAPH[name] if target.startswith("sdtui.cli")}
