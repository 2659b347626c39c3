"""The six indices the province is measured by, as data (administrators may edit them later).

Only the indices themselves: no result of any year is seeded here (demo examples come from
load_demo, marked as examples). Existing rows with the same slug are left as they are.
"""

from decimal import Decimal

from django.db import migrations

INDICES = [
    {
        "slug": "par-index",
        "abbreviation": "PAR INDEX",
        "name": "Chỉ số cải cách hành chính",
        "publisher": "Bộ Nội vụ",
        "minimum": Decimal(0),
        "maximum": Decimal(100),
        "unit": "%",
        "tag_name": "PAR INDEX",
        "description": (
            "Bộ Nội vụ xác định Chỉ số cải cách hành chính (PAR INDEX) hằng năm để đo kết quả cải cách "
            "hành chính của các bộ và của Ủy ban nhân dân các tỉnh, thành phố: chỉ đạo điều hành, thể chế, "
            "thủ tục hành chính, tổ chức bộ máy, công vụ, tài chính công, chính quyền điện tử, chính quyền số "
            "và tác động của cải cách đến người dân, doanh nghiệp. Kết quả tính theo thang 100."
        ),
    },
    {
        "slug": "sipas",
        "abbreviation": "SIPAS",
        "name": "Chỉ số hài lòng về sự phục vụ hành chính",
        "publisher": "Bộ Nội vụ",
        "minimum": Decimal(0),
        "maximum": Decimal(100),
        "unit": "%",
        "tag_name": "SIPAS",
        "description": (
            "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước "
            "(SIPAS) cho biết bao nhiêu phần trăm người dân, tổ chức đã làm thủ tục hành chính hài lòng với "
            "việc tiếp cận dịch vụ, thủ tục, công chức giải quyết công việc, kết quả nhận được và việc tiếp "
            "nhận, xử lý góp ý. Bộ Nội vụ tổ chức khảo sát trực tiếp người dân, tổ chức."
        ),
    },
    {
        "slug": "papi",
        "abbreviation": "PAPI",
        "name": "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
        "publisher": "UNDP và CECODES",
        "minimum": Decimal(10),
        "maximum": Decimal(80),
        "unit": "điểm",
        "tag_name": "PAPI",
        "description": (
            "Chỉ số PAPI do Chương trình Phát triển Liên hợp quốc (UNDP) và Trung tâm Nghiên cứu phát triển "
            "và Hỗ trợ cộng đồng (CECODES) thực hiện, dựa trên ý kiến của người dân về chính quyền các cấp: "
            "sự tham gia của người dân, công khai minh bạch, trách nhiệm giải trình, kiểm soát tham nhũng, "
            "thủ tục hành chính công, dịch vụ công, quản trị môi trường và quản trị điện tử."
        ),
    },
    {
        "slug": "pci",
        "abbreviation": "PCI",
        "name": "Chỉ số năng lực cạnh tranh cấp tỉnh",
        "publisher": "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)",
        "minimum": Decimal(0),
        "maximum": Decimal(100),
        "unit": "điểm",
        "tag_name": "PCI",
        "description": (
            "Chỉ số PCI do VCCI công bố hằng năm, dựa trên ý kiến của doanh nghiệp về chất lượng điều hành "
            "kinh tế của chính quyền tỉnh: gia nhập thị trường, tiếp cận đất đai, minh bạch, chi phí thời "
            "gian, chi phí không chính thức, cạnh tranh bình đẳng, tính năng động, hỗ trợ doanh nghiệp, đào "
            "tạo lao động và thiết chế pháp lý."
        ),
    },
    {
        "slug": "ict-index",
        "abbreviation": "ICT Index",
        "name": "Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin – truyền thông",
        "publisher": "Bộ Thông tin và Truyền thông",
        "minimum": Decimal(0),
        "maximum": Decimal(1),
        "unit": "điểm",
        "tag_name": "ICT Index",
        "description": (
            "Vietnam ICT Index đánh giá mức độ sẵn sàng về hạ tầng, nhân lực và ứng dụng công nghệ thông tin "
            "– truyền thông của các tỉnh, thành phố. Việc đánh giá chuyển đổi số hiện nay được thực hiện bằng "
            "Chỉ số chuyển đổi số cấp tỉnh (DTI), kế thừa ICT Index."
        ),
    },
    {
        "slug": "dti",
        "abbreviation": "DTI",
        "name": "Chỉ số chuyển đổi số cấp tỉnh",
        "publisher": "Bộ Thông tin và Truyền thông",
        "minimum": Decimal(0),
        "maximum": Decimal(1),
        "unit": "điểm",
        "tag_name": "DTI",
        "description": (
            "Chỉ số DTI đo mức độ chuyển đổi số của tỉnh trên ba trụ cột: chính quyền số, kinh tế số và xã "
            "hội số, cùng các điều kiện nền tảng như thể chế, hạ tầng, nhân lực và an toàn thông tin."
        ),
    },
]


def seed(apps, schema_editor):
    ReformIndex = apps.get_model("indices", "ReformIndex")
    for position, values in enumerate(INDICES):
        defaults = {key: value for key, value in values.items() if key != "slug"}
        ReformIndex.objects.get_or_create(slug=values["slug"], defaults={**defaults, "sort_order": position * 10})


class Migration(migrations.Migration):
    dependencies = [("indices", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
