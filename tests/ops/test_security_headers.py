"""Security headers: strict CSP on public pages, relaxed only for the admin; deploy checks pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from articles.models import FaqPage, GuidePage, NewsPage, SuccessStoryPage

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parents[2]


def public_urls() -> list[str]:
    urls = [
        "/",
        "/tin-tuc/",
        "/huong-dan/",
        "/hoi-dap/",
        "/mo-hinh-hay/",
        "/linh-vuc/the-che/",
        "/tim-kiem/?q=khai+sinh",
    ]
    urls += [model.objects.live().first().url for model in (NewsPage, GuidePage, FaqPage, SuccessStoryPage)]
    return urls


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def test_public_pages_have_a_csp_without_unsafe_inline(client):
    for url in public_urls():
        policy = directives(client.get(url)["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url


def test_cached_pages_carry_the_same_headers(client):
    url = NewsPage.objects.live().first().url
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert len(response["X-Request-ID"]) == 32


def test_public_pages_hold_no_inline_script_or_style(client):
    for url in public_urls():
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        inline_scripts = [
            script
            for script in soup.find_all("script")
            if not script.get("src") and script.get("type") != "application/ld+json"
        ]
        assert inline_scripts == [], url
        assert soup.find_all("style") == [], url
        assert soup.find_all(style=True) == [], url
        assert [tag.name for tag in soup.find_all(lambda tag: any(a.startswith("on") for a in tag.attrs))] == [], url


def test_admin_gets_the_relaxed_policy_only_under_admin(client):
    client.force_login(get_user_model().objects.get(username="bientap.haquang"))
    policy = directives(client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    public = directives(client.get("/")["Content-Security-Policy"])
    assert "'unsafe-inline'" not in public["script-src"]


def test_admin_page_preview_may_be_framed_by_the_admin_itself(client):
    client.force_login(get_user_model().objects.get(username="quantri"))
    page = NewsPage.objects.live().first()
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/?mode=")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_hsts_and_secure_cookies_when_debug_is_off():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "cchc.example.vn",
        "LOG_LEVEL": "ERROR",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.TWO_FACTOR_REQUIRED, s.LOG_FORMAT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**env, "DJANGO_SETTINGS_MODULE": "cms.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "json"]


def test_check_deploy_passes_with_only_the_three_variables():
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_URL", "REDIS_URL", "DJANGO"))
    }
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": "q8Vd3kLx-2mZpR7tYw9sNc4bHf6jGa1eUo5iKr0lTqXvBy8nMz",
            "ALLOWED_HOSTS": "cchc.caobang.gov.vn",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_nginx_example_never_serves_media_documents_directly():
    import re

    text = (PROJECT / "docs" / "deployment.md").read_text(encoding="utf-8")
    nginx = "\n".join(re.findall(r"```nginx\n(.*?)```", text, flags=re.S))
    served = re.findall(r"location\s+(\S+)\s*\{\s*alias", nginx)
    assert served, "the example serves images from the volume"
    assert all(not path.startswith("/media/documents") and path != "/media/" for path in served)
    assert "location /media/documents/ { return 404; }" in nginx
