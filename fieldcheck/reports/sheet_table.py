"""The sheet's table across pages: rows kept whole, a tall row split where the page ends.

reportlab's Table first breaks between rows; what is left is then tried again in the space
below, and with in-row splitting on it splits its next row there, under a second header in
the middle of the page. This table decides once, where the page ends: a short row moves
whole to the next page (a reader sees it whole); a tall row (a long 扣分依据) starts on this
page when a few lines of it fit, so the page is not left half empty, and the header is
repeated only at the top of the next page.
"""

from __future__ import annotations

#: a row taller than this (points; about eleven lines of the basis) may be split across pages
TALL_ROW = 120
#: ... when at least this much of it fits on the page (points; about four lines)
LEAST_PART = 48

_TABLE_CLASS = None


def breaking_table(data, **kwargs):
    """A reportlab Table of ``data`` (``kwargs`` as for Table) that breaks across pages as above."""
    return _table_class()(data, **kwargs)


def _table_class():
    global _TABLE_CLASS
    if _TABLE_CLASS is not None:
        return _TABLE_CLASS
    from reportlab.platypus import Table  # lazy: reportlab, only when a sheet is made

    class SheetTable(Table):
        def split(self, availWidth, availHeight):
            self._calc(availWidth, availHeight)
            heights = self._rowHeights
            used, n = 0.0, 0
            while n < len(heights) and used + heights[n] <= availHeight:
                used += heights[n]
                n += 1
            header = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
            if header <= n < len(heights) and heights[n] > TALL_ROW and availHeight - used >= LEAST_PART:
                parts = self._splitRows(availHeight, doInRowSplit=True)
                if parts:
                    return parts
            # between rows only: the rest goes to the next page, never split again in what is left here
            return self._splitRows(availHeight, doInRowSplit=False)

    _TABLE_CLASS = SheetTable
    return _TABLE_CLASS
