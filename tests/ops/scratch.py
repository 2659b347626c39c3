"""A throwaway database (beside the test database's server) for tests that run real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

PROJECT = Path(__file__).resolve().parents[2]


class ScratchSite:
    """DATABASE_URL and MEDIA_ROOT of their own; manage.py commands run in child processes."""

    def __init__(self, tmp_path: Path, label: str) -> None:
        self.tmp_path = tmp_path
        self.media = tmp_path / "media"
        base = os.environ.get("DATABASE_URL", "")
        if base.startswith(("postgres://", "postgresql://")):
            parsed = urlparse(base)
            self.pg_name = f"{parsed.path.lstrip('/')}_{label}_{uuid.uuid4().hex[:6]}"
            self.admin_url = urlunparse(parsed._replace(path="/postgres"))
            self.url = urlunparse(parsed._replace(path="/" + self.pg_name))
            self.sqlite_path = None
        else:
            self.pg_name = None
            self.sqlite_path = tmp_path / f"{label}.sqlite3"
            self.url = f"sqlite:///{self.sqlite_path}"
        self.create()

    @property
    def vendor(self) -> str:
        return "postgresql" if self.pg_name else "sqlite"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def create(self) -> None:
        if self.pg_name:
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.pg_name}"')

    def wipe(self) -> None:
        """An empty database: the SQLite file deleted, or the PostgreSQL database recreated."""
        if self.pg_name:
            self.create()
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)

    def drop(self) -> None:
        if self.pg_name:
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')

    def env(self, **extra: str) -> dict:
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "cms.settings",
                "DATABASE_URL": self.url,
                "MEDIA_ROOT": str(self.media),
                "LOG_LEVEL": "ERROR",
                "DEMO_PASSWORD": "mat-khau-kiem-thu",
                "PAGE_CACHE_GENERATION_FILE": str(self.tmp_path / "page-cache-generation"),
            }
        )
        env.pop("REDIS_URL", None)
        env.update(extra)
        return env

    def manage(self, *args: str, **extra: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=PROJECT, env=self.env(**extra), capture_output=True, text=True
        )
        assert result.returncode == 0, (args, result.stdout[-3000:], result.stderr[-3000:])
        return result.stdout

    def python(self, code: str, **extra: str):
        """Run `code` after django.setup(); it prints one JSON value, returned parsed."""
        full = "import django, json\ndjango.setup()\n" + code
        result = subprocess.run(
            [sys.executable, "-c", full], cwd=PROJECT, env=self.env(**extra), capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])
