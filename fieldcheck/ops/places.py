"""Villages named by their path "县/乡镇/村", created on first use (``inspection add``, ``household add``)."""

from __future__ import annotations

from fieldcheck.i18n import t
from fieldcheck.store import StoreError

LEVELS = ("县", "乡镇", "村")


def _parts(path: str) -> list[str]:
    return [p.strip() for p in str(path or "").split("/") if p.strip()]


def is_village_path(path: str) -> bool:
    """Whether ``path`` has the three levels 县/乡镇/村."""
    return len(_parts(path)) == 3


def village_at(store, path: str, *, create: bool = True) -> str:
    """The id of the village at "县/乡镇/村", its county and township created when missing.

    A bare village name is accepted when exactly one village has it. With ``create=False``
    a village that is not there is a StoreError naming it.
    """
    parts = _parts(path)
    if len(parts) == 1:
        named = [p for p in store.places.all("村") if p.name == parts[0]]
        if len(named) == 1:
            return named[0].id
        if len(named) > 1:
            raise StoreError(t(f"有 {len(named)} 个村叫「{parts[0]}」,请写完整路径 县/乡镇/村",
                               f"{len(named)} villages are called '{parts[0]}'; give the full path county/township/village"))
    if len(parts) != 3:
        raise StoreError(t(f"村应写成 县/乡镇/村,例如 衡阳县/西渡镇/梅花村;收到「{path}」",
                           f"give the village as county/township/village, e.g. 衡阳县/西渡镇/梅花村; got '{path}'"))
    with store.transaction():
        parent: str | None = None
        for depth, (kind, name) in enumerate(zip(LEVELS, parts, strict=True)):
            here = "/".join(parts[:depth + 1])
            existing = next((p for p in store.places.all(kind, parent) if p.name == name), None) \
                if parent is not None else next((p for p in store.places.all("县") if p.name == name), None)
            if existing is not None:
                parent = existing.id
            elif not create:
                raise StoreError(t(f"没有「{here}」;请检查名称", f"there is no '{here}'; check the name"))
            else:
                parent = store.places.add(kind, name, parent)
    assert parent is not None
    return parent
