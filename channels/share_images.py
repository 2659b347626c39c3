"""Share images (og:image): 1200×630 PNG with the article's title and the province's mark.

Drawn with Pillow in DejaVu Sans (static/fonts/dejavu/, Vietnamese glyphs), kept under
MEDIA_ROOT/channels/share/<page id>-<hash>.png, where the hash is of what the picture shows
(title, unit, design version): a new title gives a new file and a new URL, so no cache anywhere
keeps showing the old picture.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
DESIGN_VERSION = "1"
RED, GOLD, WHITE = (155, 28, 28), (255, 211, 77), (255, 255, 255)
MARGIN = 80
# The mark of static/images/logo.svg (viewBox 48×48): a gold disc, white ring, red star.
STAR = [
    (24, 9),
    (28.4, 22.5),
    (42.6, 22.5),
    (31.1, 30.9),
    (35.5, 44.4),
    (24, 36),
    (12.5, 44.4),
    (16.9, 30.9),
    (5.4, 22.5),
    (19.6, 22.5),
]


def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(
        finders.find(f"fonts/dejavu/{name}") or str(Path(settings.STATIC_ROOT) / "fonts/dejavu" / name), size
    )


def fingerprint(page) -> str:
    shown = "\n".join([DESIGN_VERSION, page.title, page.unit.name])
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:16]


def storage_path(page, digest: str) -> Path:
    return Path(settings.MEDIA_ROOT) / "channels" / "share" / f"{page.pk}-{digest}.png"


def url_path(page) -> str:
    return reverse("channels_share_image", args=[page.pk, fingerprint(page)])


def _wrap(draw: ImageDraw.ImageDraw, text: str, typeface, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=typeface) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _title_lines(draw, title: str, width: int, max_height: int):
    for size in (64, 58, 52, 46, 40, 36):
        typeface = font(True, size)
        lines = _wrap(draw, title, typeface, width)
        if len(lines) * int(size * 1.25) <= max_height:
            return typeface, size, lines
    typeface = font(True, 36)
    lines = _wrap(draw, title, typeface, width)
    keep = max_height // int(36 * 1.25)
    if len(lines) > keep:
        lines = lines[:keep]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return typeface, 36, lines


def draw_card(title: str, unit_name: str) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), RED)
    draw = ImageDraw.Draw(image)
    # The mark, 112 px, top left.
    size, x0, y0 = 112, MARGIN, 64
    scale = size / 48
    draw.ellipse([x0 + scale, y0 + scale, x0 + 47 * scale, y0 + 47 * scale], fill=GOLD, outline=WHITE, width=4)
    draw.polygon([(x0 + x * scale, y0 + y * scale) for x, y in STAR], fill=RED)
    draw.text((x0 + size + 28, y0 + 18), "TỈNH CAO BẰNG", font=font(False, 30), fill=GOLD)
    draw.text((x0 + size + 28, y0 + 56), "CẢI CÁCH HÀNH CHÍNH", font=font(True, 36), fill=WHITE)
    # The title, as large as fits in four to six lines.
    top, bottom = y0 + size + 48, HEIGHT - 110
    typeface, font_size, lines = _title_lines(draw, title, WIDTH - 2 * MARGIN, bottom - top)
    y = top
    for line in lines:
        draw.text((MARGIN, y), line, font=typeface, fill=WHITE)
        y += int(font_size * 1.25)
    draw.rectangle([MARGIN, HEIGHT - 84, MARGIN + 96, HEIGHT - 78], fill=GOLD)
    draw.text((MARGIN, HEIGHT - 66), unit_name, font=font(False, 30), fill=WHITE)
    return image


def ensure_image(page) -> Path:
    """The page's current share image, drawn if it is not on disk yet."""
    digest = fingerprint(page)
    path = storage_path(page, digest)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{page.pk}-*.png"):
            old.unlink(missing_ok=True)  # the title changed: the old picture goes
        partial = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
        draw_card(page.title, page.unit.name).save(partial, format="PNG", optimize=True)
        partial.replace(path)
    return path
