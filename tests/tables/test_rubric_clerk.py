"""A county clerk's own rubric workbook, typed by hand from the seed texts, imported and scored.

The clerk types the table as the document prints it: a title row, 一/二 sections, points as
"20分" or full-width, the deduction rule in words (每缺少一项扣2分,扣完20分为止, seed 001),
a 合计 row, and only the two rule columns the layout asks for. Hand computations are
written beside each case.
"""

from __future__ import annotations

import json

import openpyxl
from clikit import run

from fieldcheck.engine.rubric_file import load_file
from fieldcheck.signing.content import gather

HEADER = ["序号", "考核内容", "评分标准", "分值", "规则", "扣分"]
#: seed 001, 一 组织领导: three items of 6, 4 and 10 points sharing the section's 20
ORGANISATION = [
    ["一", "组织领导", None, "20分"],
    ["1", "建立有扶贫工作组织机构,制定了相关工作计划。", "每缺少一项扣2分,扣完20分为止。", "6分", "每缺一项扣分", "2"],
    ["2", "有独立的扶贫工作室,相关设施配备齐全,扶贫档案柜不少于2个。", "每缺少一项扣2分,扣完20分为止。", "４分", "每缺一项扣分", "２"],
    ["3", "每月定期召开扶贫专题工作会议,有专门的扶贫会议记录。每周召开一次扶贫工作队长碰头会。",
     "每缺少一项扣2分,扣完20分为止。", "10分", "每缺一项扣分", "2"],
]


def _book(path, rows, *, header=HEADER, title="脱贫攻坚考核细则", merges=(), sheet="考评表"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def _refused(capsys, book, tmp_path):
    out = tmp_path / "out.yaml"
    code, _, err = run(["rubric", "import-xlsx", book, "-o", out], capsys)
    assert code == 1 and not out.exists() and "Traceback" not in err
    return err


def _score(capsys, rubric, answers, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": answers}, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(["score", rubric, path, "--json"], capsys)
    assert code == 0, err
    return json.loads(out)


def test_a_pool_written_only_in_words_is_the_sections_as_the_text_says(tmp_path, capsys):
    book = _book(tmp_path / "细则.xlsx", [*ORGANISATION, ["合计", None, None, "20分"]])
    rubric = tmp_path / "细则.yaml"
    code, _, err = run(["rubric", "import-xlsx", book, "-o", rubric], capsys)
    assert code == 0, err
    # 1 and 3: two elements missing, −4 each; 2 (4分): three missing, −6, as the pool of 20 allows (issue 2's 一.2)
    result = _score(capsys, rubric, {"1.1": 2, "1.2": 3, "1.3": 2}, tmp_path)
    assert result["nodes"]["1.2"]["deduction"] == 6
    assert (result["total"], result["max"]) == (6, 20)  # 20 − 4 − 6 − 4
    # the pool holds: eleven missing in all would take 22, and the section stops at 0
    assert _score(capsys, rubric, {"1.1": 3, "1.2": 4, "1.3": 4}, tmp_path)["total"] == 0


def test_a_pool_in_words_that_no_section_has_is_named_at_its_criterion(tmp_path, capsys):
    rows = [[*row[:2], "每缺少一项扣2分,扣完30分为止。", *row[3:]] if row[0] == "2" else row for row in ORGANISATION]
    err = _refused(capsys, _book(tmp_path / "细则.xlsx", rows), tmp_path)
    assert "C5" in err and "扣完30分为止" in err and "封顶" in err


def test_a_total_row_labelled_in_the_first_column_is_read_and_checked(tmp_path, capsys):
    header = ["项目", "序号", "考核内容", "评分标准", "分值", "规则", "扣分"]
    rows = [
        [None, "一", "动态管理", None, "2分"],
        ["扶贫对象信息数据", "1", "信息采集齐全、准确,系统录入无误", "计1分,否则计0分", "1分", "未做到扣分", 1],
        ["数据一致", "2", "档案资料、登记证、工作手册、公示材料、系统等数据一致的", "计1分,否则计0分", "1分", "未做到扣分", 1],
    ]
    book = _book(tmp_path / "ok.xlsx", [*rows, ["合计", None, None, None, "2分"]], header=header)
    code, out, err = run(["rubric", "import-xlsx", book], capsys)
    assert code == 0, err
    err = _refused(capsys, _book(tmp_path / "bad.xlsx", [*rows, ["合计", None, None, None, "12分"]], header=header), tmp_path)
    assert "E6" in err and "合计写 12 分" in err and "2 分" in err


def test_a_category_merged_over_numbered_rows_is_named_not_read_as_the_first_items_title(tmp_path, capsys):
    header = ["项目", "序号", "考核内容", "评分标准", "分值", "规则", "扣分"]
    rows = [
        ["动态管理", "1", "信息采集齐全、准确,系统录入无误", "计1分,否则计0分", "1分", "未做到扣分", 1],
        [None, "2", "档案资料、登记证、工作手册、公示材料、系统等数据一致的", "计1分,否则计0分", "1分", "未做到扣分", 1],
    ]
    err = _refused(capsys, _book(tmp_path / "merged.xlsx", rows, header=header, merges=["A3:A4"]), tmp_path)
    assert "A3" in err and "动态管理" in err and "插入一行" in err


def test_a_hidden_old_copy_is_never_read_in_place_of_the_visible_table(tmp_path, capsys):
    book = _book(tmp_path / "two.xlsx", [*ORGANISATION], sheet="新表")
    wb = openpyxl.load_workbook(book)
    old = wb.create_sheet("旧表", 0)
    old.append(HEADER)
    old.append(["一", "组织领导", None, 99])
    old.append(["1", "旧条目", "未做到扣99分", 99, "未做到扣分", 99])
    old.sheet_state = "hidden"
    wb.active = 1
    wb.save(book)
    code, out, err = run(["rubric", "import-xlsx", book], capsys)
    assert code == 0 and "20" in out and "99" not in out, err
    wb["新表"].sheet_state = "hidden"
    wb["旧表"].sheet_state = "visible"
    wb.active = 0
    wb.save(book)
    code, out, err = run(["rubric", "import-xlsx", book], capsys)
    assert code == 0 and "99" in out, err


def test_a_table_only_on_a_hidden_sheet_is_refused_naming_it(tmp_path, capsys):
    book = _book(tmp_path / "h.xlsx", ORGANISATION)
    wb = openpyxl.load_workbook(book)
    wb.create_sheet("说明").append(["本表由县扶贫办填写"])
    wb["考评表"].sheet_state = "hidden"
    wb.active = 1
    wb.save(book)
    err = _refused(capsys, book, tmp_path)
    assert "隐藏" in err and "考评表" in err and len(err.strip().splitlines()) == 1


def test_two_rubric_tables_in_one_workbook_are_refused_not_the_first_taken(tmp_path, capsys):
    book = _book(tmp_path / "two.xlsx", ORGANISATION, sheet="区考评表")
    wb = openpyxl.load_workbook(book)
    other = wb.create_sheet("单位考评表")
    other.append(HEADER)
    other.append(["一", "台账", None, 20])
    other.append(["1", "台账齐全", "每缺少一项扣2分", 20, "每缺一项扣分", 2])
    wb.save(book)
    err = _refused(capsys, book, tmp_path)
    assert "区考评表" in err and "单位考评表" in err and len(err.strip().splitlines()) == 1


def test_an_absurd_number_typed_as_a_number_is_one_sentence_at_its_cell(tmp_path, capsys):
    rows = [["一", "组织领导", None, 1e308], ["1", "成立工作队", "未成立扣5分", 1e308, "未做到扣分", 5]]
    err = _refused(capsys, _book(tmp_path / "big.xlsx", rows), tmp_path)
    problems = err.strip().splitlines()[1:]
    assert len(problems) == 2 and "D3" in problems[0] and "D4" in problems[1]
    assert all("太大" in p for p in problems)  # no "has no points" after the clerk gave some


def test_a_duplicate_number_quotes_what_the_clerk_typed(tmp_path, capsys):
    rows = [*ORGANISATION[:2], [*ORGANISATION[2][:1], *ORGANISATION[3][1:]]]  # 1, 1 under 一
    rows[2][0] = "1"
    err = _refused(capsys, _book(tmp_path / "dup.xlsx", rows), tmp_path)
    assert "A5" in err and "序号「1」重复" in err


def test_ten_thousand_rows_are_one_sentence_naming_the_sheet(tmp_path, capsys):
    rows = [["一", "大类", None, 10000]] + [[str(i), f"条目{i}", "未做到扣1分", 1, "未做到扣分", 1] for i in range(1, 10001)]
    err = _refused(capsys, _book(tmp_path / "big.xlsx", rows), tmp_path)
    assert "考评表" in err and "10003" in err and "细则信息" not in err and len(err.strip().splitlines()) == 1


def test_rows_of_a_sheet_without_names_are_named_by_their_content(tmp_path, capsys):
    book = _book(tmp_path / "细则.xlsx", ORGANISATION)
    code, out, err = run(["rubric", "import-xlsx", book, "-o", tmp_path / "细则.yaml"], capsys)
    assert code == 0, err
    code, out, err = run(["rubric", "show", tmp_path / "细则.yaml"], capsys)
    # the window's tree, the item's heading and the pool's words name the section, not a bare "1"
    assert "\n1 组织领导  20分\n" in out and "本节(1 组织领导)扣完 20 分为止" in out
    rubric = load_file(tmp_path / "细则.yaml")
    assert rubric.node("1").title == "组织领导" and rubric.node("1.2").title.startswith("有独立的扶贫工作室")


def test_a_sheet_without_a_rule_column_is_told_once_where_to_add_it(tmp_path, capsys):
    rows = [row[:4] for row in ORGANISATION]
    err = _refused(capsys, _book(tmp_path / "细则.xlsx", rows, header=HEADER[:4]), tmp_path)
    problems = err.strip().splitlines()[1:]
    assert len(problems) == 1 and "E2" in problems[0] and "规则" in problems[0] and "扣分" in problems[0]


def test_a_veto_typed_as_a_row_gives_its_content_as_the_reason_and_scores_as_worked_out(tmp_path, capsys):
    # seed 003, 五 split into its three deductions, with a 一票否决 row as the 办法 (六(二)) states it
    rows = [
        ["五", "加强对精准扶贫工作的领导", None, "１０分"],
        ["(一)", "党委、政府专题研究扶贫工作", "未专题研究扶贫工作扣2分", "2分", "未做到扣分", "2"],
        ["(二)", "落实“一把手”负责制", "未落实“一把手”负责制扣2分", "2分", "未做到扣分", "2"],
        ["(三)", "制定扶贫规划,落实工作措施。", "未制定扶贫规划,落实工作措施 扣3分。", "6分", "未做到扣分", "3"],
        ["六", "贫困户满意", "每发现一户不满意扣0.5分,扣完为止", "5分", "每处扣分", "０.５"],
        ["七", "违规违纪使用扶贫资金", "对违规违纪使用扶贫资金的县市区,取消年度考核排序资格", None, "一票否决"],
        ["合计", None, None, "15分"],
    ]
    book = _book(tmp_path / "衡阳.xlsx", rows, title="2015年衡阳市精准扶贫工作考核量化考评表(节选)")
    rubric = tmp_path / "衡阳.yaml"
    code, _, err = run(["rubric", "import-xlsx", book, "-o", rubric], capsys)
    assert code == 0, err
    # 5: −2 −3 = 5 of 10; 6: twelve households × 0.5 = 6, capped at its own 5 (扣完为止): 0; 15 in all, 5 scored
    result = _score(capsys, rubric, {"5.1": False, "5.2": True, "5.3": False, "6": 12, "7": True}, tmp_path)
    assert (result["total"], result["max"], result["ranked"]) == (5, 15, False)
    assert result["vetoes"] == ["违规违纪使用扶贫资金"]


def test_a_rule_missing_its_numbers_is_named_at_the_column_to_fill_in_the_clerks_words(tmp_path, capsys):
    rows = [
        ["一", "组织领导", None, "20分"],
        ["1", "成立工作队", "每发现一处扣2分", "5分", "每处扣分", None],
        ["2", "群众满意度", "基本满意和不满意不得分", "5分", "评价等次", None],
        ["3", "减贫率", "减贫率每减少一个百分点扣1分", "5分", "指标对比", None],
        ["4", "宣传", "至少2种宣传方式,否则不得分", "5分", "最少项数", "5"],
    ]
    err = _refused(capsys, _book(tmp_path / "细则.xlsx", rows), tmp_path)
    problems = err.strip().splitlines()[1:]
    assert [p.split("单元格")[0].split()[-1] for p in problems] == ["工作表「考评表」F4", "工作表「考评表」E5",
                                                                   "工作表「考评表」E6", "工作表「考评表」E7"]
    assert "「扣分/加分」列" in problems[0] and "{levels: {满意: 4" in problems[1] and "规则参数" in problems[2]
    assert not any(word in err for word in ("per_occurrence", "rating 规则", "deduct"))  # the file's words, never seen


def test_the_sheet_names_a_clerks_section_once(store, tmp_path, capsys):
    book = _book(tmp_path / "细则.xlsx", ORGANISATION)
    rubric = load_file(_imported(capsys, book, tmp_path))
    inspection = store.inspections.create(rubric, assessee_id=None, assessee_name="梅花村", inspectors=["甲"],
                                          date="2026-11-22")
    assert [row.content for row in gather(store, inspection).rows if row.kind == "section"] == ["组织领导"]


def _imported(capsys, book, tmp_path):
    out = tmp_path / "imported.yaml"
    code, _, err = run(["rubric", "import-xlsx", book, "-o", out], capsys)
    assert code == 0, err
    return out


def test_numbers_typed_with_their_punctuation_keep_the_tree(tmp_path, capsys):
    # "一、" over "1、" "2、", or "1." "2.": how officials type them, read as 一 with its items 1 and 2
    for numbers in (["一、", "1、", "2、"], ["一", "1.", "2."], ["一", "(一)", "(二)"]):
        rows = [[numbers[0], "组织领导", None, "10分"],
                [numbers[1], "成立工作队", "未成立扣5分", "5分", "未做到扣分", 5],
                [numbers[2], "制定计划", "未制定扣5分", "5分", "未做到扣分", 5]]
        book = _book(tmp_path / "细则.xlsx", rows)
        rubric = load_file(_imported(capsys, book, tmp_path))
        assert [n.id for n in rubric.walk()] == ["1", "1.1", "1.2"], numbers


def test_a_category_heading_merged_across_the_row_is_a_section_with_its_points(tmp_path, capsys):
    rows = [["一、组织领导(10分)"],
            ["1", "成立工作队", "未成立扣5分", "5分", "未做到扣分", 5],
            ["2", "制定计划", "未制定扣5分", "5分", "未做到扣分", 5],
            ["二、帮扶成效(５分)"],
            ["1", "群众满意", "每发现一户不满意扣1分,扣完为止", "5分", "每处扣分", 1],
            ["注:帮扶成效以入户核查为准。"]]
    book = _book(tmp_path / "细则.xlsx", rows, merges=["A3:F3", "A6:F6", "A8:F8"])
    rubric = load_file(_imported(capsys, book, tmp_path))
    assert [(n.id, n.title, n.points) for n in rubric.children] == [("1", "组织领导", 10), ("2", "帮扶成效", 5)]
    assert [n.id for n in rubric.walk()] == ["1", "1.1", "1.2", "2", "2.1"]
    rows[0] = ["组织领导(10分)"]  # no number this can read: said once, at its cell, not as points and a rule
    err = _refused(capsys, _book(tmp_path / "bad.xlsx", rows, merges=["A3:F3", "A6:F6", "A8:F8"]), tmp_path)
    assert "A3" in err and "一、组织领导(20分)" in err and "D3" not in err and "E3" not in err


def test_a_deduction_that_is_no_number_is_said_once_at_its_cell(tmp_path, capsys):
    rows = [["一", "组织领导", None, "5分"], ["1", "成立工作队", "每发现一处扣2分", "5分", "每处扣分", "两分"]]
    problems = _refused(capsys, _book(tmp_path / "细则.xlsx", rows), tmp_path).strip().splitlines()[1:]
    assert len(problems) == 1 and "F4" in problems[0] and "两分" in problems[0]


def test_negative_points_or_deductions_are_named_at_their_cells_in_the_columns_words(tmp_path, capsys):
    rows = [["一", "组织领导", None, "10分"], ["1", "成立工作队", "未成立扣5分", -5, "未做到扣分", 5],
            ["2", "制定计划", "每发现一处扣2分", "15分", "每处扣分", "-2"]]
    problems = _refused(capsys, _book(tmp_path / "细则.xlsx", rows), tmp_path).strip().splitlines()[1:]
    assert [p.split("单元格")[0].split()[-1] for p in problems] == ["工作表「考评表」D4", "工作表「考评表」F5"]
    assert all("负数" in p and "deduct" not in p for p in problems)
