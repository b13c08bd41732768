"""The current item: its criterion verbatim, its rule said plainly, the input its rule needs, photos.

Long criteria scroll; texts word-wrap so the panel fits 1366×768 beside the tree and the
score. Photos dropped or pasted anywhere on the panel go to the current finding.
"""

from __future__ import annotations

from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.photos.photo_strip import PhotoStrip, image_bytes, image_paths
from fieldcheck.gui.qt import Qt, QtWidgets, Signal
from fieldcheck.gui.walk.editors import Editor, editor_for


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
        self._follow_finding()
        self.verticalScrollBar().setValue(0)

    def reload(self) -> None:
        """The store changed for this item (an edit, undo or redo)."""
        if self.item_id is None or self.editor is None:
            return
        self.editor.reload()
        self._show_marks()
        self._follow_finding(force=True)

    def _show_marks(self) -> None:
        mark = self.session.mark(self.item_id)
        self.checked_box.setChecked(mark == "checked")
        self.na_box.setChecked(mark == "na")
        # "not applicable" only where the rubric says when (issue 8); an old mark can still be cleared
        reason = self.session.item(self.item_id).na_reason
        self.na_box.setEnabled(not self.read_only and (reason is not None or mark == "na"))
        self.na_box.setToolTip(reason or self.tr("The rubric gives no case where this item does not apply"))

    def _follow_finding(self, force: bool = False) -> None:
        finding_id = self.editor.current_finding_id() if self.editor is not None else None
        if force or finding_id != self.photos.finding_id or self.item_id != self.photos.item_id:
            self.photos.show_finding(self.item_id, finding_id)

    # -- photos by drop and paste ----------------------------------------------------------------
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
