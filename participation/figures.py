"""The citizen-participation figures, computed once here for the reports, the exports and the
unit report section (`unit_report_sections`), so all three always agree.

Periods are inclusive local dates (Asia/Ho_Chi_Minh): feedback counts by when it was sent,
questions by when they were received; "answered" is a question received in the period that is
now answered, and its answer time runs from receipt to the answer (the FAQ's publication or the
status "đã trả lời").
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from articles.models import article_types
from home.models import Unit
from participation.models import Feedback, Question, QuestionStatus


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def in_period(queryset: QuerySet, start: datetime.date | None, end: datetime.date | None, field: str) -> QuerySet:
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": local_midnight(start)})
    if end is not None:
        queryset = queryset.filter(**{f"{field}__lt": local_midnight(end + datetime.timedelta(days=1))})
    return queryset


def in_units(queryset: QuerySet, unit_ids: set[int] | None, field: str) -> QuerySet:
    """unit_ids None: every unit (and, for questions, those not yet given to one)."""
    return queryset if unit_ids is None else queryset.filter(**{f"{field}__in": unit_ids})


def unit_scope(unit: Unit | None, visible: set[int] | None) -> set[int] | None:
    """The units a figure covers: the chosen one (if visible), else everything the user may see."""
    if unit is None:
        return visible
    if visible is not None and unit.pk not in visible:
        return set()
    return {unit.pk}


# Feedback -------------------------------------------------------------------------------------


@dataclass
class PageHelpfulness:
    page_id: int
    title: str
    unit: str
    page_type: str
    helpful: int
    not_helpful: int
    comments: int

    @property
    def total(self) -> int:
        return self.helpful + self.not_helpful

    @property
    def helpful_percent(self) -> int:
        return round(100 * self.helpful / self.total) if self.total else 0


def feedback_in(start, end, unit_ids: set[int] | None) -> QuerySet:
    return in_units(in_period(Feedback.objects.all(), start, end, "created_at"), unit_ids, "page__unit_id")


def helpfulness_rows(start, end, unit_ids: set[int] | None) -> list[PageHelpfulness]:
    """One row per page with feedback in the period, least helpful first (lowest share of "có",
    then most "không", then title)."""
    counted = (
        feedback_in(start, end, unit_ids)
        .values("page_id", "page__title", "page__unit__name", "page__content_type")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            comments=Count("pk", filter=~Q(comment="")),
        )
    )
    from_content_type = content_type_labels()
    rows = [
        PageHelpfulness(
            page_id=row["page_id"],
            title=row["page__title"],
            unit=row["page__unit__name"],
            page_type=from_content_type.get(row["page__content_type"], ""),
            helpful=row["yes"],
            not_helpful=row["no"],
            comments=row["comments"],
        )
        for row in counted
    ]
    rows.sort(key=lambda row: (row.helpful / row.total, -row.not_helpful, row.title, row.page_id))
    return rows


def content_type_labels() -> dict[int, str]:
    types = ContentType.objects.get_for_models(*article_types().values())
    return {content_type.pk: str(model._meta.verbose_name).capitalize() for model, content_type in types.items()}


def feedback_totals(start, end, unit_ids: set[int] | None) -> tuple[int, int]:
    counts = feedback_in(start, end, unit_ids).aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )
    return counts["yes"], counts["no"]


# Questions ------------------------------------------------------------------------------------


@dataclass
class QuestionFigures:
    unit: str
    received: int = 0
    answered: int = 0
    answering: int = 0
    new: int = 0
    rejected: int = 0
    answer_days: list[float] = field(default_factory=list)

    @property
    def median_days(self) -> float | None:
        return round(statistics.median(self.answer_days), 1) if self.answer_days else None

    @property
    def median_days_display(self) -> str:
        return formats.number_format(self.median_days, 1) if self.median_days is not None else "—"

    def add(self, status: str, created_at, answered_at) -> None:
        self.received += 1
        if status == QuestionStatus.ANSWERED:
            self.answered += 1
            if answered_at is not None:
                self.answer_days.append(max((answered_at - created_at).total_seconds(), 0) / 86400)
        elif status == QuestionStatus.ANSWERING:
            self.answering += 1
        elif status == QuestionStatus.REJECTED:
            self.rejected += 1
        else:
            self.new += 1


def questions_in(start, end, unit_ids: set[int] | None) -> QuerySet:
    return in_units(in_period(Question.objects.all(), start, end, "created_at"), unit_ids, "unit_id")


def question_rows(start, end, unit_ids: set[int] | None) -> list[QuestionFigures]:
    """Per unit (units with questions in the period, in the units' order), then the total."""
    by_unit: dict[int | None, QuestionFigures] = {}
    total = QuestionFigures(unit=_("Tổng cộng"))
    names = {unit.pk: unit.name for unit in Unit.objects.all()}
    rows = questions_in(start, end, unit_ids).values_list("unit_id", "status", "created_at", "answered_at")
    for unit_id, status, created_at, answered_at in rows:
        if unit_id not in by_unit:
            by_unit[unit_id] = QuestionFigures(unit=names.get(unit_id) or _("Chưa phân công đơn vị"))
        by_unit[unit_id].add(status, created_at, answered_at)
        total.add(status, created_at, answered_at)
    order = {unit.pk: position for position, unit in enumerate(Unit.objects.all())}
    ordered = sorted(by_unit.items(), key=lambda item: (item[0] is None, order.get(item[0], 0)))
    return [figures for _unit_id, figures in ordered] + [total]


def question_totals(start, end, unit_ids: set[int] | None) -> QuestionFigures:
    return question_rows(start, end, unit_ids)[-1]


# The unit report's section ---------------------------------------------------------------------


def participation_section(unit: Unit | None, start: datetime.date, end: datetime.date) -> dict:
    """`unit_report_sections`: the citizen-participation figures of a unit (None: the province)."""
    unit_ids = None if unit is None else {unit.pk}
    helpful, not_helpful = feedback_totals(start, end, unit_ids)
    questions = question_totals(start, end, unit_ids)
    return {
        "key": "participation",
        "title": _("Sự tham gia của người dân, doanh nghiệp"),
        "rows": [
            (_("Ý kiến đánh giá hướng dẫn, hỏi đáp là hữu ích"), helpful),
            (_("Ý kiến đánh giá hướng dẫn, hỏi đáp chưa hữu ích"), not_helpful),
            (_("Câu hỏi nhận được"), questions.received),
            (_("Câu hỏi đã trả lời"), questions.answered),
            (_("Thời gian trả lời (trung vị, ngày)"), questions.median_days_display),
        ],
    }
