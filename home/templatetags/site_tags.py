import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks

register = template.Library()

# Same escapes as Django's json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict) -> SafeString:
    """Render schema.org data as a JSON-LD script element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, breadcrumb_current: str = "", trail: list | None = None) -> dict:
    """Home › … › current page, from the page tree or from an explicit trail of (title, url)."""
    crumbs = []
    if page is not None:
        # Titles and URLs only: plain Page rows, one query (no per-type queries).
        for ancestor in page.get_ancestors().filter(depth__gt=1):
            crumbs.append((ancestor.title if ancestor.depth > 2 else None, ancestor.url))
        current = page.title
    else:
        current = breadcrumb_current
    for title, url in trail or []:
        crumbs.append((title, url))
    return {"crumbs": crumbs, "current": current}


@register.simple_tag(takes_context=True)
def query_string(context, **changes) -> str:
    """The current query string with some parameters replaced (None removes one); keeps filters on paging."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


DEFAULT_SHARE_IMAGE = ("images/og-default.png", 1200, 630)


@register.simple_tag(takes_context=True)
def share_image(context, page=None) -> dict:
    """The picture shown when a page is shared: {url (absolute), width, height, alt}.

    Apps above add their own through the `share_image` hook, `fn(page, request) -> dict | None`
    (the first answer wins); otherwise the site's default card.
    """
    request = context.get("request")
    for contribute in hooks.get_hooks("share_image"):
        found = contribute(page, request)
        if found:
            return found
    path, width, height = DEFAULT_SHARE_IMAGE
    url = static(path)
    return {
        "url": request.build_absolute_uri(url) if request is not None else url,
        "width": width,
        "height": height,
        "alt": _("Cải cách hành chính tỉnh Cao Bằng"),
    }


@register.simple_tag(takes_context=True)
def site_head_extras(context) -> SafeString:
    """What apps above add inside <head> of every public page (hook `site_head_extras`).

    A hook is `fn(request, context) -> str` (e.g. <link rel="alternate"> to the feeds that describe
    the page); what it returns is escaped unless marked safe.
    """
    request = context.get("request")
    flat = context.flatten()
    return mark_safe("".join(conditional_escape(fn(request, flat) or "") for fn in hooks.get_hooks("site_head_extras")))
