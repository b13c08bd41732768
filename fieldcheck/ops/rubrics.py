"""Which rubric a new inspection uses: the one the team leader published, else the installed one.

The leader's laptop publishes from its installed catalog (``rubric_files``); every laptop
that received a published version uses it for new inspections in preference to the copy
installed with FieldCheck, which is how a county's edited rubric (its 十个一 list, its
target table) reaches the inspectors. An inspection keeps the snapshot it was made with.
"""

from __future__ import annotations

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric import Rubric
from fieldcheck.i18n import t


def available(store) -> list[Rubric]:
    """The rubrics a new inspection may use: each published version, then the installed rubrics not published."""
    published = store.rubrics.current()
    ids = {r.id for r in published}
    return published + [r for r in catalog.installed() if r.id not in ids]


def for_new_inspection(store, ref: str) -> Rubric:
    """A rubric by id (the published version first) or by file path; UnknownRubric otherwise."""
    version = store.rubrics.version(ref)
    rubric = store.rubrics.rubric(version) if version else None
    return rubric if rubric is not None else catalog.find(ref)


def to_publish(store, ref: str) -> Rubric:
    """What the leader sends out for ``ref``: the installed file (which the leader edits), else what was published."""
    try:
        return catalog.find(ref)
    except catalog.UnknownRubric:
        version = store.rubrics.version(ref)
        rubric = store.rubrics.rubric(version) if version else None
        if rubric is None:
            ids = "、".join(sorted({r.id for r in available(store)}))
            raise catalog.UnknownRubric(t(f"没有 id 为「{ref}」的细则;可用:{ids}",
                                          f"no rubric with id '{ref}'; available: {ids}")) from None
        return rubric


def publish_updates(store) -> list[Rubric]:
    """Publish the installed version of every rubric published here before, where it changed; those published."""
    installed = {r.id: r for r in catalog.installed()}
    done = []
    with store.transaction():
        for rubric in store.rubrics.current():
            newer = installed.get(rubric.id)
            if newer is not None and newer.version != rubric.version and store.rubrics.publish(newer):
                done.append(newer)
    return done
