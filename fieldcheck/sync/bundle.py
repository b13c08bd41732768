"""The bundle file (``.fcbundle``, docs/sync.md): its members, its zip structure and its signed manifest.

Everything is read as a stream, never whole: ``open_zip`` checks the zip's structure,
``read_manifest`` the manifest's signature, ``lines`` parses JSON Lines members.
``sync.checks`` builds ``verify`` on these. Any fault is a ``BundleError``: one sentence
saying what is wrong and what to do.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from fieldcheck.errors import UserError
from fieldcheck.file_errors import cannot_read, reason
from fieldcheck.i18n import t
from fieldcheck.signing.keys import DeviceKeyError, fingerprint, public_key_from_bytes
from fieldcheck.signing.keys import verify as verify_signature

FORMAT = 1
SUFFIX = ".fcbundle"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
EVENTS, PLACES, HOUSEHOLDS, PHOTOS = "events.jsonl", "places.jsonl", "households.jsonl", "photos.jsonl"
#: limits against zip bombs: far above a real team's week, far below what hurts a laptop
MAX_MEMBERS = 200_000
MAX_TOTAL = 64 << 30
MAX_MEMBER = 4 << 30
MAX_TEXT_MEMBER = 2 << 30
MAX_MANIFEST = 64 << 20
MAX_RATIO = 200
MAX_LINE = 16 << 20
PHOTO_MEMBER = re.compile(r"^photos/([0-9a-f]{64})\.([a-z0-9]{1,5})$")
RUBRIC_MEMBER = re.compile(r"^rubrics/([0-9A-Za-z_.-]{1,128})\.yaml$")
_PLAIN = {MANIFEST, SIGNATURE, EVENTS, PLACES, HOUSEHOLDS, PHOTOS}


class BundleError(UserError):
    """A bundle that cannot be read or trusted; nothing was written."""


@dataclass
class Verified:
    """What a checked bundle holds: its manifest and the counts, for the report and the trust question."""

    path: Path
    manifest: dict[str, Any]
    device: str
    fingerprint: str
    events: int = 0
    rubrics: dict[str, str] = field(default_factory=dict)  # version → member name
    photos: dict[str, str] = field(default_factory=dict)  # sha256 → member name

    @property
    def inspector(self) -> str | None:
        """The person who exported it (the manifest's optional ``inspector``; older bundles lack it)."""
        name = self.manifest.get("inspector")
        return name.strip()[:100] or None if isinstance(name, str) else None


def _name(path: Path) -> str:
    return path.name


#: what the person importing can do about a bundle refused for what it holds: only its sender can make a sound one
REMEDY = ("请让导出它的人重新导出一份,再导入新文件", "ask whoever exported it to export it again, and import the new file")


def bad(path: Path, zh: str, en: str, *, remedy: bool = True) -> BundleError:
    """The refusal of a bundle: what is wrong, that nothing was imported, and (unless ``zh``/``en`` say it
    already) what to do."""
    todo_zh, todo_en = (f";{REMEDY[0]}", f"; {REMEDY[1]}") if remedy else ("", "")
    return BundleError(t(f"同步包 {_name(path)} {zh};未导入任何内容{todo_zh}",
                         f"bundle {_name(path)} {en}; nothing was imported{todo_en}"))


def unreadable(path: Path, exc: OSError) -> BundleError:
    """An I/O error while a bundle is read (or its photos copied in): the stick pulled out, a bad sector, a full disk."""
    return BundleError(t(f"同步包 {_name(path)} 读写出错({reason(exc)}),未导入任何内容;请检查 U 盘和磁盘后再导入一次",
                         f"bundle {_name(path)} could not be read or written ({reason(exc)}); nothing was imported; "
                         "check the USB stick and the disk, then import it again"))


def open_zip(path: Path) -> zipfile.ZipFile:
    """The bundle as a zip, its structure checked (names, links, duplicates, sizes, count)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BundleError(t(f"找不到文件 {path}", f"file not found: {path}")) from None
    except OSError as exc:
        raise BundleError(cannot_read(path, exc)) from None
    if path.is_dir():
        raise BundleError(t(f"{path} 是文件夹,请选择 .fcbundle 文件", f"{path} is a folder; choose a .fcbundle file"))
    if size == 0:
        raise bad(path, "是空文件,可能复制未完成,请重新导出", "is an empty file, perhaps an unfinished copy; export it again",
                  remedy=False)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, NotImplementedError, UnicodeDecodeError):  # a damaged directory: any of these
        raise bad(path, "不是同步包,或已损坏(可能复制不完整),请重新导出",
                   "is not a bundle or is damaged (perhaps an incomplete copy); export it again", remedy=False) from None
    except OSError as exc:
        raise BundleError(cannot_read(path, exc)) from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise bad(path, f"的文件数超过 {MAX_MEMBERS} 个,疑为恶意文件", f"has more than {MAX_MEMBERS} members, which looks malicious")
        names, total = set(), 0
        for info in infos:
            name = info.filename
            if name in names:
                raise bad(path, f"中有重名的文件 {name},疑为篡改", f"has two members named {name}, which looks tampered with")
            names.add(name)
            if (name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/") or ":" in name
                    or name not in _PLAIN and not PHOTO_MEMBER.match(name) and not RUBRIC_MEMBER.match(name)):
                raise bad(path, f"中有不应存在的文件路径 {name!r}", f"has a member path that does not belong in a bundle: {name!r}")
            if stat.S_ISLNK(info.external_attr >> 16) or info.is_dir():
                raise bad(path, f"中的 {name} 是链接或文件夹,疑为恶意文件", f"member {name} is a link or folder, which looks malicious")
            if info.flag_bits & _UNREADABLE_FLAGS:  # FieldCheck never sets them: a damaged copy, or not ours
                raise bad(path, f"中的 {name} 已损坏或被加密,请重新导出", f"member {name} is damaged or encrypted; export it again",
                          remedy=False)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise bad(path, f"中的 {name} 使用了不支持的压缩方式", f"member {name} uses an unsupported compression")
            limit = MAX_MEMBER if name.startswith("photos/") else MAX_TEXT_MEMBER
            ratio = info.file_size / max(info.compress_size, 1)
            total += info.file_size
            if info.file_size > limit or total > MAX_TOTAL or (info.file_size > (1 << 20) and ratio > MAX_RATIO):
                raise bad(path, f"中的 {name} 解压后过大(疑为“压缩炸弹”)",
                           f"member {name} is far too large once unpacked (a zip bomb?)")
        if MANIFEST not in names or SIGNATURE not in names:
            raise bad(path, "不是 FieldCheck 同步包(缺少清单或签名)", "is not a FieldCheck bundle (no manifest or signature)")
    except BaseException:
        zf.close()
        raise
    return zf


#: encrypted, strong encryption, compressed patched data: zipfile cannot read such a member at all
_UNREADABLE_FLAGS = 0x01 | 0x20 | 0x40


def read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise BundleError(t(f"{name} 过大", f"{name} is too large"))
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) != info.file_size:
        raise BundleError(t(f"{name} 的实际大小与声明不符", f"{name} is not the size it declares"))
    return data


def read_manifest(path: Path, zf: zipfile.ZipFile) -> Verified:
    """The manifest, its format and its signature checked."""
    try:
        raw = read_member(zf, MANIFEST, MAX_MANIFEST)
        signature = read_member(zf, SIGNATURE, 4096)
    except (zipfile.BadZipFile, OSError, EOFError, *damaged()):
        raise bad(path, "已损坏(清单无法读取),请重新导出", "is damaged (its manifest cannot be read); export it again",
                   remedy=False) from None
    try:
        manifest = json.loads(raw)
        if not isinstance(manifest, dict):
            raise ValueError
        version = manifest["format"]
        if not isinstance(version, int):
            raise ValueError
    except (ValueError, KeyError, UnicodeDecodeError):
        raise bad(path, "的清单无法读取,不是 FieldCheck 同步包或已损坏",
                   "has a manifest that cannot be read; it is not a FieldCheck bundle or is damaged") from None
    if version > FORMAT:
        raise bad(path, f"由更新版本的 FieldCheck 生成(格式 {version},本程序支持到 {FORMAT}),请先升级 FieldCheck",
                   f"was made by a newer FieldCheck (format {version}, this one reads up to {FORMAT}); upgrade FieldCheck first",
                   remedy=False)
    try:
        key = public_key_from_bytes(base64.b64decode(manifest["public_key"], validate=True))
        device = manifest["device"]
        members = manifest["members"]
        if not isinstance(members, dict) or not isinstance(device, str) or not device:
            raise ValueError
    except (KeyError, ValueError, TypeError, DeviceKeyError):
        raise bad(path, "的清单缺少设备或公钥,无法验证", "has a manifest without a valid device or key; it cannot be checked") from None
    if not verify_signature(key, signature, raw):
        raise bad(path, "的签名无法验证:文件在导出后被改动过或已损坏", "has a signature that does not verify: it was changed after export or is damaged")
    counts = manifest.get("counts", {})
    # signed by the key it carries, so anyone can sign any shape: the shapes read later are checked here
    if not all(isinstance(m, dict) and isinstance(m.get("sha256"), str) and _count(m.get("size"))
               for m in members.values()) \
            or not isinstance(counts, dict) or not all(_count(n) for n in counts.values()):
        raise bad(path, "的清单格式不对,不是本程序导出的同步包", "has a manifest of the wrong shape; FieldCheck did not export it")
    return Verified(path, manifest, device, fingerprint(key))


def _count(n: Any) -> bool:
    return type(n) is int and n >= 0


def damaged() -> tuple[type[Exception], ...]:
    """What reading a member raises when its bytes are damaged, besides BadZipFile and EOFError: a corrupt
    deflate stream, a local header's name that is not the UTF-8 it says."""
    import zlib  # lazy: only the exception type is needed, where a deflated member is corrupt

    return zlib.error, UnicodeDecodeError


class Hashing(io.RawIOBase):
    """Reads a member while hashing it and counting its bytes."""

    def __init__(self, fh: IO[bytes]):
        self._fh, self.digest, self.size = fh, hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._fh.read(len(buffer))
        self.digest.update(data)
        self.size += len(data)
        buffer[:len(data)] = data
        return len(data)


_decoder = json.JSONDecoder()
_decode, _scan = _decoder.decode, _decoder.scan_once


def _object(text: str) -> Any:
    """One JSON value filling a line: the decoder's C scanner straight away (``decode`` wraps it in two
    regex matches, a tenth of a merge's parsing); anything unusual goes the long way, which raises."""
    try:
        obj, end = _scan(text, 0)
    except StopIteration:
        return _decode(text)
    if end != len(text) and text[end:].strip(" \t\n\r"):
        return _decode(text)
    return obj


def lines(path: Path, zf: zipfile.ZipFile, name: str, required: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines member, one at a time; BundleError for a line that is not one."""
    if name not in zf.namelist():
        return
    with zf.open(name) as fh:
        yield from parse_lines(path, name, fh, required)


def parse_lines(path: Path, name: str, fh: IO[bytes] | io.RawIOBase, required: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """The JSON objects of member ``name`` read from ``fh``; BundleError for a line that is not one."""
    needed = frozenset(required)
    for number, line in enumerate(io.BufferedReader(fh, 1 << 16), 1):  # type: ignore[arg-type,type-var]
        if len(line) > MAX_LINE:
            raise bad(path, f"中 {name} 的第 {number} 行过长", f"has an over-long line {number} in {name}")
        if not line.strip():
            continue
        try:  # UTF-8 as the exporter writes it (json.loads would sniff each line's encoding first)
            obj = _object(line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            obj = None
        if not isinstance(obj, dict) or not needed <= obj.keys():
            raise bad(path, f"中 {name} 的第 {number} 行不是有效的记录(JSON 格式错误或缺少字段)",
                      f"has a malformed line {number} in {name} (not valid JSON or missing fields)")
        yield obj


#: what a team's and an enrolment's create event must carry (store/team.py)
TEAM_FIELDS = {"team": ("name", "certificate", "fingerprint"),
               "enrolment": ("team_id", "member", "fingerprint", "certificate", "team_certificate", "serial")}
PLACE_FIELDS = ("id", "kind", "name", "parent_id", "group", "device", "hlc", "created_at")
HOUSEHOLD_FIELDS = ("id", "village_id", "head_name", "device", "hlc", "created_at")
PHOTO_FIELDS = ("sha256", "ext", "size", "width", "height", "thumbnail")


def thumbnail_bytes(row: dict[str, Any]) -> bytes:
    return base64.b64decode(row["thumbnail"])
