"""What a score sheet shows, gathered once: the sheet renders it and the canonical hash covers it.

Every string the sheet prints is made here, in Chinese (``with using("zh")``), from the
inspection, its findings and photos, its signatures and the ``ScoreResult`` of
``ops.scores.score_inspection`` — the score is never recomputed. Because the sheet draws
only what is in a ``SheetContent``, and ``canonical.content_hash`` hashes all of it (photo
and signature images by their SHA-256), changing anything the sheet shows changes the hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt
from fieldcheck.engine.rubric import Item, Section
from fieldcheck.engine.rules import other_names
from fieldcheck.engine.rules.counting import PerOccurrence
from fieldcheck.engine.scoring import ScoreResult
from fieldcheck.i18n import using
from fieldcheck.ops.scores import answers as derived_answers
from fieldcheck.ops.scores import score_inspection
from fieldcheck.store import Store, StoreError
from fieldcheck.store.signatures import ROLE_NAMES, ROLES, Signature, SignerInput

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: the keys of a 指标对比 answer that brings its own target (engine/rules/metric.py), as the sheet prints them;
#: a part's name (到人, 到户) is the rubric's own and prints as it is
ANSWER_KEYS = {"actual": "实际", "target": "目标", "count": "个数", "shortfall": "差额"}


@dataclass(frozen=True)
class SheetRow:
    """One row of the table: 序号 | 考核内容 | 评分标准 | 标准分值 | 扣分 | 得分 | 扣分依据."""

    kind: str  # "section", "item" or "subtotal" (a section's sum and cap line)
    level: int
    number: str
    content: str
    standard: str
    points: str
    deduction: str
    score: str
    basis: str


@dataclass(frozen=True)
class PhotoEntry:
    """One photo of the evidence appendix; ``path`` is where the original is (not part of the hash)."""

    number: int
    sha256: str
    item: str
    finding: str
    household: str
    taken_at: str
    gps: str
    path: Path | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SignerEntry:
    role: str
    role_name: str
    name: str
    signed_at: str
    image: bytes | None = field(default=None, repr=False)
    strokes_sha256: str = ""


@dataclass(frozen=True)
class SheetContent:
    inspection_id: str
    revision: int
    draft: bool
    rubric_id: str
    rubric_version: str
    title: str
    source: str
    assessee: str
    assessee_group: str
    date: str
    inspectors: list[str]
    amendments: list[str]
    rows: list[SheetRow]
    bonus: str
    total: str
    max: str
    complete: bool
    grade: str
    readings: list[str]
    vetoes: list[str]
    notes: list[str]
    answers: dict[str, Any]
    photos: list[PhotoEntry]
    signers: list[SignerEntry]

    @property
    def summary_line(self) -> str:
        """The human-readable line of the QR code: assessee, total/max, date."""
        mark = "" if self.complete else "暂计"
        return f"{self.assessee} {mark}{self.total}/{self.max} {self.date}"


def gather(store: Store, inspection_id: str, *, signers: list[SignerInput] | None = None) -> SheetContent:
    """The sheet of an inspection as it stands: a draft's, or the signed revision's with its signers.

    ``signers`` (signing in progress) are shown instead of the stored ones, so the hash
    recorded at signing covers them.
    """
    with using("zh"), store.db.lock:
        inspection = store.inspections.get(inspection_id)
        result = score_inspection(store, inspection_id)
        revision = store.signatures.revision(inspection_id)
        if signers is not None:
            entries = [_entry_from_input(s) for s in signers]
        elif inspection.status != "draft":
            entries = [_entry_from_signature(s) for s in store.signatures.active(inspection_id)]
        else:
            entries = []
        entries.sort(key=lambda e: ROLES.index(e.role))
        amendments = [f"第 {r.number} 版于 {r.amended_at[:10]} 修订:{r.amend_reason}"
                      for r in store.signatures.revisions(inspection_id) if r.amended_at]
        findings, photos = _evidence(store, inspection)
        rows = _rows(inspection.rubric, result, findings)
        assessee = _assessee(store, inspection)
        bonus = sum((n.score for c in inspection.rubric.children if isinstance(c, Section) and c.kind == "bonus"
                     for n in [result.nodes[c.id]]), ZERO)
        return SheetContent(
            inspection_id=inspection.id, revision=revision, draft=not entries, rubric_id=inspection.rubric_id,
            rubric_version=inspection.rubric_version, title=inspection.rubric_title,
            source=inspection.rubric.source, assessee=assessee, assessee_group=inspection.assessee_group or "",
            date=inspection.date, inspectors=list(inspection.inspectors), amendments=amendments, rows=rows,
            bonus=fmt(bonus), total=fmt(result.total), max=fmt(result.max), complete=result.complete,
            grade=_grade(result),
            readings=_texts(getattr(result, "readings", None)),
            vetoes=[_text(v) for v in result.vetoes],
            notes=_notes(result),
            answers=json.loads(json.dumps(derived_answers(store, inspection_id), default=str, ensure_ascii=False)),
            photos=photos, signers=entries)


def _assessee(store: Store, inspection) -> str:
    """县/乡镇/村: the place's parents, then the name the inspection holds (it may differ from the place's)."""
    if not inspection.assessee_id:
        return inspection.assessee_name
    place = store.places.get(inspection.assessee_id)
    parent = store.places.path(place.parent_id) if place.parent_id else ""
    return f"{parent}/{inspection.assessee_name}" if parent else inspection.assessee_name


# -- the table -------------------------------------------------------------------------------------


def _rows(rubric, result: ScoreResult, findings: dict[str, list[str]]) -> list[SheetRow]:
    rows: list[SheetRow] = []

    def walk(node: Section | Item, level: int, siblings: tuple = ()) -> None:
        score = result.nodes[node.id]
        if isinstance(node, Item):
            rows.append(SheetRow("item", level, _number(node.id), _item_text(node, siblings), node.standard,
                                 fmt(node.points) if node.points is not None else f"({fmt(node.max_points)})",
                                 *_item_cells(node, score), _basis(score, findings.get(node.id, []))))
            return
        # a county's own sheet names a section by its 考核内容: 组织领导 once, not 组织领导(组织领导)
        label = f"{node.title}({node.content})" if node.content and node.content != node.title else node.title
        rows.append(SheetRow("section", level, node.id, label or node.content, node.standard, fmt(score.max), "", "", ""))
        for child in node.children:
            walk(child, level + 1, tuple(node.children))
        if node.kind == "bonus":
            line = f"本节加分合计 {fmt(score.requested)}"
            if score.requested > score.score:
                line += f",按 {fmt(score.max)} 分封顶"
            rows.append(SheetRow("subtotal", level, node.id, f"{node.id} 小计:{line}", "", fmt(score.max), "",
                                 f"+{fmt(score.score)}", ""))
            return
        line = f"本节扣分 {fmt(score.requested)}"
        if score.requested > score.deduction:
            line += f",按 {fmt(score.max)} 分封顶"
        rows.append(SheetRow("subtotal", level, node.id, f"{node.id} 小计:{line}", "", fmt(score.max),
                             fmt(score.deduction), fmt(score.score), ""))

    for child in rubric.children:
        walk(child, 0)
    return rows


def _item_text(item: Item, siblings: tuple) -> str:
    """The 考核内容 cell. Where the text gives two items one clause ("市、县督查考评排名靠前的分别加4分",
    2.6's 村出列 and 户脱贫), the verbatim clause alone would print two rows alike: the title tells them apart."""
    if item.content and any(o is not item and getattr(o, "content", "") == item.content for o in siblings):
        return f"{item.title}:{item.content}"
    return item.content or item.title


def _number(item_id: str) -> str:
    """The 序号 column: an item's number as the text prints it; an id that is no number is the rubric's
    own name for an unnumbered line (衡阳's ``veto``, a note under the table) and prints blank."""
    return item_id if item_id[:1].isdigit() else ""


def _item_cells(item: Item, score) -> tuple[str, str]:
    status = score.status
    if status == "unanswered":
        return "", "未检查"
    if status == "na":
        return "", "不适用"
    if status == "unscored":
        return "", "无法计分"
    if status == "veto":
        return "", "否决"
    if item.rule.kind == "bonus":
        return "", f"+{fmt(score.score)}" if score.score else "0"
    return (fmt(score.deduction) if score.deduction else "0"), fmt(score.score)


def _basis(score, finding_lines: list[str]) -> str:
    parts = []
    if score.status in ("deducted", "veto", "bonus", "unscored") and score.explanation:
        parts.append(score.explanation.render("zh"))
    parts.extend(finding_lines)
    return "\n".join(parts)


# -- findings and photos ---------------------------------------------------------------------------


def _evidence(store: Store, inspection) -> tuple[dict[str, list[str]], list[PhotoEntry]]:
    """Each item's finding lines, and the photos numbered in table order."""
    by_item: dict[str, list] = {}
    for finding in store.findings.of(inspection.id):
        by_item.setdefault(finding.item_id, []).append(finding)
    lines: dict[str, list[str]] = {}
    photos: list[PhotoEntry] = []
    households: dict[str, str] = {}
    for item in inspection.rubric.items():
        for k, finding in enumerate(by_item.get(item.id, [])):
            household = ""
            if finding.household_id:
                if finding.household_id not in households:
                    h = store.households.get(finding.household_id)
                    households[finding.household_id] = f"{h.head_name}户" + (f"({h.id_masked})" if h.id_masked else "")
                household = households[finding.household_id]
            # the value, then the note: 1 处;漏填家庭人口, 符合;现场查看, and no ";" left hanging after a lone 满意
            what = ";".join(p for p in (_finding_value(item, finding.value).removesuffix(";"), finding.note) if p) \
                or _unnamed(item)
            label = f"{CIRCLED[k] if k < len(CIRCLED) else f'({k + 1})'}"
            numbers = []
            for photo in store.photos.of(finding.id):
                number = len(photos) + 1
                numbers.append(str(number))
                gps = f"{photo.lat:.5f}, {photo.lon:.5f}" if photo.lat is not None and photo.lon is not None else "无"
                try:
                    path = store.photos.path(photo.sha256)
                except StoreError:  # a missing file shows as missing in the appendix, it does not stop the sheet
                    path = None
                photos.append(PhotoEntry(number, photo.sha256, f"{item.id} {item.title}", what, household or "—",
                                         (photo.taken_at or "未知").replace("T", " ")[:19], gps, path))
            # a 达标/rating value is one shared finding made with no recorder (so laptops merge it): no empty 录入
            by = f"(录入:{finding.entered_by})" if finding.entered_by else ""
            text = f"{label}{household + ':' if household else ''}{what}{by}"
            if numbers:
                text += f" 照片 {'、'.join(numbers)}"
            lines.setdefault(item.id, []).append(text)
    return lines, photos


def _finding_value(item: Item, value: Any) -> str:
    """A count says what it counts in the text's word (4 处, 2 次 for 无故缺席, 1 户 for 户不得脱贫), not a bare 4."""
    if isinstance(item.rule, PerOccurrence) and isinstance(value, int) and not isinstance(value, bool):
        return f"{value} {item.rule.unit.zh};"
    return value_text(value)


def _unnamed(item: Item) -> str:
    """A finding with neither value nor note: one of what the item's rule counts (一项缺少, 一次无故缺席)."""
    kind = item.rule.kind
    if kind == "missing_elements":
        return "缺少一项"
    if kind == "duty_checklist":
        return "一项未完成"
    return f"发现一{item.rule.unit.zh}" if isinstance(item.rule, PerOccurrence) else "发现一处"


def value_text(value: Any) -> str:
    """A finding's value as the sheet prints it, in Chinese, ending with ';' (符合, 选:宣传栏、宣传页;)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "符合" if value else "不符合"
    if isinstance(value, dict):
        if "selected" in value:  # 最少项数: the listed ways chosen, then the other ways named (其他)
            chosen = value["selected"]
            names = [str(n) for n in chosen] if isinstance(chosen, list) else [f"{chosen} 种"]
            if value.get("other"):
                names.append("其他:" + "、".join(map(str, other_names(value["other"]))))
            return "选:" + "、".join(names) + ";"
        return ";".join(f"{ANSWER_KEYS.get(k, k)} {v}" for k, v in value.items()) + ";"
    if isinstance(value, list):
        return "、".join(map(str, value)) + ";"
    return f"{value};"


# -- signers ---------------------------------------------------------------------------------------


def _entry_from_input(signer: SignerInput) -> SignerEntry:
    return SignerEntry(signer.role, ROLE_NAMES[signer.role][0], signer.name.strip(), _time(signer.signed_at or ""),
                       signer.image, strokes_hash(signer.strokes))


def _entry_from_signature(signature: Signature) -> SignerEntry:
    return SignerEntry(signature.role, ROLE_NAMES[signature.role][0], signature.name, _time(signature.signed_at),
                       signature.image, strokes_hash(signature.strokes))


def strokes_hash(strokes) -> str:
    data = json.dumps([[[round(float(x), 4), round(float(y), 4)] for x, y in s] for s in strokes])
    return hashlib.sha256(data.encode()).hexdigest()


def _time(iso: str) -> str:
    """'2026-10-12T09:30:00.000000Z' → '2026-10-12 09:30 UTC' (what the sheet prints)."""
    return f"{iso[:10]} {iso[11:16]} UTC" if len(iso) >= 16 else iso


# -- after the table -------------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A reading, warning or veto in Chinese: a ``Text``, something holding one in ``.text``, or a string."""
    for candidate in (value, getattr(value, "text", None), getattr(value, "explanation", None)):
        render = getattr(candidate, "render", None)
        if callable(render):
            return render("zh")
    return str(value)


def _texts(values: Any) -> list[str]:
    """Readings or warnings the engine may attach (score truth); rendered in Chinese, or none."""
    if not values:
        return []
    return [_text(v) for v in values]


def _grade(result: ScoreResult) -> str:
    if not result.complete:
        return "暂计(检查未完成,不评定等次)"
    if result.grade:
        return result.grade
    # a park of 附2 is not graded although the rubric has grades: its note says why
    return "不评定等次" if result.not_graded else "细则未规定等次"


def _notes(result: ScoreResult) -> list[str]:
    notes = [f"{u.item_id}:{u.reason.render('zh')}" for u in result.unscored]
    notes += _texts(getattr(result, "warnings", None))
    # the result's own notes: a grade whole steps would change (issue 8), a unit scored on what applies
    notes += _texts(getattr(result, "notes", None))
    if not result.complete:
        notes.append(f"已检查 {result.answered}/{result.item_count} 项;分数为暂计")
    return notes


