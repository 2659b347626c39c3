"""Media on S3-compatible object storage (django-storages) against a real local S3 API (moto server)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Collection

from tests.ops.conftest import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
BUCKET = "cchc-media"


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def s3_media(settings, s3_server):
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_server
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = "kiem-thu"
    settings.AWS_SECRET_ACCESS_KEY = "kiem-thu"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_QUERYSTRING_AUTH = True
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    client = boto3.client(
        "s3", endpoint_url=s3_server, region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="k"
    )
    client.create_bucket(Bucket=BUCKET)
    return client


def test_an_uploaded_document_lands_in_the_bucket_and_is_served_through_wagtail(client, s3_media):
    client.force_login(get_user_model().objects.get(username="quantri"))
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Quyết định công bố TTHC",
            "file": SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.7 noi dung quyet dinh"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Quyết định công bố TTHC")
    stored = s3_media.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read()
    assert stored == b"%PDF-1.7 noi dung quyet dinh"
    # Wagtail's document view checks privacy, then redirects to a signed URL of the bucket.
    served = client.get(document.url)
    assert served.status_code == 302
    assert served["Location"].startswith(f"{s3_media.meta.endpoint_url}/{BUCKET}/")
    with urllib.request.urlopen(served["Location"]) as signed:
        assert signed.read() == b"%PDF-1.7 noi dung quyet dinh"


def test_media_urls_are_signed_and_expire(s3_media):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("documents/rieng.pdf", ContentFile(b"%PDF-1.4 rieng"))
    url = default_storage.url(name)
    assert url.startswith(f"{s3_media.meta.endpoint_url}/{BUCKET}/documents/rieng.pdf?")
    assert "Signature=" in url and "Expires=" in url
