"""The six reform areas of the plan (fixed slugs) and the province's contributing units."""

from django.db import migrations

REFORM_AREAS = [
    (
        "the-che",
        "Cải cách thể chế",
        "Thể chế",
        "Xây dựng, hoàn thiện và nâng cao chất lượng văn bản quy phạm pháp luật; tổ chức thi hành "
        "pháp luật; rà soát, hệ thống hóa văn bản của tỉnh.",
    ),
    (
        "thu-tuc-hanh-chinh",
        "Cải cách thủ tục hành chính",
        "Thủ tục hành chính",
        "Cắt giảm, đơn giản hóa thủ tục hành chính; thực hiện cơ chế một cửa, một cửa liên thông; "
        "công khai, minh bạch thủ tục và kết quả giải quyết hồ sơ.",
    ),
    (
        "to-chuc-bo-may",
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        "Tổ chức bộ máy",
        "Sắp xếp, tinh gọn tổ chức bộ máy các cơ quan hành chính, đơn vị sự nghiệp công lập và đơn vị "
        "hành chính các cấp; nâng cao hiệu lực, hiệu quả hoạt động.",
    ),
    (
        "cong-vu",
        "Cải cách chế độ công vụ",
        "Chế độ công vụ",
        "Xây dựng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp, có đủ phẩm chất, năng lực; "
        "đổi mới tuyển dụng, đánh giá; tăng cường kỷ luật, kỷ cương hành chính.",
    ),
    (
        "tai-chinh-cong",
        "Cải cách tài chính công",
        "Tài chính công",
        "Đổi mới cơ chế quản lý tài chính, cơ chế tự chủ của đơn vị sự nghiệp công lập; quản lý, sử dụng "
        "hiệu quả ngân sách, tài sản công và vốn đầu tư công.",
    ),
    (
        "chinh-quyen-so",
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        "Chính quyền số",
        "Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan nhà nước; cung cấp "
        "dịch vụ công trực tuyến; kết nối, chia sẻ dữ liệu.",
    ),
]

UNITS = [
    ("tinh", "Văn phòng UBND tỉnh (Ban biên tập)", "province"),
    ("so-noi-vu", "Sở Nội vụ", "department"),
    ("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "department"),
    ("so-tai-chinh", "Sở Tài chính", "department"),
    ("so-tu-phap", "Sở Tư pháp", "department"),
    ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "department"),
    ("thanh-pho-cao-bang", "Thành phố Cao Bằng", "district"),
    ("bao-lac", "Huyện Bảo Lạc", "district"),
    ("bao-lam", "Huyện Bảo Lâm", "district"),
    ("ha-lang", "Huyện Hạ Lang", "district"),
    ("ha-quang", "Huyện Hà Quảng", "district"),
    ("hoa-an", "Huyện Hòa An", "district"),
    ("nguyen-binh", "Huyện Nguyên Bình", "district"),
    ("quang-hoa", "Huyện Quảng Hòa", "district"),
    ("thach-an", "Huyện Thạch An", "district"),
    ("trung-khanh", "Huyện Trùng Khánh", "district"),
]


def seed(apps, schema_editor):
    ReformArea = apps.get_model("home", "ReformArea")
    Unit = apps.get_model("home", "Unit")
    for order, (slug, name, short_name, description) in enumerate(REFORM_AREAS, start=1):
        ReformArea.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "short_name": short_name, "description": description, "sort_order": order},
        )
    for order, (slug, name, kind) in enumerate(UNITS, start=1):
        Unit.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
