"""Set-up shared by the double-inspection tests (ops, CLI, window): one village inspected twice.

A is ``sheetkit.finished_inspection`` with 3 handbook errors on 2.1.1 (−6, pooled in 2.1's
30, which does not bite) and photos on the first two. B is A duplicated, then two more
handbook errors (2.1.1: −10) and one household 不满意 on 2.5.5 (the worst rating counts:
−4). So exactly 2.1.1 and 2.5.5 differ, worth −4 each, and B's total is 8 below A's.
"""

from __future__ import annotations

from sheetkit import finished_inspection

from fieldcheck.store import Store


def double_inspection(store: Store) -> tuple[str, str]:
    """(A, B): two drafts of 梅花村 on the village work team rubric that differ on 2.1.1 and 2.5.5."""
    a = finished_inspection(store, handbook_errors=3, photos=2)
    b = store.duplicate_inspection(a)
    store.inspections.update(b, inspectors=["王五", "赵六"], date="2026-10-14")
    store.findings.add(b, "2.1.1", note="帮扶措施栏空白", entered_by="王五")
    store.findings.add(b, "2.1.1", note="收入计算有误", entered_by="王五")
    store.findings.add(b, "2.5.5", value="不满意", note="王建国家不满意", entered_by="赵六")
    return a, b
