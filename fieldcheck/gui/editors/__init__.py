"""One small editor per family of rule forms; ``editor_for`` picks the one an item needs."""

from __future__ import annotations

from .base import Editor
from .checklist import ChecklistEditor
from .findings import FindingsEditor
from .metric import MetricEditor
from .options import OptionsEditor
from .verdict import VerdictEditor

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
