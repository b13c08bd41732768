"""The walk through a rubric: tree, item panel, editors, score panel and undoable edits."""
