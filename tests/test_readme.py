"""The README's minutes sample is what `sdtui export` writes for the demo, line for line."""

from __future__ import annotations

import re
from pathlib import Path

from sdtui.demo import build_demo
from sdtui.minutes import render_minutes

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_minutes_sample_comes_from_the_demo() -> None:
    sample = re.search(r"```markdown\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert sample, "the README shows a sample of the minutes"
    minutes = render_minutes(build_demo()).splitlines()
    shown = [line for line in sample.group(1).splitlines() if line not in ("", "…")]
    assert len(shown) > 10
    assert all(line in minutes for line in shown)
