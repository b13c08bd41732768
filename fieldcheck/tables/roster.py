"""Household rosters from Excel: a sheet per village, or one long sheet of 县 | 乡镇 | 村 | 户主 ….

Reading and writing are two steps. ``read_roster`` checks every row and masks every ID
number as it reads the cell, so a full number never leaves this module;
``import_roster`` writes the households in one transaction, or nothing at all when a row
is bad and the user did not ask for the good rows only.

Choices where officials' rosters vary:
- a place column left blank under a filled one means "same as above" (merged or not);
- a sheet without a 村 column is one village: its name is "县-乡镇-村", or the village's
  name alone when that village is already in the database;
- 合计/小计 rows and rows with nothing in them are skipped;
- a household already in the village (same 户主 and masked ID number) is not added twice; rows
  with the same 户主 that differ in 人口, 帮扶责任人 or 状态 are namesakes, two households, matched
  one to one with those there; rows alike in every field are one household written again;
- a household already there that the sheet gives another 人口, 帮扶责任人 or 状态 is listed in
  the report's ``differs`` and left as it is (an inspector may have edited it since);
- a hidden sheet is not read (an old copy, a lookup list), and the user is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from fieldcheck.i18n import t
from fieldcheck.store import StoreError, check_members, holds_id_number, mask_id_number
from fieldcheck.tables.cells import (
    CellProblem,
    TableError,
    cell_ref,
    clean_text,
    formula_failed,
    name_text,
    parse_number,
    sheet_label,
)
from fieldcheck.tables.headers import find_header
from fieldcheck.tables.reading import Sheet, read_fast

SYNONYMS = {
    "county": ["县", "县市区", "县(市、区)", "县(市)", "县区", "区县", "县市", "所属县"],
    "township": ["乡镇", "乡(镇)", "乡镇(街道)", "乡镇街道", "镇", "乡", "街道", "所属乡镇"],
    "village": ["村", "行政村", "村(社区)", "村社区", "村居", "村名", "所属村", "村委会"],
    "head": ["户主", "户主姓名", "姓名", "贫困户姓名"],
    "members": ["人口", "家庭人口", "人口数", "家庭人口数", "家庭人数", "户人口数", "人数", "在册人口"],
    "helper": ["帮扶责任人", "帮扶人", "结对帮扶人", "帮扶干部", "帮扶联系人"],
    "status": ["脱贫状态", "贫困户属性", "脱贫情况", "状态", "户类型", "贫困状态"],
    "id_number": ["身份证号", "身份证号码", "证件号码", "户主身份证号", "身份证"],
    # someone else's ID number (the helper's): a column of its own, never read, so that
    # 帮扶责任人身份证号 is not taken for the helper's name
    "other_id": ["责任人身份证", "帮扶人身份证", "干部身份证", "联系人身份证", "责任人证件", "帮扶人证件"],
}
PLACE_FIELDS = ("county", "township", "village")
TOTAL_WORDS = ("合计", "小计", "总计")
_SHEET_PATH = re.compile(r"\s*[-—–·_/、\s]\s*")


@dataclass(frozen=True)
class RosterRow:
    sheet: str
    row: int  # as Excel numbers it
    cell: str  # where the village is named (or the 户主 cell), for problems found when writing
    county: str
    township: str
    village: str
    head: str
    members: int
    helper: str
    status: str
    id_masked: str | None


@dataclass
class Roster:
    rows: list[RosterRow] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    sheets_skipped: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # hidden sheets, not read


@dataclass
class RosterReport:
    added: int = 0
    already_there: int = 0
    villages_created: list[str] = field(default_factory=list)
    refused: list[CellProblem] = field(default_factory=list)
    differs: list[CellProblem] = field(default_factory=list)  # already there, not as the sheet says: not changed


def read_roster(path: str | Path, sheets: list[Sheet] | None = None) -> Roster:
    """Every household row of every sheet that has a 户主 column, checked, ID numbers masked."""
    roster = Roster()
    for sheet in sheets if sheets is not None else read_fast(path):
        if sheet.hidden:  # an old copy or a lookup list: the clerk does not see it, so it is not imported
            roster.hidden.append(sheet.name)
            continue
        sheet.fill_merged()
        header = find_header(sheet, SYNONYMS, "head")
        if header is None:
            if any(clean_text(v) for row in sheet.rows for v in row):  # an empty sheet is not worth a word
                roster.sheets_skipped.append(sheet.name)
            continue
        _read_sheet(sheet, *header, roster)
    if not roster.rows and not roster.problems and roster.hidden:
        hidden = [sheet_label(name) for name in roster.hidden]
        raise TableError(t(f"{path} 中可见的工作表里没有农户名单(隐藏的工作表「{'」「'.join(hidden)}」没有读取);"
                           "如果名单在隐藏的工作表中,请在 Excel 或 WPS 中取消隐藏后再导入",
                           f"no household roster in the visible sheets of {path} (the hidden sheets "
                           f"'{', '.join(hidden)}' were not read); if the roster is on a hidden sheet, unhide it "
                           "in Excel or WPS and import again"))
    if not roster.rows and not roster.problems:
        raise TableError(t(f"{path} 中没有找到农户名单:需要一行表头,含「户主」等列名",
                           f"no household roster found in {path}: a header row naming 户主 (head of household) is needed"))
    return roster


def _read_sheet(sheet: Sheet, start: int, columns: dict[str, int], roster: Roster) -> None:
    fixed = _sheet_place(sheet, columns)
    carried = {f: "" for f in PLACE_FIELDS}
    for r in range(start, len(sheet.rows)):
        row = sheet.rows[r]
        place_cols = {columns[f] for f in PLACE_FIELDS if f in columns}
        if all(clean_text(v) == "" for c, v in enumerate(row) if c not in place_cols):
            continue  # blank, or only a place merged down over it
        texts = [clean_text(v) for v in row]
        if any(w in x for x in texts[:3] + [texts[columns["head"]] if columns["head"] < len(texts) else ""]
               for w in TOTAL_WORDS):
            continue
        failed = [p for name, c in columns.items() if name != "other_id"
                  for p in [formula_failed(sheet.name, r, c, sheet.value(r, c))] if p is not None]
        if failed:  # the rest of the row is not judged: its cells may be what the formula would have given
            roster.problems.extend(failed)
            continue
        problems: list[CellProblem] = []

        def cell(name: str, r: int = r) -> object:
            c = columns.get(name)
            return sheet.value(r, c) if c is not None else None

        def bad(name: str, zh: str, en: str, r: int = r, problems: list[CellProblem] = problems) -> None:
            problems.append(CellProblem(sheet.name, cell_ref(r, columns[name]), t(zh, en)))

        place = dict(fixed)
        for f in PLACE_FIELDS:
            if f in columns:
                text = name_text(cell(f)) or carried[f]
                carried[f] = text
                place[f] = text or place.get(f, "")
        head = name_text(cell("head"))
        if not head:
            bad("head", "应填写户主姓名", "expected the head of household's name")
        for name in (*PLACE_FIELDS, "head", "helper", "status"):  # a whole ID number is kept nowhere but masked
            if name in columns and (holds_id_number(clean_text(cell(name))) or _id_as_number(cell(name))):
                bad(name, "这里是完整的身份证号;身份证号只能填在「身份证号」列(只保存前 6 位和后 4 位),请移过去或删去",
                    "this holds a whole ID number; ID numbers belong in the 身份证号 column (only the first 6 and "
                    "last 4 characters are kept): move it there or delete it")
        members = 1
        if "members" in columns:
            try:
                number = parse_number(cell("members"))
            except ValueError:  # not a number, or 1e30: refused below as the cell shows it
                number = None
            whole = int(number) if number is not None and number == number.to_integral_value() else None
            try:  # the store's own rule, so a roster refuses what the store would
                members = check_members(whole if whole is not None else clean_text(cell("members")))
            except StoreError as exc:
                problems.append(CellProblem(sheet.name, cell_ref(r, columns["members"]), str(exc)))
        masked = None
        if "id_number" in columns:
            raw = cell("id_number")
            if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer() \
                    and len(str(int(raw))) == 15:
                raw = str(int(raw))  # an old 15-digit number is whole in a number cell: Excel keeps 15 digits
            if isinstance(raw, float) or (isinstance(raw, int) and len(str(raw)) > 15):
                bad("id_number", "身份证号被存成了数字,末几位已丢失;请把这一列设为文本格式后重新填写",
                    "the ID number is stored as a number and its last digits are lost; format the column as text and enter it again")
            else:
                try:
                    masked = mask_id_number(clean_text(raw) or None)
                except StoreError:
                    bad("id_number", "应为 18 位(或 15 位)身份证号,末位可为 X",
                        "expected an 18-digit (or 15-digit) ID number, the last may be X")
        if any(holds_id_number(place[f]) for f in place if f not in columns):  # the sheet's name says it
            problems.append(CellProblem(sheet.name, cell_ref(r, columns.get("village", columns["head"])), t(
                "工作表的名称中有完整的身份证号,不能当作县、乡镇或村的名称;请把工作表改名为「县-乡镇-村」",
                "the sheet's name holds a whole ID number, which cannot name a county, township or village; "
                "rename the sheet 县-乡镇-村")))
        if not place.get("village"):
            col = columns.get("village", columns["head"])
            problems.append(CellProblem(sheet.name, cell_ref(r, col), t(
                "不知道这一户属于哪个村:请填写「村」列,或把工作表命名为「县-乡镇-村」",
                "cannot tell which village this household belongs to: fill the 村 column, or name the sheet 县-乡镇-村")))
        if problems:
            roster.problems.extend(problems)
            continue
        where = cell_ref(r, columns.get("village", columns["head"]))
        roster.rows.append(RosterRow(sheet.name, r + 1, where, place.get("county", ""), place.get("township", ""),
                                     place["village"], head, members, name_text(cell("helper")),
                                     clean_text(cell("status")) or "贫困户", masked))


def _id_as_number(value: object) -> bool:
    """A number cell of 15 digits or more where a name belongs: an ID number typed into the wrong column,
    which Excel keeps as a number (4.30421197304196E+17 still holds 16 of the 18 digits, birth date and all)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 1e14


def _sheet_place(sheet: Sheet, columns: dict[str, int]) -> dict[str, str]:
    """What the sheet's name says of its place, for the place columns the sheet lacks."""
    missing = [f for f in PLACE_FIELDS if f not in columns]
    if not missing:
        return {}
    parts = [p for p in _SHEET_PATH.split(clean_text(sheet.name)) if p]
    if len(parts) >= len(missing):
        return dict(zip(missing, parts[-len(missing):]))
    if "village" in missing and parts:
        return {"village": parts[-1]}
    return {}


def refuse_bad_rows(roster: Roster, good_rows: bool) -> None:
    """TableError listing every bad cell, unless there are none or the user asked for the good rows."""
    if roster.problems and not good_rows:
        raise TableError(t(f"名单中有 {len(roster.problems)} 处错误,什么都没有导入;改正后重试,或用 --good-rows 只导入无误的行:",
                           f"the roster has {len(roster.problems)} bad cells and nothing was imported; fix them, "
                           "or use --good-rows to import the good rows only:"), roster.problems)


def import_roster(store, roster: Roster, *, good_rows: bool = False) -> RosterReport:
    """Write the roster's households in one transaction; TableError, and nothing written, on bad rows.

    With ``good_rows`` the bad rows are left out and listed in the report's ``refused``.
    """
    refuse_bad_rows(roster, good_rows)
    report = RosterReport(refused=list(roster.problems))
    places = _PlaceResolver(store, report)
    with store.transaction():
        resolved = []
        for row in roster.rows:  # every place is checked before any household is written
            village_id = places.village(row)
            if village_id:
                resolved.append((row, village_id))
        if places.problems and not good_rows:
            raise TableError(t("有的村无法确定,什么都没有导入:", "some villages cannot be told apart and nothing was imported:"),
                             places.problems)
        report.refused.extend(places.problems)
        # Rows alike in every field are one household written again (a row per member under a merged 户主).
        unique, rows_seen = [], set()
        for row, village_id in resolved:
            whole = (village_id, row.head, row.id_masked, row.members, row.helper, row.status)
            if whole in rows_seen:
                report.already_there += 1
            else:
                rows_seen.add(whole)
                unique.append((row, village_id))
        # A household there answers one row at most (namesakes without ID numbers are several of one
        # key): first to rows that say all it says, then to rows that differ, which are said, not written.
        there: dict[tuple[str, str, str | None], list] = {}
        for village_id in dict.fromkeys(v for _, v in unique):
            for h in store.households.of_village(village_id):
                there.setdefault((village_id, h.head_name, h.id_masked), []).append(h)
        matched: dict[int, object] = {}
        for exact in (True, False):
            for i, (row, village_id) in enumerate(unique):
                left = there.get((village_id, row.head, row.id_masked))
                if i in matched or not left:
                    continue
                h = next((h for h in left if not _differences(h, row)), None) if exact else left[0]
                if h is not None:
                    matched[i] = h
                    left.remove(h)
        for i, (row, village_id) in enumerate(unique):
            h = matched.get(i)
            if h is None:
                store.households.add(village_id, row.head, members=row.members, helper=row.helper,
                                     status=row.status, id_number=row.id_masked)
                report.added += 1
                continue
            report.already_there += 1
            zh, en = _differences(h, row)
            if zh:
                report.differs.append(CellProblem(row.sheet, row.cell, t(
                    f"「{row.head}」这一户数据库中已有,{'、'.join(zh)};没有更改,如需更改请在农户名单中编辑这一户",
                    f"the household of '{row.head}' is already in the database with {', '.join(en)}; it was not "
                    "changed: edit the household in the roster to change it")))
    return report


def _differences(h, row: RosterRow) -> tuple[list[str], list[str]]:
    """What the database's household says that the row does not, in both languages (empty: the same)."""
    zh, en = [], []
    for name_zh, name_en, ours, theirs in (("人口", "members", h.members, row.members),
                                           ("帮扶责任人", "helper", h.helper, row.helper),
                                           ("状态", "status", h.status, row.status)):
        if ours != theirs:
            zh.append(f"{name_zh}为「{ours}」(表中「{theirs}」)")
            en.append(f"{name_en} '{ours}' (the sheet: '{theirs}')")
    return zh, en


class _PlaceResolver:
    """县 → 乡镇 → 村 by name, created when missing, as ``inspection add`` makes a path "县/乡镇/村"."""

    def __init__(self, store, report: RosterReport):
        self.store = store
        self.report = report
        self.cache: dict[tuple[str | None, str, str], str] = {}
        self.problems: list[CellProblem] = []
        self.villages: list | None = None  # every village, for rows that name only theirs

    def _child(self, kind: str, name: str, parent: str | None) -> str:
        key = (parent, kind, name)
        if key not in self.cache:
            found = next((p for p in self.store.places.all(kind, parent) if p.name == name), None)
            if found is not None:
                self.cache[key] = found.id
            else:
                self.cache[key] = self.store.places.add(kind, name, parent)
                if kind == "村":
                    self.report.villages_created.append(self.store.places.path(self.cache[key]))
        return self.cache[key]

    def village(self, row: RosterRow) -> str:
        if row.county and row.township:
            county = self._child("县", row.county, None)
            township = self._child("乡镇", row.township, county)
            return self._child("村", row.village, township)
        if self.villages is None:
            self.villages = self.store.places.all("村")
        same = [p for p in self.villages if p.name == row.village]
        if len(same) == 1:
            return same[0].id
        self.problems.append(CellProblem(row.sheet, row.cell, t(
            f"村「{row.village}」" + ("在数据库中有多个同名村" if same else "不在数据库中")
            + ",请填写「县」和「乡镇」列,或把工作表命名为「县-乡镇-村」", f"village '{row.village}' is "
            + ("not unique in the database" if same else "not in the database")
            + "; fill the 县 and 乡镇 columns, or name the sheet 县-乡镇-村")))
        return ""
