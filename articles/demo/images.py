"""Illustrations for the demo content, drawn locally with Pillow (nothing is downloaded)."""

import io
import textwrap
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

PALETTE = ["#9b1c1c", "#0b4a85", "#245b2b", "#6b3f00", "#4b2a7a", "#1d5c63"]
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "DejaVuSans-Bold.ttf",
]


def _font(size: int) -> ImageFont.ImageFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists() or "/" not in candidate:
            try:
                return ImageFont.truetype(candidate, size)
            except OSError:
                continue
    return ImageFont.load_default(size=size)


def illustration(title: str, caption: str, colour_index: int) -> Image:
    """A 1200×630 banner with the article's title; reused if it was drawn before."""
    image_title = f"Ảnh minh họa: {title}"[:255]
    existing = Image.objects.filter(title=image_title).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", (1200, 630), PALETTE[colour_index % len(PALETTE)])
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((40, 40, 1160, 590), outline="#ffffff", width=4)
    draw.text((80, 80), caption.upper(), fill="#ffd34d", font=_font(34))
    y = 170
    for line in textwrap.wrap(title, width=34)[:5]:
        draw.text((80, y), line, fill="#ffffff", font=_font(54))
        y += 76
    draw.text((80, 530), "Cải cách hành chính tỉnh Cao Bằng", fill="#ffffff", font=_font(28))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:40]
    image = Image(title=image_title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"minh-hoa-{slug}.png")
    image.save()
    return image
