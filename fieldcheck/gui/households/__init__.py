"""The village's households in the window: the edit dialog, the picker, the door-by-door view."""
