"""make backup → wipe → make restore gives back the same pages, revisions, users and media."""

from __future__ import annotations

import pytest

from tests.ops.scratch import ScratchSite

pytestmark = pytest.mark.slow

CONTENT = """
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from articles.models import NewsIndexPage, NewsPage
from articles.tree import section_for
from home.models import ReformArea, Unit
import io
from PIL import Image as PILImage

User = get_user_model()
User.objects.create_user("sao-luu", "sao-luu@example.org", "Mat-khau-2026!")
section = section_for(NewsIndexPage, Unit.objects.get(slug="ha-quang"))
page = NewsPage(title="Bài kiểm thử sao lưu", summary="Tóm tắt", unit=section.unit)
section.add_child(instance=page)
page.reform_areas.set([ReformArea.objects.first()])
page.save_revision().publish()
page.title = "Bài kiểm thử sao lưu (bản nháp)"
page.save_revision()
buffer = io.BytesIO(); PILImage.new("RGB", (8, 8), "blue").save(buffer, "PNG")
Image.objects.create(title="Ảnh", file=ContentFile(buffer.getvalue(), name="sao-luu.png"))
Document.objects.create(title="Tài liệu", file=ContentFile(b"%PDF-1.4 sao luu", name="sao-luu.pdf"))
print(json.dumps(True))
"""

STATE = """
from ops.backup import media_checksums, row_counts
print(json.dumps({"counts": row_counts(), "media": media_checksums()}))
"""


def test_backup_wipe_restore_gives_back_the_same_site(tmp_path):
    site = ScratchSite(tmp_path, "backup")
    try:
        site.manage("migrate", "--noinput", "-v0")
        site.python(CONTENT)
        before = site.python(STATE)
        assert before["counts"]["wagtailcore_page"] > 10 and before["counts"]["auth_user"] == 1
        assert before["counts"]["wagtailcore_revision"] >= 2 and len(before["media"]) >= 2

        output = site.manage("backup_site", "--dir", str(tmp_path / "backups")).strip().splitlines()
        archive = output[-1]
        assert archive.startswith(str(tmp_path / "backups" / "cchc-")) and archive.endswith(".tar.gz")

        site.wipe()
        for path in sorted(site.media.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        empty = site.python(STATE)
        assert empty["media"] == {} and empty["counts"].get("wagtailcore_page", 0) == 0

        message = site.manage("restore_site", archive)
        assert message.startswith("Đã khôi phục:")
        assert site.python(STATE) == before
    finally:
        site.drop()


def test_restore_refuses_a_database_that_has_rows(tmp_path):
    site = ScratchSite(tmp_path, "restore_full")
    try:
        site.manage("migrate", "--noinput", "-v0")
        site.python(CONTENT)
        archive = site.manage("backup_site", "--dir", str(tmp_path / "b")).strip().splitlines()[-1]
        import subprocess
        import sys

        from tests.ops.scratch import PROJECT

        result = subprocess.run(
            [sys.executable, "manage.py", "restore_site", archive],
            cwd=PROJECT,
            env=site.env(),
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1
        assert "Cơ sở dữ liệu đang có dữ liệu" in result.stderr
    finally:
        site.drop()
