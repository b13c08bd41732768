"""The township's rounds as a printable PDF (reportlab, Chinese, WenQuanYi embedded): standings, ledger, totals.

Per round: its standing (the top three and bottom two with their amounts and flags), then
who gets what through which village, the exceptions with their reason; at the end every
person's total over the rounds. The same ``RoundResult``s the window and the workbook show.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.engine.numbers import fmt
from fieldcheck.i18n import using
from fieldcheck.output import writing
from fieldcheck.results.pdf import _font
from fieldcheck.results.rounds import RoundResult, per_person


def _yuan(amount) -> str:
    return f"{amount:+,.2f}" if amount else "0.00"


def write_ledger_pdf(rounds: list[RoundResult], path: str | Path, township: str = "") -> Path:
    from reportlab import platypus  # lazy: reportlab
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.lib.pagesizes import A4  # lazy: reportlab
    from reportlab.lib.styles import ParagraphStyle  # lazy: reportlab
    from reportlab.lib.units import mm  # lazy: reportlab
    from reportlab.pdfgen.canvas import Canvas  # lazy: reportlab

    path = Path(path)
    font = _font()
    title = ParagraphStyle("t", fontName=font, fontSize=15, leading=20)
    head = ParagraphStyle("h", fontName=font, fontSize=11, leading=16, spaceBefore=8)

    def table(rows: list[list[object]], widths: list[float], shaded: list[tuple[int, str]] = ()) -> platypus.Table:
        t = platypus.Table(rows, repeatRows=1, colWidths=[w * mm for w in widths])
        style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE4EE")),
                 ("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]
        style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor(colour)) for r, colour in shaded]
        t.setStyle(platypus.TableStyle(style))
        t.hAlign = "LEFT"
        return t

    with using("zh"):
        name = f"{township}轮次考核奖惩台账" if township else "轮次考核奖惩台账"
        story: list = [platypus.Paragraph(name, title)]
        for r in rounds:
            story.append(platypus.Paragraph(f"{r.round.id} {r.round.kind} {r.round.date}".strip(), head))
            rows: list[list[object]] = [["名次", "村居", "得分", "奖惩(元)", "流动旗"]]
            shaded = []
            for n, s in enumerate(r.standings, 1):
                rows.append([s.place, s.village, "" if s.score is None else fmt(s.score), _yuan(s.amount), s.flag or ""])
                if s.amount:
                    shaded.append((n, "#E3F2E1" if s.amount > 0 else "#FBE3E1"))
            story.append(table(rows, [14, 40, 20, 26, 26], shaded))
            rows = [["人员", "角色", "经由", "金额(元)", "说明"]]
            rows += [[e.person, e.role, e.via, _yuan(e.amount), e.note] for e in r.entries]
            story += [platypus.Spacer(1, 3 * mm), table(rows, [24, 50, 36, 24, 50])]
        story.append(platypus.Paragraph("每人合计", head))
        rows = [["人员", "合计(元)"]] + [[person, _yuan(total)] for person, total in per_person(rounds).items()]
        story.append(table(rows, [40, 30]))
        with writing(path) as tmp:
            doc = platypus.SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm,
                                             topMargin=12 * mm, bottomMargin=12 * mm, title=name)
            # the canvas starts in its own font (Helvetica, not embedded) unless told otherwise
            doc.build(story, canvasmaker=lambda *a, **k: Canvas(*a, **{**k, "initialFontName": font}))
    return path
