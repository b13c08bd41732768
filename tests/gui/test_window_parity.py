"""An edit made by a command shows and scores in the window as the same edit made in the window."""

from __future__ import annotations

import json

from clikit import run
from walkkit import show_view, village_inspection

from fieldcheck.ops import scores
from fieldcheck.store import Store


def test_a_value_given_on_an_item_marked_not_applicable_counts_as_in_the_window(qtbot, tmp_path, capsys):
    """The window clears 不适用 when 2.6.1 is answered 未达标, and deducts its 20; ``inspection set`` kept the
    mark, so the answer it took silently counted for nothing (summary said 200, the window's twin 180)."""
    db = tmp_path / "fc.db"
    with Store.open(db, device="t", backup_on_close=False) as store:
        by_command, _ = village_inspection(store)
        by_window, _ = village_inspection(store)
    for typed in ("不适用", "未达标"):
        code, _, err = run(["inspection", "set", "--db", db, by_command, "2.6.1", typed], capsys)
        assert code == 0, err
    with Store.open(db, device="t", backup_on_close=False) as store:
        view = show_view(qtbot, store, by_window, activate=False)
        view.session.set_mark("2.6.1", "na")
        view.session.set_value("2.6.1", False)
        window_total = view.score_panel.total_label.text()
        assert window_total.startswith("180 /")
        assert store.findings.marks(by_command) == store.findings.marks(by_window) == {"2.6.1": "checked"}
        assert scores.answers(store, by_command) == scores.answers(store, by_window) == {"2.6.1": False}
        shown = show_view(qtbot, store, by_command, activate=False)
        assert shown.score_panel.total_label.text() == window_total
        assert shown.tree.state_text("2.6.1") == "✗ −20"
    code, out, _ = run(["summary", "--db", db, "--json"], capsys)
    totals = {row["id"]: row["total"] for row in json.loads(out)}
    assert totals[by_command] == totals[by_window] == 180
