import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

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
