"""``@dataclass``, made when the class is first instantiated instead of when its module is imported.

``dataclasses.dataclass`` writes and compiles ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
and, frozen, ``__setattr__`` and ``__delattr__`` for each class: about 1 ms a class. The store's
records (and a few other classes of the store and ops) are imported by the window at every start,
which makes none of most of them to show the inspections list; deferred, the start saves about
10 ms (README, performance: the window).

Until its first instance the class is a plain class whose ``__init__`` makes it a dataclass and
then runs the real ``__init__``; from then on it is exactly what ``@dataclass(...)`` makes. So
instances, ``dataclasses.replace``, ``asdict``, equality and hashing behave as ever; only asking
the class itself before any instance exists (``dataclasses.fields(Place)``) would find it plain.
Type checkers see ``dataclasses.dataclass`` itself.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import TYPE_CHECKING, Any

_PENDING: dict[type, dict[str, Any]] = {}  # class → the options it was declared with
_LOCK = threading.Lock()  # the list scores on a pool thread: one thread makes a class


def _lazy_dataclass(cls: type | None = None, /, **options: Any) -> Any:
    def wrap(cls: type) -> type:
        if "__init__" in cls.__dict__:
            raise TypeError(f"{cls.__name__} defines __init__: use dataclasses.dataclass")

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            make(cls)
            cls.__init__(self, *args, **kwargs)  # type: ignore[misc]  # now the dataclass's own

        cls.__init__ = __init__  # type: ignore[misc]
        _PENDING[cls] = options
        return cls

    return wrap if cls is None else wrap(cls)


def make(cls: type) -> None:
    """Make ``cls`` (and any lazy dataclass it inherits from) the dataclass it was declared as."""
    with _LOCK:
        for klass in reversed(cls.__mro__):  # bases first: a dataclass collects its bases' fields
            options = _PENDING.pop(klass, None)
            if options is not None:
                del klass.__init__  # type: ignore[misc]  # else dataclass keeps it as user-written
                dataclasses.dataclass(klass, **options)


if TYPE_CHECKING:
    from dataclasses import dataclass as lazy_dataclass
else:
    lazy_dataclass = _lazy_dataclass
