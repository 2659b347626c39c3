"""Imports while citizens read: the issue-9 scenario, measured.

    python scripts/import_under_load.py [--project DIR] [--seconds 30] [--connections 50] [--imports 2]

Builds a throwaway database (migrate + load_demo; SQLite file, or PostgreSQL with --database-url),
starts gunicorn (2 workers, DEBUG off) on loopback, and for --seconds drives it with `wrk` (Debian)
at --connections concurrent readers over five public URLs (home, an index, a guide, two searches)
while --imports loops run `manage.py import_content` on a 48-record file of updates. Prints the
requests, errors and latency percentiles, and every import's outcome (failed, with a traceback).
--project runs the same scenario against another checkout (e.g. an older commit in a worktree).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

LUA = """
local paths = {"/", "/tin-tuc/", "%(guide)s", "/tim-kiem/?q=dang+ky+khai+sinh", "/tim-kiem/?q=giay+phep+xay+dung"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def run(cmd, env, cwd, **kwargs):
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False, **kwargs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--imports", type=int, default=2, help="concurrent import loops")
    parser.add_argument("--port", type=int, default=8950)
    parser.add_argument("--database-url", default="", help="PostgreSQL URL of an empty database (else SQLite)")
    args = parser.parse_args()

    project = Path(args.project).resolve()
    python = project / ".venv" / "bin" / "python"
    if not python.exists():
        python = Path(sys.executable)
    workdir = Path(tempfile.mkdtemp(prefix="cchc-load-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'site.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "load-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEMO_PASSWORD": "load-test-password-2026",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "SECURE_COOKIES": "0",
        # Plain HTTP on loopback, every reader from one address, no cached pages: each request
        # reaches the application and the database, as in the issue (before the page cache).
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "TWO_FACTOR_REQUIRED": "0",
        "RATELIMIT_ENABLE": "0",
        "PAGE_CACHE_ENABLED": "0",
        "LOG_LEVEL": "ERROR",
    }
    started = time.perf_counter()
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"], ["collectstatic", "--noinput", "-v0"]):
        result = run([str(python), "manage.py", *command], env, project)
        if result.returncode:
            sys.exit(f"{command[0]} failed:\n{result.stderr[-3000:]}")
    print(f"database ready in {time.perf_counter() - started:.0f} s: {database_url.split('@')[-1]}")

    records = json.loads((project / "articles" / "demo" / "content.json").read_text(encoding="utf-8"))[:48]
    for record in records:
        record["summary"] = (record.get("summary") or record["title"])[:280] + " (cập nhật)"
    import_file = workdir / "updates.json"
    import_file.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")

    guide = next(
        f"/huong-dan/{record.get('unit', 'tinh')}/{record['slug']}/"
        for record in records
        if record["type"] == "guide" and record.get("slug")
    )
    script = workdir / "mix.lua"
    script.write_text(LUA % {"guide": guide}, encoding="utf-8")

    server = subprocess.Popen(
        [str(python), "-m", "gunicorn", "cms.wsgi", "-w", "2", "-b", f"127.0.0.1:{args.port}", "--timeout", "60"],
        env=env,
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "gunicorn.log", "w"),
        start_new_session=True,
    )
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=5)
                break
            except OSError:
                time.sleep(1)
        outcomes: list[tuple[int, float, bool]] = []
        stop = time.monotonic() + args.seconds

        def import_loop() -> None:
            while time.monotonic() < stop:
                begun = time.perf_counter()
                result = run([str(python), "manage.py", "import_content", str(import_file)], env, project)
                outcomes.append(
                    (result.returncode, time.perf_counter() - begun, "Traceback" in result.stderr + result.stdout)
                )
                if result.returncode:
                    print("  import failed:", (result.stderr.strip().splitlines() or ["?"])[-1][:200], flush=True)

        loops = [threading.Thread(target=import_loop) for _ in range(args.imports)]
        for loop in loops:
            loop.start()
        wrk = run(
            [
                "wrk",
                "-t2",
                f"-c{args.connections}",
                f"-d{args.seconds}s",
                "--timeout",
                "30s",
                "--latency",
                "-s",
                str(script),
                f"http://127.0.0.1:{args.port}",
            ],
            env,
            project,
        )
        for loop in loops:
            loop.join()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    output = wrk.stdout
    print(output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = [outcome for outcome in outcomes if outcome[0]]
    non_2xx = errors.group(1) if errors else 0
    print(f"readers: {args.connections} connections, {args.seconds} s; non-2xx/3xx: {non_2xx}")
    print(
        f"imports: {len(outcomes)} runs of {len(records)} records, {len(failed)} failed, "
        f"{sum(1 for outcome in outcomes if outcome[2])} with a traceback; "
        f"durations {', '.join(f'{outcome[1]:.1f}' for outcome in outcomes)} s"
    )
    log = (workdir / "gunicorn.log").read_text()
    print(f"server log: {log.count('Traceback')} tracebacks, {log.count('database is locked')} 'database is locked'")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
