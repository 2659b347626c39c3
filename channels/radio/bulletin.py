"""The radio bulletin feed: what each unit's commune radio should broadcast now (docs/api.md).

For the grassroots information source system (hệ thống thông tin nguồn, Thông tư 39/2020/TT-BTTTT):
per unit, the live public articles meant for it (its own, its parent's, the province's, or those
whose editors named it as a target) whose broadcast window is open, most urgent first.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from articles.models import ArticlePage
from channels import shortlinks
from channels.models import PRIORITY_RANK, ChannelSettings, Priority
from channels.radio.script import language_script, options_of, radio_script
from home.models import Unit

FEED_SIZE = 50


def validity_days(site) -> int:
    if site is None:
        return ChannelSettings._meta.get_field("radio_validity_days").default
    return ChannelSettings.for_site(site).radio_validity_days


def window(page: ArticlePage, days: int) -> tuple[datetime, datetime]:
    options = options_of(page)
    start = (options.valid_from if options and options.valid_from else None) or page.first_published_at
    end = options.valid_until if options and options.valid_until else start + timedelta(days=days)
    return start, end


def priority_of(page: ArticlePage) -> str:
    options = options_of(page)
    return options.priority if options else Priority.NORMAL


def target_units(page: ArticlePage) -> list[Unit]:
    """Named targets, else the article's unit and the units under it (every unit for the province)."""
    named = [target.unit for target in page.radio_targets.all()]
    if named:
        return named
    if page.unit.is_provincial_office:
        return list(Unit.objects.filter(retired_on__isnull=True))
    return [page.unit] + list(page.unit.children.filter(retired_on__isnull=True))


def absolute(request: HttpRequest, url: str) -> str:
    return request.build_absolute_uri(url) if url.startswith("/") else url


def language_entries(page: ArticlePage, request: HttpRequest, site) -> list[dict]:
    base = page.get_full_url(request) + "phat-thanh/"
    entries = []
    for version in page.language_versions.select_related("language", "recording"):
        script = language_script(version, site)
        recording = version.recording
        entries.append(
            {
                "code": version.language.code,
                "name": version.language.name,
                "iso_639_3": version.language.iso_639_3,
                "script": script.text,
                "script_url": f"{base}?ngon-ngu={version.language.code}",
                "reading_time_seconds": script.seconds,
                "recording": (
                    {
                        "url": absolute(request, recording.url),
                        "mime_type": recording.sources[0]["type"],
                        "title": recording.title,
                        "duration_seconds": recording.duration or None,
                    }
                    if recording
                    else None
                ),
            }
        )
    return entries


def item(page: ArticlePage, request: HttpRequest, site, days: int) -> dict:
    start, end = window(page, days)
    script = radio_script(page, site)
    priority = priority_of(page)
    return {
        "id": page.pk,
        "type": page.specific_class.type_slug,
        "title": page.title,
        "unit": {"slug": page.unit.slug, "name": page.unit.name},
        "url": page.get_full_url(request),
        "short_url": shortlinks.short_url(page, request),
        "priority": priority,
        "priority_label": str(Priority(priority).label),
        "valid_from": start.isoformat(),
        "valid_until": end.isoformat(),
        "target_units": [unit.slug for unit in target_units(page)],
        "script": script.text,
        "script_overridden": script.overridden,
        "script_url": page.get_full_url(request) + "phat-thanh/",
        "reading_time_seconds": script.seconds,
        "languages": language_entries(page, request, site),
    }


def items_for(unit: Unit, request: HttpRequest, site, now: datetime | None = None) -> list[dict]:
    now = now or timezone.now()
    days = validity_days(site)
    # Candidates in SQL (meant for the unit, window possibly open), exact checks in Python.
    meant = (
        Q(radio_targets__unit=unit)
        | Q(radio_targets__isnull=True, unit=unit)
        | Q(radio_targets__isnull=True, unit__kind=Unit.Kind.PROVINCE)
        | Q(radio_targets__isnull=True, unit__children=unit)
    )
    since = now - timedelta(days=days)
    recent = (
        Q(channel_options__valid_until__gte=now)
        | Q(channel_options__valid_from__gte=since)
        | Q(first_published_at__gte=since)
    )
    ids = ArticlePage.objects.live().public().filter(meant).filter(recent).values_list("pk", flat=True).distinct()
    pages = [
        page.specific
        for page in ArticlePage.objects.filter(pk__in=list(ids))
        .select_related("unit")
        .prefetch_related("channel_options", "radio_targets__unit")
    ]
    open_now = []
    for page in pages:
        start, end = window(page, days)
        if start <= now < end and unit in target_units(page):
            open_now.append(page)
    open_now.sort(key=lambda page: (PRIORITY_RANK[priority_of(page)], -window(page, days)[0].timestamp()))
    return [item(page, request, site, days) for page in open_now[:FEED_SIZE]]
