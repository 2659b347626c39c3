"""Personal data is kept only as long as needed: a question's name and contact are erased
PARTICIPATION_RETENTION_DAYS after it was received (the question itself stays, for the
figures and the FAQ). Feedback holds no personal data; a subscription is the address its owner
asked to keep, deleted on unsubscribe."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from participation.models import Question


def erase_expired_personal_data(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PARTICIPATION_RETENTION_DAYS)
    expired = Question.objects.filter(created_at__lt=cutoff, personal_data_erased_at__isnull=True)
    return expired.update(name="", contact="", personal_data_erased_at=now)
