"""The score sheet (评分表): an A4 PDF of a ``SheetContent``, in Chinese whatever the window shows.

Header (rubric, assessee, date, inspectors, revision), the table 序号 | 考核内容 | 评分标准 |
标准分值 | 扣分 | 得分 | 扣分依据 with each section's 小计 and cap line, what comes after
the table (bonus, total, grade or 暂计, readings, vetoes), the signature block, and the
evidence appendix of numbered photos. Every page has 第 x 页 共 y 页 and the short code; a
draft has 草稿 across every page and blank signature lines.

Everything printed comes from the content (``signing.content``), so the canonical hash
covers it; nothing here computes a score. The text uses the bundled WenQuanYi Micro Hei,
embedded as a subset (never the STSong CID font: readers without Chinese fonts show boxes).
Photos are downscaled for print (JPEG draft decoding, 640 px on the long side: 190 dpi at
the 84 mm they print), and image streams
are binary (``rl_config.useA85 = 0``): 12 MP originals would make the sheet 70 MB.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from fieldcheck.reports.sheet_table import breaking_table
from fieldcheck.shipped import resource_dir
from fieldcheck.signing.content import PhotoEntry, SheetContent, SignerEntry
from fieldcheck.signing.qr import matrix
from fieldcheck.store.photofiles import PRINT_PIXELS, print_copy_name

FONT = "WenQuanYi"
FONT_FILE = "wqy-microhei.ttc"
PHOTO_PIXELS = PRINT_PIXELS  # store/photofiles.py makes this copy when a photo is added
MM = 72 / 25.4
#: column widths in mm: 序号 考核内容 评分标准 标准分值 扣分 得分 扣分依据 (180 mm of A4's 210)
COLUMNS = (13, 40, 38, 13, 12, 13, 51)
HEADERS = ("序号", "考核内容", "评分标准", "标准分值", "扣分", "得分", "扣分依据")


@dataclass
class SealPlace:
    """Where the device's signature area was drawn: the page (0-based) and the box in points."""

    page: int = -1
    box: tuple[float, float, float, float] = (0, 0, 0, 0)


@dataclass(frozen=True)
class Seal:
    """What the signature area of a signed sheet shows: the QR text and the device's key."""

    payload: str
    device: str
    key_id: str
    content_hash: str


def short_code(content_hash: str, revision: int) -> str:
    """The code printed in every footer: enough of the hash to find the record, and the revision."""
    return f"FC-{content_hash[:10].upper()}-R{revision}"


def render(content: SheetContent, *, content_hash: str, seal: Seal | None = None,
           place: SealPlace | None = None, photo_cache: Path | None = None) -> bytes:
    """The sheet as PDF bytes; with ``seal`` (a signed sheet) the signature area is drawn and its
    position stored in ``place`` for the PDF signature field. ``photo_cache`` keeps the photos
    shrunk for print (see ``print_image``)."""
    from reportlab import rl_config  # lazy: reportlab, only when a sheet is made
    from reportlab.lib.pagesizes import A4  # lazy: reportlab
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer  # lazy: reportlab

    rl_config.useA85 = 0
    styles = _styles()
    place = place if place is not None else SealPlace()
    code = short_code(content_hash, content.revision)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * MM, rightMargin=15 * MM, topMargin=14 * MM,
                            bottomMargin=16 * MM, title=f"{content.title} — {content.assessee}", author="FieldCheck",
                            subject=code, creator="FieldCheck", invariant=0)
    story = _header(content, styles)
    story.append(_table(content, styles))
    story.append(Spacer(1, 4 * MM))
    story.extend(_after_table(content, styles))
    story.append(Spacer(1, 4 * MM))
    story.extend(_signature_block(content, styles, seal, place))
    if content.photos:
        story.append(PageBreak())
        story.extend(_appendix(content.photos, styles, photo_cache))
    doc.build(story, canvasmaker=_numbered_canvas(code, content.draft))
    return out.getvalue()


# -- fonts and styles ------------------------------------------------------------------------------


def register_font() -> str:
    from reportlab.pdfbase import pdfmetrics  # lazy: reportlab
    from reportlab.pdfbase.ttfonts import TTFont  # lazy: reportlab

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource_dir("fonts") / FONT_FILE), subfontIndex=0))
    return FONT


def _styles() -> dict:
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


def _p(text: str, style):
    from reportlab.platypus import Paragraph  # lazy: reportlab

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


# -- header, table, after the table ----------------------------------------------------------------


def _header(content: SheetContent, styles) -> list:
    story = [_p(f"{content.title} 评分表", styles["title"])]
    group = f"(分组:{content.assessee_group})" if content.assessee_group else ""
    story.append(_p(f"被考核单位:{content.assessee}{group}    检查日期:{content.date}", styles["meta"]))
    story.append(_p(f"检查组:{'、'.join(content.inspectors) or '—'}    第 {content.revision} 版"
                    f"    细则版本:{content.rubric_version[:12]}", styles["meta"]))
    if content.source:
        story.append(_p(f"依据:{content.source}", styles["small"]))
    for line in content.amendments:
        story.append(_p(line, styles["small"]))
    from reportlab.platypus import Spacer  # lazy: reportlab

    story.append(Spacer(1, 2 * MM))
    return story


def _table(content: SheetContent, styles):
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.platypus import TableStyle  # lazy: reportlab

    data = [[_p(h, styles["head"]) for h in HEADERS]]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for row in content.rows:
        r = len(data)
        if row.kind == "section":
            data.append([_p(row.number, styles["num"]), _p(row.content, styles["section"]),
                         _p(row.standard, styles["cell"]), _p(row.points, styles["num"]), "", "", ""])
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.93, 0.93, 0.93)))
        elif row.kind == "subtotal":
            data.append(["", _p(row.content, styles["section"]), "", _p(row.points, styles["num"]),
                         _p(row.deduction, styles["num"]), _p(row.score, styles["num"]), ""])
            commands.append(("SPAN", (1, r), (2, r)))
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.97, 0.97, 0.9)))
        else:
            data.append([_p(row.number, styles["num"]), _p(row.content, styles["cell"]),
                         _p(row.standard, styles["cell"]), _p(row.points, styles["num"]),
                         _p(row.deduction, styles["num"]), _p(row.score, styles["num"]),
                         _p(row.basis, styles["small"])])
    return breaking_table(data, colWidths=[w * MM for w in COLUMNS], repeatRows=1, splitInRow=1,
                          style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands]))


def _after_table(content: SheetContent, styles) -> list:
    lines = [f"加分:{content.bonus}"]
    if content.complete:
        lines.append(f"总分:{content.total} / {content.max}")
    else:
        lines.append(f"总分(暂计):{content.total} / {content.max}")
    lines.append(f"等次:{content.grade}")
    story = [_p("    ".join(lines), styles["h2"])]
    if content.readings:
        story.append(_p("计分口径(原文未写明之处的理解):", styles["body"]))
        story.extend(_p(f"· {r}", styles["body"]) for r in content.readings)
    story.append(_p("一票否决:" + ("; ".join(content.vetoes) if content.vetoes else "无"), styles["body"]))
    for note in content.notes:
        story.append(_p(f"说明:{note}", styles["body"]))
    return story


# -- signatures ------------------------------------------------------------------------------------


def _slots(content: SheetContent) -> list[tuple[str, SignerEntry | None]]:
    """The signature lines: every captured signer, and a blank line for a role nobody signed."""
    slots: list[tuple[str, SignerEntry | None]] = [(s.role_name, s) for s in content.signers]
    roles = {s.role for s in content.signers}
    if "leader" not in roles:
        slots.insert(0, ("检查组组长", None))
    if "member" not in roles:
        blank_members = max(1, len(content.inspectors) - 1)
        at = 1 if slots and slots[0][0] == "检查组组长" else 0
        for _ in range(blank_members):
            slots.insert(at, ("检查组成员", None))
    if "representative" not in roles:
        slots.append(("被检查单位负责人", None))
    order = {"检查组组长": 0, "检查组成员": 1, "被检查单位负责人": 2}
    return sorted(slots, key=lambda s: order.get(s[0], 3))


def _signature_block(content: SheetContent, styles, seal: Seal | None, place: SealPlace) -> list:
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.platypus import Image, KeepTogether, Table, TableStyle  # lazy: reportlab

    rows = [[_p("签字人", styles["head"]), _p("姓名", styles["head"]), _p("签名", styles["head"]),
             _p("签字时间", styles["head"])]]
    for role, entry in _slots(content):
        if entry is not None and entry.image:
            image = Image(io.BytesIO(entry.image))
            scale = min(45 * MM / image.imageWidth, 13 * MM / image.imageHeight)
            image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
            cell = image
        else:
            cell = ""
        rows.append([_p(role, styles["cell"]), _p(entry.name if entry else "", styles["cell"]), cell,
                     _p(entry.signed_at if entry else "", styles["cell"])])
    table = Table(rows, colWidths=[34 * MM, 28 * MM, 50 * MM, 30 * MM], rowHeights=[None] + [15 * MM] * (len(rows) - 1),
                  style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("LINEBELOW", (1, 1), (-1, -1), 0.4, colors.black),
                                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    title = _p("签字" if not content.draft else "签字(草稿:未签字)", styles["h2"])
    block = Table([[table, seal_box(seal, place) if seal else ""]], colWidths=[142 * MM, 38 * MM],
                  style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([title, block])]


def seal_box(seal: Seal, place: SealPlace):
    """The device's signature area as a flowable (its class is made on first use: reportlab is lazy)."""
    return _seal_class()(seal, place)


_SEAL_CLASS = None


def _seal_class():
    global _SEAL_CLASS
    if _SEAL_CLASS is not None:
        return _SEAL_CLASS
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.platypus import Flowable  # lazy: reportlab

    class _SealBox(Flowable):
        """The device's signature area: the QR code, the device and its key id; the PDF field lies over it."""

        def __init__(self, seal: Seal, place: SealPlace):
            super().__init__()
            self.seal, self.place = seal, place
            self.modules = matrix(seal.payload)
            self.module = 0.55 * MM
            self.width = 38 * MM
            self.height = len(self.modules) * self.module + 4 * self.module + 14 * MM

        def wrap(self, available_width, available_height):
            return self.width, self.height

        def draw(self):
            c = self.canv
            n = len(self.modules)
            side = (n + 4) * self.module
            x0 = (self.width - side) / 2 + 2 * self.module
            y0 = self.height - side + 2 * self.module
            c.saveState()
            c.setFillColor(colors.black)
            path = c.beginPath()
            for r, row in enumerate(self.modules):  # a run of dark modules is one rectangle: a smaller, faster PDF
                k = 0
                while k < n:
                    if row[k]:
                        start = k
                        while k < n and row[k]:
                            k += 1
                        path.rect(x0 + start * self.module, y0 + (n - 1 - r) * self.module,
                                  (k - start) * self.module, self.module)
                    else:
                        k += 1
            c.drawPath(path, stroke=0, fill=1)
            c.setFont(FONT, 6.5)
            y = y0 - 2 * self.module - 8
            for text in ("本机电子签章(扫码核验)", f"设备:{self.seal.device}"[:22], f"密钥:{self.seal.key_id}",
                         f"摘要:{self.seal.content_hash[:16]}"):
                c.drawCentredString(self.width / 2, y, text)
                y -= 8
            c.setStrokeColor(colors.grey)
            c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            c.restoreState()
            x, y = c.absolutePosition(0, 0)
            self.place.page = c.getPageNumber() - 1
            self.place.box = (x, y, x + self.width, y + self.height)

    _SEAL_CLASS = _SealBox
    return _SEAL_CLASS


# -- evidence appendix -----------------------------------------------------------------------------


def print_image(path: Path | None, pixels: int = PHOTO_PIXELS, cache: Path | None = None) -> tuple[bytes, int, int] | None:
    """A photo shrunk for print (JPEG, at most ``pixels`` on its long side, EXIF rotation applied).

    Decoding a 12 MP original costs 100–150 ms even at 1/4 scale, so with ``cache`` (a folder)
    the shrunk copy is kept there under the original's name (its SHA-256, so it never goes
    stale) and later sheets of the same photo read it instead.
    """
    from PIL import Image, ImageOps  # lazy: Pillow

    if path is None:
        return None
    cached = cache / print_copy_name(path.stem, pixels) if cache is not None else None
    if cached is not None and cached.is_file():
        try:
            data = cached.read_bytes()
            with Image.open(io.BytesIO(data)) as img:
                return data, img.width, img.height
        except OSError:
            pass  # a damaged cache entry is made again
    try:
        with Image.open(path) as original:
            img = original
            # JPEG draft decoding scales by 1/2–1/8 while decoding: ask for the smallest scale that
            # still gives ``pixels`` on the long side, whichever way the photo lies
            long_side = max(img.size) or 1
            img.draft("RGB", (img.size[0] * pixels // long_side, img.size[1] * pixels // long_side))
            img = ImageOps.exif_transpose(img).convert("RGB")  # type: ignore[assignment]
            img.thumbnail((pixels, pixels))
            out = io.BytesIO()
            img.save(out, "JPEG", quality=65)
            data, size = out.getvalue(), (img.width, img.height)
    except OSError:
        return None
    if cache is not None and cached is not None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f".tmp-{cached.name}")
            tmp.write_bytes(data)
            os.replace(tmp, cached)
        except OSError:
            pass  # no cache: the next sheet decodes the original again
    return data, *size


def _appendix(photos: list[PhotoEntry], styles, cache: Path | None) -> list:
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.platypus import Image, Table, TableStyle  # lazy: reportlab

    with ThreadPoolExecutor(max_workers=2) as pool:  # decoding releases the GIL; two cores halve the wait
        shrunk = list(pool.map(lambda p: print_image(p.path, cache=cache), photos))
    cells: list = []
    for photo, image in zip(photos, shrunk):
        parts: list = []
        if image is not None:
            data, w, h = image
            scale = min(84 * MM / w, 62 * MM / h)
            parts.append(Image(io.BytesIO(data), width=w * scale, height=h * scale))
        else:
            parts.append(_p("(照片原件缺失)", styles["body"]))
        parts.append(_p(f"照片 {photo.number}:{photo.item}\n发现:{photo.finding}\n农户:{photo.household}"
                        f"    拍摄:{photo.taken_at}\nGPS:{photo.gps}    SHA-256:{photo.sha256[:16]}…",
                        styles["small"]))
        cells.append(parts)
    if len(cells) % 2:
        cells.append("")
    rows = [cells[k:k + 2] for k in range(0, len(cells), 2)]
    story = [_p("附件:照片证据", styles["h2"])]
    story.append(Table(rows, colWidths=[90 * MM, 90 * MM], repeatRows=0,
                       style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("BOX", (0, 0), (-1, -1), 0.3, colors.grey),
                                         ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])))
    return story


# -- footer and draft mark -------------------------------------------------------------------------


def _numbered_canvas(code: str, draft: bool) -> Callable:
    """A canvas that holds its pages until the end, to print 第 x 页 共 y 页 on each."""
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.pdfgen.canvas import Canvas  # lazy: reportlab

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = FONT  # else an unembedded Helvetica is referenced
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(colors.black)
            self.drawCentredString(width / 2, 9 * MM, f"第 {number} 页 共 {total} 页")
            self.drawRightString(width - 15 * MM, 9 * MM, code + (" 草稿" if draft else ""))
            self.drawString(15 * MM, 9 * MM, "FieldCheck 评分表")
            if draft:
                self.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.18))
                self.setFont(FONT, 110)
                self.translate(width / 2, self._pagesize[1] / 2)
                self.rotate(35)
                self.drawCentredString(0, -40, "草稿")
            self.restoreState()

    return NumberedCanvas
