"""Two gunicorn app servers, one database, one Redis: an edit published through one is served fresh
by the other on its next request; the background work it caused waits in the task queue until the
worker runs it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup

from tests.ops.conftest import free_port, redis_or_skip
from tests.ops.scratch import PROJECT, ScratchSite

pytestmark = pytest.mark.slow

SETUP = """
from django.contrib.auth import get_user_model
from articles.models import UnitSection
get_user_model().objects.create_superuser("quantri-thu", "q@example.org", "Mat-khau-2026!")
section = UnitSection.objects.get(url_path="/home/tin-tuc/ha-quang/")
print(json.dumps(section.pk))
"""

TASKS = """
from django_tasks_db.models import DBTaskResult
print(json.dumps(sorted({row.status for row in DBTaskResult.objects.all()}) + [DBTaskResult.objects.count()]))
"""


def wait_until_up(url: str) -> None:
    for _ in range(240):
        try:
            if requests.get(url + "/healthz", timeout=2).status_code in {200, 503}:
                return
        except requests.RequestException:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not start")


def form_fields(html: bytes, form_id: str) -> dict:
    """What a browser would post from the form (the page editor's plain fields)."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    data: dict[str, str] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.get("type") in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "select":
            selected = field.find("option", selected=True)
            data[name] = selected["value"] if selected else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def test_an_edit_published_through_one_server_is_fresh_on_the_other(tmp_path):
    redis_url = redis_or_skip()
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    site = ScratchSite(tmp_path, "twoservers")
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "two-app-servers-test-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": redis_url,
        "TASKS_BACKEND": "database",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "TWO_FACTOR_REQUIRED": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": "1",
        "LOG_REQUESTS": "0",
    }
    servers = []
    try:
        site.manage("migrate", "--noinput", "-v0", **env)
        site.manage("collectstatic", "--noinput", "-v0", **env)
        section_id = site.python(SETUP, **env)
        urls = []
        for _ in range(2):
            port = free_port()
            servers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "-c", str(PROJECT / "ops" / "gunicorn_conf.py"), "cms.wsgi"],
                    cwd=PROJECT,
                    env=site.env(**env, BIND=f"127.0.0.1:{port}"),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            wait_until_up(url)
        server_a, server_b = urls
        section_path = "/tin-tuc/ha-quang/"

        requests.get(server_b + section_path, timeout=30)
        cached = requests.get(server_b + section_path, timeout=30)
        assert cached.headers["X-Page-Cache"] == "hit"
        assert BeautifulSoup(cached.content, "html.parser").title.get_text().startswith("Huyện Hà Quảng –")

        editor = requests.Session()
        login_page = editor.get(server_a + "/admin/login/", timeout=30)
        token = BeautifulSoup(login_page.content, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]
        logged_in = editor.post(
            server_a + "/admin/login/",
            data={"username": "quantri-thu", "password": "Mat-khau-2026!", "csrfmiddlewaretoken": token},
            headers={"Referer": server_a + "/admin/login/"},
            allow_redirects=False,
            timeout=30,
        )
        assert logged_in.status_code == 302
        edit_url = f"{server_a}/admin/pages/{section_id}/edit/"
        data = form_fields(editor.get(edit_url, timeout=30).content, "page-edit-form")
        data["title"] = "Huyện Hà Quảng (đã sửa qua máy chủ A)"
        data["action-publish"] = "action-publish"
        published = editor.post(edit_url, data=data, headers={"Referer": edit_url}, allow_redirects=False, timeout=60)
        assert published.status_code == 302, published.text[:2000]

        fresh = requests.get(server_b + section_path, timeout=30)
        assert fresh.headers.get("X-Page-Cache") == "miss"
        assert (
            BeautifulSoup(fresh.content, "html.parser")
            .title.get_text()
            .startswith("Huyện Hà Quảng (đã sửa qua máy chủ A) –")
        )

        # The search and reference index updates of that publish wait for the worker.
        *statuses, count = site.python(TASKS, **env)
        assert count > 0 and statuses == ["READY"]
        site.manage("db_worker", "--batch", "--no-reload", "--no-startup-delay", **env)
        *statuses, _count = site.python(TASKS, **env)
        assert statuses == ["SUCCESSFUL"]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(30)
        site.drop()
        redis.Redis.from_url(redis_url).flushdb()


def test_tasks_run_at_once_without_the_queue(settings):
    # Tests and the local demo: TASKS_BACKEND is unset, Wagtail's background work runs immediately.
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert Path(PROJECT / "ops" / "gunicorn_conf.py").exists()
