"""The results workbook (openpyxl, write-only): summary, one sheet per inspection, findings, losses, ledger.

Chinese always (county workbooks are), whatever the window shows. Every sheet is written
in write-only mode, so 100,000 findings stream through in constant memory: widths, frozen
panes, filters and print titles are set before the first row, merged header cells are
added as ranges, styled cells are ``WriteOnlyCell``.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from fieldcheck.engine.numbers import to_json
from fieldcheck.engine.rubric import Item, Node
from fieldcheck.file_errors import cannot_write
from fieldcheck.i18n import using
from fieldcheck.output import OutputError, write_built
from fieldcheck.results.basis import basis, pending_text
from fieldcheck.results.outcome import Results, Row
from fieldcheck.results.rounds import RoundResult, per_person
from fieldcheck.results.widths import display_width
from fieldcheck.signing.content import value_text
from fieldcheck.store import Store
from fieldcheck.store.clock import shown_time

HEADER_FONT = "宋体"
SCORE_FORMAT = "0.00"
MONEY_FORMAT = "#,##0.00"
WIDTH_SAMPLE = 2000  # rows looked at to size a column: enough for any real column, cheap for 100k rows
MAX_WIDTH = 60
LINE_HEIGHT = 15  # points per line of 11-point text
PROVISIONAL = "暂计(检查未完成,不评定等次)"
NOTE = {"veto": "取消排序资格", "incomplete": "未完成,不排名", "no group": "不在排名分组", "tie": "名额线上并列,待领导决定"}


class _Sheet:
    """One write-only sheet: a title row, one or two header rows (merged as officials draw them), data."""

    def __init__(self, wb, title: str, styles):
        self.ws = wb.create_sheet(title)
        self.styles = styles

    def write(self, caption: str, top: list[str], sub: list[str] | None, rows: list[list[Any]] | Iterable[list[Any]],
              formats: dict[int, str], sample: list[list[Any]] | None = None, freeze_col: int = 1,
              footer: int = 0) -> None:
        """``top`` spans: a header followed by "" cells is merged across them; ``sub`` is the second header row.
        The last ``footer`` rows (合计) stay out of the filter, so that sorting the items leaves them last."""
        from openpyxl.utils import get_column_letter  # lazy: openpyxl
        from openpyxl.worksheet.cell_range import CellRange  # lazy: openpyxl

        ws, n = self.ws, len(top)
        heads = 2 if sub else 1
        data_top = 2 + heads
        rows_list = rows if isinstance(rows, list) else None
        look = sample if sample is not None else (rows_list[:WIDTH_SAMPLE] if rows_list is not None else [])
        wrap: set[int] = set()  # columns whose longest text is wider than a column may be: wrapped, not cut
        for col in range(n):
            data = max((display_width(_shown(r[col])) for r in look if col < len(r)), default=0)
            if data + 3 > MAX_WIDTH:
                wrap.add(col)
            # a header wraps onto two lines (the header rows are tall) rather than widen a column of numbers
            head = max(display_width(top[col]) if top[col] and (col + 1 == n or top[col + 1] != "") else 0,
                       display_width(sub[col]) if sub else 0)
            width = max(data, (head + 1) // 2 if head > 12 else head, 4)
            ws.column_dimensions[get_column_letter(col + 1)].width = min(MAX_WIDTH, width + 3)
        ws.row_dimensions[1 + heads].height = 36 if heads == 2 else 30
        last_col = get_column_letter(n)
        ws.freeze_panes = f"{get_column_letter(freeze_col + 1)}{data_top}"
        ws.print_title_rows = f"2:{1 + heads}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True  # as wide as one page, as long as it takes
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        count = len(rows_list) if rows_list is not None else None
        if count is not None:
            ws.auto_filter.ref = f"A{1 + heads}:{last_col}{max(1 + heads, 1 + heads + count - footer)}"
        ws.merged_cells.add(CellRange(f"A1:{last_col}1"))
        ws.append([self.styles.cell(ws, caption, "title")])
        ws.append([self.styles.cell(ws, h, "head") for h in top])
        if sub:
            ws.append([self.styles.cell(ws, h, "head") for h in sub])
            col = 0
            while col < n:
                span = 1
                while col + span < n and top[col + span] == "":
                    span += 1
                a, b = get_column_letter(col + 1), get_column_letter(col + span)
                if span > 1:
                    ws.merged_cells.add(CellRange(f"{a}2:{b}2"))
                elif not sub[col]:
                    ws.merged_cells.add(CellRange(f"{a}2:{a}3"))
                col += span
        widths = {col: ws.column_dimensions[get_column_letter(col + 1)].width for col in wrap}
        for at, r in enumerate(rows, start=data_top):
            # no program fits a row to wrapped text on opening (LibreOffice does not): the lines are counted here
            lines = max((-(-display_width(_shown(r[c])) // max(1, int(w) - 2)) for c, w in widths.items() if c < len(r)),
                        default=1)
            if lines > 1:
                ws.row_dimensions[at].height = LINE_HEIGHT * lines
            ws.append([self.styles.cell(ws, v, "wrap" if i in wrap else "data", formats.get(i))
                       if i in formats or (i in wrap and v is not None) else v for i, v in enumerate(r)])


class _Styles:
    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # lazy: openpyxl

        thin = Side(style="thin", color="999999")
        self.head_font = Font(name=HEADER_FONT, bold=True)
        self.title_font = Font(name=HEADER_FONT, bold=True, size=14)
        self.fill = PatternFill("solid", fgColor="DDE4EE")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(wrap_text=True)

    def cell(self, ws, value, kind: str, number_format: str | None = None):
        from openpyxl.cell import WriteOnlyCell  # lazy: openpyxl

        c = WriteOnlyCell(ws, value=value)
        if kind == "head":
            c.font, c.fill, c.border, c.alignment = self.head_font, self.fill, self.border, self.centre
        elif kind == "title":
            c.font = self.title_font
        elif kind == "wrap":
            c.alignment = self.wrap
        if number_format:
            c.number_format = number_format
        return c


def _shown(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:28] or "检查"
    out, n = clean, 2
    while out in used:
        out, n = f"{clean[:26]}_{n}", n + 1
    used.add(out)
    return out


def _section_label(section: Node) -> str:
    return f"{section.id} {section.title}({to_json(section.max_points)}分)"


def summary_rows(results: Results, store: Store) -> list[list[Any]]:
    sections = results.sections()
    out = []
    for row in results.rows:
        r, insp = row.result, row.counted.inspection
        out.append([_place(row, store), row.placed.group or "", insp.rubric_title, "、".join(insp.inspectors),
                    *[float(r.nodes[s.id].score) if s.id in r.nodes else None for s in sections],
                    float(r.total), float(r.max), _grade(row), row.band or "", row.placed.rank,
                    row.placed.tier or "", row.veto() or "", _status(row), basis(row, results).render("zh")])
    return out


def _place(row: Row, store: Store) -> str:
    """The assessee as the county tells it apart: a village's whole path (two townships may each have a 和平村)."""
    insp = row.counted.inspection
    return store.places.path(insp.assessee_id) if insp.assessee_id else insp.assessee_name


def _status(row: Row) -> str:
    parts = ["草稿" if row.counted.draft else "已签"]
    if row.placed.note in NOTE and row.placed.note != "veto":
        parts.append(NOTE[row.placed.note])
    if not row.result.complete and row.placed.note != "incomplete":  # that note already says 未完成
        parts.append("未完成")
    if row.placed.provisional:  # another member of the group is still to come: 排名依据 names it
        parts.append("排名暂定")
    return ";".join(parts)


def _grade(row: Row) -> str:
    """The 等级 cell: an unfinished inspection's total is 暂计 and has no grade yet, as the score sheet says."""
    return row.grade_shown or ("" if row.result.complete else PROVISIONAL)


def item_rows(results: Results, row: Row) -> list[list[Any]]:
    out = []
    for node in row.counted.inspection.rubric.walk():
        ns = row.result.nodes.get(node.id)
        if ns is None:
            continue
        if isinstance(node, Item):
            out.append([node.id, node.content or node.title, node.standard, float(ns.max), float(ns.deduction),
                        float(ns.score), ns.explanation.render()])
        else:
            out.append([node.id, node.title, "", float(ns.max), float(ns.deduction), float(ns.score), ""])
    out.append(["合计", "", "", float(row.result.max), None, float(row.result.total), _grade(row)])
    return out


def finding_rows(results: Results, store: Store) -> Iterator[list[Any]]:
    for row in results.rows:
        place = _place(row, store)
        titles = {i.id: i.title for i in row.counted.inspection.rubric.items()}
        findings = store.findings.of(row.counted.row.id)
        heads = store.households.names(f.household_id for f in findings)  # the office knows a household by its head
        for f in findings:
            photos = "、".join(f"{p.sha256[:12]} {p.original_name}".strip() for p in store.photos.of(f.id))
            # a list or an answer of parts in words, as the score sheet prints it, not as Python writes it
            value = f.value if isinstance(f.value, (str, int, float)) and not isinstance(f.value, bool) \
                else value_text(f.value).rstrip(";")
            out_value = "是" if f.value is True else "否" if f.value is False else value
            head = heads.get(f.household_id, f.household_id) if f.household_id else ""
            yield [place, f.item_id, titles.get(f.item_id, ""), out_value, f.note, head, f.entered_by,
                   shown_time(f.created_at, 19), photos]


def _results_book(wb, buffer, results: Results, store: Store, rounds: list[RoundResult] | None) -> None:
    with using("zh"):
        styles = _Styles()
        title = results.rubric.title
        sections = results.sections()
        top = ["单位", "分组", "细则", "检查人", "各项得分", *[""] * (len(sections) - 1),
               "总分", "满分", "等级", "档次", "名次", "类别", "取消排序资格", "状态", "排名依据"]
        sub: list[str] | None = ["", "", "", "", *[_section_label(s) for s in sections], *[""] * 9]
        if not sections:
            top.remove("各项得分")
            sub = None
        score_cols = {i: SCORE_FORMAT for i in range(4, 4 + len(sections) + 2)}
        _Sheet(wb, "汇总", styles).write(f"{title} 考核结果", top, sub, summary_rows(results, store), score_cols)
        _Sheet(wb, "排名说明", styles).write(f"{title} 排名分组、名额与并列",
                                          ["分组", "名额", "名额线上并列(待领导决定)", "取消排序资格", "排名是否已定"],
                                          None, _group_rows(results), {})
        used = {"汇总", "排名说明", "检查发现", "失分项", "轮次名次", "奖惩台账", "个人合计"}
        for row in results.rows:
            _Sheet(wb, _sheet_name(row.name, used), styles).write(
                f"{_place(row, store)} {title}(检查 {row.counted.row.id[:8]},{row.counted.row.date})",
                ["序号", "考核内容", "评分标准", "标准分值", "扣分", "得分", "说明"], None,
                item_rows(results, row), {3: SCORE_FORMAT, 4: SCORE_FORMAT, 5: SCORE_FORMAT}, footer=1)
        findings = list(finding_rows(results, store))
        _Sheet(wb, "检查发现", styles).write(
            f"{title} 检查发现与照片", ["单位", "项目", "项目名称", "发现", "备注", "户主", "录入人", "录入时间", "照片"], None,
            findings, {})
        _Sheet(wb, "失分项", styles).write(
            f"{title} 失分项", ["项目", "名称", "失分合计", "失分单位数", "常见问题"], None,
            [[x.item_id, x.title, float(x.lost), x.assessees, ";".join(f"{t}({n})" for t, n in x.findings)]
             for x in results.losses], {2: SCORE_FORMAT})
        if rounds:
            write_ledger(wb, styles, rounds)
        wb.save(buffer)


def write_workbook(results: Results, store: Store, path: str | Path, rounds: list[RoundResult] | None = None) -> Path:
    """Write the results workbook to ``path`` (in Chinese), whole or not at all, and return it."""
    return _written(path, lambda wb, buffer: _results_book(wb, buffer, results, store, rounds))


def _group_rows(results: Results) -> list[list[Any]]:
    out = []
    for g in results.groups:
        quotas = "、".join(f"{k} {v} 名" for k, v in g.quotas.items())
        ties = ";".join(f"第 {t.rank} 名 {'、'.join(t.assessees)}({t.between[0] or '无'}/{t.between[1] or '无'},余 {t.places} 个名额)"
                        for t in g.ties)
        vetoed = "、".join(g.vetoed)
        out.append([g.name, quotas, ties or "无", vetoed or "无", pending_text(g).zh if g.pending else "已定"])
    for c in results.conflicts:
        out.append([c.assessee, "", c.reason.render("zh"), "", ""])
    if results.has_bands:
        edges = ";".join(results.banding.describe())
        out.append(["档次", "按离散度" if results.banding.method == "spread" else "按分数线", edges, "", ""])
    spec = results.rubric.ranking
    if spec is not None and spec.notes:  # the rule's own words and the readings taken where it is silent
        out.append(["依据", spec.notes, "", "", ""])
    return out


def write_ledger(wb, styles, rounds: list[RoundResult]) -> None:
    standings = [[r.round.id, r.round.kind, s.place, s.village, None if s.score is None else float(s.score),
                  float(s.amount), s.flag or ""] for r in rounds for s in r.standings]
    _Sheet(wb, "轮次名次", styles).write("各轮名次、奖惩与流动旗", ["轮次", "类型", "名次", "村居", "得分", "金额(元)", "流动旗"], None,
                                     standings, {4: SCORE_FORMAT, 5: MONEY_FORMAT})
    rows = [[r.round.id, r.round.kind, e.person, e.role, e.via, float(e.amount), e.note]
            for r in rounds for e in r.entries]
    _Sheet(wb, "奖惩台账", styles).write("奖惩台账(每轮每人)", ["轮次", "类型", "人员", "角色", "经由", "金额(元)", "说明"], None,
                                     rows, {5: MONEY_FORMAT})
    people = [[name, float(total)] for name, total in per_person(rounds).items()]
    _Sheet(wb, "个人合计", styles).write("奖惩合计(每人)", ["人员", "合计(元)"], None, people, {1: MONEY_FORMAT})


def write_ledger_workbook(rounds: list[RoundResult], path: str | Path) -> Path:
    """The rounds ledger alone, for ``fieldcheck rounds ledger --xlsx``."""
    def build(wb, buffer) -> None:
        with using("zh"):
            write_ledger(wb, _Styles(), rounds)
            wb.save(buffer)

    return _written(path, build)


def _written(path: str | Path, build: Callable[[Any, Any], None]) -> Path:
    """A write-only workbook ``build`` fills and saves into a buffer, written to ``path`` whole or not at all.

    Its rows stream through temporary files on the system's disk: a full disk there fails in
    the middle of a sheet (lxml's ``SerialisationError``, not an OSError), which is said in one
    sentence, and the sheets' half-closed writers are closed quietly (collected, they printed
    tracebacks after the sentence).
    """
    from openpyxl import Workbook  # lazy: openpyxl

    wb = Workbook(write_only=True)
    try:
        return write_built(path, lambda buffer: build(wb, buffer))
    except OutputError:
        raise
    except (OSError, *_xml_errors()) as exc:
        _abandon(wb)
        raise OutputError(cannot_write(path, _as_os_error(exc))) from None


def _xml_errors() -> tuple[type[Exception], ...]:
    try:
        from lxml.etree import SerialisationError  # lazy: openpyxl writes through lxml only when it is installed
    except ImportError:
        return ()
    return (SerialisationError,)


def _as_os_error(exc: Exception) -> OSError:
    if isinstance(exc, OSError):
        return exc
    code = errno.ENOSPC if "ENOSPC" in str(exc) else errno.EIO  # lxml names the C error: "IO_ENOSPC"
    return OSError(code, os.strerror(code))


def _abandon(wb) -> None:
    """Close the half-written sheets' writers now, their errors with them, instead of when collected."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        for stream in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
            if stream is not None:
                with suppress(Exception):
                    stream.close()
