"""The shipped list of chat shorthand, and more everyday acronyms as synonyms; editors change both in
the admin (Từ viết tắt, Từ đồng nghĩa)."""

from django.db import migrations

# (what citizens type, what it stands for, note)
DEFAULT_SHORTHAND = [
    ("dk", "đăng ký", "Tin nhắn"),
    ("đk", "đăng ký", "Tin nhắn"),
    ("dky", "đăng ký", "Tin nhắn"),
    ("dki", "đăng ký", "Tin nhắn"),
    ("đki", "đăng ký", "Tin nhắn"),
    ("ko", "không", "Tin nhắn"),
    ("k", "không", "Tin nhắn"),
    ("kg", "không", "Tin nhắn"),
    ("kh", "không", "Tin nhắn"),
    ("khg", "không", "Tin nhắn"),
    ("hok", "không", "Tin nhắn"),
    ("hem", "không", "Tin nhắn"),
    ("dc", "được", "Tin nhắn"),
    ("đc", "được", "Tin nhắn"),
    ("j", "gì", "Tin nhắn"),
    ("ntn", "như thế nào", "Tin nhắn"),
    ("tn", "thế nào", "Tin nhắn"),
    ("bn", "bao nhiêu", "Tin nhắn"),
    ("bnhieu", "bao nhiêu", "Tin nhắn"),
    ("vs", "với", "Tin nhắn"),
    ("ng", "người", "Tin nhắn"),
    ("cx", "cũng", "Tin nhắn"),
    ("r", "rồi", "Tin nhắn"),
    ("mk", "mình", "Tin nhắn"),
    ("wa", "qua", "Tin nhắn"),
    ("bít", "biết", "Tin nhắn"),
    ("bik", "biết", "Tin nhắn"),
    ("oy", "rồi", "Tin nhắn"),
    ("hs", "hồ sơ", "Giấy tờ"),
    ("hk", "hộ khẩu", "Cư trú"),
    ("sđt", "số điện thoại", "Liên lạc"),
    ("sdt", "số điện thoại", "Liên lạc"),
    ("dvc", "dịch vụ công", "Dịch vụ công"),
    ("qg", "quốc gia", "Dịch vụ công"),
]

# Acronyms of papers, procedures and services (the page may hold the acronym itself: a synonym).
MORE_SYNONYMS = [
    ("GCN, giấy chứng nhận", "Viết tắt"),
    ("QSDĐ, quyền sử dụng đất", "Viết tắt"),
    ("CMT, CMND, chứng minh thư", "Giấy tờ tùy thân"),
    ("ĐKKS, đăng ký khai sinh", "Viết tắt"),
    ("ĐKKH, đăng ký kết hôn", "Viết tắt"),
    ("HKD, hộ kinh doanh", "Viết tắt"),
    ("DNTN, doanh nghiệp tư nhân", "Viết tắt"),
    ("MST, mã số thuế", "Viết tắt"),
    ("DVCQG, cổng dịch vụ công quốc gia", "Viết tắt"),
    ("CSDLQG, cơ sở dữ liệu quốc gia", "Viết tắt"),
]


def add_defaults(apps, schema_editor):
    Shorthand = apps.get_model("search", "Shorthand")
    Synonym = apps.get_model("search", "Synonym")
    if not Shorthand.objects.exists():
        Shorthand.objects.bulk_create(
            Shorthand(short=short, expansion=expansion, note=note) for short, expansion, note in DEFAULT_SHORTHAND
        )
    known = set(Synonym.objects.values_list("terms", flat=True))
    Synonym.objects.bulk_create(
        Synonym(terms=terms, note=note) for terms, note in MORE_SYNONYMS if terms not in known
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_query_clicks")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
