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


@register.simple_tag(takes_context=True)
def legal_basis_url(context, value) -> str:
    """The URL of a page for the document a legal-basis entry cites, "" when none is known.

    Apps above `articles` that publish documents answer through the `resolve_legal_basis` hook:
    `fn(entries, request) -> [URL or ""]` for a list of (number, date) pairs (the first non-empty
    answer wins). The page's whole legal basis is resolved at its first entry, in one call per
    hook, and kept for the rest of the request.
    """
    request = context.get("request")
    entry = (value.get("number") or "", value.get("date"))
    known = getattr(request, "_legal_basis_urls", None) if request is not None else None
    if known is None or entry not in known:
        page = context.get("page")
        entries = [entry]
        for block in getattr(page, "legal_basis", None) or ():
            other = (block.value.get("number") or "", block.value.get("date"))
            if other not in entries:
                entries.append(other)
        urls = [""] * len(entries)
        for resolve in hooks.get_hooks("resolve_legal_basis"):
            answers = resolve(entries, request)
            urls = [url or answer for url, answer in zip(urls, answers, strict=True)]
        known = {**(known or {}), **dict(zip(entries, urls, strict=True))}
        if request is not None:
            request._legal_basis_urls = known
    return known[entry]
