"""A key's fingerprint as people read it: nothing to import, so the window's views and the CLI share it."""


def grouped(hex_digits: str) -> str:
    """A fingerprint in groups of four, as a person reads it aloud to compare."""
    return " ".join(hex_digits[i:i + 4] for i in range(0, len(hex_digits), 4))
