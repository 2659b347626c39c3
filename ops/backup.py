"""One archive per backup: the database and every media file, restorable into an empty database.

`manage.py backup_site` writes backups/cchc-<UTC timestamp>.tar.gz holding
- database.sqlite3 (SQLite's online backup API: a consistent copy while the site runs) or
  database.dump (`pg_dump --format=custom`, one consistent snapshot);
- media/… (every file of the default storage: local MEDIA_ROOT or S3), read through Django's storage;
- manifest.json: when, which database vendor, row counts and a SHA-256 of every media file.
`manage.py restore_site FILE` refuses a database that holds rows, restores the database
(SQLite: the backup API into the new file; PostgreSQL: `pg_restore`) and the media, then checks the
row counts and checksums against the manifest.

Why not django-dbbackup: it writes the database and the media as separate archives with separate
commands, and its SQLite connector replays SQL text; one archive with a manifest that the restore
verifies is what an operator needs here, and the databases' own tools do the work.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

COUNTED_TABLES = (
    "wagtailcore_page",
    "wagtailcore_revision",
    "auth_user",
    "wagtailimages_image",
    "wagtaildocs_document",
)
PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")


class BackupError(Exception):
    """Something an operator must fix; the message says what (in Vietnamese)."""


@dataclass
class RestoreReport:
    counts: dict[str, int]
    media_files: int


def pg_tool(name: str) -> str:
    for directory in (os.environ.get("PG_BIN_DIR", ""), *PG_BIN_DIRS):
        candidate = Path(directory) / name
        if directory and candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"Không tìm thấy {name} (cài postgresql-client hoặc đặt PG_BIN_DIR).")
    return found


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432)]
    args += ["--username", str(db.get("USER") or "")]
    return args, env


def row_counts() -> dict[str, int]:
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in COUNTED_TABLES:
            if table in existing:
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
    return counts


def _media_files(storage=default_storage, directory: str = "") -> list[str]:
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [f"{directory}/{name}" if directory else name for name in files]
    for sub in directories:
        names += _media_files(storage, f"{directory}/{sub}" if directory else sub)
    return sorted(names)


def media_checksums(storage=default_storage) -> dict[str, str]:
    checksums = {}
    for name in _media_files(storage):
        with storage.open(name, "rb") as handle:
            checksums[name] = hashlib.sha256(handle.read()).hexdigest()
    return checksums


def _dump_database(target: Path) -> str:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return "database.sqlite3"
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        name = connection.settings_dict["NAME"]
        subprocess.run(
            [pg_tool("pg_dump"), *args, "--format=custom", "--no-owner", "--file", str(target), name],
            env=env,
            check=True,
            capture_output=True,
        )
        return "database.dump"
    raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")


def backup(directory: Path) -> Path:
    """Write one archive under `directory`; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    archive_path = directory / f"cchc-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="cchc-backup-") as scratch:
        database_file = Path(scratch) / "database"
        member = _dump_database(database_file)
        checksums = media_checksums()
        manifest = {
            "format": 1,
            "created": stamp,
            "vendor": connection.vendor,
            "database": member,
            "counts": row_counts(),
            "media": checksums,
        }
        partial = archive_path.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(database_file, arcname=member)
            for name in checksums:
                with default_storage.open(name, "rb") as handle:
                    data = handle.read()
                info = tarfile.TarInfo(f"media/{name}")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            payload = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
        os.replace(partial, archive_path)
    return archive_path


def database_is_empty() -> bool:
    counts = row_counts()
    return not counts or (counts.get("wagtailcore_page", 0) == 0 and counts.get("auth_user", 0) == 0)


def _restore_database(archive: tarfile.TarFile, manifest: dict, scratch: Path) -> None:
    member = manifest["database"]
    archive.extract(member, scratch, filter="data")
    source = scratch / member
    if manifest["vendor"] != connection.vendor:
        raise BackupError(f"Bản sao lưu là của {manifest['vendor']}, cơ sở dữ liệu hiện tại là {connection.vendor}.")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        connection.close()
        return
    args, env = _pg_env()
    name = connection.settings_dict["NAME"]
    connection.close()
    # --clean --if-exists: a migrated but empty database has the tables already.
    result = subprocess.run(
        [
            pg_tool("pg_restore"),
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            name,
            str(source),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError("pg_restore thất bại: " + result.stderr[-2000:])


def restore(archive_path: Path) -> RestoreReport:
    if not archive_path.exists():
        raise BackupError(f"Không có tệp {archive_path}.")
    if not database_is_empty():
        raise BackupError(
            "Cơ sở dữ liệu đang có dữ liệu (trang hoặc tài khoản). Chỉ khôi phục vào cơ sở dữ liệu trống: "
            "xóa tệp SQLite, hoặc tạo cơ sở dữ liệu PostgreSQL mới."
        )
    with tempfile.TemporaryDirectory(prefix="cchc-restore-") as scratch, tarfile.open(archive_path, "r:gz") as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        _restore_database(archive, manifest, Path(scratch))
        for name in manifest["media"]:
            data = archive.extractfile(f"media/{name}").read()
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(data))
            if saved != name:
                raise BackupError(f"Không ghi được tệp {name} đúng tên (được {saved}).")
    counts = row_counts()
    if counts != manifest["counts"]:
        raise BackupError(f"Số bản ghi sau khi khôi phục {counts} khác bản sao lưu {manifest['counts']}.")
    checksums = media_checksums()
    missing = {name for name, digest in manifest["media"].items() if checksums.get(name) != digest}
    if missing:
        raise BackupError(f"{len(missing)} tệp media khác bản sao lưu sau khi khôi phục.")
    return RestoreReport(counts=counts, media_files=len(manifest["media"]))


def default_directory() -> Path:
    return Path(os.environ.get("BACKUP_DIR", settings.BASE_DIR / "backups"))
