"""One small editor per family of rule forms; ``editor_for`` picks the one an item needs."""

from __future__ import annotations

from fieldcheck.gui.walk.editors.base import Editor
from fieldcheck.gui.walk.editors.checklist import ChecklistEditor
from fieldcheck.gui.walk.editors.findings import FindingsEditor
from fieldcheck.gui.walk.editors.metric import MetricEditor
from fieldcheck.gui.walk.editors.options import OptionsEditor
from fieldcheck.gui.walk.editors.verdict import VerdictEditor

EDITORS: dict[str, type[Editor]] = {
    "per_occurrence": FindingsEditor,
    "per_event": FindingsEditor,
    "rating": FindingsEditor,
    "missing_elements": ChecklistEditor,
    "duty_checklist": ChecklistEditor,
    "min_options": OptionsEditor,
    "pass_fail": VerdictEditor,
    "bonus": VerdictEditor,
    "veto": VerdictEditor,
    "metric": MetricEditor,
    "proportional": MetricEditor,
}


def editor_for(session, item, parent=None) -> Editor:
    return EDITORS[item.rule.kind](session, item, parent)


__all__ = ["Editor", "EDITORS", "editor_for"]
