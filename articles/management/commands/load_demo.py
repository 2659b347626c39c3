from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail import hooks

from articles.demo.images import illustration
from articles.demo.units import create_demo_units
from articles.importing import ContentImporter, load_records
from articles.models import NewsPage, SuccessStoryPage
from articles.tree import ensure_site_tree

DEMO_CONTENT = Path(__file__).resolve().parents[2] / "demo" / "content.json"


class Command(BaseCommand):
    help = "Nạp nội dung và tài khoản mẫu (chạy nhiều lần không tạo trùng)."

    def handle(self, *args, **options) -> None:
        records = load_records(DEMO_CONTENT.read_bytes())
        importer = ContentImporter(records, only_missing=True)
        clean, errors = importer.validate()
        if errors:
            raise CommandError("Nội dung mẫu có lỗi:\n" + "\n".join(str(error) for error in errors))
        with transaction.atomic():
            ensure_site_tree()
            for line in create_demo_units():
                self.stdout.write(line)
            result = importer.run(clean)
            for position, page in enumerate(result.created):
                if isinstance(page, NewsPage | SuccessStoryPage):
                    self._illustrate(page, position)
        self.stdout.write(f"Nội dung mẫu: {len(result.created)} bài mới, {len(result.skipped)} bài đã có (giữ nguyên).")
        # Apps above this one add their demo data (accounts, documents, indices …): a `load_demo`
        # hook returns the lines it reports, and like this command changes nothing on a second run.
        for load in hooks.get_hooks("load_demo"):
            for line in load():
                self.stdout.write(line)

    def _illustrate(self, page, position: int) -> None:
        caption = str(page.specific_class._meta.verbose_name)
        image = illustration(page.title, caption, position)
        page.body.insert(
            0, ("image", {"image": image, "alt_text": f"Ảnh minh họa cho bài: {page.title}", "caption": ""})
        )
        page.save_revision().publish()
