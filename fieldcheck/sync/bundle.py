"""The bundle file (``.fcbundle``, docs/sync.md): its members, and checking one before anything is written.

``verify`` reads a bundle twice as a stream, never whole: once for the zip's structure and
the manifest's signature, once hashing every member against the manifest while parsing the
JSON lines and checking that every event's rubric and records are carried by the bundle.
Any fault is a ``BundleError``: one sentence saying what is wrong and what to do.
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
from fieldcheck.i18n import t
from fieldcheck.signing.keys import DeviceKeyError, fingerprint, public_key_from_bytes
from fieldcheck.signing.keys import verify as verify_signature
from fieldcheck.store.clock import parse_stamp
from fieldcheck.store.events import ACTIONS, ENTITIES, EVENT_FIELDS
from fieldcheck.sync.values import Refused, ValueCheck, parse_snapshot

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
_PHOTO = re.compile(r"^photos/([0-9a-f]{64})\.([a-z0-9]{1,5})$")
_RUBRIC = re.compile(r"^rubrics/([0-9A-Za-z_.-]{1,128})\.yaml$")
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


def _bad(path: Path, zh: str, en: str) -> BundleError:
    return BundleError(t(f"同步包 {_name(path)} {zh};未导入任何内容", f"bundle {_name(path)} {en}; nothing was imported"))


def open_zip(path: Path) -> zipfile.ZipFile:
    """The bundle as a zip, its structure checked (names, links, duplicates, sizes, count)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BundleError(t(f"找不到文件 {path}", f"file not found: {path}")) from None
    except OSError as exc:
        raise BundleError(t(f"无法读取 {path}:{exc.strerror}", f"cannot read {path}: {exc.strerror}")) from None
    if path.is_dir():
        raise BundleError(t(f"{path} 是文件夹,请选择 .fcbundle 文件", f"{path} is a folder; choose a .fcbundle file"))
    if size == 0:
        raise _bad(path, "是空文件,可能复制未完成,请重新导出", "is an empty file, perhaps an unfinished copy; export it again")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _bad(path, "不是同步包,或已损坏(可能复制不完整),请重新导出",
                   "is not a bundle or is damaged (perhaps an incomplete copy); export it again") from None
    except OSError as exc:
        raise BundleError(t(f"无法读取 {path}:{exc.strerror}", f"cannot read {path}: {exc.strerror}")) from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _bad(path, f"的文件数超过 {MAX_MEMBERS} 个,疑为恶意文件", f"has more than {MAX_MEMBERS} members, which looks malicious")
        names, total = set(), 0
        for info in infos:
            name = info.filename
            if name in names:
                raise _bad(path, f"中有重名的文件 {name},疑为篡改", f"has two members named {name}, which looks tampered with")
            names.add(name)
            if (name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/") or ":" in name
                    or name not in _PLAIN and not _PHOTO.match(name) and not _RUBRIC.match(name)):
                raise _bad(path, f"中有不应存在的文件路径 {name!r}", f"has a member path that does not belong in a bundle: {name!r}")
            if stat.S_ISLNK(info.external_attr >> 16) or info.is_dir():
                raise _bad(path, f"中的 {name} 是链接或文件夹,疑为恶意文件", f"member {name} is a link or folder, which looks malicious")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _bad(path, f"中的 {name} 使用了不支持的压缩方式", f"member {name} uses an unsupported compression")
            limit = MAX_MEMBER if name.startswith("photos/") else MAX_TEXT_MEMBER
            ratio = info.file_size / max(info.compress_size, 1)
            total += info.file_size
            if info.file_size > limit or total > MAX_TOTAL or (info.file_size > (1 << 20) and ratio > MAX_RATIO):
                raise _bad(path, f"中的 {name} 解压后过大(疑为“压缩炸弹”)",
                           f"member {name} is far too large once unpacked (a zip bomb?)")
        if MANIFEST not in names or SIGNATURE not in names:
            raise _bad(path, "不是 FieldCheck 同步包(缺少清单或签名)", "is not a FieldCheck bundle (no manifest or signature)")
    except BaseException:
        zf.close()
        raise
    return zf


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
    except (zipfile.BadZipFile, OSError, EOFError, zlib_error()):
        raise _bad(path, "已损坏(清单无法读取),请重新导出", "is damaged (its manifest cannot be read); export it again") from None
    try:
        manifest = json.loads(raw)
        if not isinstance(manifest, dict):
            raise ValueError
        version = manifest["format"]
        if not isinstance(version, int):
            raise ValueError
    except (ValueError, KeyError, UnicodeDecodeError):
        raise _bad(path, "的清单无法读取,不是 FieldCheck 同步包或已损坏",
                   "has a manifest that cannot be read; it is not a FieldCheck bundle or is damaged") from None
    if version > FORMAT:
        raise _bad(path, f"由更新版本的 FieldCheck 生成(格式 {version},本程序支持到 {FORMAT}),请先升级 FieldCheck",
                   f"was made by a newer FieldCheck (format {version}, this one reads up to {FORMAT}); upgrade FieldCheck first")
    try:
        key = public_key_from_bytes(base64.b64decode(manifest["public_key"], validate=True))
        device = str(manifest["device"])
        members = manifest["members"]
        if not isinstance(members, dict) or not device:
            raise ValueError
    except (KeyError, ValueError, TypeError, DeviceKeyError):
        raise _bad(path, "的清单缺少设备或公钥,无法验证", "has a manifest without a valid device or key; it cannot be checked") from None
    if not verify_signature(key, signature, raw):
        raise _bad(path, "的签名无法验证:文件在导出后被改动过或已损坏", "has a signature that does not verify: it was changed after export or is damaged")
    return Verified(path, manifest, device, fingerprint(key))


def zlib_error() -> type[Exception]:
    import zlib  # lazy: only the exception type is needed, where a deflated member is corrupt

    return zlib.error


class _Hashing(io.RawIOBase):
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


_decode = json.JSONDecoder().decode


def lines(path: Path, zf: zipfile.ZipFile, name: str, required: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines member, one at a time; BundleError for a line that is not one."""
    if name not in zf.namelist():
        return
    needed = frozenset(required)
    with zf.open(name) as fh:
        for number, line in enumerate(io.BufferedReader(fh, 1 << 16), 1):  # type: ignore[arg-type,type-var]
            if len(line) > MAX_LINE:
                raise _bad(path, f"中 {name} 的第 {number} 行过长", f"has an over-long line {number} in {name}")
            if not line.strip():
                continue
            try:  # UTF-8 as the exporter writes it (json.loads would sniff each line's encoding first)
                obj = _decode(line.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                obj = None
            if not isinstance(obj, dict) or not needed <= obj.keys():
                raise _bad(path, f"中 {name} 的第 {number} 行不是有效的记录(JSON 格式错误或缺少字段)",
                           f"has a malformed line {number} in {name} (not valid JSON or missing fields)")
            yield obj


#: what a team's and an enrolment's create event must carry (store/team.py)
TEAM_FIELDS = {"team": ("name", "certificate", "fingerprint"),
               "enrolment": ("team_id", "member", "fingerprint", "certificate", "team_certificate", "serial")}
PLACE_FIELDS = ("id", "kind", "name", "parent_id", "group", "device", "hlc", "created_at")
HOUSEHOLD_FIELDS = ("id", "village_id", "head_name", "device", "hlc", "created_at")
PHOTO_FIELDS = ("sha256", "ext", "size", "width", "height", "thumbnail")


def verify(path: str | Path) -> Verified:
    """Check everything a bundle holds, writing nothing; BundleError (one sentence) for the first fault."""
    path = Path(path)
    with open_zip(path) as zf:
        v = read_manifest(path, zf)
        listed = set(v.manifest["members"])
        present = set(zf.namelist()) - {MANIFEST, SIGNATURE}
        if listed != present:
            odd = sorted(listed ^ present)[0]
            raise _bad(path, f"的内容与清单不符({odd}),疑为篡改", f"does not match its manifest ({odd}), which looks tampered with")
        try:
            for name in sorted(present):
                expected = v.manifest["members"][name]
                with zf.open(name) as fh:
                    reader = _Hashing(fh)
                    while reader.read(1 << 20):
                        pass
                if reader.size != expected.get("size") or reader.digest.hexdigest() != expected.get("sha256"):
                    raise _bad(path, f"中的 {name} 与清单的校验值不符,文件已被改动或损坏",
                               f"member {name} does not match the hash in its manifest: it was changed or is damaged")
                photo = _PHOTO.match(name)
                if photo and photo.group(1) != reader.digest.hexdigest():
                    raise _bad(path, f"中的照片 {name} 内容与其哈希值不符", f"photo {name} does not match its hash")
                if photo:
                    v.photos[photo.group(1)] = name
                rubric = _RUBRIC.match(name)
                if rubric:
                    v.rubrics[rubric.group(1)] = name
            _check_records(path, zf, v)
        except (zipfile.BadZipFile, EOFError, zlib_error()):
            raise _bad(path, "已损坏(数据校验失败),请重新导出", "is damaged (a checksum fails); export it again") from None
    return v


def _check_records(path: Path, zf: zipfile.ZipFile, v: Verified) -> None:
    """Every event's rubric and records, and every photo, are carried by the bundle itself."""
    places = {p["id"] for p in lines(path, zf, PLACES, PLACE_FIELDS)}
    households = {h["id"] for h in lines(path, zf, HOUSEHOLDS, HOUSEHOLD_FIELDS)}
    files = set()
    for p in lines(path, zf, PHOTOS, PHOTO_FIELDS):
        if p.get("stored_sha256", p["sha256"]) not in v.photos:
            raise _bad(path, f"缺少照片 {str(p['sha256'])[:12]} 的文件", f"lacks the file of photo {str(p['sha256'])[:12]}")
        files.add(p["sha256"])
    created: dict[str, str] = {}
    snapshots: dict[str, Any] = {}

    def rubric(version: str) -> Any:
        if version not in snapshots:
            name = v.rubrics[version]
            snapshots[version] = parse_snapshot(version, v.manifest["members"][name]["sha256"], zf.read(name))
        return snapshots[version]

    values = ValueCheck(rubric)
    for e in lines(path, zf, EVENTS, EVENT_FIELDS[:9]):
        v.events += 1
        if e["action"] not in ACTIONS or e["entity"] not in ENTITIES or not isinstance(e["id"], str) \
                or not isinstance(e["entity_id"], str) or not _stamp_ok(e["hlc"]) \
                or not all(isinstance(e.get(k) or [], list) for k in ("supersedes", "seen")) \
                or not all(isinstance(e.get(k) or "", str) for k in ("at", "who", "device", "inspection_id", "field", "reason")):
            raise _bad(path, f"中有无法识别的修改记录 {str(e['id'])[:12]}", f"has an event it cannot understand ({str(e['id'])[:12]})")
        entity, new = e["entity"], e.get("new")
        inspection = e.get("inspection_id")
        if e["action"] == "create":
            if not isinstance(new, dict):
                raise _bad(path, f"中的新建记录 {e['entity_id'][:12]} 缺少内容", f"has a create event without its record ({e['entity_id'][:12]})")
            created[e["entity_id"]] = entity
            needs: list[tuple[Any, set[str] | dict[str, str], str]] = []
            if entity == "inspection":
                if str(new.get("rubric_version")) not in v.rubrics:
                    raise _bad(path, f"引用了未随包携带的细则版本 {str(new.get('rubric_version'))[:12]}",
                               f"refers to a rubric version it does not carry ({str(new.get('rubric_version'))[:12]})")
                if new.get("assessee_id"):
                    needs.append((new["assessee_id"], places, "place"))
            elif entity == "finding":
                if new.get("household_id"):
                    needs.append((new["household_id"], households, "household"))
            elif entity == "photo":
                if new.get("sha256") not in files:
                    raise _bad(path, f"引用了未随包携带的照片 {str(new.get('sha256'))[:12]}",
                               f"refers to a photo it does not carry ({str(new.get('sha256'))[:12]})")
                needs.append((new.get("finding_id"), created, "finding"))
            elif entity in TEAM_FIELDS and not all(isinstance(new.get(k), str) and new.get(k)
                                                   for k in TEAM_FIELDS[entity]):
                raise _bad(path, f"中的检查组记录 {e['entity_id'][:12]} 不完整", f"has an incomplete team record ({e['entity_id'][:12]})")
            elif entity == "place":
                needs.append((e["entity_id"], places, "place"))
            elif entity == "household":
                needs.append((e["entity_id"], households, "household"))
            elif entity == "assignment":
                needs += [(new.get("assessee_id"), places, "place"), (new.get("inspection_id"), created, "inspection")]
            if entity in ("finding", "photo", "revision", "signature", "reconciliation"):
                needs.append((inspection, created, "inspection"))
            for ref, pool, _kind in needs:
                if ref not in pool:
                    raise _missing(path, str(ref))
        else:
            if entity == "rubric" and e.get("field") == "version" and str(new) not in v.rubrics:
                raise _bad(path, f"引用了未随包携带的细则版本 {str(new)[:12]}",
                           f"refers to a rubric version it does not carry ({str(new)[:12]})")
            if e["entity_id"] not in created and entity != "mark":
                raise _missing(path, e["entity_id"])
            if entity != "inspection" and inspection not in created and entity in ("finding", "photo", "mark"):
                raise _missing(path, str(inspection))
        try:  # the items and values it names fit its inspection's rubric, as an edit in the window must
            values.event(e)
        except Refused as exc:
            raise _bad(path, exc.zh, exc.en) from None


def _stamp_ok(stamp: Any) -> bool:
    try:
        parse_stamp(stamp)
        return True
    except (ValueError, AttributeError, TypeError):
        return False


def _missing(path: Path, ref: str) -> BundleError:
    return _bad(path, f"中的修改引用了包内没有的记录 {ref[:12]},包不完整", f"has an event for a record it does not carry ({ref[:12]}); it is incomplete")


def thumbnail_bytes(row: dict[str, Any]) -> bytes:
    return base64.b64decode(row["thumbnail"])
