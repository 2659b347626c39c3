"""python -m ops.serve — the production stack on this machine (make serve).

gunicorn (ops/gunicorn_conf.py, whitenoise serving the compressed, hashed static files) and the
background-task worker (`manage.py db_worker`, django-tasks' database queue), both stopped
together on Ctrl-C. Settings come from the environment as in production; for a plain-HTTP run on
loopback this fills in what production sets explicitly: DEBUG=0, a SECRET_KEY kept in
var/secret-key, TASKS_BACKEND=database, and SECURE_SSL_REDIRECT=0 / SECURE_COOKIES=0 (there is no
TLS on 127.0.0.1; behind a TLS proxy leave them on and set BEHIND_TLS_PROXY=1).
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def local_environment() -> dict:
    env = dict(os.environ)
    env.setdefault("DEBUG", "0")
    if not env.get("SECRET_KEY"):
        key_file = PROJECT / "var" / "secret-key"
        key_file.parent.mkdir(exist_ok=True)
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        env["SECRET_KEY"] = key_file.read_text().strip()
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    env.setdefault("TASKS_BACKEND", "database")
    env.setdefault("SECURE_SSL_REDIRECT", "0")
    env.setdefault("SECURE_COOKIES", "0")
    env.setdefault("SECURE_HSTS_SECONDS", "0")
    env.setdefault("DATABASE_CONN_MAX_AGE", "60")
    return env


def prepare(env: dict) -> None:
    """What every deploy runs: catalogues, migrations, static files."""
    for command in (["compile_catalogues"], ["migrate", "--noinput"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env, check=True)


def main() -> int:
    env = local_environment()
    if "--no-prepare" not in sys.argv:
        prepare(env)
    bind = env.get("BIND") or f"{env.get('HOST', '127.0.0.1')}:{env.get('PORT', '8000')}"
    env["BIND"] = bind
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", str(PROJECT / "ops" / "gunicorn_conf.py"), "cms.wsgi"]
    worker = [sys.executable, "manage.py", "db_worker", "--interval", "1", "--no-reload"]
    processes = [subprocess.Popen(gunicorn, cwd=PROJECT, env=env)]
    if env.get("TASKS_BACKEND") == "database":
        processes.append(subprocess.Popen(worker, cwd=PROJECT, env=env))
    print(f"Đang phục vụ tại http://{bind}/ (Ctrl-C để dừng)", flush=True)

    def stop(*_args) -> None:
        for process in processes:
            if process.poll() is None:
                process.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(process.poll() is None for process in processes):
            try:
                processes[0].wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
    except KeyboardInterrupt:
        pass
    finally:
        stop()
        for process in processes:
            process.wait(30)
    return processes[0].returncode or 0


if __name__ == "__main__":
    sys.exit(main())
