"""One inspector's bundle: their assignments and drafts, the rosters, the published rubrics (docs/sync.md).

The leader sends each inspector a bundle of their own rather than the whole database:
an inspector's laptop then lists only its own drafts, carries only the rosters (personal
data) of the villages it visits, and the stick holds a few hundred kilobytes instead of
every photo of the team. It is an ordinary bundle, imported the ordinary way; it is
always complete for that inspector (removed assignments and households included, so a
removal reaches them too), which re-importing makes harmless.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops.rubrics import publish_updates
from fieldcheck.store import Store
from fieldcheck.sync.bundle import SUFFIX
from fieldcheck.sync.export import Exported, Progress, export_bundle


def bundle_name(inspector: str, day: str) -> str:
    """A file name that says whose bundle it is: 任务-张三-2026-11-23.fcbundle."""
    safe = "".join(c for c in inspector if c.isalnum() or c in "-_") or "inspector"
    return f"{t('任务', 'assignments')}-{safe}-{day}{SUFFIX}"


def export_for(store: Store, out: str | Path, inspector: str, *, key_folder: Path | None = None,
               progress: Progress | None = None, max_photo_px: int | None = None) -> Exported:
    """Write the bundle for ``inspector``: assignments, their inspections, places, rosters, published rubrics.

    Rubrics the leader has published before and edited since (a county's new 十个一 list)
    are published again first, so the update goes out with this bundle.
    """
    name = (inspector or "").strip()
    mine = store.assignments.all(name, include_removed=True)
    if not name or not mine:
        known = "、".join(store.assignments.inspectors()) or t("(无)", "(none)")
        raise UserError(t(f"「{name}」没有任务,无法导出;有任务的检查人员:{known}",
                          f"'{name}' has no assignments, so there is nothing to export; inspectors with assignments: "
                          f"{known}"))
    publish_updates(store)
    inspections = {a.inspection_id for a in mine}
    assessees = {a.assessee_id for a in mine}
    records = {a.id for a in mine} | inspections | set(store.rubrics.ids())
    records |= {p["id"] for p in store.places.records(assessees)}
    records |= set(store.households.ids_in(assessees))

    def select(e: dict[str, Any]) -> bool:
        return e["entity_id"] in records or e.get("inspection_id") in inspections

    done = export_bundle(store, out, everything=True, key_folder=key_folder, progress=progress,
                         max_photo_px=max_photo_px, select=select)
    assert done is not None  # a selected bundle is never "nothing new"
    return done
