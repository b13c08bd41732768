"""Workbooks the tests build in the officials' layouts, awkward ones included."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fieldcheck.engine import catalog

#: a full ID number that must never reach the database (a valid-looking made-up one)
FULL_ID = "430421199001011234"
FULL_ID_2 = "43042119850505567X"


def roster_long(path: Path) -> Path:
    """One long sheet: title row, a two-row merged header, county merged down, blank rows,
    numbers as text, full-width digits, a 合计 row, an ID number to mask."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws["A1"] = "衡阳县建档立卡贫困户花名册"
    ws.merge_cells("A1:H1")
    ws.append([])  # row 2 blank
    ws.append(["序号", "所在地", None, None, "户主信息", None, "家庭人口", "帮扶责任人", "脱贫状态"])
    ws.append([None, "县(市、区)", "乡(镇)", "行政村", "户主姓名", "身份证号码", None, None, None])
    ws.merge_cells("B3:D3")
    ws.merge_cells("E3:F3")
    ws.merge_cells("G3:G4")
    rows = [
        [1, "衡阳县", "西渡镇", "梅花村", "张三", FULL_ID, 4, "李干部", "已脱贫"],
        [2, None, None, None, "李四", FULL_ID_2, "３", "李干部", "未脱贫"],  # county/town/village same as above
        [None] * 9,  # a blank row in the middle
        [3, None, "西渡镇", "杉桥村", " 王五 ", None, "2", "赵干部", None],
        [4, None, "演陂镇", "新桥村", "赵六", None, "５人", "钱干部", "已脱贫"],
        ["合计", None, None, None, None, None, 14, None, None],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("B5:B8")  # the county merged down over its rows
    wb.save(path)
    return path


def roster_per_village(path: Path) -> Path:
    """A sheet per village named 县-乡镇-村, and a sheet with nothing to import."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "衡阳县-西渡镇-梅花村"
    ws.append(["户主", "人口", "帮扶人", "状态"])
    ws.append(["孙七", 3, "周干部", "已脱贫"])
    ws.append(["周八", 1, "周干部", "未脱贫"])
    ws2 = wb.create_sheet("衡南县-茶市镇-五一村")
    ws2.append(["备注:本村名单"])
    ws2.append(["户主姓名", "家庭人口数", "帮扶责任人"])
    ws2.append(["吴九", 2, "郑干部"])
    wb.create_sheet("说明").append(["本表由县扶贫办汇总"])
    wb.save(path)
    return path


def roster_bad(path: Path) -> Path:
    """Good rows and bad ones: people not a number, an ID typed as a number, a bad ID, no name."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["县", "乡镇", "村", "户主", "人口", "身份证号"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "好人甲", 2, FULL_ID])
    ws.append(["衡阳县", "西渡镇", "梅花村", "坏人乙", "两口", None])      # E3: not a number
    ws.append(["衡阳县", "西渡镇", "梅花村", "坏人丙", 3, 4.30421199001012e17])  # F4: ID as a number
    ws.append(["衡阳县", "西渡镇", "梅花村", "坏人丁", 3, "43042119900101"])  # F5: too short
    ws.append(["衡阳县", "西渡镇", "梅花村", None, 3, None])                 # D6: no name
    ws.append(["衡阳县", "西渡镇", "杉桥村", "好人戊", "１", None])
    wb.save(path)
    return path


def targets_fu2(path: Path, *, tweak: dict | None = None) -> Path:
    """附2 目标任务分解表 of 衡阳 2015 as the document lays it out: title, two merged header
    rows, one row per county or district, the note under it. Values from the rubric's table,
    ``tweak`` {(name, column): value} changes some, as text or full-width digits if wanted."""
    rubric = catalog.find("hengyang-2015")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "附2"
    ws["A1"] = "附2:2015年衡阳市精准扶贫工作目标任务分解表"
    ws.merge_cells("A1:P1")
    top = ["市县名", "2014年底贫困人口数(人)", "2015年减贫目标数", None, None, "扶贫总投入(万元)",
           "本级财政预算扶贫投入(万元)", "行业(部门)扶贫投入(万元)", "社会扶贫投入(万元)", "贫困村居民年人均可支配收入",
           None, "农村贫困户危房改造(户)", "精准扶贫到人、到户数", None, "驻村帮扶\n贫困村(个)", "每个贫困村扶贫项目投入不少于(万元)"]
    sub = [None, None, "减贫率(%)", "减少人数(人)", "年底贫困人口数(人)", None, None, None, None, "(元)", "增长率(%)",
           None, "人", "户", None, None]
    ws.append(top)
    ws.append(sub)
    for rng in ("C2:E2", "J2:K2", "M2:N2"):
        ws.merge_cells(rng)
    for col in "ABFGHILOP":
        ws.merge_cells(f"{col}2:{col}3")
    order = ["2014年底贫困人口数(人)", "减贫率(%)", "减少人数(人)", "年底贫困人口数(人)", "扶贫总投入(万元)",
             "本级财政预算扶贫投入(万元)", "行业(部门)扶贫投入(万元)", "社会扶贫投入(万元)", "贫困村居民年人均可支配收入(元)",
             "收入增长率(%)", "农村贫困户危房改造(户)", "精准扶贫到人(人)", "精准扶贫到户(户)", "驻村帮扶贫困村(个)",
             "每个贫困村扶贫项目投入不少于(万元)"]
    tweak = tweak or {}
    for name, row in rubric.targets.items():
        cells = []
        for col in order:
            value = tweak.get((name, col), row.values.get(col))
            cells.append(float(value) if hasattr(value, "as_tuple") else value)
        ws.append([name, *cells])
    ws.append([])
    ws.append(["注:国家、省、市财政扶贫投入按实际情况,另计入扶贫总投入。"])
    wb.save(path)
    return path


def as_ods(xlsx: Path, ods: Path) -> Path:
    """The same workbook saved as LibreOffice or WPS save an .ods: merged ranges spanned and covered,
    a percentage-formatted number as ``percentage``, an error cell (a failed formula) as
    ``calcext:value-type="error"`` with its text, as LibreOffice writes #DIV/0!."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    book = openpyxl.load_workbook(xlsx)
    tables = []
    for ws in book.worksheets:
        spans = {(m.min_row, m.min_col): (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                 for m in ws.merged_cells.ranges}
        covered = {(r, c) for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
                   for c in range(m.min_col, m.max_col + 1)} - set(spans)
        rows = []
        for r in range(1, ws.max_row + 1):
            cells = []
            for c in range(1, ws.max_column + 1):
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                    continue
                cell, span = ws.cell(r, c), spans.get((r, c))
                attrs = (f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
                         if span else "")
                value = cell.value
                if value is None:
                    cells.append(f"<table:table-cell{attrs}/>")
                elif cell.data_type == "e":
                    cells.append(f'<table:table-cell{attrs} table:formula="of:=1/0" office:value-type="string"'
                                 f' office:string-value="" calcext:value-type="error"><text:p>{escape(value)}</text:p>'
                                 "</table:table-cell>")
                elif isinstance(value, (int, float)):
                    kind = "percentage" if "%" in str(cell.number_format) else "float"
                    cells.append(f'<table:table-cell{attrs} office:value-type="{kind}" office:value="{value}"'
                                 f' calcext:value-type="{kind}"><text:p>{value}</text:p></table:table-cell>')
                else:
                    cells.append(f'<table:table-cell{attrs} office:value-type="string" calcext:value-type="string">'
                                 f"<text:p>{escape(str(value))}</text:p></table:table-cell>")
            rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        rows.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell'
                    ' table:number-columns-repeated="1024"/></table:table-row>')  # as LibreOffice pads a sheet
        tables.append(f"<table:table table:name={quoteattr(ws.title)}>{''.join(rows)}</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content'
               ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
               ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
               ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
               ' xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
               f' office:version="1.3"><office:body><office:spreadsheet>{"".join(tables)}'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
                ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/"'
                ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return ods
