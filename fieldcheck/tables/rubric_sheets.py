"""Which sheet of a workbook is the rubric table (考评表): the one the clerk sees, and only one.

A hidden sheet is an old copy or a lookup list: the clerk edits what is shown, so a hidden
table is never read in place of a visible one. Two visible tables are two rubrics (区 and
单位 side by side): which one was meant cannot be guessed, so the workbook is refused.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.i18n import t
from fieldcheck.tables.cells import TableError, sheet_label
from fieldcheck.tables.headers import find_header
from fieldcheck.tables.reading import Sheet
from fieldcheck.tables.rubric_layout import RUBRIC_SHEET, SYNONYMS


def _is_table(sheet: Sheet) -> bool:
    header = find_header(sheet, SYNONYMS, "id")
    if header is None:
        return False
    return sheet.name == RUBRIC_SHEET or "standard" in header[1] or "content" in header[1]


def rubric_table(path: Path, sheets: list[Sheet]) -> Sheet:
    """The one visible sheet holding a rubric table; TableError in one sentence otherwise."""
    found = [s for s in sheets if not s.hidden and _is_table(s)]
    if len(found) > 1:
        names = "」「".join(sheet_label(s.name) for s in found)
        raise TableError(t(f"{path.name} 中有 {len(found)} 张考评表(工作表「{names}」),一份细则只能有一张;"
                           "请把每张考评表单独存为一个工作簿,再分别导入",
                           f"{path.name} holds {len(found)} rubric tables (sheets '{', '.join(sheet_label(s.name) for s in found)}') "
                           "and a rubric has one; save each table as a workbook of its own and import them one by one"))
    if found:
        return found[0]
    hidden = [sheet_label(s.name) for s in sheets if s.hidden and _is_table(s)]
    if hidden:
        raise TableError(t(f"{path.name} 的考评表在隐藏的工作表「{'」「'.join(hidden)}」中,没有读取;"
                           "如果要导入它,请在 Excel 或 WPS 中取消隐藏后再导入",
                           f"the rubric table of {path.name} is on the hidden sheet '{', '.join(hidden)}' and was not "
                           "read; to import it, unhide it in Excel or WPS and import again"))
    raise TableError(t(f"{path} 中没有考评表:需要一行表头,含「序号」「考核内容」「评分标准」「标准分值」",
                       f"no rubric table in {path}: a header row with 序号, 考核内容, 评分标准 and 标准分值 is needed"))
