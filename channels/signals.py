"""Keeping the channels complete after every migrate (and after a test database flush)."""

from channels.models import Abbreviation, BroadcastLanguage
from channels.roles import ensure_all_translators, ensure_translators, grant_priority_to_approvers
from channels.seeds import seed_abbreviations, seed_languages


def set_up_after_migrate(sender, **kwargs) -> None:
    seed_abbreviations(Abbreviation)
    seed_languages(BroadcastLanguage)
    grant_priority_to_approvers()
    ensure_all_translators()


def give_unit_its_translators(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        ensure_translators(instance)
