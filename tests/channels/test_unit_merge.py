"""A unit merged into another hands over what channels keeps for it: translators and recordings."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtailmedia.models import Media

from channels.models import UnitTranslators
from channels.roles import ensure_translators
from editorial.models import UnitRoles
from editorial.roles import ADMINISTRATOR_GROUP
from home.models import Unit

pytestmark = pytest.mark.django_db


def test_translators_and_recordings_follow_the_merge(client):
    ha_quang, bao_lac = Unit.objects.get(slug="ha-quang"), Unit.objects.get(slug="bao-lac")
    users = get_user_model().objects
    translator = users.create_user("bdv.haquang", "bdv.haquang@caobang.example", "x")
    translator.groups.add(ensure_translators(ha_quang))
    collection = UnitRoles.objects.get(unit=ha_quang).collection
    recording = Media.objects.create(
        title="Bản ghi tiếng Tày",
        type="audio",
        duration=12,
        collection=collection,
        file=ContentFile(b"ID3 not really audio", name="ban-tin.mp3"),
    )
    administrator = users.create_user("quantri.hopnhat", "quantri.hopnhat@caobang.example", "x")
    administrator.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    client.force_login(administrator)

    url = reverse("editorial_unit_merge", args=[ha_quang.pk])
    response = client.post(url, {"target": bao_lac.pk, "accounts": "move", "confirm": "1"})

    assert response.status_code == 302
    recording.refresh_from_db()  # still there: a deleted collection would have taken it along
    assert recording.collection == UnitRoles.objects.get(unit=bao_lac).collection
    assert UnitTranslators.objects.get(unit=bao_lac).group.user_set.filter(pk=translator.pk).exists()
    assert not UnitTranslators.objects.filter(unit=ha_quang).exists()
    assert not Group.objects.filter(name="Biên dịch viên – Huyện Hà Quảng").exists()
