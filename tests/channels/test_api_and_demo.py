"""The API v2 exposes the channel fields; the demo data of the channels loads once and stays."""

import io

import pytest
from django.core.management import call_command

from channels.demo import DEMO_ARTICLE_SLUG, DEMO_BULLETIN_SLUG
from channels.models import LanguageVersion, MonthlyBulletin, TalkingPoint
from tests.channels.test_sms import base36

pytestmark = pytest.mark.django_db


def test_article_detail_has_the_channel_fields(client, article):
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    channels = data["channels"]
    base = "http://localhost" + article.url
    assert channels["urls"] == {
        "radio_script": base + "phat-thanh/",
        "sms": base + "tin-nhan/",
        "print": base + "ban-in/",
        "pdf": base + "ban-in/?pdf=1",
        "talking_points": base + "de-cuong/",
        "share_image": channels["urls"]["share_image"],
    }
    assert channels["urls"]["share_image"].startswith(f"http://testserver/anh-chia-se/{article.pk}-")
    assert channels["sms"]["gsm7"] == {
        "text": f"Ha Quang so hoa ho so mot cua http://localhost/s/{base36(article.pk)}/",
        "length": 29 + 1 + len(f"http://localhost/s/{base36(article.pk)}/"),
        "limit": 160,
    }
    assert channels["radio"]["priority"] == "normal"
    assert channels["radio"]["script"].startswith("Kính thưa bà con! Huyện Hà Quảng")
    assert channels["talking_points"] == []


def test_listing_gives_channels_when_asked(client, article):
    data = client.get("/api/v2/pages/", {"type": "articles.NewsPage", "fields": "channels", "limit": 50}).json()
    item = next(item for item in data["items"] if item["id"] == article.pk)
    assert item["channels"]["urls"]["radio_script"] == "http://localhost" + article.url + "phat-thanh/"


def test_demo_has_a_language_version_key_messages_and_a_bulletin(client):
    version = LanguageVersion.objects.get(page__slug=DEMO_ARTICLE_SLUG)
    assert version.language.code == "mong"
    assert version.text.startswith("[BẢN MẪU – DỮ LIỆU THỬ NGHIỆM, CHƯA PHẢI BẢN DỊCH]")
    assert version.recording is None
    assert TalkingPoint.objects.filter(page__slug=DEMO_ARTICLE_SLUG).count() == 3
    assert client.get(f"/ban-tin/{DEMO_BULLETIN_SLUG}/").status_code == 200


def test_loading_the_demo_again_changes_nothing():
    counts = (LanguageVersion.objects.count(), TalkingPoint.objects.count(), MonthlyBulletin.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Kênh tuyên truyền" not in out.getvalue()
    assert (LanguageVersion.objects.count(), TalkingPoint.objects.count(), MonthlyBulletin.objects.count()) == counts
