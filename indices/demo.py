"""Example results for the demo site (`manage.py load_demo`).

These figures are INVENTED to show how the pages look: no official source is known to us for
them, so every row is saved with is_example=True and the public pages say “Số liệu minh họa,
không phải số liệu chính thức”. Replace them in the admin with the published figures (and untick
“số liệu minh họa”). ICT Index is left without data on purpose: its page shows the plain
“no data yet” message. Creating only what is missing, a second run changes nothing.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from indices.models import IndexResult, ReformIndex, SubIndexScore

EXAMPLE_SOURCE = "Bản trình diễn (chưa có nguồn công bố)"

PAR_SUB_INDICES = [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng, phát triển Chính quyền điện tử, Chính quyền số",
    "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội",
]
SIPAS_SUB_INDICES = [
    "Tiếp cận dịch vụ",
    "Thủ tục hành chính",
    "Công chức trực tiếp giải quyết công việc",
    "Kết quả dịch vụ",
    "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
]
PAPI_SUB_INDICES = [
    "Tham gia của người dân ở cấp cơ sở",
    "Công khai, minh bạch trong ra quyết định",
    "Trách nhiệm giải trình với người dân",
    "Kiểm soát tham nhũng trong khu vực công",
    "Thủ tục hành chính công",
    "Cung ứng dịch vụ công",
    "Quản trị môi trường",
    "Quản trị điện tử",
]
PCI_SUB_INDICES = [
    "Gia nhập thị trường",
    "Tiếp cận đất đai",
    "Tính minh bạch",
    "Chi phí thời gian",
    "Chi phí không chính thức",
    "Cạnh tranh bình đẳng",
    "Tính năng động của chính quyền tỉnh",
    "Dịch vụ hỗ trợ doanh nghiệp",
    "Đào tạo lao động",
    "Thiết chế pháp lý và an ninh trật tự",
]
DTI_SUB_INDICES = ["Chính quyền số", "Kinh tế số", "Xã hội số"]

# slug: [(year, score, rank, out_of, sub-index scores in the order of the names above)]
EXAMPLES = {
    "par-index": (
        PAR_SUB_INDICES,
        [
            ("2021", "82.15", 45, 63, None),
            ("2022", "83.40", 41, 63, None),
            ("2023", "85.12", 38, 63, None),
            ("2024", "84.57", 39, 63, ["8.75", "7.90", "11.40", "6.85", "10.20", "7.10", "13.37", "19.00"]),
            ("2025", "86.03", 14, 34, ["9.00", "8.10", "11.65", "7.00", "10.45", "7.30", "13.53", "19.00"]),
        ],
    ),
    "sipas": (
        SIPAS_SUB_INDICES,
        [
            ("2021", "82.30", 40, 63, None),
            ("2022", "83.95", 37, 63, None),
            ("2023", "84.10", 39, 63, None),
            ("2024", "86.02", 33, 63, ["87.10", "85.40", "88.25", "86.90", "82.45"]),
        ],
    ),
    "papi": (
        PAPI_SUB_INDICES,
        [
            ("2021", "42.10", None, None, None),
            ("2022", "41.55", None, None, None),
            ("2023", "42.80", None, None, None),
            ("2024", "43.12", None, None, ["5.10", "5.45", "4.90", "6.60", "7.25", "7.05", "3.12", "3.65"]),
        ],
    ),
    "pci": (
        PCI_SUB_INDICES,
        [
            ("2021", "59.80", 52, 63, None),
            ("2022", "61.20", 50, 63, None),
            ("2023", "62.45", 47, 63, None),
            (
                "2024",
                "63.10",
                45,
                63,
                ["6.95", "6.40", "5.85", "6.70", "6.25", "5.90", "6.05", "5.55", "5.80", "6.60"],
            ),
        ],
    ),
    "dti": (
        DTI_SUB_INDICES,
        [
            ("2021", "0.3520", 48, 63, None),
            ("2022", "0.4012", 45, 63, None),
            ("2023", "0.4535", 44, 63, None),
            ("2024", "0.4880", 44, 63, ["0.5210", "0.4130", "0.5300"]),
        ],
    ),
}


@transaction.atomic
def load_example_results() -> list[str]:
    created = kept = 0
    for slug, (names, years) in EXAMPLES.items():
        index = ReformIndex.objects.filter(slug=slug).first()
        if index is None:  # an administrator removed or renamed it: leave that alone
            continue
        for year, score, rank, out_of, sub_scores in years:
            if IndexResult.objects.filter(index=index, year=int(year)).exists():
                kept += 1
                continue
            result = IndexResult(
                index=index,
                year=int(year),
                score=Decimal(score),
                rank=rank,
                out_of=out_of,
                source_name=EXAMPLE_SOURCE,
                is_example=True,
            )
            pairs = zip(names, sub_scores, strict=True) if sub_scores else []
            result.sub_indices = [
                SubIndexScore(name=name, score=Decimal(sub_score), sort_order=position)
                for position, (name, sub_score) in enumerate(pairs)
            ]
            result.full_clean()
            result.save()  # with its sub-indices (modelcluster saves the child rows with the parent)
            created += 1
    return [
        _("Chỉ số mẫu: %(created)s kết quả mới (số liệu minh họa), %(kept)s kết quả đã có (giữ nguyên).")
        % {"created": created, "kept": kept}
    ]
