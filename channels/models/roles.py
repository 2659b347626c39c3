"""The translators of a unit (biên dịch viên): they add the ethnic-language versions of its articles."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models import Unit


class UnitTranslators(models.Model):
    """A unit's translator group (kept in sync by channels.roles.ensure_translators)."""

    unit = models.OneToOneField(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="translators")
    group = models.OneToOneField(
        Group, verbose_name=_("nhóm biên dịch viên"), on_delete=models.PROTECT, related_name="translators_of"
    )

    class Meta:
        verbose_name = _("nhóm biên dịch viên của đơn vị")
        verbose_name_plural = _("nhóm biên dịch viên của đơn vị")

    def __str__(self) -> str:
        return str(self.unit)
