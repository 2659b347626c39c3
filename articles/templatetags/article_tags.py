"""What apps above `articles` add to an article's page, without the article templates naming them."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

register = template.Library()

POSITIONS = ("head", "end")


@register.simple_tag(takes_context=True)
def article_extras(context, page, position: str) -> SafeString:
    """The HTML each `article_page_extras` hook gives for this page at `position`.

    "head": inside <head> (meta and link elements); "end": after the article (players, forms).
    A hook is `fn(page, request, position) -> str`; what it returns is escaped unless it is
    marked safe (rendered from a template, as it should be).
    """
    if position not in POSITIONS:
        raise template.TemplateSyntaxError(f"article_extras: unknown position {position!r}")
    request = context.get("request")
    parts = [conditional_escape(fn(page, request, position) or "") for fn in hooks.get_hooks("article_page_extras")]
    return mark_safe("".join(parts))
