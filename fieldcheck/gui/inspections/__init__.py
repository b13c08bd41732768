"""The inspections list and the new-inspection dialog."""
