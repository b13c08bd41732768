"""An item's mark: looked at ("checked") or not applicable ("na").

Its own module, with nothing to import, because the store checks marks on every write and
opens without loading the rubric model and the rule forms (``engine.answers``), which the
window's first list does not need.
"""

MARKS = frozenset({"checked", "na"})
