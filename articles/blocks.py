"""StreamField blocks for article bodies and for the structured parts of a procedure guide."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ImageBlock(blocks.StructBlock):
    """An image with the text equivalent Thông tư 32/2017 requires for every picture."""

    image = ImageChooserBlock(label=_("Hình ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Mô tả thay thế (alt)"),
        max_length=255,
        help_text=_("Bắt buộc: mô tả nội dung ảnh cho người khiếm thị và khi ảnh không tải được."),
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Hình ảnh")
        template = "articles/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Nguồn"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "articles/blocks/quote_block.html"
        preview_value = {
            "text": "Lấy người dân, doanh nghiệp làm trung tâm phục vụ.",
            "attribution": "Nghị quyết 76/NQ-CP",
        }


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(
        label=_("Tên hiển thị"),
        required=False,
        max_length=255,
        help_text=_("Để trống thì dùng tên của tài liệu."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "articles/blocks/attachment_block.html"


class EmbedWithTitleBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Địa chỉ video hoặc nội dung nhúng"))
    title = blocks.CharBlock(
        label=_("Tiêu đề mô tả"),
        max_length=255,
        help_text=_("Mô tả nội dung nhúng cho người dùng trình đọc màn hình."),
    )

    class Meta:
        icon = "media"
        label = _("Nội dung nhúng")
        template = "articles/blocks/embed_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Đoạn văn"),
        icon="pilcrow",
        template="articles/blocks/paragraph_block.html",
        preview_value="<p>Bộ phận Một cửa tiếp nhận hồ sơ từ 7 giờ 30 đến 17 giờ các ngày làm việc.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Bảng"), template="articles/blocks/table_block.html")
    attachment = AttachmentBlock()
    embed = EmbedWithTitleBlock()


class StepBlock(blocks.StructBlock):
    """One step of a procedure (trình tự thực hiện), in the order the citizen does it."""

    title = blocks.CharBlock(label=_("Bước"), max_length=255)
    description = blocks.RichTextBlock(
        label=_("Chi tiết"), features=["bold", "italic", "ol", "ul", "link"], required=False
    )

    class Meta:
        icon = "list-ol"
        label = _("Bước thực hiện")
        template = "articles/blocks/step_block.html"
        preview_value = {"title": "Nộp hồ sơ tại Bộ phận Một cửa cấp xã", "description": ""}


class SubmissionMethodBlock(blocks.StructBlock):
    """A way to submit the dossier, each with its own processing time and fee."""

    method = blocks.ChoiceBlock(
        label=_("Cách thức nộp"),
        choices=[
            ("direct", _("Trực tiếp")),
            ("online", _("Trực tuyến")),
            ("postal", _("Qua dịch vụ bưu chính công ích")),
        ],
    )
    processing_time = blocks.TextBlock(label=_("Thời hạn giải quyết"), max_length=1000)
    fee = blocks.TextBlock(label=_("Phí, lệ phí"), max_length=1000)
    note = blocks.TextBlock(label=_("Ghi chú"), required=False)

    class Meta:
        icon = "mail"
        label = _("Cách thức thực hiện")
        template = "articles/blocks/submission_method_block.html"


class RequiredDocumentBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Tên giấy tờ"), max_length=500)
    copies = blocks.CharBlock(
        label=_("Số lượng"), max_length=120, required=False, help_text=_("Ví dụ: Bản chính: 1, Bản sao: 0")
    )
    form = DocumentChooserBlock(label=_("Mẫu đơn, tờ khai"), required=False)

    class Meta:
        icon = "doc-empty"
        label = _("Giấy tờ")


class DocumentCaseBlock(blocks.StructBlock):
    """The documents required in one case (trường hợp) of the procedure."""

    case = blocks.CharBlock(
        label=_("Trường hợp"), max_length=500, required=False, help_text=_("Để trống nếu chỉ có một trường hợp.")
    )
    documents = blocks.ListBlock(RequiredDocumentBlock(), label=_("Giấy tờ phải nộp"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Thành phần hồ sơ")
        template = "articles/blocks/document_case_block.html"


class LegalBasisBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Số, ký hiệu"), max_length=120)
    title = blocks.CharBlock(label=_("Trích yếu"), max_length=500)
    date = blocks.DateBlock(label=_("Ngày ban hành"), required=False)
    issuer = blocks.CharBlock(label=_("Cơ quan ban hành"), max_length=255, required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Căn cứ pháp lý")
        template = "articles/blocks/legal_basis_block.html"
