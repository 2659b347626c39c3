"""`import_content` takes documents: every field, relations by number, the same atomic rules."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from legal.models import DocumentPage, DocumentRelation
from tests.legal.conftest import document, import_problems, import_records

pytestmark = pytest.mark.django_db

FULL = document(
    "quyet-dinh-thu-nghiem",
    "15/2024/QĐ-UBND",
    title="Quyết định 15/2024/QĐ-UBND về thủ tục thử nghiệm",
    document_type="QĐ",
    signer="Chủ tịch Nguyễn Văn A",
    issue_date="2024-03-01",
    effective_date="2024-03-15",
    status="amended",
    tags=["Thử nghiệm"],
    relations=[{"kind": "implements", "number": "76/NQ-CP"}, {"kind": "guides", "number": "61/2018/ND-CP"}],
)


def run_import(tmp_path, records) -> str:
    path = tmp_path / "documents.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    out = StringIO()
    call_command("import_content", str(path), stdout=out, stderr=out)
    return out.getvalue()


def import_errors(tmp_path, records) -> str:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue() + str(error.value)


def test_a_document_record_sets_every_field(tmp_path):
    output = run_import(tmp_path, [FULL])
    assert "Hoàn tất: 1 bài mới, 0 bài cập nhật" in output
    page = DocumentPage.objects.get(slug="quyet-dinh-thu-nghiem")
    assert page.live and page.url == "/van-ban/tinh/quyet-dinh-thu-nghiem/"
    assert (
        page.document_type.name,
        page.number,
        page.number_key,
        page.issuer,
        page.signer,
        page.issue_date.isoformat(),
        page.effective_date.isoformat(),
        page.status,
    ) == (
        "Quyết định",
        "15/2024/QĐ-UBND",
        "15/2024/qd-ubnd",
        "Ủy ban nhân dân tỉnh Cao Bằng",
        "Chủ tịch Nguyễn Văn A",
        "2024-03-01",
        "2024-03-15",
        "amended",
    )
    assert [area.slug for area in page.reform_areas.all()] == ["thu-tuc-hanh-chinh"]
    assert [(relation.kind, relation.target.number) for relation in page.relations.all()] == [
        ("implements", "76/NQ-CP"),
        ("guides", "61/2018/NĐ-CP"),
    ]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Nghị định", "Nghị định"),
        ("nghi dinh", "Nghị định"),
        ("NĐ", "Nghị định"),
        ("nd", "Nghị định"),
        ("Kế hoạch", "Kế hoạch"),
        ("KH", "Kế hoạch"),
    ],
)
def test_the_type_is_read_by_name_or_abbreviation(given, expected):
    pages = import_records([document("loai", "20/2024/NĐ-CP", document_type=given)])
    assert pages["loai"].document_type.name == expected


@pytest.mark.parametrize(
    ("given", "expected"), [("in_force", "in_force"), ("Hết hiệu lực", "expired"), ("duoc sua doi, bo sung", "amended")]
)
def test_the_status_is_read_by_value_or_label(given, expected):
    assert import_records([document("tinh-trang", "21/2024/QĐ-UBND", status=given)])["tinh-trang"].status == expected


def test_the_status_defaults_to_in_force():
    assert import_records([document("mac-dinh", "22/2024/QĐ-UBND")])["mac-dinh"].status == "in_force"


def test_relations_between_documents_of_one_file_are_written_in_order_whatever_their_place():
    pages = import_records(
        [
            document(
                "ke-hoach",
                "30/KH-UBND",
                document_type="KH",
                relations=[{"kind": "implements", "number": "31/2024/QĐ-UBND"}],
            ),
            document("quyet-dinh", "31/2024/QĐ-UBND", relations=[{"kind": "amends", "number": "32/2023/QĐ-UBND"}]),
            document("quyet-dinh-cu", "32/2023/QĐ-UBND", issue_date="2023-01-05"),
        ]
    )
    assert [relation.target.pk for relation in pages["ke-hoach"].relations.all()] == [pages["quyet-dinh"].pk]
    assert [relation.target.pk for relation in pages["quyet-dinh"].relations.all()] == [pages["quyet-dinh-cu"].pk]
    assert list(DocumentRelation.objects.filter(target=pages["quyet-dinh-cu"]).values_list("kind", flat=True)) == [
        "amends"
    ]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"document_type": None}, "thiếu “document_type”"),
        ({"document_type": "Sắc lệnh"}, "không có loại văn bản “Sắc lệnh”"),
        ({"issuer": ""}, "thiếu cơ quan ban hành (“issuer”)."),
        ({"issue_date": "15/7/2021"}, "ngày “15/7/2021” trong “issue_date” không hợp lệ"),
        ({"effective_date": "2021-02-30"}, "ngày “2021-02-30” trong “effective_date” không hợp lệ"),
        ({"status": "có hiệu lực"}, "“status” chỉ nhận in_force"),
        ({"number": 61}, "“number” phải là văn bản."),
        ({"signer": ["A"]}, "“signer” phải là văn bản."),
        ({"relations": {"kind": "amends"}}, "“relations” phải là danh sách"),
        ({"relations": [{"kind": "sua-doi", "number": "76/NQ-CP"}]}, "“relations” phải là danh sách"),
        ({"relations": [{"kind": "amends", "number": ""}]}, "“relations” phải là danh sách"),
        (
            {"relations": [{"kind": "amends", "number": "999/2099/NĐ-CP"}]},
            "không có văn bản số “999/2099/NĐ-CP” trong tệp hay trong tủ sách",
        ),
        ({"relations": [{"kind": "amends", "number": "40/2024/QĐ-UBND"}]}, "văn bản không thể có quan hệ với chính nó"),
        (
            {"number": "61/2018/NĐ-CP", "issue_date": "2018-12-01"},
            "tủ sách đã có văn bản số “61/2018/NĐ-CP” ban hành cùng năm",
        ),
    ],
)
def test_each_bad_document_record_is_reported_and_nothing_is_imported(tmp_path, changes, reason):
    record = {key: value for key, value in document("hong", "40/2024/QĐ-UBND").items()}
    for key, value in changes.items():
        if value is None:
            record.pop(key)
        else:
            record[key] = value
    good = document("tot", "41/2024/QĐ-UBND")
    pages_before = Page.objects.count()
    errors = import_errors(tmp_path, [good, record])
    assert "Bản ghi [1] (thứ 2 trong tệp)" in errors
    assert reason in errors
    assert "Không có bài nào được nhập" in errors
    assert Page.objects.count() == pages_before
    assert not DocumentPage.objects.filter(slug__in=["tot", "hong"]).exists()


def test_the_same_number_twice_in_one_file_is_a_bad_record():
    problems = import_problems([document("mot", "50/2024/QĐ-UBND"), document("hai", "50/2024/QD-UBND")])
    assert problems == [
        "Bản ghi [1] (thứ 2 trong tệp) «Văn bản thử nghiệm 50/2024/QD-UBND»: "
        "số, ký hiệu “50/2024/QD-UBND” trùng với bản ghi [0] ban hành cùng năm."
    ]


def test_an_ambiguous_number_is_a_bad_record():
    import_records(
        [document("nq-76-2012", "76/NQ-CP", document_type="NQ", issuer="Chính phủ", issue_date="2012-06-01")]
    )
    problems = import_problems(
        [document("mo-ho", "51/2024/QĐ-UBND", relations=[{"kind": "implements", "number": "76/NQ-CP"}])]
    )
    assert problems == [
        "Bản ghi [0] (thứ 1 trong tệp) «Văn bản thử nghiệm 51/2024/QĐ-UBND»: "
        "có 2 văn bản cùng số “76/NQ-CP” (khác năm); không biết liên kết văn bản nào."
    ]


def test_a_cycle_of_relations_in_one_file_is_a_bad_record():
    problems = import_problems(
        [
            document("a", "52/2024/QĐ-UBND", relations=[{"kind": "amends", "number": "53/2024/QĐ-UBND"}]),
            document("b", "53/2024/QĐ-UBND", relations=[{"kind": "replaces", "number": "52/2024/QĐ-UBND"}]),
        ]
    )
    assert len(problems) == 2
    assert all(problem.endswith("các quan hệ giữa văn bản trong tệp tạo thành vòng lặp.") for problem in problems)


def test_reimporting_updates_the_document_and_its_relations_with_a_new_revision(tmp_path):
    run_import(tmp_path, [FULL])
    page = DocumentPage.objects.get(slug="quyet-dinh-thu-nghiem")
    revisions = Revision.objects.for_instance(page).count()
    changed = dict(FULL, status="expired", relations=[{"kind": "replaces", "number": "327/QĐ-UBND"}])

    output = run_import(tmp_path, [changed])

    assert "0 bài mới, 1 bài cập nhật" in output
    page = DocumentPage.objects.get(slug="quyet-dinh-thu-nghiem")
    assert page.status == "expired"
    assert [(relation.kind, relation.target.number) for relation in page.relations.all()] == [
        ("replaces", "327/QĐ-UBND")
    ]
    assert Revision.objects.for_instance(page).count() == revisions + 1
    assert DocumentPage.objects.filter(number_key="15/2024/qd-ubnd").count() == 1


def test_reimporting_the_same_file_changes_no_relation(tmp_path):
    run_import(tmp_path, [FULL])
    before = list(DocumentRelation.objects.values_list("page_id", "kind", "target_id"))
    run_import(tmp_path, [FULL])
    assert list(DocumentRelation.objects.values_list("page_id", "kind", "target_id")) == before
