"""Files given as workbooks that are not what their name says: each read by its content, or
refused in one sentence in the user's language that says what the file is and what to do,
never with the reading library's English, and with the database unchanged."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from clikit import demo, dump, run

XLS = Path(__file__).resolve().parents[1] / "data" / "roster.xls"  # saved by LibreOffice: 张三 4, 李四 2
#: words of the libraries' own messages that must never reach a person
LIBRARY_WORDS = ("Zip", "EOCD", "Cfb", "OLE", "os error", "Errno", "Traceback", "_rels")


@pytest.fixture
def db(tmp_path, capsys):
    return demo(tmp_path / "demo.db", capsys)


def refused_roster(path: Path, db: Path, capsys, *phrases: str) -> str:
    before = dump(db)
    code, _, err = run(["import", "roster", path, "--db", db], capsys)
    assert code == 1, err
    assert [line for line in err.splitlines() if line.strip()] == [err.strip()], err  # one sentence
    assert not any(word in err for word in LIBRARY_WORDS), err
    for phrase in phrases:
        assert phrase in err, err
    assert dump(db) == before
    return err


def roster_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "衡阳县-西渡镇-梅花村"
    sheet.append(["户主", "人口"])
    sheet.append(["王五", 3])
    book.save(path)
    return path


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def ods_bytes() -> bytes:
    """The smallest OpenDocument spreadsheet a program writes: mimetype first, then the content."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        '<office:spreadsheet><table:table table:name="衡阳县-西渡镇-梅花村">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>户主</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>人口</text:p></table:table-cell></table:table-row>'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>赵六</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell>'
        '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "made"), [("real.xls", "xls"), ("xls-named.xlsx", "xls"), ("ods-named.xlsx", "ods"),
                                            ("xlsx-named.xls", "xlsx"), ("xlsx-named.ods", "xlsx")])
def test_a_workbook_is_read_by_its_content_whatever_its_name(name, made, db, tmp_path, capsys, language):
    language("zh")
    path = tmp_path / name
    if made == "xls":
        shutil.copy(XLS, path)
    elif made == "ods":
        path.write_bytes(ods_bytes())
    else:
        roster_xlsx(tmp_path / "r.xlsx").rename(path)
    code, out, err = run(["import", "roster", path, "--db", db], capsys)
    assert code == 0, err
    assert "新建 1 个村" in out


@pytest.mark.parametrize(("content", "phrase"), [
    (b"hello, this is not a workbook\n", "是文本文件(如 CSV),不是 Excel 工作簿;请在 Excel 或 WPS 中打开它,另存为 .xlsx 后再导入"),
    ("户主,人口\n张三,4\n".encode("gb18030"), "是文本文件(如 CSV)"),
    (b"<html><body><table><tr><td>\xe6\x88\xb7\xe4\xb8\xbb</td></tr></table></body></html>", "是网页(HTML),不是 Excel 工作簿"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "是 PDF 文件,不是 Excel 工作簿;请改用原来的 Excel 表格"),
    (b"", "是空文件;请重新复制或下载它后再导入"),
    (b"PK\x03\x04 cut off", "已损坏或不完整(也许没有下载或复制完)"),
])
def test_a_file_that_is_no_workbook_says_what_it_is(content, phrase, db, tmp_path, capsys, language):
    language("zh")
    path = tmp_path / "名单.xlsx"
    path.write_bytes(content)
    refused_roster(path, db, capsys, str(path), phrase)


def test_a_word_document_named_xlsx(db, tmp_path, capsys, language):
    language("zh")
    path = tmp_path / "名单.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    refused_roster(path, db, capsys, "是Word 文档,不是 Excel 工作簿;请把表格单独存为 .xlsx 后再导入")


def test_a_folder_named_like_a_workbook_is_a_folder(db, tmp_path, capsys, language):
    language("zh")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    err = refused_roster(folder, db, capsys, "是一个文件夹,不是工作簿;请选择其中的 .xlsx 文件")
    assert "找不到" not in err


def test_links_that_loop_are_said_as_such(db, tmp_path, capsys, language):
    """Not "a disk or network error", which sends the person to copy a file that is not there."""
    language("zh")
    loop = tmp_path / "名册.xlsx"
    loop.symlink_to(tmp_path / "别名.xlsx")
    (tmp_path / "别名.xlsx").symlink_to(loop)
    err = refused_roster(loop, db, capsys, f"无法读取 {loop}:路径中的链接绕成了一个圈")
    assert "磁盘或网络" not in err


def test_a_file_it_may_not_read(db, tmp_path, capsys, language, monkeypatch):
    language("zh")
    path = roster_xlsx(tmp_path / "r.xlsx")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: have the file refuse as it would a user
        real_open = Path.open

        def denied(self, *args, **kwargs):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", denied)
    try:
        refused_roster(path, db, capsys, f"没有读取 {path} 的权限")
    finally:
        path.chmod(0o644)


def test_formulas_never_calculated_are_named_not_taken_for_a_missing_header(db, tmp_path, capsys, language):
    language("zh")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "衡阳县-西渡镇-梅花村"
    sheet.append(['="户"&"主"', "人口"])  # the header itself a formula, as a template may make it
    sheet.append(["张三", "=1+2"])
    path = tmp_path / "r.xlsx"
    book.save(path)  # openpyxl writes formulas without their values
    err = refused_roster(path, db, capsys, "工作簿中的公式没有计算结果;请在 Excel 或 WPS 中打开并保存一次后再导入")
    assert "户主" not in err


def test_targets_and_rubric_workbooks_say_the_same(tmp_path, capsys, language):
    language("zh")
    text = tmp_path / "t.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    code, _, err = run(["import", "targets", text, "--rubric", "hengyang-2015", "-o", tmp_path / "o.yaml"], capsys)
    assert code == 1 and "是文本文件(如 CSV)" in err and not any(word in err for word in LIBRARY_WORDS), err
    code, _, err = run(["rubric", "import-xlsx", text], capsys)
    assert code == 1 and "是文本文件(如 CSV)" in err, err
    xls = tmp_path / "细则.xlsx"
    shutil.copy(XLS, xls)  # openpyxl reads .xlsx only: the .xls inside is named, with what to do
    code, _, err = run(["rubric", "import-xlsx", xls], capsys)
    assert code == 1 and "是 .xls 格式的工作簿,这里需要 .xlsx;请在 Excel 或 WPS 中另存为 .xlsx 后再导入" in err, err
    assert not (tmp_path / "o.yaml").exists()


def test_in_english_too(db, tmp_path, capsys, language):
    language("en")
    path = tmp_path / "r.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    refused_roster(path, db, capsys, "is a text file (such as CSV), not an Excel workbook; open it in Excel or WPS")
