"""The current item: its criterion verbatim, its rule said plainly, the input its rule needs, photos.

Long criteria scroll; texts word-wrap so the panel fits 1366×768 beside the tree and the
score. Photos dropped or pasted anywhere on the panel go to the current finding.
"""

from __future__ import annotations

from fieldcheck.engine.answers import MOOT, NEEDS_VALUE, NOTHING_FOUND, checked_effect
from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.photos.photo_strip import PhotoStrip, image_bytes, image_paths
from fieldcheck.gui.qt import Qt, QtCore, QtWidgets, Signal
from fieldcheck.gui.walk.editors import Editor, editor_for
from fieldcheck.gui.walk.editors.base import note_edit
from fieldcheck.gui.walk.editors.findings import FindingsEditor


class ItemPanel(QtWidgets.QScrollArea):
    """Shows one item at a time; ``show_item`` switches, ``reload`` re-reads the store."""

    photos_dropped = Signal(int)

    def __init__(self, session, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("itemPanel")
        self.session = session
        self.setWidgetResizable(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        body = QtWidgets.QWidget()
        self.setWidget(body)
        layout = QtWidgets.QVBoxLayout(body)

        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("itemTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)

        self.content_label = self._text("itemContent")
        self.standard_label = self._text("itemStandard")
        self.rule_label = self._text("itemRule")
        self.rule_label.setStyleSheet("color: rgb(30,70,140);")
        self.note_label = self._text("itemNote")
        self.note_label.setStyleSheet("color: rgb(110,110,110);")
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(self._caption(self.tr("Criterion")), self.content_label)
        form.addRow(self._caption(self.tr("Scoring standard")), self.standard_label)
        form.addRow(self._caption(self.tr("Rule")), self.rule_label)
        form.addRow("", self.note_label)
        layout.addLayout(form)

        marks = QtWidgets.QHBoxLayout()
        self.checked_box = QtWidgets.QCheckBox(self.tr("Looked at (nothing found = no deduction)"))
        self.checked_box.setObjectName("markChecked")
        self.na_box = QtWidgets.QCheckBox(self.tr("Not applicable"))
        self.na_box.setObjectName("markNa")
        for box in (self.checked_box, self.na_box):
            box.setMinimumHeight(32)
            marks.addWidget(box)
        marks.addStretch(1)
        self.checked_box.clicked.connect(
            lambda on: self.session.set_mark(self.item_id, "checked" if on else None))
        self.na_box.clicked.connect(
            lambda on: self.session.set_mark(self.item_id, "na" if on else None))
        layout.addLayout(marks)

        self.editor_box = QtWidgets.QGroupBox(self.tr("Findings"))
        self.editor_layout = QtWidgets.QVBoxLayout(self.editor_box)
        layout.addWidget(self.editor_box)

        # A note on every kind of item: forms without a list of findings (checklists, options,
        # yes-or-no, metrics) keep it on the finding that holds their answer.
        note_row = QtWidgets.QHBoxLayout()
        self.item_note_label = QtWidgets.QLabel(self.tr("Note"))
        self.item_note = note_edit("itemNote")
        self.item_note.editingFinished.connect(self._save_item_note)
        # and a moment after typing stops, as a finding's note is: with the lid shut while the cursor was
        # still in the field (and the battery then dying), what was typed was lost
        self.note_timer = QtCore.QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(700)
        self.note_timer.timeout.connect(self._save_item_note)
        self.item_note.textEdited.connect(lambda _text: self.note_timer.start())
        self.item_note_label.setBuddy(self.item_note)
        note_row.addWidget(self.item_note_label)
        note_row.addWidget(self.item_note, 1)
        self.item_note_box = QtWidgets.QWidget()
        self.item_note_box.setLayout(note_row)
        note_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.item_note_box)

        self.photos = PhotoStrip(session)
        layout.addWidget(self.photos)
        layout.addStretch(1)

        self.item_id: str | None = None
        self.editor: Editor | None = None
        self.read_only = False

    def set_read_only(self, read_only: bool) -> None:
        """A signed inspection: everything shows, nothing can be entered."""
        self.read_only = read_only
        for widget in (self.checked_box, self.na_box):
            widget.setEnabled(not read_only)
        if self.editor is not None:
            self.editor.setEnabled(not read_only)
        self.photos.set_read_only(read_only)
        self.setAcceptDrops(not read_only)
        if self.item_id is not None:
            self._show_item_note()
        self.viewport().setAcceptDrops(not read_only)

    def _text(self, name: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.setTextFormat(Qt.PlainText)
        return label

    def _caption(self, text: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    # -- showing ---------------------------------------------------------------------------------
    def show_item(self, item_id: str) -> None:
        if self.editor is not None:
            self.editor.flush()
            self._save_item_note()  # typed, then moved on without leaving the field
        item = self.session.item(item_id)
        self.item_id = item_id
        points = fmt(item.max_points)
        self.title_label.setText(self.tr("{0} {1} ({2} points)").format(item.id, item.title, points))
        self.content_label.setText(item.content)
        self.standard_label.setText(item.standard)
        self.rule_label.setText(f"[{item.rule.label}] {item.describe_rule()}")
        self.note_label.setText(item.note)
        self.note_label.setVisible(bool(item.note))
        if self.editor is not None:
            self.editor_layout.removeWidget(self.editor)
            self.editor.hide()
            self.editor.setParent(None)
            self.editor.deleteLater()
        self.editor = editor_for(self.session, item, self.editor_box)
        self.editor.setObjectName("editor")
        self.editor.finding_changed.connect(self._follow_finding)
        self.editor_layout.addWidget(self.editor)
        self.editor.setEnabled(not self.read_only)
        self.editor.show()
        self._show_marks()
        self._show_item_note()
        self._follow_finding()
        self.verticalScrollBar().setValue(0)

    def reload(self) -> None:
        """The store changed for this item (an edit, undo or redo)."""
        if self.item_id is None or self.editor is None:
            return
        # the editor's own "selected finding changed" would show the photos once more: one look is enough
        blocked = self.editor.blockSignals(True)
        try:
            self.editor.reload()
        finally:
            self.editor.blockSignals(blocked)
        self._show_marks()
        self._show_item_note()
        self._follow_finding(force=True)

    # -- the note of an item without a list of findings ---------------------------------------------
    def _answer_finding(self):
        """The finding that holds the answer of a form without a list (its latest), or None."""
        if self.editor is None or isinstance(self.editor, FindingsEditor):
            return None
        found = self.session.findings(self.item_id)
        return found[-1] if found else None

    def _show_item_note(self) -> None:
        listed = isinstance(self.editor, FindingsEditor)  # those have a note per finding
        self.item_note_box.setVisible(not listed)
        if listed:
            return
        finding = self._answer_finding()
        self.item_note.setEnabled(finding is not None and not self.read_only)
        self.item_note.setPlaceholderText(self.tr("What was seen, where") if finding is not None
                                          else self.tr("Answer the item first, then add a note"))
        if not self.item_note.hasFocus() or finding is None:
            self.item_note.setText(finding.note if finding is not None else "")

    def _save_item_note(self) -> None:
        self.note_timer.stop()
        finding = self._answer_finding()
        # only what the inspector typed is saved: moving through the field changes nothing
        if finding is not None and self.item_note.isModified() and self.item_note.text() != finding.note:
            self.session.update_finding(self.item_id, finding, note=self.item_note.text())

    def _show_marks(self) -> None:
        mark = self.session.mark(self.item_id)
        self.checked_box.setChecked(mark == "checked")
        self.na_box.setChecked(mark == "na")
        # "已检查 (nothing found)" means one thing (the engine's checked_effect): it answers where "no
        # finding" is a valid answer, is moot once findings are recorded, and never stands for a value
        item = self.session.item(self.item_id)
        effect = checked_effect(item, bool(self.session.findings(self.item_id)), mark)
        if effect == MOOT and item.rule.kind == "rating":  # a 满意 is an answer, not a problem found
            text = self.tr("Looked at: moot, ratings are recorded")
        elif effect == MOOT:
            text = self.tr("Looked at: moot, findings are recorded")
        elif effect == NEEDS_VALUE:
            text = self.tr("Looked at: the answer is still needed")
        elif item.rule.kind in NOTHING_FOUND:
            text = self.tr("Looked at (nothing found = no deduction)")
        else:
            text = self.tr("Looked at (the answer goes below)")
        self.checked_box.setText(text)
        # "not applicable" only where the rubric says when (issue 8); an old mark can still be cleared
        reason = item.na_reason
        self.na_box.setEnabled(not self.read_only and (reason is not None or mark == "na"))
        self.na_box.setToolTip(reason or self.tr("The rubric gives no case where this item does not apply"))

    def _follow_finding(self, force: bool = False) -> None:
        finding_id = self.editor.current_finding_id() if self.editor is not None else None
        if force or finding_id != self.photos.finding_id or self.item_id != self.photos.item_id:
            self.photos.show_finding(self.item_id, finding_id)

    # -- photos by drop and paste ----------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        """Drops on the photo strip (shown beside the panel, see InspectionView) count as drops here."""
        if watched is getattr(self, "photos", None):  # (the scroll area filters its viewport from the start)
            kind = event.type()
            if kind in (QtCore.QEvent.DragEnter, QtCore.QEvent.DragMove):
                self.dragEnterEvent(event)
                return event.isAccepted()
            if kind == QtCore.QEvent.Drop:
                self.dropEvent(event)
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasImage() or image_paths(mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        if self.add_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def add_mime(self, mime) -> bool:
        """Photos from dropped or pasted data: image files by URL, or an image itself."""
        paths = image_paths(mime.urls()) if mime.hasUrls() else []
        if paths:
            sources: list = paths
        elif mime.hasImage():
            sources = [image_bytes(mime.imageData())]
        else:
            return False
        started = self.photos.import_sources(sources)
        if started:
            self.photos_dropped.emit(len(sources))
        return started

    def paste(self) -> bool:
        if self.read_only:
            return False
        clipboard = QtWidgets.QApplication.clipboard()
        return self.add_mime(clipboard.mimeData())
