"""Every test starts in English, whatever the machine's locale: tests that want Dutch say so."""

from __future__ import annotations

from typing import Iterator

import pytest

from sdtui.i18n import ENV_LANG, set_language


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ENV_LANG, "en")
    set_language("en")
    yield
    set_language("en")
