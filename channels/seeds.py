"""The vocabularies the channels start with (seeded once; editors then keep them in the admin)."""

ABBREVIATIONS = [
    ("CCHC", "cải cách hành chính"),
    ("TTHC", "thủ tục hành chính"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("CCCD", "căn cước công dân"),
    ("DVCTT", "dịch vụ công trực tuyến"),
    ("DVC", "dịch vụ công"),
    ("CNTT", "công nghệ thông tin"),
    ("CBCCVC", "cán bộ, công chức, viên chức"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHYT", "bảo hiểm y tế"),
    ("CSDL", "cơ sở dữ liệu"),
    ("KT-XH", "kinh tế - xã hội"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("GPLX", "giấy phép lái xe"),
    ("PAR INDEX", "Chỉ số cải cách hành chính"),
    ("SIPAS", "Chỉ số hài lòng về sự phục vụ hành chính"),
    ("PAPI", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh"),
    ("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh"),
    ("DTI", "Chỉ số chuyển đổi số"),
    ("VNeID", "ứng dụng định danh điện tử quốc gia"),
]

# The part after the dash of a document symbol (61/2018/NĐ-CP): who issued it.
ISSUERS = [
    ("CP", "Chính phủ"),
    ("TTg", "Thủ tướng Chính phủ"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("UBND", "Ủy ban nhân dân tỉnh"),
    ("HĐND", "Hội đồng nhân dân tỉnh"),
    ("TU", "Tỉnh ủy"),
    ("TW", "Ban Chấp hành Trung ương"),
    ("BNV", "Bộ Nội vụ"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"),
    ("BTC", "Bộ Tài chính"),
    ("BTP", "Bộ Tư pháp"),
    ("BCA", "Bộ Công an"),
    ("BKHĐT", "Bộ Kế hoạch và Đầu tư"),
    ("SNV", "Sở Nội vụ"),
    ("QH", "Quốc hội"),
]

# (code used in URLs, name, ISO 639-3, order). Mông is the hmn macrolanguage; Dao is Iu Mien (ium).
LANGUAGES = [
    ("tay", "Tiếng Tày", "tyz", 10),
    ("nung", "Tiếng Nùng", "nut", 20),
    ("mong", "Tiếng Mông", "hmn", 30),
    ("dao", "Tiếng Dao", "ium", 40),
]


def seed_abbreviations(Abbreviation) -> int:
    """Create the seeded abbreviations and issuers when the table is empty (an emptied list stays edited)."""
    if Abbreviation.objects.exists():
        return 0
    rows = [Abbreviation(kind="abbreviation", short_form=s, spoken_form=w) for s, w in ABBREVIATIONS]
    rows += [Abbreviation(kind="issuer", short_form=s, spoken_form=w) for s, w in ISSUERS]
    Abbreviation.objects.bulk_create(rows)
    return len(rows)


def seed_languages(BroadcastLanguage) -> int:
    if BroadcastLanguage.objects.exists():
        return 0
    BroadcastLanguage.objects.bulk_create(
        BroadcastLanguage(code=code, name=name, iso_639_3=iso, sort_order=order) for code, name, iso, order in LANGUAGES
    )
    return len(LANGUAGES)
