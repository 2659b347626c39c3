"""Imports wait their turn for the write lock, and one that cannot get it says so and writes nothing.

The commands run as separate processes against a database file (SQLite: a copy of the test
database) or the test database itself (PostgreSQL), as they would beside a running site.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Page

from home.models import HomePage

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def records(prefix: str, count: int = 3) -> list[dict]:
    return [
        {
            "type": "news",
            "id": f"{prefix}-{number}",
            "title": f"Tin nhập song song {prefix} {number}",
            "unit": "bao-lac",
            "reform_areas": ["the-che"],
            "summary": "Tin thử nhập đồng thời.",
        }
        for number in range(count)
    ]


def run_import(path: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "import_content", str(path)],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "LOG_LEVEL": "ERROR", **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def sqlite_copy(django_db_setup, django_db_blocker, tmp_path_factory) -> Path | None:
    """The test database (migrated, demo loaded) copied to a file once, before any test's
    transaction is open (SQLite's backup waits for a writer's transaction to end)."""
    if connection.vendor != "sqlite":
        return None
    path = tmp_path_factory.mktemp("sqlite") / "site.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
        target.close()
    return path


@pytest.fixture
def sqlite_file(sqlite_copy, tmp_path) -> Path:
    if sqlite_copy is None:
        pytest.skip("SQLite: the database file and its single write lock")
    path = tmp_path / "site.sqlite3"
    shutil.copyfile(sqlite_copy, path)
    return path


def count_imported(path: Path, prefix: str) -> int:
    with sqlite3.connect(path) as database:
        return database.execute(
            "SELECT count(*) FROM articles_articlepage WHERE import_id LIKE ?", [f"{prefix}-%"]
        ).fetchone()[0]


def test_concurrent_imports_all_succeed_one_after_the_other(sqlite_file, tmp_path):
    files = []
    for worker in range(3):
        path = tmp_path / f"import-{worker}.json"
        path.write_text(json.dumps(records("song-song"), ensure_ascii=False), encoding="utf-8")
        files.append(path)
    env = {"DATABASE_URL": f"sqlite:///{sqlite_file}", "SQLITE_BUSY_TIMEOUT": "120"}
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda path: run_import(path, env), files))
    assert [result.returncode for result in results] == [0, 0, 0], [result.stderr[-2000:] for result in results]
    assert all("Traceback" not in result.stderr for result in results)
    assert count_imported(sqlite_file, "song-song") == 3  # the same ids: created once, then updated
    summaries = sorted(result.stdout.strip().splitlines()[-1] for result in results)
    assert summaries[0].startswith("Hoàn tất: 0 bài mới, 3 bài cập nhật")
    assert summaries[-1].startswith("Hoàn tất: 3 bài mới, 0 bài cập nhật")


def test_an_import_that_cannot_get_the_lock_says_so_and_writes_nothing(sqlite_file, tmp_path):
    path = tmp_path / "locked.json"
    path.write_text(json.dumps(records("khoa"), ensure_ascii=False), encoding="utf-8")
    env = {"DATABASE_URL": f"sqlite:///{sqlite_file}", "SQLITE_BUSY_TIMEOUT": "1"}
    writer = sqlite3.connect(sqlite_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another writer holds the lock past the busy timeout
    try:
        result = run_import(path, env)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.returncode != 0
    assert "Cơ sở dữ liệu đang bận hoặc không kết nối được" in result.stderr
    assert "Không có bài nào được nhập." in result.stderr
    assert "Traceback" not in result.stderr
    assert count_imported(sqlite_file, "khoa") == 0

    retried = run_import(path, env)
    assert retried.returncode == 0, retried.stderr[-2000:]
    assert count_imported(sqlite_file, "khoa") == 3


def test_on_postgresql_an_import_waits_for_the_lock_then_gives_up_cleanly(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL: the import's row lock and lock_timeout")
    path = tmp_path / "locked.json"
    path.write_text(json.dumps(records("khoa-pg"), ensure_ascii=False), encoding="utf-8")
    settings_dict = connection.settings_dict
    url = (
        f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )
    # This test's transaction holds the lock another import would take.
    Page.objects.select_for_update().filter(pk=HomePage.objects.get().pk).exists()
    result = run_import(path, {"DATABASE_URL": url, "IMPORT_LOCK_TIMEOUT": "1"})
    assert result.returncode != 0
    assert "Cơ sở dữ liệu đang bận hoặc không kết nối được" in result.stderr
    assert "Traceback" not in result.stderr
