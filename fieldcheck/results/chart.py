"""A small horizontal bar chart as data and geometry, drawn the same way by QPainter and reportlab.

``layout`` turns a ``BarChart`` into boxes and texts in a top-left-origin coordinate space of
the size asked for; the window's painter and the PDF's canvas only draw those shapes (the
PDF flips y). So the chart in the window and the one in the PDF come from the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fieldcheck.engine.numbers import fmt
from fieldcheck.results.bands import CENT
from fieldcheck.results.widths import display_width

BAR_COLOUR = (192, 57, 43)
AXIS_COLOUR = (90, 90, 90)
TEXT_COLOUR = (30, 30, 30)


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[tuple[str, float], ...]  # (label, value), drawn top to bottom
    unit: str = ""


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    colour: tuple[int, int, int]


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the text's baseline
    text: str
    size: float
    align: str = "left"  # or "right"


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    boxes: tuple[Box, ...]
    labels: tuple[Label, ...]


def text_units(text: str) -> float:
    """A text's width in font-size units: a Chinese character about 1, a Latin one about 0.55."""
    return display_width(text) * 0.5 + 0.05 * len(text)


def layout(chart: BarChart, width: float, height: float, font: float = 10) -> Drawing:
    """The chart fitted to ``width`` × ``height``: title on top, labels on the left, values after the bars."""
    boxes, labels = [], []
    labels.append(Label(0, font * 1.2, chart.title, font * 1.2))
    top = font * 2.2
    n = max(1, len(chart.bars))
    row = max(font * 1.2, min(font * 2.4, (height - top) / n))
    label_w = min(width * 0.45, max((text_units(b[0]) for b in chart.bars), default=0) * font + font)
    value_w = font * 4
    plot_w = max(10.0, width - label_w - value_w)
    biggest = max((v for _, v in chart.bars), default=0) or 1
    boxes.append(Box(label_w, top, 1, row * n, AXIS_COLOUR))
    for i, (name, value) in enumerate(chart.bars):
        y = top + i * row
        bar_h = row * 0.7
        w = plot_w * (value / biggest)
        boxes.append(Box(label_w + 1, y + (row - bar_h) / 2, w, bar_h, BAR_COLOUR))
        baseline = y + row / 2 + font * 0.35
        labels.append(Label(label_w - font * 0.4, baseline, name, font, "right"))
        shown = fmt(Decimal(str(value)).quantize(CENT)) + chart.unit
        labels.append(Label(label_w + 1 + w + font * 0.3, baseline, shown, font))
    return Drawing(width, top + row * n + font * 0.5, tuple(boxes), tuple(labels))
