"""The score sheet's type: the bundled WenQuanYi Micro Hei, embedded as a subset, and its paragraph styles.

Never the STSong CID font: readers without Chinese fonts show boxes. Shared by the sheet's
parts (``sheet``, ``sheet_seal``, ``sheet_photos``); reportlab is imported when a sheet is made.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from fieldcheck.shipped import resource_dir

FONT = "WenQuanYi"
FONT_FILE = "wqy-microhei.ttc"
MM = 72 / 25.4


def register_font() -> str:
    """The bundled font registered with reportlab once; its name."""
    from reportlab.pdfbase import pdfmetrics  # lazy: reportlab
    from reportlab.pdfbase.ttfonts import TTFont  # lazy: reportlab

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource_dir("fonts") / FONT_FILE), subfontIndex=0))
    return FONT


def paragraph_styles() -> dict:
    """The sheet's paragraph styles by name: cell, small, head, section, num, title, meta, h2, body."""
    from reportlab.lib.styles import ParagraphStyle  # lazy: reportlab

    font = register_font()
    base = ParagraphStyle("base", fontName=font, bulletFontName=font, fontSize=8, leading=10.5, wordWrap="CJK")
    return {
        "cell": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7, leading=9),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11, alignment=1),
        "section": ParagraphStyle("section", parent=base, fontSize=8.5, leading=11),
        "num": ParagraphStyle("num", parent=base, alignment=1),
        "title": ParagraphStyle("title", parent=base, fontSize=15, leading=20, alignment=1, spaceAfter=3 * MM),
        "meta": ParagraphStyle("meta", parent=base, fontSize=9, leading=13),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=15, spaceBefore=2 * MM, spaceAfter=1.5 * MM),
        "body": ParagraphStyle("body", parent=base, fontSize=9, leading=13),
    }


def p(text: str, style):
    """A paragraph of plain text (escaped; a newline is a line break)."""
    from reportlab.platypus import Paragraph  # lazy: reportlab

    return Paragraph(escape(text).replace("\n", "<br/>"), style)
