"""django-csp's middleware with one policy for public pages and a relaxed one for the admin.

Public pages (and the shared preview links) get CONTENT_SECURITY_POLICY: scripts and styles only
from this site, no 'unsafe-inline'. Wagtail's admin still writes inline styles and a few inline
scripts, so paths under CSP_ADMIN_PREFIXES get CONTENT_SECURITY_POLICY_ADMIN instead.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ScopedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.CSP_ADMIN_PREFIXES))
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
