"""``fieldcheck db check``: is the database sound, and is every photo the photo it was?

Checks, read-only: SQLite's integrity_check, the foreign keys, and each stored photo's
bytes against its SHA-256. Leftover temporary photo files from a crash are reported as
notes (they are never referenced and are removed on an open once ten minutes old: until then
they may be another process's import in flight).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from fieldcheck.i18n import t
from fieldcheck.store import photofiles as photo_files
from fieldcheck.store import schema
from fieldcheck.store.database import StoreError, refuse_foreign_file
from fieldcheck.store.sql_errors import disk_full
from fieldcheck.store.sql_errors import reason as sql_reason


@dataclass
class Report:
    path: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(path: str | Path) -> Report:
    """Check the database at ``path`` without changing it; StoreError when it cannot be read at all."""

    path = Path(path)
    if not path.exists():
        raise StoreError(t(f"找不到数据库 {path}", f"database not found: {path}"))
    refuse_foreign_file(path)
    report = Report(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(t(f"无法打开数据库 {path}:{sql_reason(exc)}",
                           f"cannot open the database {path}: {sql_reason(exc)}")) from None
    # the report quotes what it finds, a damaged name's bytes too: read as text, not as a UnicodeDecodeError
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        version = schema.user_version(conn)
        if version > schema.VERSION:
            raise StoreError(t(f"此数据库由更新版本的 FieldCheck 创建(数据格式 {version}),请升级 FieldCheck 后再检查",
                               f"this database was made by a newer FieldCheck (data format {version}); "
                               "upgrade FieldCheck to check it"))
        for (line,) in conn.execute("PRAGMA integrity_check"):
            if line != "ok":
                report.problems.append(t(f"数据库结构损坏:{line}", f"database structure damaged: {line}"))
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            report.problems.append(t(f"表 {table} 第 {rowid} 行引用了 {parent} 中不存在的记录",
                                     f"row {rowid} of {table} refers to a missing {parent} record"))
        if version < 1:
            report.problems.append(t("数据库是空的,还没有 FieldCheck 的表", "the database is empty: no FieldCheck tables"))
            return report
        for table in ("places", "households", "inspections", "findings", "photos", "audit"):
            report.counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        folder = path.with_name(f"{path.stem}-photos")
        stored = "coalesce(stored_sha256, sha256), coalesce(stored_ext, ext)" if "stored_sha256" in {
            r[1] for r in conn.execute("PRAGMA table_info(photo_files)")} else "sha256, ext"
        # a downsized copy (from a bundle for a small stick) is checked against its own hash
        files = conn.execute(f"SELECT {stored}, size FROM photo_files ORDER BY sha256").fetchall()
        report.counts["photo_files"] = len(files)
        for sha, ext, _size in files:
            original = photo_files.original_path(folder, sha, ext)
            if not original.is_file():
                report.problems.append(t(f"照片 {sha[:12]} 的文件不见了:{original}", f"photo {sha[:12]} is missing: {original}"))
                continue
            actual = photo_files.sha256_file(original)
            if actual != sha:
                report.problems.append(t(f"照片 {sha[:12]} 的内容已被改动或损坏:{original}",
                                         f"photo {sha[:12]} has been changed or damaged: {original}"))
        known = {photo_files.original_path(folder, sha, ext).name for sha, ext, _ in files}
        stray = [p for p in folder.glob("??/*") if p.is_file() and p.name not in known] if folder.is_dir() else []
        if stray:
            report.notes.append(t(f"照片文件夹中有 {len(stray)} 个文件没有被任何记录引用(添加照片时中断所致,无害)",
                                  f"{len(stray)} photo file(s) are not referenced by any record "
                                  "(left by an interrupted photo import; harmless)"))
        temps = list(folder.glob(photo_files.TEMP_PREFIX + "*")) if folder.is_dir() else []
        if temps:
            report.notes.append(t(f"照片文件夹中有 {len(temps)} 个临时文件(中断时留下,或另一程序正在导入),十分钟后打开时会自动清理",
                                  f"{len(temps)} temporary file(s) left by an interruption (or another program's import in "
                                  "progress); an open ten minutes later removes them"))
    except UnicodeDecodeError:  # a damaged name in SQLite's own report, decoded before any text_factory sees it
        report.problems.append(t("无法读取数据库:文件已损坏;请从备份恢复", "cannot read the database: the file is damaged; "
                                 "restore a backup"))
    except sqlite3.DatabaseError as exc:
        if disk_full(path):  # not damage: restoring a backup would throw away the edits made since
            raise StoreError(t(f"无法检查数据库 {path}:{sql_reason(exc, path)}",
                               f"cannot check the database {path}: {sql_reason(exc, path)}")) from None
        report.problems.append(t(f"无法读取数据库:{sql_reason(exc)}", f"cannot read the database: {sql_reason(exc)}"))
    finally:
        conn.close()
    return report


def render(report: Report) -> str:
    lines = [t(f"数据库 {report.path}", f"database {report.path}")]
    if report.counts:
        c = report.counts
        lines.append(t(f"  {c.get('inspections', 0)} 份检查,{c.get('findings', 0)} 条发现,{c.get('photo_files', 0)} 张照片,"
                       f"{c.get('households', 0)} 户,{c.get('audit', 0)} 条修改记录",
                       f"  {c.get('inspections', 0)} inspections, {c.get('findings', 0)} findings, "
                       f"{c.get('photo_files', 0)} photos, {c.get('households', 0)} households, "
                       f"{c.get('audit', 0)} audit entries"))
    for note in report.notes:
        lines.append(t("  提示:", "  note: ") + note)
    for problem in report.problems:
        lines.append(t("  问题:", "  problem: ") + problem)
    lines.append(t("结果:正常", "result: ok") if report.ok else
                 t(f"结果:发现 {len(report.problems)} 个问题;可从备份恢复(见 README)",
                   f"result: {len(report.problems)} problem(s); a backup can be restored (see README)"))
    return "\n".join(lines)
