"""The new-inspection dialog: rubric, assessee (from the roster or typed), inspectors, date."""

from __future__ import annotations

from fieldcheck.engine.rules import AnswerError
from fieldcheck.engine.scoring import resolve_assessee
from fieldcheck.gui.forms.ui_new_inspection import Ui_NewInspectionDialog
from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.gui.widgets.tab_order import leave_on_tab
from fieldcheck.gui.window.settings_dialog import inspector_name
from fieldcheck.ops.assessees import assessee_kinds, check_kind, rostered
from fieldcheck.ops.demo import VILLAGE_RUBRIC
from fieldcheck.ops.places import is_village_path, village_at
from fieldcheck.ops.rubrics import available
from fieldcheck.store import StoreError
from fieldcheck.store.records import split_names

LAST_INSPECTORS_KEY = "new_inspection/inspectors"
LAST_RUBRIC_KEY = "new_inspection/rubric"


class NewInspectionDialog(QtWidgets.QDialog):
    """Creates the inspection in the store when accepted; ``inspection_id`` then holds its id."""

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None, rubrics=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.inspection_id: str | None = None
        self.ui = Ui_NewInspectionDialog()
        self.ui.setupUi(self)
        # Complete rubrics first: an incomplete source is offered but not suggested. A rubric the
        # team leader published (a bundle brought it) is used instead of the installed copy.
        self.rubrics = sorted(rubrics if rubrics is not None else available(store), key=lambda r: not r.complete)
        self.places = {p.id: p for p in store.places.all()}
        titles = [r.title for r in self.rubrics]
        for rubric in self.rubrics:
            # a county's edited copy (衡阳 2016 from the 2015 workbook) keeps the title: its id tells them apart
            title = rubric.title if titles.count(rubric.title) == 1 else f"{rubric.title} ({rubric.id})"
            title = title if rubric.complete else self.tr("{0} (incomplete source)").format(title)
            self.ui.rubricCombo.addItem(title, rubric.id)
        self.ui.dateEdit.setDate(QtCore.QDate.currentDate())
        leave_on_tab(self.ui.dateEdit)  # Tab goes on to the buttons, not through day, month, year
        # Suggest the rubric used last here, else that of the newest inspection in the store, else
        # the village rubric (the inspector's everyday case).
        recent = store.inspections.listing(only=store.inspections.ids()[:1])  # the newest, unscored
        suggested = recent[0].rubric_id if recent else VILLAGE_RUBRIC
        if settings is not None:
            # the team typed last time, else the inspector's own name from the settings
            self.ui.inspectorsEdit.setText(str(settings.value(LAST_INSPECTORS_KEY, "") or "")
                                           or inspector_name(settings))
            suggested = str(settings.value(LAST_RUBRIC_KEY, "") or "") or suggested
        index = self.ui.rubricCombo.findData(suggested)
        if index >= 0:
            self.ui.rubricCombo.setCurrentIndex(index)
        self.ui.rubricCombo.currentIndexChanged.connect(self._rubric_changed)
        self.ui.assesseeCombo.currentTextChanged.connect(self._assessee_changed)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._rubric_changed()

    # -- choices -----------------------------------------------------------------------------------

    def rubric(self):
        index = self.ui.rubricCombo.currentIndex()
        return self.rubrics[index] if 0 <= index < len(self.rubrics) else None

    def _candidates(self, rubric) -> list[tuple[str, str | None, str | None]]:
        """(label, place id, group) the assessee list offers for this rubric."""
        out: list[tuple[str, str | None, str | None]] = []
        if rubric is not None and rubric.targets:
            # A rubric with a target table assesses 县市区: the roster's ones, then the table's rows
            # that are assessed (not 衡阳市, the city total).
            for place in self.places.values():
                if place.kind == "县市区":
                    out.append((place.name, place.id, place.group))
            listed = {label for label, _, _ in out}
            out += [(name, None, row.group) for name, row in rubric.targets.items()
                    if name not in listed and row.assessee]
            return out
        order = {"村": 0, "乡镇": 1, "县": 2, "单位": 3, "县市区": 4}
        kinds = assessee_kinds(rubric)  # villages for the 考核细则, not the county or a 区
        places = [p for p in self.places.values() if p.kind in kinds]
        for place in sorted(places, key=lambda p: (order.get(p.kind, 9), self.store.places.path(p.id))):
            out.append((self.store.places.path(place.id), place.id, place.group))
        return out

    def _rubric_changed(self) -> None:
        rubric = self.rubric()
        combo = self.ui.assesseeCombo
        typed = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        for label, place_id, group in self._candidates(rubric):
            combo.addItem(label, (place_id, group))
        combo.setCurrentIndex(-1)
        combo.setEditText(typed)
        # On a fresh laptop the list is empty: say how to type a village so that it gets households.
        villages = rubric is not None and not rubric.targets and "村" in assessee_kinds(rubric)
        combo.lineEdit().setPlaceholderText(self.tr("County/township/village, e.g. 衡阳县/西渡镇/梅花村")
                                            if villages else "")
        combo.blockSignals(False)
        groups = list(rubric.groups) if rubric is not None else []
        self.ui.groupCombo.clear()
        for group in groups:
            self.ui.groupCombo.addItem(group, group)
        self.ui.groupLabel.setVisible(bool(groups))
        self.ui.groupCombo.setVisible(bool(groups))
        self._assessee_changed(combo.currentText())

    def _assessee_changed(self, text: str) -> None:
        _place_id, group = self._matched(text)
        if group:
            index = self.ui.groupCombo.findData(group)
            if index >= 0:
                self.ui.groupCombo.setCurrentIndex(index)
        # a park of 附2 is in neither group: there is no group to choose
        self.ui.groupCombo.setEnabled(not self._groupless(text))
        self.ui.errorLabel.clear()

    def _groupless(self, name: str) -> bool:
        """``name`` is a row of the rubric's target table that is in no group (白沙工业园, 开发区)."""
        rubric = self.rubric()
        row = rubric.targets.get(name.strip()) if rubric is not None and rubric.targets else None
        return row is not None and row.group is None

    def _matched(self, text: str) -> tuple[str | None, str | None]:
        """The (place id, group) of the list entry whose label is ``text``, else (None, None)."""
        index = self.ui.assesseeCombo.findText(text.strip(), QtCore.Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None, None
        data = self.ui.assesseeCombo.itemData(index)
        return tuple(data) if data else (None, None)

    # -- accepting ---------------------------------------------------------------------------------

    def values(self) -> dict:
        """What the form holds, as ``Store.create_inspection`` takes it (without the rubric)."""
        text = self.ui.assesseeCombo.currentText().strip()
        place_id, _group = self._matched(text)
        name = self.places[place_id].name if place_id in self.places else text
        rubric = self.rubric()
        group = self.ui.groupCombo.currentData() if rubric is not None and rubric.groups else None
        if self._groupless(name):
            group = None
        return {"assessee_id": place_id, "assessee_name": name,
                "inspectors": split_names(self.ui.inspectorsEdit.text()),
                "date": self.ui.dateEdit.date().toString("yyyy-MM-dd"),
                "assessee_group": group}

    def check(self) -> str | None:
        """The first problem with the form, as one sentence, or None."""
        if self.rubric() is None:
            return self.tr("No rubric is installed: add a rubric file to the rubrics folder first.")
        values = self.values()
        if not values["assessee_name"]:
            return self.tr("Enter the assessee, or choose one from the list.")
        if not values["inspectors"]:
            return self.tr("Enter at least one inspector's name.")
        if self.rubric().targets:  # the engine's own sentence: not in the table (衡南 → 衡南县), or another group
            try:
                resolve_assessee(self.rubric(), {"name": values["assessee_name"], "group": values["assessee_group"]})
            except AnswerError as exc:
                return str(exc)
        return None

    def accept(self) -> None:
        problem = self.check()
        if problem:
            self.ui.errorLabel.setText(problem)
            return
        values = self.values()
        try:
            with self.store.transaction():  # a village typed as a path and its inspection, or neither
                if values["assessee_id"] is None:  # typed: the roster's place of that name, as `inspection add` takes
                    values["assessee_id"] = rostered(self.store, self.rubric(), values["assessee_name"])
                    if values["assessee_id"] is not None:
                        values["assessee_name"] = self.store.places.get(values["assessee_id"]).name
                if values["assessee_id"] is None and is_village_path(values["assessee_name"]):
                    # as `inspection add` does: the path makes the village, so its households can be entered
                    values["assessee_id"] = village_at(self.store, values["assessee_name"])
                    check_kind(self.store.places.get(values["assessee_id"]), self.rubric())
                    values["assessee_name"] = values["assessee_name"].split("/")[-1].strip()
                self.inspection_id = self.store.inspections.create(self.rubric(), **values)
        except StoreError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        if self.settings is not None:
            self.settings.setValue(LAST_INSPECTORS_KEY, "、".join(values["inspectors"]))
            self.settings.setValue(LAST_RUBRIC_KEY, self.rubric().id)
        super().accept()
