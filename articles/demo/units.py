"""Demo units below the province: since 1 July 2025 communes and wards report to the province directly."""

from home.models import Unit

# slug, name, parent slug
DEMO_COMMUNES = [("phuong-thuc-phan", "Phường Thục Phán", "tinh")]


def create_demo_units() -> list[str]:
    """The demo communes (with the province as parent unit); existing ones are left as they are."""
    lines = []
    for slug, name, parent_slug in DEMO_COMMUNES:
        parent = Unit.objects.filter(slug=parent_slug).first()
        _unit, created = Unit.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": Unit.Kind.COMMUNE, "parent": parent, "sort_order": 300}
        )
        if created:
            lines.append(f"Đã tạo đơn vị mẫu: {name}")
    return lines
