"""FieldCheck: offline inspection and scoring of poverty-alleviation work (脱贫攻坚考核).

The package's domain modules (rubric, rules, scoring, store, bundle, sheet) never
import Qt; the Qt layer lives in ``fieldcheck.gui``.
"""

__version__ = "0.1.0"
