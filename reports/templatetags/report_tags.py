from django import template

register = template.Library()


@register.filter
def vi_number(value):
    """1234567 → "1.234.567" (Vietnamese thousands separator); anything but an integer as it is."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    return f"{value:,}".replace(",", ".")
