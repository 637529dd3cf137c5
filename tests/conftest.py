"""Every test gets its own data folder and database; none touches the real user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from planner.db import Store, open_store  # noqa: E402

SHARED_FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CAREER_PLANNER_HOME", str(home))
    monkeypatch.delenv("CAREER_PLANNER_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "planner.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store: Store) -> Store:
    from planner.services.demo import load_demo

    with store.transaction() as session:
        load_demo(session, today=date.today())
    return store
