"""Every test starts in English, whatever the machine's locale: tests that want Dutch say so.
A `store` is an empty store in the test's own folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sdtui.i18n import ENV_LANG, set_language
from sdtui.store import Store


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ENV_LANG, "en")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store") as opened:
        yield opened
