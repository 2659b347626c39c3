"""/healthz answers 200 or 503 naming what failed; logs are JSON lines carrying the request id."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ops.requestlog import RequestIdFilter

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parents[2]


def test_healthz_is_200_when_everything_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "search": "ok", "cache": "ok"},
        "failed": [],
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_naming_an_unreachable_search_backend(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1}
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failed"] == ["search"]
    assert body["checks"]["database"] == "ok"


def test_healthz_is_503_naming_an_unreachable_database():
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, json.loads(r.content)['failed'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DATABASE_URL": "postgres://nobody:nothing@127.0.0.1:9/none",
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "503 ['database', 'search']", result.stderr[-2000:]


def test_every_response_carries_a_request_id_and_keeps_a_valid_incoming_one(client):
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32 and generated.isalnum()
    assert client.get("/healthz", HTTP_X_REQUEST_ID="nginx-4f2a9c1e")["X-Request-ID"] == "nginx-4f2a9c1e"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="bad id <script>")["X-Request-ID"] != "bad id <script>"


def test_production_logs_are_json_lines_with_the_request_id(tmp_path):
    code = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client().get('/healthz', HTTP_X_REQUEST_ID='req-0123456789').status_code)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
    }
    env["DATABASE_URL"] = "sqlite:///" + str(tmp_path / "empty.sqlite3")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True)
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    request_lines = [line for line in lines if line["logger"] == "ops.request"]
    assert len(request_lines) == 1, result.stderr[-2000:]
    line = request_lines[0]
    status = int(result.stdout.strip())
    assert (line["request_id"], line["method"], line["path"], line["status"]) == (
        "req-0123456789",
        "GET",
        "/healthz",
        status,
    )
    assert line["level"] == "INFO" and isinstance(line["duration_ms"], float)


def test_log_records_outside_a_request_get_a_dash():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "message", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"
