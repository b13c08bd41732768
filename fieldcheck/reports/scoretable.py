"""A score as a readable plain-text table (the CLI's output without --json)."""

from __future__ import annotations

import unicodedata

from fieldcheck.engine.numbers import fmt
from fieldcheck.engine.rubric import Item, Rubric, Section
from fieldcheck.engine.scoring import ScoreResult
from fieldcheck.i18n import t


def width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def clip(text: str, columns: int) -> str:
    out = ""
    for ch in text:
        if width(out + ch) > columns - 1:
            return out + "…"
        out += ch
    return out


def _depth(node: Section | Item) -> int:
    depth, parent = 0, node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


def render_score(rubric: Rubric, result: ScoreResult) -> str:
    lines = [f"{rubric.title}({rubric.id},{t('版本', 'version')} {rubric.version[:12]})"]
    if result.assessee and result.assessee.name:
        group = f"({result.assessee.group})" if result.assessee.group else ""
        lines.append(t(f"被考核单位:{result.assessee.name}{group}", f"Assessee: {result.assessee.name}{group}"))
    lines.append("")
    head = pad(t("编号", "Id"), 8) + pad(t("项目", "Item"), 34) + pad(t("得分/满分", "Score"), 12) + t("扣分", "Lost")
    lines += [head, "-" * width(head)]
    for node in rubric.walk():
        depth = _depth(node)
        ns = result.nodes[node.id]
        title = node.title or node.content
        label = clip("  " * depth + title, 34)
        status = ""
        if isinstance(node, Item):
            status = {"unanswered": t("未检查", "not inspected"), "na": t("不适用", "n/a"),
                      "out": t("本单位不计", "not for this unit"), "unscored": t("未能计分", "not scored")}.get(ns.status, "")
            if ns.status == "bonus":
                status = t(f"加{fmt(ns.score)}", f"+{fmt(ns.score)}")
            elif ns.status == "veto":
                status = t("否决", "veto")
        lost = t(f"扣{fmt(ns.deduction)}", f"−{fmt(ns.deduction)}") if ns.deduction else ""
        lines.append(pad(node.id, 8) + pad(label, 34) + pad(f"{fmt(ns.score)}/{fmt(ns.max)}", 12) + (lost or status))
    lines.append("-" * width(head))
    lines += summary_lines(result)
    if result.trace:
        lines += ["", t("扣分明细:", "Deductions:")]
        for entry in result.trace:
            lines.append(f"  {entry.node} {entry.title}:{entry.text}")
    if result.readings:
        lines += ["", t("本结果采用的解读(原文未明确处):", "Readings this result relies on (where the text is silent):")]
        for reading in result.readings:
            where = t(f"(涉及 {'、'.join(reading.items)})", f" (items {', '.join(reading.items)})") if reading.items else ""
            lines.append(f"  [{reading.id}] {reading.text}{where}")
    return "\n".join(lines)


def summary_lines(result: ScoreResult) -> list[str]:
    """The total (暂计 while items are open), grade, ranking, warnings and notes, as a sheet prints them."""
    lines = []
    if result.provisional:
        lines.append(t(f"暂计 {fmt(result.total)} / {fmt(result.max)}   等级:待定(尚未检查完)   "
                       f"已答 {result.answered}/{result.item_count} 项,尚有 {fmt(result.points_open)} 分未定",
                       f"Provisional {fmt(result.total)} / {fmt(result.max)}   grade: pending   "
                       f"answered {result.answered}/{result.item_count}, {fmt(result.points_open)} points still open"))
    else:
        grade = result.grade or (t("本单位不评等级", "not graded") if result.not_graded else t("未设等级", "none defined"))
        lines.append(t(f"合计 {fmt(result.total)} / {fmt(result.max)}   等级:{grade}   "
                       f"已答 {result.answered}/{result.item_count} 项(已全部检查)",
                       f"Total {fmt(result.total)} / {fmt(result.max)}   grade: {grade}   "
                       f"answered {result.answered}/{result.item_count} (complete)"))
    for lost in result.unknown_points:
        lines.append(t(f"原文缺失:{lost.node} {lost.title} 有 {fmt(lost.points)} 分的计分方法缺失,不计入满分",
                       f"Lost in the source: {fmt(lost.points)} points of {lost.node} {lost.title}, out of the maximum"))
    for node_id, missing in result.incomplete_sections:
        lines.append(t(f"原文不完整:{node_id} {';'.join(missing)}", f"Incomplete in the source: {node_id} {'; '.join(missing)}"))
    if not result.rubric_complete:
        lines.append(t("注意:本细则原文残缺,只按已收录的条目计分。", "Note: this rubric's source is incomplete; only the items it gives are scored."))
    if result.vetoes:
        lines.append(t("取消排序资格:", "Out of ranking: ") + ";".join(result.vetoes))
    elif result.ranked is None:
        lines.append(t("排序资格:待定(否决项尚未检查)", "Ranking: not known yet (the veto item is unanswered)"))
    elif result.ranked is False:
        lines.append(t("本单位不参加排序", "This unit is not ranked"))
    for unscored in result.unscored:
        lines.append(t("未能计分:", "Not scored: ") + str(unscored.reason))
    for warning in result.warnings:
        lines.append(t("请核对:", "Please check: ") + f"{warning.item_id} {warning.title}:{warning.text}")
    for note in result.notes:
        lines.append(str(note))
    return lines


def render_tree(rubric: Rubric) -> str:
    lines = [f"{rubric.title}", f"id {rubric.id}  {t('版本', 'version')} {rubric.version}",
             t(f"来源:{rubric.source}", f"Source: {rubric.source}"),
             t(f"满分 {fmt(rubric.max_points)} 分", f"Maximum {fmt(rubric.max_points)}")]
    if not rubric.complete:
        lines.append(t("本细则不完整:", "This rubric is incomplete: ") + ";".join(rubric.missing))
    lines.append("")
    for node in rubric.walk():
        depth = _depth(node)
        indent = "  " * depth
        if isinstance(node, Section):
            extra = t("(加分)", " (bonus)") if node.kind == "bonus" else ""
            lines.append(f"{indent}{node.id} {node.title}  {fmt(node.max_points)}{t('分', '')}{extra}")
        else:
            lines.append(f"{indent}{node.id} {node.title or node.content}  {fmt(node.max_points)}{t('分', '')}  "
                         f"[{node.rule.label}] {node.describe_rule()}")
    if rubric.readings:  # what the sheet prints beside a score these readings shaped, listed once here
        lines += ["", t("解读(原文未明确之处,本细则的取舍):", "Readings (where the text is silent, what this rubric takes):")]
        for reading in rubric.readings:
            where = "、".join(reading.nodes) if reading.nodes else t("全部", "all")
            text = t(reading.text, reading.text_en or reading.text)
            lines.append(f"  {reading.id}  [{where}] {text}")
    return "\n".join(lines)
