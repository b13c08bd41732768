"""What a file given as a workbook really holds, judged by its bytes, not by its name.

Rosters arrive as .xls files saved under an .xlsx name, web pages saved as .xls (county
systems export HTML tables so), PDFs, CSV text, folders named like a workbook, and
workbooks written by a program (openpyxl) whose formulas were never calculated. Each gets
one sentence saying what the file is and what to do, never the reading library's own text.
"""

from __future__ import annotations

import errno
import re
import zipfile
import zlib
from pathlib import Path

from fieldcheck.file_errors import cannot_read
from fieldcheck.i18n import t
from fieldcheck.tables.cells import TableError

_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # the compound file of .xls (and .doc, and a password-protected .xlsx)
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
#: a formula cell with no value after it: written by a program, never opened in Excel or WPS
_UNCALCULATED = re.compile(rb"<f\b[^>]*?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>|</c>)")

#: what reading a damaged .xlsx or .ods raises besides BadZipFile: a deflated member cut short or corrupt, a
#: compression method or an encryption flag no reader takes (zipfile's NotImplementedError, RuntimeError)
ZIP_DAMAGE = (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError)

SAVE_AS = ("请在 Excel 或 WPS 中打开它,另存为 .xlsx 后再导入", "open it in Excel or WPS, save it as .xlsx and import that")


def workbook_kind(path: Path) -> str:
    """``"xlsx"``, ``"ods"`` or ``"xls"`` as the file's bytes say; TableError in one sentence for anything else."""
    if path.is_dir():
        raise TableError(t(f"{path} 是一个文件夹,不是工作簿;请选择其中的 .xlsx 文件",
                           f"{path} is a folder, not a workbook; choose the .xlsx file inside it"))
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except FileNotFoundError as exc:
        raise TableError(cannot_read(path, exc)) from None
    except PermissionError:  # on Windows also a file Excel holds open
        raise TableError(t(f"没有读取 {path} 的权限(也可能它正在 Excel 或 WPS 中打开);请关闭它或检查权限后重试",
                           f"no permission to read {path} (or it is open in Excel or WPS); close it or check its "
                           "permissions and try again")) from None
    except OSError as exc:
        if exc.errno not in (errno.EIO, errno.ETIMEDOUT, errno.ESTALE):  # a named reason says more
            raise TableError(cannot_read(path, exc)) from None
        raise TableError(t(f"无法读取 {path}:磁盘或网络出错;请把文件复制到本机后重试",
                           f"cannot read {path}: a disk or network error; copy the file to this computer and try again")) from None
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if head.startswith(_OLE):
        return "xls"
    if not head:
        raise TableError(t(f"{path} 是空文件;请重新复制或下载它后再导入",
                           f"{path} is empty; copy or download it again and import that"))
    if head.startswith(b"%PDF"):  # no spreadsheet program saves it as .xlsx: only its source helps
        raise TableError(t(f"{path} 是 PDF 文件,不是 Excel 工作簿;请改用原来的 Excel 表格",
                           f"{path} is a PDF file, not an Excel workbook; use the original spreadsheet instead"))
    what = _what(head)
    if what is None:
        raise TableError(t(f"{path} 不是 Excel 工作簿;{SAVE_AS[0]}", f"{path} is not an Excel workbook; {SAVE_AS[1]}"))
    zh, en = what
    raise TableError(t(f"{path} 是{zh},不是 Excel 工作簿;{SAVE_AS[0]}",
                       f"{path} is {en}, not an Excel workbook; {SAVE_AS[1]}"))


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (*ZIP_DAMAGE, OSError, KeyError, ValueError):
        raise TableError(t(f"{path} 已损坏或不完整(也许没有下载或复制完);{SAVE_AS[0]}",
                           f"{path} is damaged or incomplete (perhaps not fully downloaded or copied); {SAVE_AS[1]}")) from None
    if mimetype.startswith(_ODS):
        return "ods"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names) or b"opendocument.text" in mimetype:
        zh, en = "Word 文档", "a Word document"
    elif any(n.startswith("ppt/") for n in names) or b"opendocument.presentation" in mimetype:
        zh, en = "演示文稿", "a presentation"
    else:
        zh, en = "压缩包(zip)", "a zip archive"
    raise TableError(t(f"{path} 是{zh},不是 Excel 工作簿;请把表格单独存为 .xlsx 后再导入",
                       f"{path} is {en}, not an Excel workbook; save the table on its own as .xlsx and import that"))


def _what(head: bytes) -> tuple[str, str] | None:
    """What the first bytes of a file that is not a workbook look like, in both languages; None if unsure."""
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "图片", "a picture"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<"):
        if b"office:spreadsheet" in head:  # "XML 表格 2003", which none of the readers take
            return "Excel 2003 XML 表格", "an Excel 2003 XML spreadsheet"
        if b"<html" in start or b"<table" in start or b"<!doctype html" in start:
            return "网页(HTML)", "a web page (HTML)"
        return "XML 文件", "an XML file"
    if b"\0" not in head and any(_decodes(head, encoding) for encoding in ("utf-8", "gb18030")):
        return "文本文件(如 CSV)", "a text file (such as CSV)"
    return None


def _decodes(head: bytes, encoding: str) -> bool:
    for cut in range(4):  # the first 4096 bytes may end inside a character
        try:
            head[: len(head) - cut].decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


#: the most cells a sheet's grid, from A1 to its farthest value, may hold: python-calamine builds that grid whole
#: (32 bytes a cell), so one stray value at ZZ100000 took 2.7 GB and one at XFD1048576 more than a laptop has;
#: a county's roster of 200,000 households in 25 columns is well under it
MOST_CELLS = 5_000_000
_ROW = re.compile(rb'<row r="([0-9]{1,7})"')
_WIDE = re.compile(rb'<c r="([A-Z]{2,3})')  # only columns past Z: most tables have none, and this stays fast
#: a cell that holds something (a value, inline text, a formula), not one that is only formatted
_FILLED = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>/]*>\s*<[vif]')


def _width(letters: bytes) -> int:
    width = 0
    for ch in letters.decode():
        width = width * 26 + ord(ch) - 64
    return width


def _farthest(data: bytes) -> str | None:
    """The cell of a sheet's value farthest from A1 when its grid would pass ``MOST_CELLS``, else None.

    Every writer (Excel, WPS, LibreOffice, openpyxl) writes a cell's address first; rows and the columns past
    Z give a bound cheaply (a tenth of calamine's read), and only a sheet that may pass it is read cell by cell.
    """
    rows = _ROW.findall(data)
    wide = set(_WIDE.findall(data))
    width = max((_width(c) for c in wide), default=26)
    if not rows or width * max(int(r) for r in rows) <= MOST_CELLS:
        return None
    found = _FILLED.findall(data)  # formatted cells do not count: calamine leaves them out of its grid
    if not found:
        return None
    letters = max({c for c, _ in found}, key=lambda c: (len(c), c))
    row = max(int(r) for r in {r for _, r in found})
    return f"{letters.decode()}{row}" if _width(letters) * row > MOST_CELLS else None


def refuse_uncalculated(path: Path) -> None:
    """TableError when an .xlsx has formulas without their results (the readers would see empty cells), or a
    value so far from the table that reading it would take more memory than a laptop has."""
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    data = z.read(info)
                    cell = _farthest(data)
                    if cell is not None:
                        raise TableError(t(
                            f"{path}:工作表中直到 {cell} 单元格还有内容,离表格太远,读入会占用过多内存;请在 Excel 或 WPS "
                            "中按 Ctrl+End 找到表格以外的内容,删去后保存,再导入",
                            f"{path}: a sheet has something as far out as cell {cell}, too far from the table to read "
                            "in memory; press Ctrl+End in Excel or WPS to find what lies beyond the table, delete it, "
                            "save and import again"))
                    if b"<f" in data and _UNCALCULATED.search(data):
                        raise TableError(t(
                            f"{path}:工作簿中的公式没有计算结果;请在 Excel 或 WPS 中打开并保存一次后再导入",
                            f"{path}: the workbook's formulas have no calculated values; open it in Excel or WPS, "
                            "save it once and import it again"))
    except (*ZIP_DAMAGE, OSError, ValueError):
        return  # damaged: the reader says so


_ERROR_CELL = re.compile(rb'<c\s([^>]*\bt="e"[^>/]*)>(.*?)</c>', re.S)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def formula_errors(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """{sheet name: {zero-based (row, column): "#N/A"}} for the cells of an .xlsx whose formula failed.

    The readers give such a cell as empty, so a failed VLOOKUP would pass for a blank cell and
    a #DIV/0! target for one the table lacks; the callers name the cell instead.
    """
    from xml.etree import ElementTree  # lazy: only for workbooks

    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        with zipfile.ZipFile(path) as z:
            rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", _NS)}
            book = ElementTree.fromstring(z.read("xl/workbook.xml"))
            for sheet in book.findall("m:sheets/m:sheet", _NS):
                target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
                member = target.lstrip("/") if target.startswith("/") else "xl/" + target
                data = z.read(member)
                if b't="e"' not in data:
                    continue
                for attrs, body in _ERROR_CELL.findall(data):
                    ref, value = _REF.search(attrs), _VALUE.search(body)
                    if ref is not None:
                        col = 0
                        for ch in ref.group(1).decode():
                            col = col * 26 + ord(ch) - 64
                        out.setdefault(sheet.get("name", ""), {})[(int(ref.group(2)) - 1, col - 1)] = (
                            value.group(1).decode("utf-8", "replace") if value else "#VALUE!")
    except (*ZIP_DAMAGE, KeyError, OSError, ValueError, ElementTree.ParseError):
        return out  # damaged: the reader says so
    return out
