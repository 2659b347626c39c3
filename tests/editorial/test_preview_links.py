"""Preview links: a revocable, expiring link that shows one draft read-only, and nothing else."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from editorial.models import PreviewLink
from tests.editorial.conftest import is_denied

pytestmark = pytest.mark.django_db


def create_link(client, page, recipient="Chuyên viên Sở Tư pháp", days="7"):
    return client.post(reverse("editorial_preview_links", args=[page.pk]), {"recipient": recipient, "days": days})


def test_contributor_creates_a_link_and_an_anonymous_reader_sees_the_draft(client, contributor, haquang_draft):
    client.force_login(contributor)
    response = create_link(client, haquang_draft)
    assert response.status_code == 302
    link = PreviewLink.objects.get(page=haquang_draft)
    assert link.created_by == contributor and link.is_usable
    assert datetime.timedelta(days=6) < link.expires_at - timezone.now() <= datetime.timedelta(days=7)

    client.logout()
    response = client.get(reverse("shared_preview", args=[link.token]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert haquang_draft.title in soup.get_text()
    assert "Bản nháp chưa xuất bản" in soup.get_text()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_the_link_shows_the_latest_draft_not_the_live_version(client, contributor, haquang_draft):
    page = haquang_draft
    page.title = "Tiêu đề bản nháp mới nhất"
    page.save_revision(user=contributor)
    link = PreviewLink.objects.create(page=page, recipient="Chuyên gia", created_by=contributor)
    response = client.get(reverse("shared_preview", args=[link.token]))
    assert "Tiêu đề bản nháp mới nhất" in response.content.decode()


def test_the_link_is_read_only(client, contributor, haquang_draft):
    link = PreviewLink.objects.create(page=haquang_draft, recipient="Chuyên gia", created_by=contributor)
    response = client.post(reverse("shared_preview", args=[link.token]), {"title": "Sửa"})
    assert response.status_code == 405
    # The token opens nothing in the admin.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[haquang_draft.pk]) + f"?token={link.token}")
    assert is_denied(response)


def test_revoked_and_expired_links_show_nothing(client, contributor, haquang_draft):
    revoked = PreviewLink.objects.create(page=haquang_draft, recipient="A", created_by=contributor)
    client.force_login(contributor)
    client.post(reverse("editorial_preview_link_revoke", args=[haquang_draft.pk, revoked.pk]))
    revoked.refresh_from_db()
    assert revoked.revoked_at is not None
    expired = PreviewLink.objects.create(
        page=haquang_draft,
        recipient="B",
        created_by=contributor,
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    client.logout()
    for link in (revoked, expired):
        response = client.get(reverse("shared_preview", args=[link.token]))
        assert response.status_code == 404
        assert haquang_draft.title not in response.content.decode()
        assert "hết hạn" in response.content.decode()
    assert client.get(reverse("shared_preview", args=["khong-ton-tai"])).status_code == 404


def test_other_units_people_cannot_create_or_revoke_links(client, contributor, other_contributor, haquang_draft):
    link = PreviewLink.objects.create(page=haquang_draft, recipient="A", created_by=contributor)
    client.force_login(other_contributor)
    assert is_denied(create_link(client, haquang_draft))
    assert is_denied(client.get(reverse("editorial_preview_links", args=[haquang_draft.pk])))
    response = client.post(reverse("editorial_preview_link_revoke", args=[haquang_draft.pk, link.pk]))
    assert is_denied(response)
    link.refresh_from_db()
    assert link.is_usable
    assert PreviewLink.objects.filter(page=haquang_draft).count() == 1


@pytest.mark.parametrize(
    ("recipient", "days", "message"),
    [("", "7", "người nhận"), ("Chuyên gia", "31", "tối đa 30"), ("Chuyên gia", "abc", "số nguyên")],
)
def test_bad_input_gets_a_vietnamese_message_and_a_400(client, contributor, haquang_draft, recipient, days, message):
    client.force_login(contributor)
    response = create_link(client, haquang_draft, recipient=recipient, days=days)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PreviewLink.objects.filter(page=haquang_draft).exists()
