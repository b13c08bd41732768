"""The one kind of error a person is shown: a sentence that says what is wrong and what to do.

Every layer raises a subclass (the store's StoreError, the engine's AnswerError, …); the
command line prints ``str(error)`` and exits 1, the window shows it in a message. Anything
else that escapes is a bug: the window's exception hook logs it (gui/errors.py).
"""


class UserError(Exception):
    """A problem the user can fix; ``str(e)`` is one sentence in the current language."""
