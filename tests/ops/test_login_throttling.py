"""django-axes: repeated failures lock one account from one address; an administrator unlocks."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client

from editorial.demo import demo_password

pytestmark = pytest.mark.django_db


def attempt(client, username: str, password: str, address: str = "10.1.0.1"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_account_from_that_address(client):
    for _ in range(4):
        assert attempt(client, "bientap.haquang", "sai-mat-khau").status_code == 200
    locked = attempt(client, "bientap.haquang", "sai-mat-khau")
    assert locked.status_code == 429
    soup = BeautifulSoup(locked.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Tài khoản tạm bị khóa"
    # Even the right password is refused now.
    assert attempt(client, "bientap.haquang", demo_password()).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_account_and_address(client):
    for _ in range(5):
        attempt(client, "bientap.haquang", "sai-mat-khau")
    other_address = attempt(Client(), "bientap.haquang", demo_password(), address="10.1.0.2")
    assert other_address.status_code == 302
    other_account = attempt(Client(), "duyet.haquang", demo_password())
    assert other_account.status_code == 302


def test_an_administrator_unlocks_in_the_admin(client):
    for _ in range(5):
        attempt(client, "bientap.haquang", "sai-mat-khau")
    entry = AccessAttempt.objects.get(username="bientap.haquang")
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="quantri"))
    listing = admin.get("/admin/locked_logins/")
    assert listing.status_code == 200
    assert "bientap.haquang" in listing.content.decode()
    response = admin.post(f"/admin/locked_logins/delete/{entry.pk}/")
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="bientap.haquang").exists()
    assert attempt(client, "bientap.haquang", demo_password()).status_code == 302


def test_an_editor_cannot_see_or_unlock_locked_logins(client):
    for _ in range(5):
        attempt(Client(), "bientap.baolac", "sai-mat-khau")
    entry = AccessAttempt.objects.get(username="bientap.baolac")
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="duyet.haquang"))
    assert editor.get("/admin/locked_logins/").status_code in {302, 403}
    editor.post(f"/admin/locked_logins/delete/{entry.pk}/")
    assert AccessAttempt.objects.filter(pk=entry.pk).exists()


def test_a_successful_login_resets_the_failure_count(client):
    for _ in range(4):
        attempt(client, "duyet.baolac", "sai-mat-khau")
    assert attempt(client, "duyet.baolac", demo_password()).status_code == 302
    for _ in range(4):
        assert attempt(Client(), "duyet.baolac", "sai-mat-khau").status_code == 200
