"""The score sheet (评分表): an A4 PDF of a ``SheetContent``, in Chinese whatever the window shows.

Header (rubric, assessee, date, inspectors, revision), the table 序号 | 考核内容 | 评分标准 |
标准分值 | 扣分 | 得分 | 扣分依据 with each section's 小计 and cap line, what comes after
the table (bonus, total, grade or 暂计, readings, vetoes), the signature block with the
device's seal (``sheet_seal``), and the evidence appendix of numbered photos
(``sheet_photos``). Every page has 第 x 页 共 y 页 and the short code; a draft has 草稿
across every page and blank signature lines.

Everything printed comes from the content (``signing.content``), so the canonical hash
covers it; nothing here computes a score. The type is ``sheet_style``'s; image streams are
binary (``rl_config.useA85 = 0``), where ASCII85 would make them a quarter larger.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from fieldcheck.reports.sheet_photos import appendix
from fieldcheck.reports.sheet_seal import Seal, SealPlace, seal_box
from fieldcheck.reports.sheet_style import FONT, MM, p, paragraph_styles
from fieldcheck.reports.sheet_table import breaking_table
from fieldcheck.signing.content import SheetContent, SignerEntry

#: column widths in mm: 序号 考核内容 评分标准 标准分值 扣分 得分 扣分依据 (180 mm of A4's 210)
COLUMNS = (13, 40, 38, 13, 12, 13, 51)
HEADERS = ("序号", "考核内容", "评分标准", "标准分值", "扣分", "得分", "扣分依据")


def short_code(content_hash: str, revision: int) -> str:
    """The code printed in every footer: enough of the hash to find the record, and the revision."""
    return f"FC-{content_hash[:10].upper()}-R{revision}"


def render(content: SheetContent, *, content_hash: str, seal: Seal | None = None,
           place: SealPlace | None = None, photo_cache: Path | None = None) -> bytes:
    """The sheet as PDF bytes; with ``seal`` (a signed sheet) the signature area is drawn and its
    position stored in ``place`` for the PDF signature field. ``photo_cache`` keeps the photos
    shrunk for print (see ``sheet_photos.print_image``)."""
    from reportlab import rl_config  # lazy: reportlab, only when a sheet is made
    from reportlab.lib.pagesizes import A4  # lazy: reportlab
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer  # lazy: reportlab

    rl_config.useA85 = 0
    styles = paragraph_styles()
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
        story.extend(appendix(content.photos, styles, photo_cache))
    doc.build(story, canvasmaker=_numbered_canvas(code, content.draft))
    return out.getvalue()


# -- header, table, after the table ----------------------------------------------------------------


def _header(content: SheetContent, styles) -> list:
    story = [p(f"{content.title} 评分表", styles["title"])]
    group = f"(分组:{content.assessee_group})" if content.assessee_group else ""
    story.append(p(f"被考核单位:{content.assessee}{group}    检查日期:{content.date}", styles["meta"]))
    story.append(p(f"检查组:{'、'.join(content.inspectors) or '—'}    第 {content.revision} 版"
                    f"    细则版本:{content.rubric_version[:12]}", styles["meta"]))
    if content.source:
        story.append(p(f"依据:{content.source}", styles["small"]))
    for line in content.amendments:
        story.append(p(line, styles["small"]))
    from reportlab.platypus import Spacer  # lazy: reportlab

    story.append(Spacer(1, 2 * MM))
    return story


def _table(content: SheetContent, styles):
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.platypus import TableStyle  # lazy: reportlab

    data = [[p(h, styles["head"]) for h in HEADERS]]
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
            data.append([p(row.number, styles["num"]), p(row.content, styles["section"]),
                         p(row.standard, styles["cell"]), p(row.points, styles["num"]), "", "", ""])
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.93, 0.93, 0.93)))
        elif row.kind == "subtotal":
            data.append(["", p(row.content, styles["section"]), "", p(row.points, styles["num"]),
                         p(row.deduction, styles["num"]), p(row.score, styles["num"]), ""])
            commands.append(("SPAN", (1, r), (2, r)))
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.97, 0.97, 0.9)))
        else:
            data.append([p(row.number, styles["num"]), p(row.content, styles["cell"]),
                         p(row.standard, styles["cell"]), p(row.points, styles["num"]),
                         p(row.deduction, styles["num"]), p(row.score, styles["num"]),
                         p(row.basis, styles["small"])])
    return breaking_table(data, colWidths=[w * MM for w in COLUMNS], repeatRows=1, splitInRow=1,
                          style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands]))


def _after_table(content: SheetContent, styles) -> list:
    lines = [f"加分:{content.bonus}"]
    if content.complete:
        lines.append(f"总分:{content.total} / {content.max}")
    else:
        lines.append(f"总分(暂计):{content.total} / {content.max}")
    lines.append(f"等次:{content.grade}")
    story = [p("    ".join(lines), styles["h2"])]
    if content.readings:
        story.append(p("计分口径(原文未写明之处的理解):", styles["body"]))
        story.extend(p(f"· {r}", styles["body"]) for r in content.readings)
    story.append(p("一票否决:" + ("; ".join(content.vetoes) if content.vetoes else "无"), styles["body"]))
    for note in content.notes:
        story.append(p(f"说明:{note}", styles["body"]))
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

    rows = [[p("签字人", styles["head"]), p("姓名", styles["head"]), p("签名", styles["head"]),
             p("签字时间", styles["head"])]]
    for role, entry in _slots(content):
        if entry is not None and entry.image:
            image = Image(io.BytesIO(entry.image))
            scale = min(45 * MM / image.imageWidth, 13 * MM / image.imageHeight)
            image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
            cell = image
        else:
            cell = ""
        rows.append([p(role, styles["cell"]), p(entry.name if entry else "", styles["cell"]), cell,
                     p(entry.signed_at if entry else "", styles["cell"])])
    table = Table(rows, colWidths=[34 * MM, 28 * MM, 50 * MM, 30 * MM], rowHeights=[None] + [15 * MM] * (len(rows) - 1),
                  style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("LINEBELOW", (1, 1), (-1, -1), 0.4, colors.black),
                                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    title = p("签字" if not content.draft else "签字(草稿:未签字)", styles["h2"])
    block = Table([[table, seal_box(seal, place) if seal else ""]], colWidths=[142 * MM, 38 * MM],
                  style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([title, block])]


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
