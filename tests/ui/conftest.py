"""Fixtures for driving the app with Pilot: a store in a temporary folder and a frozen clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from sdtui.store import Store
from sdtui.tui.app import SdtuiApp

from ..support.ui import FROZEN_NOW, still_app


@pytest.fixture
def make_app(store: Store) -> Callable[..., SdtuiApp]:
    """Build the app on the test store; pass `clock=` to move time along."""

    def make(clock: Callable[[], datetime] = lambda: FROZEN_NOW) -> SdtuiApp:
        return still_app(store, clock)

    return make
