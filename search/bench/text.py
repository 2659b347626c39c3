"""Realistic Vietnamese administrative text, generated from phrase pools (deterministic seed)."""

from __future__ import annotations

import random

ACTIONS = [
    "Đăng ký",
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Gia hạn",
    "Điều chỉnh",
    "Xác nhận",
    "Chứng thực",
    "Thẩm định",
    "Phê duyệt",
    "Thay đổi",
    "Bổ sung",
    "Thu hồi",
    "Công nhận",
    "Giải quyết",
]
OBJECTS = [
    "giấy phép kinh doanh",
    "hộ kinh doanh",
    "giấy phép xây dựng",
    "quyền sử dụng đất",
    "giấy chứng nhận đủ điều kiện",
    "trợ cấp xã hội",
    "chế độ người có công",
    "hợp tác xã",
    "giấy phép lao động",
    "thẻ bảo hiểm y tế",
    "hồ sơ học bạ",
    "văn bằng tốt nghiệp",
    "giấy phép khai thác nước",
    "dự án đầu tư",
    "nhà ở xã hội",
    "giấy phép biểu diễn",
    "cơ sở giáo dục mầm non",
    "giấy phép hoạt động y tế",
    "điểm kinh doanh xăng dầu",
    "hộ nghèo, hộ cận nghèo",
    "giấy xác nhận nơi cư trú",
    "quyết định giao rừng",
    "hồ sơ mua bán tài sản",
    "bản vẽ thiết kế",
    "mã số thuế cá nhân",
    "biển số xe máy",
]
QUALIFIERS = [
    "cho cá nhân",
    "cho tổ chức",
    "cấp huyện",
    "cấp xã",
    "cấp tỉnh",
    "trực tuyến",
    "đối với doanh nghiệp nhỏ",
    "tại Bộ phận Một cửa",
    "lần đầu",
    "do bị mất, hỏng",
    "tại huyện Hà Quảng",
    "tại huyện Bảo Lạc",
    "ở vùng sâu, vùng xa",
    "năm 2024",
    "",
]
NEWS_TOPICS = [
    "Hội nghị sơ kết công tác cải cách hành chính",
    "Kiểm tra công tác cải cách hành chính",
    "Tập huấn kỹ năng số cho cán bộ",
    "Đẩy mạnh dịch vụ công trực tuyến",
    "Số hóa hồ sơ hộ tịch",
    "Tuyên truyền pháp luật trên đài truyền thanh",
    "Nâng cao chỉ số PAR INDEX",
    "Khảo sát mức độ hài lòng SIPAS",
    "Đối thoại với doanh nghiệp",
    "Sắp xếp đơn vị hành chính",
]
PLACES = [
    "Hà Quảng",
    "Bảo Lạc",
    "Bảo Lâm",
    "Hạ Lang",
    "Hòa An",
    "Nguyên Bình",
    "Quảng Hòa",
    "Thạch An",
    "Trùng Khánh",
    "thành phố Cao Bằng",
]
SENTENCES = [
    "Người dân nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả hoặc qua Cổng Dịch vụ công quốc gia.",
    "Thời hạn giải quyết không quá {n} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    "Lệ phí được thu theo Nghị quyết của Hội đồng nhân dân tỉnh Cao Bằng.",
    "Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ và viết giấy biên nhận.",
    "Trường hợp hồ sơ chưa đầy đủ, cán bộ hướng dẫn người nộp bổ sung một lần.",
    "Kết quả được trả trực tiếp hoặc gửi qua dịch vụ bưu chính công ích theo yêu cầu.",
    "Ủy ban nhân dân huyện {place} đã chỉ đạo các phòng, ban chuyên môn triển khai thực hiện.",
    "Năm {year}, toàn tỉnh tiếp nhận hơn {n} nghìn hồ sơ, tỷ lệ giải quyết đúng hạn đạt {p} phần trăm.",
    "Cán bộ, công chức được tập huấn về chữ ký số và quy trình xử lý văn bản điện tử.",
    "Mô hình đã giúp rút ngắn thời gian đi lại của người dân vùng cao.",
    "Đoàn kiểm tra ghi nhận nhiều cách làm hay trong cải cách thủ tục hành chính.",
    "Hồ sơ gồm đơn đề nghị theo mẫu, bản sao giấy tờ tùy thân và các giấy tờ liên quan.",
    "Người dân có thể tra cứu tình trạng giải quyết hồ sơ bằng mã số biên nhận.",
    "Sở Nội vụ phối hợp với Sở Thông tin và Truyền thông hướng dẫn triển khai.",
    "Việc công khai thủ tục hành chính được thực hiện tại trụ sở và trên Cổng thông tin điện tử.",
    "Các xã tổ chức tuyên truyền bằng tiếng Tày, tiếng Nùng, tiếng Mông trên loa truyền thanh.",
    "Tổ công nghệ số cộng đồng hỗ trợ người dân cài đặt ứng dụng và thanh toán trực tuyến.",
    "Kết quả chỉ số cải cách hành chính là căn cứ đánh giá trách nhiệm người đứng đầu.",
]


class TextGenerator:
    def __init__(self, seed: int = 2024) -> None:
        self.random = random.Random(seed)

    def sentence(self) -> str:
        return self.random.choice(SENTENCES).format(
            n=self.random.randint(3, 60),
            place=self.random.choice(PLACES),
            year=self.random.randint(2019, 2025),
            p=self.random.randint(80, 99),
        )

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def procedure_title(self) -> str:
        title = f"{self.random.choice(ACTIONS)} {self.random.choice(OBJECTS)} {self.random.choice(QUALIFIERS)}"
        return " ".join(title.split())

    def news_title(self) -> str:
        topic = self.random.choice(NEWS_TOPICS).lower()
        return f"{self.random.choice(PLACES)}: {topic} năm {self.random.randint(2019, 2025)}"
