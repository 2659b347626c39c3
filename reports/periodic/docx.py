"""The periodic report as a Word document (python-docx), laid out like an administrative report."""

from __future__ import annotations

from io import BytesIO

import docx
from django.utils.translation import gettext as _
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from reports.periodic.assemble import PeriodicReport, no_data_text
from reports.templatetags.report_tags import vi_number

FONT = "Times New Roman"


def _paragraph(container, text: str = "", *, bold=False, italic=False, align=None, size=None):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _cell_text(cell, lines: list[tuple[str, bool, bool]], align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    cell.text = ""
    first = True
    for text, bold, italic in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        paragraph.alignment = align


def render(report: PeriodicReport) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    document.core_properties.title = f"{report.title} – {report.issuer} – {report.period.label}"
    document.core_properties.language = "vi-VN"

    letterhead = document.add_table(rows=2, cols=2)
    letterhead.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_text(letterhead.cell(0, 0), [(report.issuer.upper(), True, False)])
    _cell_text(
        letterhead.cell(0, 1),
        [(_("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), True, False), (_("Độc lập - Tự do - Hạnh phúc"), True, False)],
    )
    _cell_text(letterhead.cell(1, 0), [(_("Số:") + "      /BC", False, False)])
    made_on = report.made_on
    _cell_text(
        letterhead.cell(1, 1),
        [
            (
                _("ngày %(day)s tháng %(month)s năm %(year)s")
                % {"day": made_on.day, "month": made_on.month, "year": made_on.year},
                False,
                True,
            )
        ],
    )

    _paragraph(document, _("BÁO CÁO"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    _paragraph(document, report.subtitle, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, report.period.label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, _("Kính gửi: Sở Nội vụ tỉnh Cao Bằng."), align=WD_ALIGN_PARAGRAPH.CENTER)

    for number, report_section in report.numbered_sections:
        _paragraph(document, f"{number}. {report_section['title']}", bold=True)
        if not report_section["rows"]:
            _paragraph(document, no_data_text(), italic=True)
            continue
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0].cells
        _cell_text(header[0], [(_("Nội dung"), True, False)])
        _cell_text(header[1], [(_("Kết quả"), True, False)])
        for label, value in report_section["rows"]:
            cells = table.add_row().cells
            _cell_text(cells[0], [(str(label), False, False)], align=WD_ALIGN_PARAGRAPH.LEFT)
            _cell_text(cells[1], [(str(vi_number(value)), False, False)], align=WD_ALIGN_PARAGRAPH.RIGHT)

    difficulties_number, proposals_number = report.closing_numbers
    for number, title, text in (
        (difficulties_number, _("Khó khăn, vướng mắc"), report.text.difficulties if report.text else ""),
        (proposals_number, _("Đề xuất, kiến nghị"), report.text.proposals if report.text else ""),
    ):
        _paragraph(document, f"{number}. {title}", bold=True)
        if text.strip():
            for line in text.strip().splitlines():
                _paragraph(document, line)
        else:
            _paragraph(document, _("Đơn vị chưa ghi nội dung này."), italic=True)

    signature = document.add_table(rows=1, cols=2)
    _cell_text(
        signature.cell(0, 0),
        [(_("Nơi nhận:"), True, True), ("- " + _("Sở Nội vụ;"), False, False), ("- " + _("Lưu: VT."), False, False)],
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    _cell_text(
        signature.cell(0, 1), [(_("THỦ TRƯỞNG ĐƠN VỊ"), True, False), (_("(Ký, ghi rõ họ tên, đóng dấu)"), False, True)]
    )

    output = BytesIO()
    document.save(output)
    return output.getvalue()
