"""WSGI entry point, for gunicorn in production: ``gunicorn cms.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

application = get_wsgi_application()


def settle() -> None:
    """Load what every request needs, then take it out of the garbage collector's sight.

    Django, Wagtail, the apps, the URL patterns and the Vietnamese catalogue live as long as the
    worker process. Left in the collector's oldest generation they are walked again in every full
    collection, which stalls whichever request triggers it for tens of milliseconds
    (docs/performance.md). Frozen, they are never walked.
    """
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 - imports every URLconf module
    translation.activate(settings.LANGUAGE_CODE)
    translation.gettext("Tìm kiếm")
    translation.deactivate()
    gc.freeze()


settle()
