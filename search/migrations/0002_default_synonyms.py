"""The default list of everyday ↔ official names; editors change it in the admin (Tìm kiếm → Từ đồng nghĩa)."""

from django.db import migrations

DEFAULT_SYNONYMS = [
    ("CCCD, căn cước công dân, thẻ căn cước, căn cước, CMND, chứng minh nhân dân", "Giấy tờ tùy thân"),
    ("sổ đỏ, giấy chứng nhận quyền sử dụng đất, GCNQSDĐ, bìa đỏ", "Đất đai"),
    ("sổ hồng, giấy chứng nhận quyền sở hữu nhà ở, quyền sở hữu nhà ở, bìa hồng", "Nhà ở"),
    ("GPLX, giấy phép lái xe, bằng lái xe, bằng lái", "Giao thông"),
    ("BHYT, bảo hiểm y tế, thẻ bảo hiểm y tế", "Bảo hiểm"),
    ("BHXH, bảo hiểm xã hội, sổ bảo hiểm xã hội", "Bảo hiểm"),
    ("hộ khẩu, thường trú, sổ hộ khẩu, nhập hộ khẩu, đăng ký thường trú", "Cư trú"),
    ("tạm trú, đăng ký tạm trú, KT3", "Cư trú"),
    ("qua mạng, trực tuyến, online, dịch vụ công trực tuyến, DVCTT", "Kênh nộp hồ sơ"),
    ("một cửa, bộ phận một cửa, bộ phận tiếp nhận và trả kết quả, trung tâm phục vụ hành chính công", "Nơi nộp"),
    ("TTHC, thủ tục hành chính", "Viết tắt"),
    ("CCHC, cải cách hành chính", "Viết tắt"),
    ("UBND, ủy ban nhân dân", "Viết tắt"),
    ("HĐND, hội đồng nhân dân", "Viết tắt"),
    ("PAR INDEX, chỉ số cải cách hành chính", "Chỉ số"),
    ("SIPAS, chỉ số hài lòng, sự hài lòng của người dân", "Chỉ số"),
    ("PCI, năng lực cạnh tranh cấp tỉnh", "Chỉ số"),
    ("PAPI, hiệu quả quản trị và hành chính công", "Chỉ số"),
    ("giấy khai sinh, khai sinh, làm giấy khai sinh", "Hộ tịch"),
    ("giấy đăng ký kết hôn, đăng ký kết hôn, làm giấy kết hôn, cưới", "Hộ tịch"),
    ("khai tử, giấy chứng tử, báo tử, giấy báo tử", "Hộ tịch"),
    ("giấy độc thân, xác nhận độc thân, giấy xác nhận tình trạng hôn nhân, xác nhận tình trạng hôn nhân", "Hộ tịch"),
    ("sao y, bản sao, chứng thực bản sao, công chứng", "Chứng thực"),
    ("lý lịch tư pháp, phiếu lý lịch tư pháp, LLTP", "Tư pháp"),
    ("hộ chiếu, passport", "Xuất nhập cảnh"),
    ("giấy phép kinh doanh, đăng ký kinh doanh, giấy chứng nhận đăng ký doanh nghiệp, ĐKKD", "Doanh nghiệp"),
    ("hộ kinh doanh, hộ kinh doanh cá thể", "Doanh nghiệp"),
    ("giấy phép xây dựng, GPXD, xin phép xây nhà", "Xây dựng"),
    ("lệ phí, phí, tiền", "Lệ phí"),
    ("hồ sơ, giấy tờ, thành phần hồ sơ", "Hồ sơ"),
    ("VNeID, định danh điện tử, tài khoản định danh điện tử", "Định danh"),
    ("chữ ký số, ký số, chữ ký điện tử", "Chính quyền số"),
    ("trợ cấp, trợ cấp xã hội, bảo trợ xã hội", "Xã hội"),
    ("người có công, thương binh, liệt sĩ", "Xã hội"),
    ("kiến nghị, phản ánh, khiếu nại", "Phản ánh kiến nghị"),
    ("bưu điện, bưu chính, dịch vụ bưu chính công ích, BCCI", "Kênh nộp hồ sơ"),
]


def add_defaults(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    if not Synonym.objects.exists():
        Synonym.objects.bulk_create(Synonym(terms=terms, note=note) for terms, note in DEFAULT_SYNONYMS)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
