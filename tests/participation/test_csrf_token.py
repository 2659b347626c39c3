"""/csrf-token/: the token the forms of cached pages fetch before they are sent."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_answers_json_with_a_token_and_the_cookie():
    client = Client()
    response = client.get("/csrf-token/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    token = response.json()["token"]
    assert len(token) == 64
    assert response.cookies["csrftoken"].value


def test_it_is_never_cached():
    response = Client().get("/csrf-token/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_it_takes_no_post():
    assert Client().post("/csrf-token/").status_code == 405
