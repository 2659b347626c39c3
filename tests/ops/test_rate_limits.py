"""A flood of searches from one address gets 429; other addresses are served as usual."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_limits(settings):
    settings.RATE_LIMITS = {"search": "5/m", "search_autocomplete": "5/m"}


def test_search_flood_from_one_address_gets_429_with_a_vietnamese_page(client, low_limits):
    statuses = [client.get("/tim-kiem/", {"q": f"khai sinh {n}"}, REMOTE_ADDR="10.0.0.7").status_code for n in range(6)]
    assert statuses == [200, 200, 200, 200, 200, 429]
    response = client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Quá nhiều yêu cầu"
    assert "Vui lòng đợi một phút rồi thử lại" in soup.main.get_text()


def test_another_address_is_not_limited(client, low_limits):
    for _ in range(6):
        client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR="10.0.0.7")
    assert client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR="10.0.0.8").status_code == 200


def test_autocomplete_flood_gets_429_as_json(client, low_limits):
    for _ in range(5):
        assert client.get("/tim-kiem/goi-y/", {"q": "khai"}, REMOTE_ADDR="10.0.0.9").status_code == 200
    response = client.get("/tim-kiem/goi-y/", {"q": "khai"}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert json.loads(response.content)["error"].startswith("Bạn gửi quá nhiều yêu cầu tìm kiếm")


def test_pages_other_than_search_are_not_limited(client, low_limits):
    assert [client.get("/tin-tuc/", REMOTE_ADDR="10.0.0.10").status_code for _ in range(8)] == [200] * 8


def test_behind_a_proxy_the_configured_header_names_the_client(client, settings, low_limits):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    for _ in range(6):
        client.get("/tim-kiem/", {"q": "a"}, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")
    assert client.get("/tim-kiem/", {"q": "a"}, HTTP_X_REAL_IP="203.0.113.5").status_code == 429
    assert client.get("/tim-kiem/", {"q": "a"}, HTTP_X_REAL_IP="203.0.113.6").status_code == 200


def test_limits_are_shared_through_redis(client, low_limits, redis_cache):
    for _ in range(5):
        client.get("/tim-kiem/", {"q": "thuế"}, REMOTE_ADDR="10.0.0.11")
    from django.core.cache import caches

    keys = caches["default"]._cache.get_client().keys("*ops:search*") or caches["default"]._cache.get_client().keys(
        "*rl:*"
    )
    assert keys
    assert client.get("/tim-kiem/", {"q": "thuế"}, REMOTE_ADDR="10.0.0.11").status_code == 429
