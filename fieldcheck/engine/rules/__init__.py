"""The eleven rule forms of the seed documents: what answer each takes and what it deducts.

A rule turns one item's answer into an ``Outcome``: the raw deduction before any
cap, the bonus earned, or a veto. Caps and pools are applied by ``scoring``, not here.

Answers arrive in the JSON shapes of ``fieldcheck score`` (see README) and are
normalised by ``Rule.parse``; every refusal is an ``AnswerError`` naming the item.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldcheck.engine.rules.base import NOT_APPLICABLE, AnswerError, Assessee, Outcome, Rule
from fieldcheck.engine.rules.counting import DutyChecklist, MissingElements, PerEvent, PerOccurrence
from fieldcheck.engine.rules.metric import Metric
from fieldcheck.engine.rules.options import MinimumOptions, other_names
from fieldcheck.engine.rules.targets import Proportional, _TargetRule, source_text
from fieldcheck.engine.rules.verdicts import Bonus, PassFail, Rating, Veto

RULES: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (PerOccurrence, PerEvent, MissingElements, DutyChecklist, MinimumOptions, PassFail,
                Rating, Metric, Proportional, Bonus, Veto)
}

#: the keys each rule form accepts in a rubric file, besides ``type``
RULE_KEYS: dict[str, set[str]] = {
    "per_occurrence": {"deduct"},
    "per_event": {"deduct", "event"},
    "missing_elements": {"deduct", "elements", "elements_note", "open", "size"},
    "duty_checklist": {"deduct", "duties", "duties_note"},
    "min_options": {"deduct", "options", "minimum", "open"},
    "pass_fail": {"deduct"},
    "rating": {"levels"},
    "metric": {"target", "step", "per_step", "unit", "rounding", "each", "parts", "count_column"},
    "proportional": {"target", "unit"},
    "bonus": {"add"},
    "veto": {"reason"},
}

#: keys a rule form cannot do without
RULE_REQUIRED: dict[str, set[str]] = {
    "per_occurrence": {"deduct"},
    "per_event": {"deduct"},
    "missing_elements": {"deduct"},
    "duty_checklist": {"duties"},
    "min_options": {"options", "minimum"},
    "rating": {"levels"},
    "metric": {"step", "per_step"},
    "bonus": {"add"},
}


def make_rule(spec: Mapping[str, Any]) -> Rule:
    return RULES[spec["type"]](spec)


#: what other modules import from here; the forms themselves live in the modules above
__all__ = ["AnswerError", "Assessee", "Outcome", "Rule", "RULES", "RULE_KEYS", "RULE_REQUIRED", "make_rule",
           "NOT_APPLICABLE", "other_names", "source_text", "_TargetRule", "PerOccurrence", "PerEvent",
           "MissingElements", "DutyChecklist", "MinimumOptions", "PassFail", "Rating", "Metric", "Proportional",
           "Bonus", "Veto"]
