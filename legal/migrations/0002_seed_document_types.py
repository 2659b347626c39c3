"""The usual kinds of document, with the abbreviations their numbers carry (Nghị định 30/2020/NĐ-CP,
Phụ lục III; Công văn's "CV" is the common shorthand, its numbers carry none). Data: administrators
add and rename types in the admin."""

from django.db import migrations

TYPES = [
    ("Luật", "", "luat"),
    ("Nghị định", "NĐ", "nghi-dinh"),
    ("Nghị quyết", "NQ", "nghi-quyet"),
    ("Quyết định", "QĐ", "quyet-dinh"),
    ("Chỉ thị", "CT", "chi-thi"),
    ("Thông tư", "TT", "thong-tu"),
    ("Thông tư liên tịch", "TTLT", "thong-tu-lien-tich"),
    ("Kế hoạch", "KH", "ke-hoach"),
    ("Chương trình", "CTr", "chuong-trinh"),
    ("Đề án", "ĐA", "de-an"),
    ("Kết luận", "KL", "ket-luan"),
    ("Quy định", "QyĐ", "quy-dinh"),
    ("Hướng dẫn", "HD", "huong-dan"),
    ("Thông báo", "TB", "thong-bao"),
    ("Báo cáo", "BC", "bao-cao"),
    ("Công văn", "CV", "cong-van"),
]


def seed(apps, schema_editor):
    DocumentType = apps.get_model("legal", "DocumentType")
    for position, (name, abbreviation, slug) in enumerate(TYPES, start=1):
        DocumentType.objects.get_or_create(
            slug=slug, defaults={"name": name, "abbreviation": abbreviation, "sort_order": position * 10}
        )


def unseed(apps, schema_editor):
    DocumentType = apps.get_model("legal", "DocumentType")
    DocumentType.objects.filter(slug__in=[slug for _name, _abbreviation, slug in TYPES], documents=None).delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
