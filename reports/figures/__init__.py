"""The numbers behind every report, computed once here so the report views, their CSV/XLSX exports
and the unit's periodic report show the same figures.

Each function takes a Scope (the units, the period and the row granularity) and returns plain
rows; nothing here knows about HTTP or templates.
"""

from reports.figures.activities import ActivityRow, activity_rows, activity_totals
from reports.figures.common import Scope, article_type_of_content_type, type_label
from reports.figures.content import ContentRow, content_per_bucket_and_type, content_rows, content_summary
from reports.figures.guides import OverdueRow, overdue_guides
from reports.figures.reads import (
    GuideReadRow,
    PageReadRow,
    UnitReadRow,
    most_read_guides,
    reads_by_page,
    reads_by_unit,
    total_reads,
    unread_guides,
)
from reports.figures.workflow import WorkflowRow, workflow_rows

__all__ = [
    "ActivityRow",
    "ContentRow",
    "GuideReadRow",
    "OverdueRow",
    "PageReadRow",
    "Scope",
    "UnitReadRow",
    "WorkflowRow",
    "activity_rows",
    "activity_totals",
    "article_type_of_content_type",
    "content_per_bucket_and_type",
    "content_rows",
    "content_summary",
    "most_read_guides",
    "overdue_guides",
    "reads_by_page",
    "reads_by_unit",
    "total_reads",
    "type_label",
    "unread_guides",
    "workflow_rows",
]
