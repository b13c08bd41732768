"""Handwritten signatures as pen strokes, and the PNG image the sheet prints of them.

A stroke is a list of (x, y) points with both coordinates in 0–1 of the pad (y down), so
the same strokes draw at any size. The sign dialog, the demo and ``inspection sign`` all
make the stored image here, so a signature looks the same wherever it was captured.
"""

from __future__ import annotations

import io
import math
import random

Stroke = list[tuple[float, float]]
WIDTH, HEIGHT = 600, 200


def render_png(strokes: list[Stroke], width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """The strokes drawn in dark blue on a transparent background, as PNG bytes."""
    from PIL import Image, ImageDraw  # lazy: Pillow

    scale = 2  # drawn large then shrunk: smooth edges without an antialiasing pen
    img = Image.new("RGBA", (width * scale, height * scale), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    pen = max(2, int(height * scale / 45))
    for stroke in strokes:
        points = [(x * width * scale, y * height * scale) for x, y in stroke]
        if len(points) == 1:
            x, y = points[0]
            draw.ellipse((x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2), fill=(20, 30, 110, 255))
        elif points:
            draw.line(points, fill=(20, 30, 110, 255), width=pen, joint="curve")
    img = img.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def scribble(rng: random.Random, characters: int = 3) -> list[Stroke]:
    """Made-up handwriting for the demo: a few looping strokes per character, left to right."""
    strokes: list[Stroke] = []
    for c in range(characters):
        left = 0.08 + c * 0.84 / characters
        for _ in range(rng.randint(2, 3)):
            x, y = left + rng.uniform(0, 0.1), rng.uniform(0.25, 0.6)
            angle = rng.uniform(0, math.tau)
            stroke = []
            for _ in range(rng.randint(8, 16)):
                stroke.append((round(min(0.97, max(0.03, x)), 4), round(min(0.95, max(0.05, y)), 4)))
                angle += rng.uniform(-1.1, 1.1)
                x += math.cos(angle) * 0.02 + 0.004
                y += math.sin(angle) * 0.06
            strokes.append(stroke)
    return strokes
