"""The installed rubrics: those in ``FIELDCHECK_RUBRICS`` first, then those shipped with FieldCheck."""

from __future__ import annotations

import os
from pathlib import Path

from fieldcheck.engine.rubric import Rubric
from fieldcheck.engine.rubric_file import RubricInvalid, check_file, load_file
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.shipped import rubrics_dir


def rubric_dirs() -> list[Path]:
    """Where installed rubrics are looked for, first match wins."""
    dirs: list[Path] = []
    env = os.environ.get("FIELDCHECK_RUBRICS")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    dirs.append(rubrics_dir())
    return [d for d in dirs if d.is_dir()]


def installed() -> list[Rubric]:
    """Every valid installed rubric, by id; a broken file is skipped (``rubric validate`` names it)."""
    found: dict[str, Rubric] = {}
    for folder in rubric_dirs():
        for path in sorted(folder.glob("*.yaml")):
            rubric, _ = check_file(path)
            if rubric is not None and rubric.id not in found:
                found[rubric.id] = rubric
    return list(found.values())


class UnknownRubric(UserError, LookupError):
    pass


def find(ref: str) -> Rubric:
    """A rubric by installed id or by path; raises UnknownRubric or RubricInvalid."""
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise UnknownRubric(t(f"找不到细则文件 {ref}", f"rubric file not found: {ref}"))
        return load_file(path)
    rubrics = installed()
    for rubric in rubrics:
        if rubric.id == ref:
            return rubric
    ids = "、".join(r.id for r in rubrics)
    raise UnknownRubric(t(f"没有 id 为「{ref}」的细则;已安装:{ids}", f"no rubric with id '{ref}'; installed: {ids}"))


__all__ = ["installed", "find", "rubric_dirs", "UnknownRubric", "RubricInvalid"]
