"""A printable PDF summary of the results (reportlab), Chinese, the shipped WenQuanYi font embedded.

The losses chart is ``chart.layout``'s boxes and labels drawn on the canvas, the same
geometry the window's painter draws.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.i18n import using
from fieldcheck.output import writing
from fieldcheck.results.basis import basis, pending_text
from fieldcheck.results.chart import BarChart, Drawing, layout
from fieldcheck.results.outcome import Results
from fieldcheck.shipped import resource_dir

FONT = "WenQuanYi"
CHART_BARS = 10


def losses_chart(results: Results, title: str = "失分最多的项目(全部被考核单位合计)", unit: str = " 分",
                 bars: int = CHART_BARS) -> BarChart:
    """The items that lost the most points, as the chart both the window and the PDF draw."""
    return BarChart(title, tuple((f"{x.item_id} {x.title[:14]}", float(x.lost)) for x in results.losses[:bars]), unit)


def group_lines(results: Results) -> list[str]:
    """Each group's quotas, ties at a quota line and vetoes; the conflicts; the band edges."""
    out = []
    for g in results.groups:
        line = f"{g.name}:名额 " + "、".join(f"{k} {v} 名" for k, v in g.quotas.items())
        for tie in g.ties:
            line += (f";第 {tie.rank} 名并列跨{tie.between[0]}/{tie.between[1] or '名额外'}线:{'、'.join(tie.assessees)}"
                     f"(余 {tie.places} 个名额,待领导决定)")
        if g.vetoed:
            line += ";取消排序资格:" + "、".join(g.vetoed)
        if g.pending:
            line += ";" + pending_text(g).zh
        out.append(line)
    for c in results.conflicts:
        out.append(f"{c.assessee}:{c.reason.render('zh')}")
    if results.has_bands:
        out.append(("档次(按离散度):" if results.banding.method == "spread" else "档次:") + ";".join(results.banding.describe()))
    spec = results.rubric.ranking
    if spec is not None and spec.notes:  # the rule's own words and the readings taken where it is silent
        out.extend("依据:" + line if i == 0 else line for i, line in enumerate(spec.notes.splitlines()))
    return out


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics  # lazy: reportlab
    from reportlab.pdfbase.ttfonts import TTFont  # lazy: reportlab

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource_dir("fonts") / "wqy-microhei.ttc"), subfontIndex=0))
    return FONT


def draw(canvas, drawing: Drawing, x: float, y_top: float, font: str) -> None:
    """Draw a chart layout with its top-left corner at (x, y_top) on a reportlab canvas (y grows up)."""
    for b in drawing.boxes:
        canvas.setFillColorRGB(*(c / 255 for c in b.colour))
        canvas.rect(x + b.x, y_top - b.y - b.h, b.w, b.h, stroke=0, fill=1)
    canvas.setFillColorRGB(0.12, 0.12, 0.12)
    for label in drawing.labels:
        canvas.setFont(font, label.size)
        if label.align == "right":
            canvas.drawRightString(x + label.x, y_top - label.y, label.text)
        else:
            canvas.drawString(x + label.x, y_top - label.y, label.text)


def write_pdf(results: Results, path: str | Path) -> Path:
    from reportlab import platypus  # lazy: reportlab
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.lib.pagesizes import A4, landscape  # lazy: reportlab
    from reportlab.lib.styles import ParagraphStyle  # lazy: reportlab
    from reportlab.lib.units import mm  # lazy: reportlab
    from reportlab.pdfgen.canvas import Canvas  # lazy: reportlab

    path = Path(path)
    font = _font()
    title_style = ParagraphStyle("t", fontName=font, fontSize=15, leading=20)
    body = ParagraphStyle("b", fontName=font, fontSize=9, leading=13)
    head = ParagraphStyle("h", fontName=font, fontSize=11, leading=16, spaceBefore=6)

    class ChartFlowable(platypus.Flowable):
        def __init__(self, chart: BarChart, width: float, height: float):
            super().__init__()
            self.drawing = layout(chart, width, height, 9)
            self.width, self.height = width, self.drawing.height

        def draw(self):
            draw(self.canv, self.drawing, 0, self.height, font)

    with using("zh"):
        story = [platypus.Paragraph(f"{results.rubric.title} 考核结果", title_style),
                 platypus.Paragraph(("含草稿(已标明);" if results.include_drafts else "只计已签检查;")
                           + f"共 {len(results.rows)} 个被考核单位。", body)]
        header: list[object] = ["名次", "单位", "分组", "总分", "等级", "档次", "类别", "排名依据"]
        data = [header]
        cell = ParagraphStyle("c", fontName=font, fontSize=9, leading=11)
        for row in results.rows:
            # the rule that placed the row (quota, tie, veto, fail line), so each place can be checked against it
            note = basis(row, results).zh
            if row.unfinished_unsaid:
                note = ("未完成;" + note).rstrip(";")
            if row.counted.draft:
                note = ("草稿;" + note).rstrip(";")
            data.append([row.placed.rank or "", row.name, row.placed.group or "",
                         f"{row.result.total:.2f}" + ("" if row.result.complete else "(暂计)"), row.grade_shown,
                         row.band or "", (row.placed.tier or "") + ("(暂定)" if row.placed.provisional and row.placed.tier else ""),
                         platypus.Paragraph(note, cell)])
        widths = [14 * mm, 40 * mm, 18 * mm, 26 * mm, 18 * mm, 18 * mm, 18 * mm, 102 * mm]  # 总分 holds 192.00(暂计)
        if not results.has_bands:  # no empty 档次 column, as in the window; 说明 takes its width
            data = [r[:5] + r[6:] for r in data]
            widths = widths[:5] + widths[6:-1] + [120 * mm]
        table = platypus.Table(data, repeatRows=1, colWidths=widths)
        table.setStyle(platypus.TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE4EE")),
                                   ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("ALIGN", (3, 1), (3, -1), "RIGHT")]))
        story += [platypus.Spacer(1, 4 * mm), table, platypus.Paragraph("排名分组、名额、并列与档次" if results.has_bands else "排名分组、名额与并列", head)]
        for line in group_lines(results):
            story.append(platypus.Paragraph(line, body))
        if results.losses:
            story += [platypus.KeepTogether([platypus.Paragraph("失分项", head), ChartFlowable(losses_chart(results), 250 * mm, 80 * mm)])]
            rows = [["项目", "名称", "失分合计", "失分单位数", "常见问题"]] + [
                [x.item_id, x.title, f"{x.lost:.2f}", x.assessees, ";".join(f"{t}({n})" for t, n in x.findings)[:60]]
                for x in results.losses[:20]]
            losses = platypus.Table(rows, repeatRows=1, colWidths=[16 * mm, 60 * mm, 20 * mm, 20 * mm, 140 * mm])
            losses.setStyle(platypus.TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
                                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE4EE")),
                                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
            story += [platypus.Spacer(1, 3 * mm), losses]
        with writing(path) as tmp:
            doc = platypus.SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                             topMargin=12 * mm, bottomMargin=12 * mm, title=f"{results.rubric.title} 考核结果")
            # the canvas starts in its own font (Helvetica, not embedded) unless told otherwise
            doc.build(story, canvasmaker=lambda *a, **k: Canvas(*a, **{**k, "initialFontName": font}))
    return path
