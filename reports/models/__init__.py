from reports.models.activities import OutreachActivity
from reports.models.periodic import ReviewReminder, UnitReport
from reports.models.reads import PageReadDay

__all__ = ["OutreachActivity", "PageReadDay", "ReviewReminder", "UnitReport"]
