"""The inspections list's model: the listed ids, their rows read from the store only when shown, sorted on keys.

Built for a merged county of thousands of inspections:

* a row's columns are read from the store only when the view shows it (``listing(only=…)``,
  a block at a time), and its score comes from the store's score cache when that is current
  (``ops.scores.ListScores``), else it is scored then, outside the store's lock;
* sorting is done on the ids with keys computed once per refresh, so a keystroke under a
  sorted column only reorders a list of strings. The score column sorts complete inspections
  before incomplete ones (a total with items still open is not comparable) and compares
  scores as a percentage of each rubric's maximum, never raw totals of different rubrics.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.qt import Qt, QtCore
from fieldcheck.ops import scores

ROW_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# data() is called for every role of every painted cell: compare plain ints, not Qt's enums
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ID = int(Qt.ItemDataRole.UserRole.value)
_SORT = _ID + 1
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
#: ids read to start on the unfiltered list (``FirstPage``): a few screens
PAGE = 100
#: rows read from the store at once around a row the view asks for (a screen is about 20): two
#: screens. The query walks each row's place up to its county, and costs more per row as the block
#: grows (10,000 inspections: 40 rows 1.0 ms, 100 rows 3.7 ms), so the first page reads 40, not 100.
BLOCK = 40


class FirstPage(Sequence[str]):
    """The list's ids when only its first page and its length are read: the rest when asked for.

    At 10,000 inspections reading every id took 5-7 ms of the window's start; the first screen
    needs a page of them and the count (for the scroll bar). Any id past the page, any search
    by id past it, iterating, slicing past it, sorting: the whole list is read then (``rest``).
    """

    def __init__(self, first: list[str], count: int, rest: Callable[[], list[str]]):
        self.first, self.count, self._rest = first, count, rest
        self._all: list[str] | None = None

    def all(self) -> list[str]:
        if self._all is None:
            self._all = self._rest()
        return self._all

    def __len__(self) -> int:
        return self.count if self._all is None else len(self._all)

    def __getitem__(self, key):
        if self._all is None:
            if isinstance(key, int) and 0 <= key < len(self.first):
                return self.first[key]
            if isinstance(key, slice) and key.step is None and 0 <= (key.start or 0) \
                    and key.stop is not None and key.stop <= len(self.first):
                return self.first[key]
        return self.all()[key]

    def index(self, value, start: int = 0, stop: int | None = None) -> int:
        if self._all is None and start == 0 and stop is None and value in self.first:
            return self.first.index(value)
        return self.all().index(value, start, *(() if stop is None else (stop,)))

    def __contains__(self, value) -> bool:
        return (self._all is None and value in self.first) or value in self.all()

    def __iter__(self):
        return iter(self.all())

    def __eq__(self, other) -> bool:  # as the list it stands for
        return self.all() == (other.all() if isinstance(other, FirstPage) else other)

    __hash__ = None  # type: ignore[assignment]  # a list's


class InspectionTableModel(QtCore.QAbstractTableModel):
    """The ids of the listed inspections, their rows read when shown; ``ROW_ID_ROLE`` gives an id."""

    COLUMNS = ("assessee", "rubric", "date", "inspectors", "status", "score", "grade", "progress",
               "findings", "photos")

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.scores = scores.ListScores(store)
        self.ids: list[str] | FirstPage = []
        self._rows: dict[str, object] = {}  # Listed rows read so far (since the last refresh)
        self._cells: dict[str, tuple[str, ...]] = {}  # their display texts, made once
        self._headers: list[str] | None = None
        self._keys: dict[int, dict[str, object]] = {}  # sort keys by column, for every listed id
        self.assigned: dict[str, object] = {}  # the live assignment of each assigned inspection, by its id
        self.sort_column = self.COLUMNS.index("date")
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._flush = QtCore.QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self.scores.flush)

    def headers(self) -> list[str]:
        return [self.tr("Assessee"), self.tr("Rubric"), self.tr("Date"), self.tr("Inspectors"),
                self.tr("Status"), self.tr("Score"), self.tr("Grade"), self.tr("Items answered"),
                self.tr("Findings"), self.tr("Photos")]

    def status_text(self, status: str) -> str:
        names = {"draft": self.tr("Draft"), "signed": self.tr("Signed"), "exported": self.tr("Exported")}
        return names.get(status, status)

    # -- what is listed ----------------------------------------------------------------------------

    def invalidate(self) -> None:
        """The store changed: rows, scores and sort keys are read again when next needed."""
        self._rows.clear()
        self._cells.clear()
        self._keys.clear()
        self.assigned = {a.inspection_id: a for a in self.store.assignments.all()}

    def set_ids(self, ids: list[str] | FirstPage) -> None:
        """Show these inspections (the store's order), sorted by the current column."""
        self.beginResetModel()
        self.ids = self._sorted(ids)
        self.endResetModel()

    def read_all_ids(self) -> None:
        """Hold every id, when only the first page was read (``FirstPage``): a list from now on."""
        ids = self.ids
        if not isinstance(ids, FirstPage):
            return
        if ids._all is not None:
            self.ids = ids._all
            return
        full = ids.all()
        if len(full) == ids.count and full[:len(ids.first)] == ids.first:
            self.ids = full  # the rows Qt knows are these: nothing to tell the view
        else:  # another program wrote in between
            self.set_ids(full)

    def listed(self, row: int):
        """The store's Listed row at ``row``, read with its neighbours when not read yet."""
        inspection_id = self.ids[row]
        found = self._rows.get(inspection_id)
        if found is None:
            block = [i for i in self.ids[max(0, row - BLOCK // 4): row + BLOCK] if i not in self._rows]
            self._read(block)
            found = self._rows[inspection_id]
        return found

    def _read(self, ids: list[str]) -> None:
        for listed in self.store.inspections.listing(only=ids, include_deleted=True):
            self._rows[listed.id] = listed

    def summary(self, listed) -> scores.ScoreSummary:
        summary = self.scores.summary(listed)
        if self.scores.pending and not self._flush.isActive():
            self._flush.start()  # keep new scores in the cache once this paint is done
        return summary

    # -- sorting -----------------------------------------------------------------------------------

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        # the selection and the current cell stay on their inspection, not on their row number (one row
        # is selected at a time: a few indexes, each looked up once)
        held = [(index, self.ids[index.row()]) for index in self.persistentIndexList()
                if 0 <= index.row() < len(self.ids)]
        self.ids = self._sorted(self.ids)
        if held:
            self.changePersistentIndexList([index for index, _ in held],
                                           [self.index(self.ids.index(inspection_id), index.column())
                                            for index, inspection_id in held])
        self.layoutChanged.emit()

    def _sorted(self, ids: list[str] | FirstPage) -> list[str] | FirstPage:
        name = self.COLUMNS[self.sort_column]
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if name == "date" and descending:
            # the store's own order: newest date, then newest made, first (a first page stays one)
            return ids if isinstance(ids, FirstPage) else list(ids)
        if isinstance(ids, FirstPage):
            ids = ids.all()
        keys = self._sort_keys(self.sort_column)
        missing = [i for i in ids if i not in keys]
        if missing:  # listed since the keys were made (another program wrote to the database)
            self._read([i for i in missing if i not in self._rows])
            keys.update((i, self._sort_key(self._rows[i], name)) for i in missing)
        if name == "score":
            # complete before incomplete whichever the direction; within each, by percent
            sign = -1 if descending else 1
            return sorted(ids, key=lambda i: (keys[i][0], sign * keys[i][1]))
        return sorted(ids, key=keys.__getitem__, reverse=descending)

    def _sort_keys(self, column: int) -> dict[str, object]:
        """Every listed inspection's key for ``column`` (computed once per refresh)."""
        keys = self._keys.get(column)
        if keys is None:
            self.store.inspections.prepare_search()  # every row is read: through the index, not id by id
            missing = [i for i in self.store.inspections.ids(include_deleted=False) if i not in self._rows]
            for start in range(0, len(missing), 500):
                self._read(missing[start:start + 500])
            name = self.COLUMNS[column]
            keys = self._keys[column] = {i: self._sort_key(row, name) for i, row in self._rows.items()}
        return keys

    def _sort_key(self, row, column: str):
        if column == "score":
            summary = self.summary(row)
            return (0 if summary.complete else 1, summary.total * 100 / summary.max if summary.max else Decimal(0))
        if column == "progress":
            summary = self.summary(row)
            return summary.answered / summary.item_count if summary.item_count else 0.0
        if column == "grade":
            return self.summary(row).grade or ""
        if column in ("findings", "photos"):
            return self.scores.counts(row)[0 if column == "findings" else 1]
        return self._display(row, column)

    # -- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            if self._headers is None:  # a language switch builds a new window, and so a new model
                self._headers = self.headers()
            return self._headers[section]
        return None

    def data(self, index, role=_DISPLAY):
        role = int(role.value) if hasattr(role, "value") else role
        if role == _DISPLAY:
            inspection_id = self.ids[index.row()]
            cells = self._cells.get(inspection_id)
            if cells is None:
                row = self.listed(index.row())
                cells = self._cells[inspection_id] = tuple(self._display(row, c) for c in self.COLUMNS)
            return cells[index.column()]
        if role == _ALIGN:
            return _RIGHT if self.COLUMNS[index.column()] in ("score", "progress", "findings", "photos") else None
        if role == _ID:
            return self.ids[index.row()]
        if role == _SORT:
            return self._sort_key(self.listed(index.row()), self.COLUMNS[index.column()])
        if role == _TOOLTIP:
            return self._tooltip(self.listed(index.row()), self.COLUMNS[index.column()])
        return None

    def _tooltip(self, row, column: str) -> str | None:
        if column in ("score", "grade", "progress"):
            summary = self.summary(row)
            if summary.unscored:
                return str(summary.unscored[0])
            if column == "score" and summary.max:
                percent = fmt(round(summary.total * 100 / summary.max, 1))
                done = "" if summary.complete else self.tr(" (incomplete)")
                return self.tr("{0}% of this rubric's maximum{1}").format(percent, done)
        if column == "assessee":
            return row.assessee_path
        if column == "rubric":
            return f"{row.rubric_title}\n{row.rubric_id} · {row.rubric_version[:12]}"
        if column == "status" and row.id in self.assigned:
            a = self.assigned[row.id]
            return self.tr("Assigned to %1 for %2").replace("%1", a.inspector).replace("%2", a.date)
        return None

    def _display(self, row, column: str) -> str:
        if column == "assessee":
            return row.assessee_path
        if column == "rubric":
            return row.rubric_title
        if column == "date":
            return row.date
        if column == "inspectors":
            return "、".join(row.inspectors)
        if column == "status":  # a draft made by an assignment waits for its inspector
            if row.status == "draft" and row.id in self.assigned:
                return self.tr("Assigned")
            return self.status_text(row.status)
        if column in ("findings", "photos"):
            return str(self.scores.counts(row)[0 if column == "findings" else 1])
        summary = self.summary(row)
        if column == "score":  # as the walk shows it: 暂计 while items are open or cannot be scored
            text = f"{fmt(summary.total)} / {fmt(summary.max)}"
            return text if summary.complete else self.tr("{0} (provisional)").format(text)
        if column == "grade":
            return summary.grade or ""
        if column == "progress":
            return f"{summary.answered} / {summary.item_count}"
        return ""
