"""Households as the command line and the window look for them: by name in a village, sorted by pinyin."""

from __future__ import annotations

from typing import Any

from fieldcheck.i18n import t
from fieldcheck.ops.pinyin import sort_key
from fieldcheck.ops.places import village_at
from fieldcheck.store import Household, StoreError


def sorted_households(households: list[Household]) -> list[Household]:
    """A roster's order: by the pinyin initials of the head's name, then the name."""
    return sorted(households, key=lambda h: sort_key(h.head_name))


def find_household(store, name_or_id: str, village: str | None = None) -> Household:
    """The live household with this id, or with this head's name (in ``village`` when given).

    StoreError when none has it, or when two do (the message says to use the id).
    """
    name_or_id = (name_or_id or "").strip()
    if store.households.exists(name_or_id):
        return store.households.get(name_or_id)
    villages = [village_at(store, village, create=False)] if village else [p.id for p in store.places.all("村")]
    found = [h for v in villages for h in store.households.find(v, name_or_id)]
    gone = _removed(store, name_or_id) if not found else None
    if gone is not None:  # its id, given again: say so, not "no household headed by <id>"
        raise StoreError(t(f"农户「{gone.head_name}」已删除,不能再修改或删除;现有农户见 fieldcheck household list",
                           f"the household of {gone.head_name} was removed, so it cannot be changed or removed again; "
                           "see the households with fieldcheck household list"))
    if not found:
        where = t(f"在「{village}」", f" in '{village}'") if village else ""
        raise StoreError(t(f"{where}找不到户主叫「{name_or_id}」的农户", f"no household headed by '{name_or_id}'{where}"))
    if len(found) > 1:
        ids = ", ".join(h.id for h in found)
        raise StoreError(t(f"有 {len(found)} 户户主叫「{name_or_id}」,请用编号指定其中一户:{ids}",
                           f"{len(found)} households are headed by '{name_or_id}'; name one by its id: {ids}"))
    return found[0]


def _removed(store, household_id: str) -> Household | None:
    """The removed household with this id (its row stays, a tombstone for merges), or None."""
    try:
        return store.households.get(household_id)  # not live (find_household asked): removed
    except StoreError:
        return None


def household_rows(store, village: str | None = None) -> list[dict[str, Any]]:
    """Households as plain rows (id, village path, head_name, members, helper, status, id_masked), sorted."""
    villages = [village_at(store, village, create=False)] if village else [p.id for p in store.places.all("村")]
    rows = []
    for village_id in villages:
        path = store.places.path(village_id)
        for h in sorted_households(store.households.of_village(village_id)):
            rows.append({"id": h.id, "village": path, "head_name": h.head_name, "members": h.members,
                         "helper": h.helper, "status": h.status, "id_masked": h.id_masked})
    return rows
