import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT = Path(__file__).resolve().parent.parent


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="cms.settings")
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=environment, capture_output=True, text=True)


def test_manage_py_check_is_clean():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--fail-level", "WARNING"], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_settings_are_vietnamese_and_local_time():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LOCALE_PATHS[0] == PROJECT / "locale"


def test_database_url_selects_the_database():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'], d.get('HOST', ''))"
    )
    sqlite = run_python(code, DATABASE_URL="sqlite:////tmp/cchc-x.sqlite3")
    assert sqlite.stdout.split() == ["django.db.backends.sqlite3", "/tmp/cchc-x.sqlite3"]
    postgres = run_python(code, DATABASE_URL="postgres://u:p@db.example:5432/cchc")
    assert postgres.stdout.split() == ["django.db.backends.postgresql", "cchc", "db.example"]


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()", DEBUG="0")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
    ok = run_python(
        "import django; django.setup(); from django.conf import settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)",
        DEBUG="0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="cchc.caobang.gov.vn",
    )
    assert ok.stdout.strip() == "False ['cchc.caobang.gov.vn']"


def test_elasticsearch_url_switches_the_search_backend():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "b = s.WAGTAILSEARCH_BACKENDS['default']; print(b['BACKEND'], b.get('URLS'))"
    )
    default = run_python(code)
    assert "elasticsearch" not in default.stdout
    elastic = run_python(code, ELASTICSEARCH_URL="http://es1:9200,http://es2:9200")
    assert "elasticsearch" in elastic.stdout and "['http://es1:9200', 'http://es2:9200']" in elastic.stdout


def test_no_template_or_stylesheet_loads_anything_from_another_host():
    for path in list((PROJECT / "templates").rglob("*.html")) + list((PROJECT / "static").rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        for marker in ("cdn.", "googleapis", "unpkg", "jsdelivr", "cloudflare"):
            assert marker not in text, f"{path}: {marker}"


def test_the_wsgi_worker_settles_before_serving():
    result = run_python("import gc, cms.wsgi; print(callable(cms.wsgi.application), gc.get_freeze_count() > 10000)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
