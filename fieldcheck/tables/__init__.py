"""Excel in and out: rosters, target tables and rubrics in the officials' own layouts.

The people who write rules, rosters and targets are county offices, in Excel. This package
reads their workbooks as they are (headers found by name, merged cells, blank rows, numbers
typed as text or in full-width digits) and writes rubrics back in the same layout.
Every bad cell is reported with its sheet and cell; nothing is half-imported.
"""
