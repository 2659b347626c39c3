from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import article_types
from home.models import Unit
from reports.periods import YEAR, Period, bucket_of


def total_label() -> str:
    return _("Tổng cộng")


@dataclass(frozen=True)
class Scope:
    """What a report covers: the units (None = all), the period, and the granularity of its rows."""

    period: Period
    unit_ids: frozenset[int] | None = None
    group: str = YEAR

    def filter_units(self, queryset, field: str = "unit_id"):
        return queryset if self.unit_ids is None else queryset.filter(**{f"{field}__in": self.unit_ids})

    def includes_unit(self, unit_id: int) -> bool:
        return self.unit_ids is None or unit_id in self.unit_ids

    def bucket(self, day) -> Period:
        """The row period of a day: its month, quarter or year."""
        return bucket_of(day, self.group)


def _content_type_slugs() -> dict[int, str]:
    return {ContentType.objects.get_for_model(model).pk: slug for slug, model in article_types().items()}


def article_type_of_content_type(content_type_id: int) -> str | None:
    return _content_type_slugs().get(content_type_id)


def type_label(slug: str) -> str:
    model = article_types().get(slug)
    return str(model._meta.verbose_name).capitalize() if model else slug


def units_by_id() -> dict[int, Unit]:
    return {unit.pk: unit for unit in Unit.objects.cached()}


def unit_order(unit: Unit | None) -> tuple:
    return (unit.sort_order, unit.name) if unit else (10**6, "")


def period_bounds(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    """The period as [its first moment, the moment after its last day) in the site's time zone."""
    start = timezone.make_aware(datetime.datetime.combine(period.start, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min))
    return start, end
