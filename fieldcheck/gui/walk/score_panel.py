"""Always in view: the total against the maximum, the grade, items answered, the current item's trace.

While items are unanswered the total is provisional (暂计): the grade waits, and the panel
says how many points are still open. Plausibility warnings about the current item's value
(元 for 万元, 0.158 for 15.8%) are shown above its trace.
"""

from __future__ import annotations

from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.qt import Qt, QtWidgets


class ScorePanel(QtWidgets.QFrame):
    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scorePanel")
        self.setFrameShape(QtWidgets.QFrame.StyledPanel)
        layout = QtWidgets.QVBoxLayout(self)

        # 暂计 sits right above the total while items are unanswered: the total is not final yet
        self.provisional_label = QtWidgets.QLabel(self.tr("Provisional (not all items answered)"))
        self.provisional_label.setObjectName("provisionalLabel")
        self.provisional_label.setAlignment(Qt.AlignCenter)
        self.provisional_label.setStyleSheet("color: rgb(160,90,0); font-weight: bold;")
        self.total_label = QtWidgets.QLabel()
        self.total_label.setObjectName("totalLabel")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setAlignment(Qt.AlignCenter)
        self.grade_label = QtWidgets.QLabel()
        self.grade_label.setObjectName("gradeLabel")
        self.grade_label.setAlignment(Qt.AlignCenter)
        self.answered_label = QtWidgets.QLabel()
        self.answered_label.setObjectName("answeredLabel")
        self.answered_label.setAlignment(Qt.AlignCenter)
        self.veto_label = QtWidgets.QLabel()
        self.veto_label.setObjectName("vetoLabel")
        self.veto_label.setWordWrap(True)
        self.veto_label.setStyleSheet("color: rgb(190,20,20); font-weight: bold;")
        # the result's notes: whole steps would change the grade (issue 8), a park scored on what applies
        self.notes_label = QtWidgets.QLabel()
        self.notes_label.setObjectName("notesLabel")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: rgb(160,90,0);")
        self.notes_label.hide()
        self.warning_label = QtWidgets.QLabel()
        self.warning_label.setObjectName("warningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: rgb(160,90,0);")
        self.warning_label.hide()

        caption = QtWidgets.QLabel(self.tr("Deductions for this item"))
        caption.setWordWrap(True)
        self.trace_view = QtWidgets.QListWidget()
        self.trace_view.setObjectName("traceView")
        self.trace_view.setWordWrap(True)
        self.trace_view.setTextElideMode(Qt.ElideNone)
        self.trace_view.setFocusPolicy(Qt.NoFocus)

        for widget in (self.provisional_label, self.total_label, self.grade_label, self.answered_label, self.veto_label,
                       self.notes_label, caption, self.warning_label):
            layout.addWidget(widget)
        layout.addWidget(self.trace_view, 1)
        self._trace_key: tuple | None = None

    def show_score(self, result) -> None:
        self.total_label.setText(self.tr("{0} / {1}").format(fmt(result.total), fmt(result.max)))
        self.provisional_label.setVisible(result.provisional)
        if result.provisional:
            self.grade_label.setText(self.tr("Grade: pending ({0} points still open)").format(fmt(result.points_open)))
        elif result.grade:
            self.grade_label.setText(self.tr("Grade: {0}").format(result.grade))
        elif result.not_graded:  # a park: the rubric has grades, it gets none
            self.grade_label.setText(self.tr("Grade: not graded"))
        else:
            self.grade_label.setText(self.tr("Grade: none defined"))
        self.answered_label.setText(self.tr("Answered {0} of {1} items").format(result.answered, result.item_count))
        self.veto_label.setVisible(bool(result.vetoes))
        if result.vetoes:
            self.veto_label.setText(self.tr("Out of the ranking: {0}").format("; ".join(result.vetoes)))
        self.notes_label.setText("\n".join(str(n) for n in result.notes))
        self.notes_label.setVisible(bool(result.notes))

    def show_trace(self, result, item_id: str) -> None:
        # an assessee the target table does not know (衡南 for 衡南县) concerns every item: shown on each
        warnings = [str(w.text) for w in result.warnings_for("assessee") + result.warnings_for(item_id)]
        self.warning_label.setVisible(bool(warnings))
        self.warning_label.setText("\n".join(self.tr("⚠ Please check: {0}").format(w) for w in warnings))
        entries = result.item_trace(item_id)
        node = result.nodes[item_id]
        lines = [str(e.text) if e.kind != "cap" else f"{e.node} {e.title}: {e.text}" for e in entries]
        if not lines:
            lines = [str(node.explanation) or self.tr("No deduction")]
        key = tuple(lines)
        if key == self._trace_key:
            return
        self._trace_key = key
        if self.trace_view.count() == len(lines):  # one more finding changes a line's text: keep the rows
            for n, line in enumerate(lines):
                row = self.trace_view.item(n)
                if row.text() != line:
                    row.setText(line)
            return
        self.trace_view.clear()
        self.trace_view.addItems(lines)

    def trace_lines(self) -> list[str]:
        return [self.trace_view.item(i).text() for i in range(self.trace_view.count())]
