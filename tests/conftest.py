"""Shared fixtures: the demo site is loaded once per test session and every test runs in a transaction."""

import os
import tempfile

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command


def pytest_configure(config):
    # Uploaded and generated files of the test run never land in the project's media/.
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="cchc-test-media-")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Tests run with DEBUG off, where demo accounts need an explicit password.
    settings.DEMO_PASSWORD = "mat-khau-kiem-thu"
    # The search log is written at the end of every request, so a test sees its searches counted.
    settings.QUERY_LOG_FLUSH_SECONDS = 0
    # The page cache's generation file (used without Redis) of the test run, not the project's var/.
    settings.PAGE_CACHE_GENERATION_FILE = os.path.join(
        tempfile.mkdtemp(prefix="cchc-test-var-"), "page-cache-generation"
    )


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail caches site root paths, and whole pages are cached: a test's rolled-back rows must not
    # leak into the next test.
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
