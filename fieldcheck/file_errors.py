"""Why a file a person named cannot be read or written, said in their language.

``OSError.strerror`` is the C library's English ("No such file or directory"), and in a
Chinese message it reads as a crash; these sentences name the file, say what is wrong in
words a person acts on, and keep only the error's short code when there is nothing better
to say.
"""

from __future__ import annotations

import errno
from pathlib import Path

from fieldcheck.i18n import t


def _code(exc: OSError) -> str:
    """``EIO`` for an errno nobody phrased: short, and something a helper can look up."""
    return errno.errorcode.get(exc.errno or 0, str(exc.errno or "?"))


def reason(exc: OSError) -> str:
    """Why, in a few words: "没有权限" / "permission denied", for a sentence that already names the file."""
    if isinstance(exc, FileNotFoundError):
        return t("不存在", "it does not exist")
    if isinstance(exc, IsADirectoryError):
        return t("这是一个文件夹", "it is a folder")
    if isinstance(exc, NotADirectoryError):
        return t("路径中有一段不是文件夹", "part of its path is not a folder")
    if isinstance(exc, PermissionError):
        return t("没有权限", "permission denied")
    if isinstance(exc, FileExistsError):
        return t("同一位置已有一个同名的文件", "a file of the same name is in the way")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return t("磁盘已满", "the disk is full")
    if exc.errno == errno.EROFS:
        return t("磁盘是只读的", "the disk is read-only")
    if exc.errno == errno.EFBIG:
        return t("文件超过了该磁盘能存放的单个文件大小", "the file is larger than that disk can hold in one file")
    if exc.errno == errno.ELOOP:
        return t("路径中的链接绕成了一个圈", "the links in its path loop back on themselves")
    if exc.errno == errno.ENAMETOOLONG:
        return t("文件名太长", "the name is too long")
    if exc.errno == errno.EIO:
        return t("磁盘或网络出错", "a disk or network error")
    return t(f"系统错误 {_code(exc)}", f"system error {_code(exc)}")


def cannot_read(path: str | Path, exc: OSError) -> str:
    """One sentence: ``path`` could not be read because of ``exc``."""
    if isinstance(exc, FileNotFoundError):
        return t(f"找不到文件 {path};请检查文件名和所在的文件夹", f"file not found: {path}; check its name and folder")
    if isinstance(exc, IsADirectoryError):
        return t(f"{path} 是一个文件夹;请给出其中的文件", f"{path} is a folder; give a file in it")
    return t(f"无法读取 {path}:{reason(exc)}", f"cannot read {path}: {reason(exc)}")


def cannot_write(path: str | Path, exc: OSError) -> str:
    """One sentence: ``path`` could not be written because of ``exc``."""
    path = Path(path)
    if isinstance(exc, IsADirectoryError):
        return is_a_folder(path)
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return no_folder(path, path.parent)
    if isinstance(exc, PermissionError):
        return t(f"无法写入 {path}:没有权限写入文件夹 {path.parent};请换一个文件夹",
                 f"cannot write {path}: no permission to write in the folder {path.parent}; choose another folder")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return t(f"无法写入 {path}:磁盘已满;请腾出空间或换一个磁盘",
                 f"cannot write {path}: the disk is full; free some space or choose another disk")
    if exc.errno == errno.EROFS:
        return t(f"无法写入 {path}:该磁盘是只读的;请换一个位置",
                 f"cannot write {path}: the disk is read-only; choose another place")
    if exc.errno == errno.ENAMETOOLONG:
        return t(f"无法写入 {path}:文件名太长;请用短一些的名字", f"cannot write {path}: the name is too long; give a shorter one")
    if exc.errno == errno.EFBIG:  # a bundle of a whole team's photos on a FAT32 stick
        return t(f"无法写入 {path}:文件超过了该磁盘能存放的单个文件大小(FAT32 格式的 U 盘最大 4 GB);"
                 "请换用 exFAT 或 NTFS 格式的磁盘,或缩小照片后再导出",
                 f"cannot write {path}: the file is larger than that disk can hold in one file (4 GB on a FAT32 USB "
                 "stick); use a disk formatted exFAT or NTFS, or downsize the photos and export again")
    return t(f"无法写入 {path}(系统错误 {_code(exc)})", f"cannot write {path} (system error {_code(exc)})")


def is_a_folder(path: str | Path) -> str:
    return t(f"无法写入 {path}:目标是一个文件夹;请给出文件名", f"cannot write {path}: it is a folder; give a file name")


def no_folder(path: str | Path, folder: str | Path) -> str:
    return t(f"无法写入 {path}:文件夹 {folder} 不存在;请先建立它或换一个文件夹",
             f"cannot write {path}: the folder {folder} does not exist; create it or choose another folder")
