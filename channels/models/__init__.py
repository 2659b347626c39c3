from channels.models.article import (
    PRIORITY_RANK,
    ChannelOptions,
    LanguageVersion,
    Priority,
    RadioTarget,
    TalkingPoint,
)
from channels.models.bulletin import BulletinItem, MonthlyBulletin
from channels.models.roles import UnitTranslators
from channels.models.settings import ChannelSettings
from channels.models.vocabulary import Abbreviation, BroadcastLanguage

__all__ = [
    "PRIORITY_RANK",
    "Abbreviation",
    "BroadcastLanguage",
    "BulletinItem",
    "ChannelOptions",
    "ChannelSettings",
    "LanguageVersion",
    "MonthlyBulletin",
    "Priority",
    "RadioTarget",
    "TalkingPoint",
    "UnitTranslators",
]
