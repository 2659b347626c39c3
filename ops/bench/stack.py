"""A throwaway site for the benchmarks: database (search.bench's), static files, gunicorn."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from search.bench.database import BenchDatabase, choose, drop, recreate

PROJECT = Path(__file__).resolve().parents[2]


def free_port(start: int = 8100, end: int = 8199) -> int:
    for port in range(start, end + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8100–8199")


class BenchSite:
    def __init__(self, label: str) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix=f"cchc-{label}-"))
        self.database: BenchDatabase = choose(os.environ.get("DATABASE_URL"))
        if self.database.vendor == "postgresql":
            self.database.name = self.database.name.replace("_bench", f"_{label}")
            self.database.url = self.database.url.replace("_bench", f"_{label}")
        self.server: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.port = 0  # chosen when the server starts: another run may take a port meanwhile
        self.base_url = ""
        self.server_log = self.scratch / "gunicorn.log"

    def env(self, **extra: str) -> dict:
        env = dict(os.environ)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "cms.settings",
                "DATABASE_URL": self.database.url,
                "DEBUG": "0",
                "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SECURE_SSL_REDIRECT": "0",
                "SECURE_COOKIES": "0",
                "SECURE_HSTS_SECONDS": "0",
                "STATIC_ROOT": str(self.scratch / "static"),
                "MEDIA_ROOT": str(self.scratch / "media"),
                "PAGE_CACHE_GENERATION_FILE": str(self.scratch / "page-cache-generation"),
                "DATABASE_CONN_MAX_AGE": "60",
                "DEMO_PASSWORD": "bench-Demo-2026!",
                "TWO_FACTOR_REQUIRED": "0",
                # Every request comes from 127.0.0.1: the per-address limit would measure itself.
                "RATELIMIT_ENABLE": "0",
                "LOG_LEVEL": "WARNING",
            }
        )
        if self.port:
            env["BIND"] = f"127.0.0.1:{self.port}"
        env.update(extra)
        return env

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=self.env(), check=True)

    def build(self, pages: int) -> None:
        recreate(self.database)
        started = time.perf_counter()
        code = (
            "import django; django.setup()\n"
            "from django.core.management import call_command\n"
            "import io\n"
            "call_command('migrate', verbosity=0, interactive=False)\n"
            # search.bench's generator numbers the tree paths of empty sections: generate first,
            # then the demo adds its pages after them through Wagtail as usual.
            f"pages = {pages}\n"
            "if pages:\n"
            "    from search.bench.generate import generate_pages, index_pages\n"
            "    index_pages(generate_pages(pages))\n"
            "call_command('load_demo', stdout=io.StringIO())\n"
        )
        subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=self.env(), check=True)
        self.manage("collectstatic", "--noinput", "-v0")
        print(
            f"cơ sở dữ liệu {self.database.vendor}: demo + {pages} trang, {time.perf_counter() - started:.0f} s",
            flush=True,
        )

    def start(self, *, workers: int | None = None, tasks_worker: bool = False) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        extra = {"WEB_CONCURRENCY": str(workers)} if workers else {}
        if tasks_worker:
            extra["TASKS_BACKEND"] = "database"
        log = open(self.server_log, "ab")
        command = [sys.executable, "-m", "gunicorn", "-c", str(PROJECT / "ops" / "gunicorn_conf.py"), "cms.wsgi"]
        self.server = subprocess.Popen(command, cwd=PROJECT, env=self.env(**extra), stdout=log, stderr=log)
        if tasks_worker:
            self.worker = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "1"],
                cwd=PROJECT,
                env=self.env(**extra),
                stdout=log,
                stderr=log,
            )
        for _ in range(240):
            if self.server.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.server_log}")
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer; see {self.server_log}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base_url + path, timeout=30) as response:
            return response.read().decode()

    def static_css_path(self) -> str:
        match = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', self.get("/"))
        if not match:
            raise RuntimeError("hashed site.css not found in the home page")
        return match.group(1)

    def hup(self) -> None:
        if self.server:
            self.server.send_signal(signal.SIGHUP)

    def stop(self) -> None:
        for process in (self.worker, self.server):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()

    def cleanup(self, keep: bool = False) -> None:
        self.stop()
        if not keep:
            drop(self.database)
            shutil.rmtree(self.scratch, ignore_errors=True)
