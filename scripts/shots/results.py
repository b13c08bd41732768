"""The results window (computing, the results, the losses) and the township's rounds screen.

A database of the 12 衡阳 units (the tests' data from the real 附2 table: quotas, a tie on the
一类 line, a veto) and a township of 13 村居 with two rounds: the standing and this round's
ledger, every person over every round, a round typed by hand.
"""

from __future__ import annotations

import sys
import time

import yaml

from fieldcheck.results import outcome
from fieldcheck.store import Store

from . import ROOT

UNITS = {"衡阳县": 95, "衡南县": 93, "衡山县": 89, "衡东县": 89, "祁东县": 87, "耒阳市": 85, "常宁市": 78,
         "珠晖区": 96, "雁峰区": 94, "石鼓区": 90, "蒸湘区": 86, "南岳区": 82}


def shoot(kit) -> int:
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "results")]
    from hengyang_data import add_unit  # the tests' data
    from township import scores, township

    store = Store.open(kit.home / "shots.db", device="shots")
    for name, total in UNITS.items():
        add_unit(store, name, total, veto=name == "珠晖区")
    town = kit.home / "新城镇.yaml"
    town.write_text(yaml.safe_dump(township([
        {"id": "2月", "kind": "双月观摩", "date": "2026-02-28", "scores": scores(), "task_met": ["吴村官"]},
        {"id": "半年", "kind": "半年考核", "date": "2026-06-30", "scores": scores(永安村=99, 东风村=88),
         "on_schedule": {"扶贫办": True, "创业办": False}}]), allow_unicode=True), encoding="utf-8")
    window = kit.shell(store, values={"rounds/township": str(town)}).window

    # 12 units compute in a blink; held 3 s here so that the computing state can be seen at all
    real_build = outcome.build

    def slow_build(*args, **kwargs):
        time.sleep(3)
        return real_build(*args, **kwargs)

    outcome.build = slow_build
    window.show_results()
    view = window.results_view
    kit.place(view)
    view.select_rubric("hengyang-2015")
    kit.shoot("results-computing")
    kit.wait_until(lambda: view.results is not None)
    outcome.build = real_build
    kit.shoot("results")
    view.tabs.setCurrentIndex(1)
    kit.shoot("results-losses")
    view.tabs.setCurrentIndex(0)
    # a second signed 衡阳县, not reconciled: not counted, so the 县市 group's places are provisional
    add_unit(store, "衡阳县", 70)
    view.refresh()
    kit.wait_until(lambda: view.results is not None)
    kit.shoot("results-provisional")

    view.rounds_button.click()  # through the Team menu's action, as the window does
    rounds = window.team_actions.rounds_action.views[0]
    kit.place(rounds)
    kit.shoot("rounds")
    rounds.round_box.setCurrentIndex(1)
    kit.shoot("rounds-half-year")
    rounds.tabs.setCurrentIndex(1)
    kit.shoot("rounds-people")
    rounds.tabs.setCurrentIndex(0)
    rounds.kind_box.setCurrentIndex(rounds.kind_box.findData("年终总评"))
    rounds.new_button.click()
    typed = scores(建设村=97)
    for r in range(rounds.standing.rowCount() - 2):
        rounds.standing.item(r, 2).setText(str(typed[rounds.standing.item(r, 1).text()]))
    kit.shoot("rounds-by-hand")
    window.close()
    kit.wait_for_jobs()
    store.close()
    return 0
