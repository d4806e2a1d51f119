"""Running the sdtui command in tests: in a subprocess, or in-process with its output captured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sdtui import cli

REPO = Path(__file__).resolve().parent.parent


def sdtui(
    *args: str, store: Path | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m sdtui` in a child process, as a shell user would."""
    full_env = {key: value for key, value in os.environ.items() if key != "SDTUI_STORE"}
    full_env.update({"PYTHONPATH": str(REPO), **(env or {})})
    command = [sys.executable, "-m", "sdtui"]
    if store is not None:
        command += ["--store", str(store)]
    return subprocess.run(
        command + list(args),
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or REPO,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """sdtui's main() in this process: exit status, standard output, standard error."""
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sdtui: ")
    return lines[0]
