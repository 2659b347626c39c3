"""Recordings of the ethnic-language scripts: audio checked by content and size; shown with a transcript."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Collection
from wagtailmedia.models import Media

from channels.models import BroadcastLanguage, LanguageVersion
from tests.channels.conftest import publish, user

pytestmark = pytest.mark.django_db


def silent_mp3(frames: int = 20) -> bytes:
    """MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, all side information zero: valid silence."""
    header = bytes([0xFF, 0xFB, 0x90, 0x64])
    return (header + bytes(417 - 4)) * frames


def upload(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailmedia:add", args=["audio"]),
        {
            "title": "Bản ghi tiếng Tày",
            "file": SimpleUploadedFile(name, content, content_type="audio/mpeg"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "media"
    return sorted(root.rglob("*")) if root.exists() else []


def test_a_real_mp3_is_stored(admin_client):
    response = upload(admin_client, "ban-tin.mp3", silent_mp3())
    assert response.status_code == 302
    assert Media.objects.get(title="Bản ghi tiếng Tày").type == "audio"


@pytest.mark.parametrize(
    "content",
    [b"<html>khong phai am thanh</html>", b"MZ\x90\x00" + bytes(100), b"RIFF\x00\x00\x00\x00WAVEfmt "],
)
def test_a_file_that_is_not_mp3_ogg_or_m4a_is_refused_and_nothing_stored(admin_client, content):
    before, files = Media.objects.count(), stored_files()
    response = upload(admin_client, "ban-tin.mp3", content)
    assert response.status_code == 200
    assert "Tệp không phải bản ghi âm MP3, OGG hoặc M4A (đã kiểm tra nội dung tệp, không chỉ tên tệp)." in (
        response.content.decode()
    )
    assert Media.objects.count() == before
    assert stored_files() == files


@override_settings(CHANNELS_RECORDING_MAX_BYTES=4000)
def test_an_oversize_recording_is_refused_and_nothing_stored(admin_client):
    before, files = Media.objects.count(), stored_files()
    response = upload(admin_client, "dai.mp3", silent_mp3(frames=20))
    assert response.status_code == 200
    assert "Tệp quá lớn (8,1\xa0KB). Bản ghi âm tối đa 3,9\xa0KB." in response.content.decode()
    assert Media.objects.count() == before
    assert stored_files() == files


def test_ogg_and_m4a_are_recognised_by_content(admin_client):
    assert upload(admin_client, "a.ogg", b"OggS\x00\x02" + bytes(200)).status_code == 302
    assert upload(admin_client, "a.m4a", b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00" + bytes(200)).status_code == 302


def test_a_contributor_may_upload_to_the_units_collection(client):
    client.force_login(user("bientap.haquang"))
    assert client.get(reverse("wagtailmedia:add", args=["audio"])).status_code == 200


def test_the_article_offers_the_recording_with_its_transcript(client, article, admin_client):
    upload(admin_client, "tay.mp3", silent_mp3())
    media = Media.objects.get(title="Bản ghi tiếng Tày")
    draft = article.get_latest_revision_as_object()
    draft.language_versions.add(
        LanguageVersion(language=BroadcastLanguage.objects.get(code="tay"), text="Pỉ noọng ơi!", recording=media)
    )
    publish(draft)
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    version = soup.select_one(".channel-version")
    assert version["lang"] == "tyz"
    audio = version.find("audio")
    assert audio.has_attr("controls")
    assert audio.source["src"] == media.url
    assert audio.source["type"] == "audio/mpeg"
    transcript = soup.find(id=audio["aria-describedby"])
    assert transcript.p.get_text() == "Pỉ noọng ơi!"
    assert soup.find_all("script", src=False, type=lambda value: value != "application/ld+json") == []
