"""A lazy dataclass is made on its first instance and then behaves as ``@dataclass`` makes it."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from fieldcheck.store.lazy_dataclass import lazy_dataclass


def test_made_on_the_first_instance_then_a_frozen_dataclass():
    @lazy_dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: list[str] = dataclasses.field(default_factory=list, compare=False)

    assert not dataclasses.is_dataclass(Point)  # nothing compiled at import
    p = Point(1)
    assert dataclasses.is_dataclass(Point)
    assert p == Point(1, 0) and repr(p).endswith("Point(x=1, y=0, tags=[])")
    assert hash(p) == hash(Point(1, 0, ["other"]))
    assert dataclasses.replace(p, y=2) == Point(1, 2) and dataclasses.asdict(p) == {"x": 1, "y": 0, "tags": []}
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_a_lazy_dataclass_built_on_a_lazy_one_has_both_fields():
    @lazy_dataclass
    class Base:
        a: int

    @lazy_dataclass
    class Child(Base):
        b: str = "b"

    assert Child(1) == Child(a=1, b="b") and [f.name for f in dataclasses.fields(Child)] == ["a", "b"]
    assert Base(2).a == 2


def test_threads_making_the_same_class_at_once_all_get_it():
    @lazy_dataclass(frozen=True)
    class Shared:
        n: int

    made, start = [], threading.Barrier(8)

    def make(n):
        start.wait()
        made.append(Shared(n))

    threads = [threading.Thread(target=make, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(s.n for s in made) == list(range(8))


def test_a_class_with_its_own_init_is_refused():
    with pytest.raises(TypeError):
        @lazy_dataclass
        class Own:
            def __init__(self):
                pass
