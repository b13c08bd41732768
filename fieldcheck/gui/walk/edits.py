"""Undoable edits of an inspection: each command writes to the store at once and can be undone.

Every command knows the item it touched; after each redo or undo it calls
``session.edited(item_id, …)`` so the view moves to that item and shows the new score. It
passes on the record the store returned (the finding added, updated or restored, the id
removed), so the session need not read the item's findings back.
Undo of an add is a delete (a tombstone); its redo is a ``restore_*`` call, so a finding
or photo keeps its id through any number of undo/redo rounds.
"""

from __future__ import annotations

from typing import Any, Protocol

from fieldcheck.gui.qt import QtCore, QtGui
from fieldcheck.store import StoreError
from fieldcheck.store.findings import value_finding_id


class Session(Protocol):
    """What a command needs: the store, the inspection, and callbacks after each change or refusal."""

    store: Any
    inspection_id: str

    def edited(self, item_id: str, **changes: Any) -> None: ...

    def refused(self, item_id: str, message: str) -> None: ...


class _Edit(QtGui.QUndoCommand):
    """A command whose store call may be refused (a signed inspection): then it leaves the stack."""

    def __init__(self, session: Session, item_id: str, text: str):
        super().__init__(text)
        self.session = session
        self.item_id = item_id

    @property
    def store(self):
        return self.session.store

    def redo(self) -> None:
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, step) -> None:
        try:
            step()
        except StoreError as error:
            self.setObsolete(True)  # QUndoStack drops an obsolete command instead of keeping it
            self.session.refused(self.item_id, str(error))

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddFinding(_Edit):
    """Record one finding (one occurrence, one missing element, one value...)."""

    def __init__(self, session: Session, item_id: str, *, value: Any = None, household_id: str | None = None,
                 note: str = "", shared: bool = False):
        text = QtCore.QCoreApplication.translate("Edits", "Add finding to {0}")
        super().__init__(session, item_id, text.format(item_id))
        self.value, self.household_id, self.note = value, household_id, note
        # the item's value finding, the same record on every laptop, so that two values merge as a
        # conflict; only while it has never been made here (after that, undo history owns it)
        self.shared = shared
        self.finding_id: str | None = None

    def _redo(self) -> None:
        if self.finding_id is None:
            if self.shared and not self._value_finding_made():
                finding = self.store.findings.set_value(self.session.inspection_id, self.item_id, self.value)
            else:
                finding = self.store.findings.add(self.session.inspection_id, self.item_id, value=self.value,
                                                 household_id=self.household_id, note=self.note)
            self.finding_id = finding.id
            self.session.edited(self.item_id, added=finding)
        else:
            self.session.edited(self.item_id, restored=self.store.findings.restore(self.finding_id))

    def _undo(self) -> None:
        self.store.findings.delete(self.finding_id)
        self.session.edited(self.item_id, removed=self.finding_id)

    def _value_finding_made(self) -> bool:
        try:
            self.store.findings.get(value_finding_id(self.session.inspection_id, self.item_id))
            return True
        except StoreError:
            return False


class UpdateFinding(_Edit):
    """Change a finding's value, household or note; ``old`` and ``new`` hold the changed fields."""

    def __init__(self, session: Session, item_id: str, finding_id: str, old: dict, new: dict):
        text = QtCore.QCoreApplication.translate("Edits", "Change finding in {0}")
        super().__init__(session, item_id, text.format(item_id))
        self.finding_id, self.old, self.new = finding_id, dict(old), dict(new)

    def _redo(self) -> None:
        self.session.edited(self.item_id, updated=self.store.findings.update(self.finding_id, **self.new))

    def _undo(self) -> None:
        self.session.edited(self.item_id, updated=self.store.findings.update(self.finding_id, **self.old))


class DeleteFinding(_Edit):
    """Remove a finding (kept as a tombstone, so undo brings back the same id with its photos)."""

    def __init__(self, session: Session, item_id: str, finding_id: str):
        text = QtCore.QCoreApplication.translate("Edits", "Delete finding in {0}")
        super().__init__(session, item_id, text.format(item_id))
        self.finding_id = finding_id

    def _redo(self) -> None:
        self.store.findings.delete(self.finding_id)
        self.session.edited(self.item_id, removed=self.finding_id)

    def _undo(self) -> None:
        self.session.edited(self.item_id, restored=self.store.findings.restore(self.finding_id))


class SetMark(_Edit):
    """Mark an item looked at ("checked"), not applicable ("na"), or neither (None)."""

    def __init__(self, session: Session, item_id: str, old: str | None, new: str | None):
        text = QtCore.QCoreApplication.translate("Edits", "Mark {0}")
        super().__init__(session, item_id, text.format(item_id))
        self.old, self.new = old, new

    def _redo(self) -> None:
        self.store.findings.set_mark(self.session.inspection_id, self.item_id, self.new)
        self.session.edited(self.item_id, findings_kept=True)

    def _undo(self) -> None:
        self.store.findings.set_mark(self.session.inspection_id, self.item_id, self.old)
        self.session.edited(self.item_id, findings_kept=True)


class AddPhotos(_Edit):
    """Photos already imported (in the background); undo removes them, redo restores them."""

    def __init__(self, session: Session, item_id: str, photos: list[tuple[str, str]]):
        text = QtCore.QCoreApplication.translate("Edits", "Add {0} photo(s) to {1}")
        super().__init__(session, item_id, text.format(len(photos), item_id))
        self.photos = list(photos)  # (finding_id, photo_id)
        self._first = True

    def _redo(self) -> None:
        if self._first:
            self._first = False
        else:
            for finding_id, photo_id in self.photos:
                self.store.photos.restore(finding_id, photo_id)
        self.session.edited(self.item_id, findings_kept=True)

    def _undo(self) -> None:
        for finding_id, photo_id in reversed(self.photos):
            self.store.photos.remove(finding_id, photo_id)
        self.session.edited(self.item_id, findings_kept=True)


class RemovePhoto(_Edit):
    def __init__(self, session: Session, item_id: str, finding_id: str, photo_id: str):
        text = QtCore.QCoreApplication.translate("Edits", "Remove photo from {0}")
        super().__init__(session, item_id, text.format(item_id))
        self.finding_id, self.photo_id = finding_id, photo_id

    def _redo(self) -> None:
        self.store.photos.remove(self.finding_id, self.photo_id)
        self.session.edited(self.item_id, findings_kept=True)

    def _undo(self) -> None:
        self.store.photos.restore(self.finding_id, self.photo_id)
        self.session.edited(self.item_id, findings_kept=True)
