"""A throwaway database for the benchmark, chosen before Django starts."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from urllib.parse import urlparse, urlunparse


@dataclass
class BenchDatabase:
    url: str
    vendor: str
    cleanup_path: str = ""
    admin_url: str = ""
    name: str = ""


def choose(base_url: str | None) -> BenchDatabase:
    """SQLite: a new temporary file. PostgreSQL: `<name>_bench` on the same server, recreated."""
    if base_url and base_url.startswith(("postgres://", "postgresql://")):
        parsed = urlparse(base_url)
        name = parsed.path.lstrip("/") + "_bench"
        return BenchDatabase(
            url=urlunparse(parsed._replace(path="/" + name)),
            vendor="postgresql",
            admin_url=urlunparse(parsed._replace(path="/postgres")),
            name=name,
        )
    handle, path = tempfile.mkstemp(prefix="cchc-bench-", suffix=".sqlite3")
    os.close(handle)
    return BenchDatabase(url=f"sqlite:///{path}", vendor="sqlite", cleanup_path=path)


def recreate(database: BenchDatabase) -> None:
    if database.vendor != "postgresql":
        return
    import psycopg

    with psycopg.connect(database.admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database.name}"')
        connection.execute(f'CREATE DATABASE "{database.name}"')


def drop(database: BenchDatabase) -> None:
    if database.cleanup_path:
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(database.cleanup_path + suffix):
                os.remove(database.cleanup_path + suffix)
    elif database.vendor == "postgresql":
        import psycopg
        from django.conf import settings
        from django.db import connections

        if settings.configured:  # python -m ops.bench never sets Django up in its own process
            connections.close_all()
        with psycopg.connect(database.admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database.name}"')
