"""Outreach activities per unit and kind: how many, and each kind's own measure."""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.figures.common import Scope, total_label, unit_order, units_by_id
from reports.models import OutreachActivity

KIND_ORDER = list(OutreachActivity.Kind.values)


@dataclass
class ActivityRow:
    period: str
    unit: str
    kind: str
    activities: int = 0
    count: int = 0
    minutes: int = 0
    languages: str = ""
    copies: int = 0
    participants: int = 0
    messages_sent: int = 0
    is_total: bool = False
    language_codes: set = field(default_factory=set, repr=False)

    def add(self, activity: OutreachActivity) -> None:
        self.activities += 1
        self.count += activity.count or 0
        self.minutes += activity.minutes or 0
        self.copies += activity.copies or 0
        self.participants += activity.participants or 0
        self.messages_sent += activity.messages_sent or 0
        self.language_codes.update(activity.languages or [])
        labels = dict(OutreachActivity.Language.choices)
        self.languages = ", ".join(
            str(labels[code]) for code in OutreachActivity.Language.values if code in self.language_codes
        )


def confirmed_activities(scope: Scope):
    activities = OutreachActivity.objects.filter(
        date__gte=scope.period.start, date__lte=scope.period.end, confirmed_at__isnull=False
    )
    return scope.filter_units(activities)


def activity_rows(scope: Scope) -> list[ActivityRow]:
    """One row per (period, unit, kind) of the confirmed activities, then the total row."""
    units = units_by_id()
    kinds = dict(OutreachActivity.Kind.choices)
    grouped: dict[tuple, ActivityRow] = {}
    total = ActivityRow(period=total_label(), unit="", kind="", is_total=True)
    for activity in confirmed_activities(scope).order_by("date", "pk"):
        bucket = scope.bucket(activity.date)
        key = (bucket.start, unit_order(units.get(activity.unit_id)), KIND_ORDER.index(activity.kind))
        if key not in grouped:
            unit = units.get(activity.unit_id)
            grouped[key] = ActivityRow(
                period=bucket.label, unit=unit.name if unit else "", kind=str(kinds[activity.kind])
            )
        grouped[key].add(activity)
        total.add(activity)
    return [grouped[key] for key in sorted(grouped)] + [total]


def activity_totals(scope: Scope) -> dict[str, ActivityRow]:
    """The period's confirmed activities summed per kind, for every kind (kinds with none are zero)."""
    kinds = dict(OutreachActivity.Kind.choices)
    result = {kind: ActivityRow(period=scope.period.label, unit="", kind=str(kinds[kind])) for kind in KIND_ORDER}
    for activity in confirmed_activities(scope):
        result[activity.kind].add(activity)
    return result
