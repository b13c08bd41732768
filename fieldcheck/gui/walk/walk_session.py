"""One open inspection in the window: the store, the frozen rubric, the undo stack, the latest score.

Widgets never write to the store themselves: they ask the session, which pushes an undoable
command (``edits``). Every command, on redo and undo, calls ``edited(item_id)``; the session
then recomputes the score from the store's answers with the engine (never its own way) and
emits ``changed(item_id)`` for the view to move there and refresh.

An edit touches one item, so after it only that item's answer is derived again, by the
store's own derivation (``answers.item_answer``), from the item's findings (kept up to date
from the records the store returns for each edit, a restored one put back in entry order) and the marks;
the full ``store.answers`` (which reads every finding: 2.6 ms with 2,000 of them, see the
README's performance section) runs once, when the inspection opens. The engine then scores
the whole answer set as always.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.engine.answers import NEEDS_VALUE, checked_effect, item_answer
from fieldcheck.engine.rubric import Item
from fieldcheck.gui.qt import QtCore, QtGui, Signal
from fieldcheck.gui.walk import edits
from fieldcheck.ops import scores
from fieldcheck.ops.households import sorted_households


class WalkSession(QtCore.QObject):
    # an edit (or its undo/redo) touched this item; ``result`` already holds the new score
    changed = Signal(str)
    # the store refused an edit (item id, one sentence saying why); nothing was changed
    refused_edit = Signal(str, str)
    # a household of the village was added, changed or removed (its id)
    households_changed = Signal(str)

    def __init__(self, store, inspection_id: str, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.inspection = store.inspections.get(inspection_id)
        self.rubric = self.inspection.rubric
        self.items: list[Item] = self.rubric.items()
        self.index = {item.id: n for n, item in enumerate(self.items)}
        self.assessee = self._assessee()
        self.undo_stack = QtGui.QUndoStack(self)
        self._marks: dict[str, str] | None = None
        self._findings: dict[str, list] = {}
        self._load_households()
        self.answers: dict[str, Any] = {}
        # why some stored answers could not be scored (one sentence each); empty when all could
        self.problems: list[str] = []
        self.result = self.rescore()

    # -- reading ------------------------------------------------------------------------------
    def _assessee(self) -> dict[str, Any]:
        return self.inspection.assessee

    def _load_households(self) -> None:
        """The assessee village's households by id (none when the assessee is not a village), and the
        names two of them share: read once here, not on every repaint of a table that labels them."""
        village = self.inspection.assessee_id
        found = sorted_households(self.store.households.of_village(village)) if village else []
        self.households = {h.id: h for h in found}  # none for a county or a unit
        seen: set[str] = set()
        self._shared = {h.head_name for h in found if h.head_name in seen or seen.add(h.head_name)}

    @property
    def village_id(self) -> str | None:
        """The assessee when it is a village (which has households), else None."""
        if not hasattr(self, "_village"):
            village = self.inspection.assessee_id
            self._village = village if village and self.store.places.get(village).kind == "村" else None
        return self._village

    def household_label(self, household_id: str | None) -> str:
        household = self.households.get(household_id) if household_id else None
        if household is None:
            return self.store.households.get(household_id).head_name if household_id else ""
        if household.head_name in self.shared_names():  # two 张三 in one village: say which
            return self.tr("{0} ({1} member(s))").format(household.head_name, household.members)
        return household.head_name

    def shared_names(self) -> set[str]:
        """Heads' names that more than one household of the village has (common in a village)."""
        return self._shared

    # -- the village's households (the roster, not part of the inspection's undo history) ----------
    def add_household(self, **fields: Any) -> str:
        """A new household of the assessee village (StoreError when refused); returns its id."""
        household_id = self.store.households.add(self.village_id, fields.pop("head_name"), **fields)
        self._reload_households(household_id)
        return household_id

    def update_household(self, household_id: str, **changes: Any) -> None:
        self.store.households.update(household_id, **changes)
        self._reload_households(household_id)

    def remove_household(self, household_id: str) -> None:
        """Refused (StoreError, one sentence) while a finding names the household."""
        self.store.households.remove(household_id)
        self._reload_households(household_id)

    def findings_of_household(self, household_id: str) -> list:
        return self.store.findings.of_household(self.inspection_id, household_id)

    def _reload_households(self, household_id: str) -> None:
        self._load_households()
        self.households_changed.emit(household_id)

    def rescore(self, item_id: str | None = None):
        """Score again: all answers from the store, or (after an edit) re-derive one item's answer."""
        if item_id is None:
            self._findings.clear()
            self._marks = None
            self.answers = scores.answers(self.store, self.inspection_id)
        else:
            answer = item_answer(self.item(item_id), [f.value for f in self.findings(item_id)], self.mark(item_id))
            if answer is None:
                self.answers.pop(item_id, None)
            else:
                self.answers[item_id] = answer
        self.result = self._score()
        return self.result

    def _score(self):
        """The score every view shows (``ops.scores``): an answer the engine cannot score (a metric
        with no target for this assessee) is left out and explained in ``problems``."""
        result = scores.score_answers(self.inspection, self.answers)
        self.problems = [str(u.reason) for u in result.unscored]
        return result

    def findings(self, item_id: str) -> list:
        """The item's live findings, in entry order (read once after each change of the item)."""
        found = self._findings.get(item_id)
        if found is None:
            found = self._findings[item_id] = self.store.findings.of(self.inspection_id, item_id)
        return found

    def marks(self) -> dict[str, str]:
        if self._marks is None:
            self._marks = dict(self.store.findings.marks(self.inspection_id))
        return self._marks

    def mark(self, item_id: str) -> str | None:
        return self.marks().get(item_id)

    def status(self, item_id: str) -> str:
        """The item's state for the tree: the engine's status, or "looked" when marked but unanswered."""
        status = self.result.nodes[item_id].status
        if status == "unanswered" and checked_effect(self.item(item_id), False, self.mark(item_id)) == NEEDS_VALUE:
            return "looked"  # looked at, but a value form waits for its value
        return status

    def item(self, item_id: str) -> Item:
        return self.items[self.index[item_id]]

    # -- writing (each an undoable command) ---------------------------------------------------
    def edited(self, item_id: str, *, added=None, updated=None, removed: str | None = None, restored=None,
               findings_kept: bool = False) -> None:
        """A command changed ``item_id`` in the store: bring the cached findings up to date, score.

        A finding's add, change, removal or restore leaves the marks as they were (a mark changes
        only by ``SetMark``, which passes ``findings_kept``): they are read again only after a mark edit."""
        record = added or updated or removed or restored
        if findings_kept or not record:
            self._marks = None
        cached = self._findings.get(item_id)
        if cached is None or not (record or findings_kept):
            self._findings.pop(item_id, None)  # read back from the store on next use
        elif added is not None:
            self._findings[item_id] = [*cached, added]  # entry order: the newest is last
        elif updated is not None:
            self._findings[item_id] = [updated if f.id == updated.id else f for f in cached]
        elif removed is not None:
            self._findings[item_id] = [f for f in cached if f.id != removed]
        elif restored is not None:
            self._put_back(item_id, cached, restored)
        self.rescore(item_id)
        self.changed.emit(item_id)

    def _put_back(self, item_id: str, cached: list, restored) -> None:
        """A restored finding in its place in entry order (the store's ``created_at, rowid``), not the
        item's findings read again; read again when a finding entered at the same instant leaves its
        place to the row order, which records do not carry."""
        others = [f for f in cached if f.id != restored.id]
        before = [f for f in others if f.created_at < restored.created_at]
        after = [f for f in others if f.created_at > restored.created_at]
        if len(before) + len(after) != len(others) or any(a is not b for a, b in zip(others, before + after)):
            self._findings.pop(item_id, None)
        else:
            self._findings[item_id] = [*before, restored, *after]

    @property
    def editable(self) -> bool:
        """Only a draft can change; a signed or exported inspection is shown as it is."""
        return self.inspection.status == "draft" and not self.inspection.deleted

    def refused(self, item_id: str, message: str) -> None:
        self._marks = None
        self._findings.pop(item_id, None)
        self.rescore(item_id)
        self.changed.emit(item_id)
        self.refused_edit.emit(item_id, message)

    def push(self, command: QtGui.QUndoCommand) -> None:
        self.undo_stack.push(command)

    def _macro(self, item_id: str, text: str, commands: list[QtGui.QUndoCommand]) -> None:
        """Push commands as one undo step; a finding on an item marked n/a also clears that mark."""
        if self.mark(item_id) == "na":
            commands.insert(0, edits.SetMark(self, item_id, "na", "checked"))
        if len(commands) == 1:
            self.push(commands[0])
            return
        self.undo_stack.beginMacro(text)
        for command in commands:
            self.push(command)
        self.undo_stack.endMacro()

    def add_finding(self, item_id: str, *, value: Any = None, household_id: str | None = None,
                    note: str = "") -> edits.AddFinding:
        command = edits.AddFinding(self, item_id, value=value, household_id=household_id, note=note)
        self._macro(item_id, command.text(), [command])
        return command

    def update_finding(self, item_id: str, finding, **changes) -> None:
        old = {k: getattr(finding, k) for k in changes}
        if old == changes:
            return
        self.push(edits.UpdateFinding(self, item_id, finding.id, old, changes))

    def delete_finding(self, item_id: str, finding_id: str) -> None:
        self.push(edits.DeleteFinding(self, item_id, finding_id))

    def set_value(self, item_id: str, value: Any) -> None:
        """For forms scored on the latest finding's value: change that finding, or record the first."""
        found = self.findings(item_id)
        if found:
            latest = found[-1]
            if latest.value == value and self.mark(item_id) != "na":
                return
            command = edits.UpdateFinding(self, item_id, latest.id, {"value": latest.value}, {"value": value})
            self._macro(item_id, command.text(), [command])
        else:  # the item's shared value finding (store.findings.set_value): a conflict, not two findings, on merge
            command = edits.AddFinding(self, item_id, value=value, shared=True)
            self._macro(item_id, command.text(), [command])

    def set_mark(self, item_id: str, mark: str | None) -> None:
        old = self.mark(item_id)
        if old != mark:
            self.push(edits.SetMark(self, item_id, old, mark))

    def add_photos(self, item_id: str, photos: list[tuple[str, str]]) -> None:
        if photos:
            self.push(edits.AddPhotos(self, item_id, photos))

    def remove_photo(self, item_id: str, finding_id: str, photo_id: str) -> None:
        self.push(edits.RemovePhoto(self, item_id, finding_id, photo_id))
