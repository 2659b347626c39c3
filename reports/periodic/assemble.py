"""The sections of the periodic report, from the same figures as the reports (reports.figures).

Each section is a dict {"key": str, "title": str, "rows": [(label, value), ...]}: ours first
(content, activities, reads, workflow), then those of the apps above that implement the Wagtail
hook `unit_report_sections` — `fn(unit, start, end) -> list[dict]` of the same shape, unit None for
the whole province — and, when no app gives any, a "citizen participation" section that says
"Chưa có số liệu". The difficulties and proposals are the unit's own text (UnitReport).
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from articles.models import article_types
from home.models import Unit
from reports import figures
from reports.models import OutreachActivity, UnitReport
from reports.periods import YEAR, Period

logger = logging.getLogger(__name__)
HOOK_NAME = "unit_report_sections"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def no_data_text() -> str:
    return _("Chưa có số liệu")


@dataclass
class PeriodicReport:
    unit: Unit | None
    period: Period
    sections: list[dict]
    text: UnitReport | None
    made_on: datetime.date = field(default_factory=timezone.localdate)

    @property
    def title(self) -> str:
        return _("Báo cáo kết quả công tác thông tin, tuyên truyền CCHC")

    @property
    def subtitle(self) -> str:
        return _("Kết quả công tác thông tin, tuyên truyền cải cách hành chính")

    @property
    def issuer(self) -> str:
        """The issuing body as a report's letterhead names it: districts and communes report as their UBND."""
        if self.unit is None:
            return _("UBND tỉnh Cao Bằng")
        if self.unit.kind in (Unit.Kind.DISTRICT, Unit.Kind.COMMUNE):
            return _("UBND %(unit)s") % {"unit": self.unit.name}
        return self.unit.name

    @property
    def numbered_sections(self) -> list[tuple[str, dict]]:
        return [
            (ROMAN[index] if index < len(ROMAN) else str(index + 1), section)
            for index, section in enumerate(self.sections)
        ]

    @property
    def closing_numbers(self) -> tuple[str, str]:
        """The numbers of the two free-text sections that follow the figures."""
        count = len(self.sections)
        return (
            ROMAN[count] if count < len(ROMAN) else str(count + 1),
            ROMAN[count + 1] if count + 1 < len(ROMAN) else str(count + 2),
        )

    def section(self, key: str) -> dict | None:
        return next((section for section in self.sections if section["key"] == key), None)

    def value(self, key: str, label: str):
        section = self.section(key)
        return dict(section["rows"]).get(label) if section else None


def _scope(unit: Unit | None, period: Period) -> figures.Scope:
    return figures.Scope(period=period, unit_ids=None if unit is None else frozenset({unit.pk}), group=YEAR)


def content_section(scope: figures.Scope) -> dict:
    summary = figures.content_summary(scope)
    rows = [(_("Tổng số bài đã đăng"), summary.total)]
    rows += [(_("– %(type)s") % {"type": label}, count) for label, count in summary.by_type]
    rows += [(_("– Lĩnh vực %(area)s") % {"area": name}, count) for name, count in summary.by_area]
    return {"key": "content", "title": _("Thông tin đăng tải trên Cổng thông tin CCHC"), "rows": rows}


def activity_labels() -> dict[str, list[tuple[str, str]]]:
    """Per kind, the (measure attribute, row label) the report lists."""
    kind = OutreachActivity.Kind
    return {
        kind.RADIO: [
            ("count", _("Phát thanh: số lần phát")),
            ("minutes", _("Phát thanh: số phút")),
            ("languages", _("Phát thanh: ngôn ngữ")),
        ],
        kind.NOTICE_BOARD: [("count", _("Bảng tin: số tin niêm yết"))],
        kind.PRINT: [("count", _("Bản tin, tờ rơi: số đầu ấn phẩm")), ("copies", _("Bản tin, tờ rơi: số bản in"))],
        kind.CONFERENCE: [("count", _("Hội nghị: số buổi")), ("participants", _("Hội nghị: số người tham dự"))],
        kind.TRAINING: [
            ("count", _("Tập huấn, bồi dưỡng: số lớp")),
            ("participants", _("Tập huấn, bồi dưỡng: số người tham dự")),
        ],
        kind.CONTEST: [("count", _("Cuộc thi: số cuộc thi")), ("participants", _("Cuộc thi: số người tham gia"))],
        kind.SMS: [("count", _("Tin nhắn SMS: số đợt")), ("messages_sent", _("Tin nhắn SMS: số tin nhắn đã gửi"))],
        kind.SOCIAL: [("count", _("Mạng xã hội: số bài đăng"))],
    }


def activities_section(scope: figures.Scope) -> dict:
    totals = figures.activity_totals(scope)
    rows = [(_("Tổng số hoạt động tuyên truyền đã xác nhận"), sum(row.activities for row in totals.values()))]
    for kind, measures in activity_labels().items():
        row = totals[kind]
        for attribute, label in measures:
            value = getattr(row, attribute)
            rows.append((label, value if attribute != "languages" else (value or "—")))
    return {"key": "activities", "title": _("Các kênh và hoạt động tuyên truyền"), "rows": rows}


def reads_section(scope: figures.Scope) -> dict:
    per_type = Counter()
    for row in figures.reads_by_unit(scope):
        if not row.is_total:
            per_type[row.article_type] += row.views
    rows = [(_("Tổng lượt đọc trên Cổng"), figures.total_reads(scope))]
    rows += [(_("– Lượt đọc %(type)s") % {"type": label}, per_type.get(label, 0)) for label in _type_labels()]
    most_read = sorted(figures.most_read_guides(scope, limit=1), key=lambda row: (-row.views, row.title))
    rows.append(
        (
            _("Hướng dẫn được đọc nhiều nhất"),
            _("%(title)s (%(views)s lượt)") % {"title": most_read[0].title, "views": most_read[0].views}
            if most_read
            else "—",
        )
    )
    rows.append((_("Số hướng dẫn chưa có lượt đọc"), len(figures.unread_guides(scope))))
    return {"key": "reads", "title": _("Lượt đọc trên Cổng"), "rows": rows}


def _type_labels() -> list[str]:
    return [figures.type_label(slug) for slug in article_types()]


def workflow_section(scope: figures.Scope, today: datetime.date) -> dict:
    total = figures.workflow_rows(scope)[-1]
    overdue = len(figures.overdue_guides(scope.unit_ids, today))
    rows = [
        (_("Bài gửi duyệt"), total.submitted),
        (_("Bài được duyệt, xuất bản"), total.approved),
        (_("Số lần trả lại để sửa"), total.sent_back),
        (_("Trung vị thời gian từ gửi duyệt đến xuất bản (ngày)"), total.median_days_text or "—"),
        (_("Hướng dẫn quá hạn rà soát (tại ngày lập báo cáo)"), overdue),
    ]
    return {"key": "workflow", "title": _("Biên tập, duyệt và rà soát nội dung"), "rows": rows}


def participation_placeholder() -> dict:
    return {"key": "participation", "title": _("Sự tham gia của người dân, doanh nghiệp"), "rows": []}


def hook_sections(unit: Unit | None, period: Period) -> list[dict]:
    """What the apps above add; a malformed section is left out (and logged), never a broken report."""
    sections = []
    for contribute in hooks.get_hooks(HOOK_NAME):
        for section in contribute(unit, period.start, period.end) or []:
            try:
                sections.append(
                    {
                        "key": str(section["key"]),
                        "title": str(section["title"]),
                        "rows": [(str(label), value) for label, value in section.get("rows") or []],
                    }
                )
            except (KeyError, TypeError, ValueError):
                logger.warning("Bỏ qua một mục báo cáo không đúng dạng từ %r: %r", contribute, section)
    return sections


def build(unit: Unit | None, period: Period, today: datetime.date | None = None) -> PeriodicReport:
    today = today or timezone.localdate()
    scope = _scope(unit, period)
    sections = [content_section(scope), activities_section(scope), reads_section(scope), workflow_section(scope, today)]
    sections += hook_sections(unit, period) or [participation_placeholder()]
    text = UnitReport.objects.filter(unit=unit, start=period.start, end=period.end).first()
    return PeriodicReport(unit=unit, period=period, sections=sections, text=text, made_on=today)
