"""The signing commands as a user runs them: inspection sign/amend, sheet, verify (PDF and --qr)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from fieldcheck.cli import build_parser
from fieldcheck.signing.strokes import render_png, scribble
from fieldcheck.store import Store

ROOT = Path(__file__).resolve().parents[2]
from sheetkit import finished_inspection


def run(*args, home=None):
    env = {**os.environ, "FIELDCHECK_LANG": "zh"}
    if home is not None:
        env["FIELDCHECK_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "fieldcheck", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=ROOT)


def test_every_signing_command_has_help():
    parser = build_parser()
    for argv in (["sheet", "--help"], ["verify", "--help"], ["inspection", "sign", "--help"],
                 ["inspection", "amend", "--help"]):
        with pytest.raises(SystemExit) as info:
            parser.parse_args(argv)
        assert info.value.code == 0


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "fieldcheck.db"
    with Store.open(path, device="laptop1", user="李明") as store:
        inspection = finished_inspection(store, photos=1, handbook_errors=4)
        unfinished = finished_inspection(store, photos=0, finish=False, village_name="桃花村")
    return path, inspection, unfinished


def test_sign_sheet_verify_amend(database, tmp_path):
    db, inspection, unfinished = database
    home = tmp_path / "home"
    png = tmp_path / "leader.png"
    png.write_bytes(render_png(scribble(__import__("random").Random(1), 2)))
    # a draft sheet first: marked 草稿, unsigned, refused by verify
    draft = tmp_path / "draft.pdf"
    assert run("sheet", "--db", db, inspection, "-o", draft, home=home).returncode == 0
    refused = run("verify", draft, home=home)
    assert refused.returncode == 1 and "没有签名" in refused.stderr and "Traceback" not in refused.stderr
    # sign: an unfinished inspection is refused, naming how many items are missing
    bad = run("inspection", "sign", "--db", db, unfinished, "--signer", "张三:leader", home=home)
    assert bad.returncode == 1 and "未检查" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    bad = run("inspection", "sign", "--db", db, inspection, "--signer", "张三", home=home)
    assert bad.returncode == 1 and "姓名:角色" in bad.stderr
    bad = run("inspection", "sign", "--db", db, inspection, "--signer", f"张三:组长:{tmp_path / 'none.png'}", home=home)
    assert bad.returncode == 1 and "找不到签名图片" in bad.stderr
    signed = run("inspection", "sign", "--db", db, inspection, "--signer", f"张三:组长:{png}", "--signer",
                 "李四:member", "--signer", "王村长:representative", home=home)
    assert signed.returncode == 0, signed.stderr
    assert "已签字并锁定" in signed.stdout
    # the signed sheet verifies, with and without the database
    sheet = tmp_path / "sheet.pdf"
    assert run("sheet", "--db", db, inspection, "-o", sheet, home=home).returncode == 0
    ok = run("verify", sheet, home=home)
    assert ok.returncode == 0 and "评分表完好,由 FieldCheck 设备「" in ok.stdout and "密钥指纹" in ok.stdout
    ok = run("verify", sheet, "--db", db, home=home)
    assert ok.returncode == 0 and "认识该密钥" in ok.stdout and "现行版本" in ok.stdout
    # the QR code a phone reads off the printed page
    image = pypdfium2.PdfDocument(sheet.read_bytes())
    texts = [r.text for page in image for r in zxingcpp.read_barcodes(page.render(scale=200 / 72).to_pil())]
    assert len(texts) == 1
    qr_ok = run("verify", "--qr", texts[0], home=home)
    assert qr_ok.returncode == 0 and "二维码有效" in qr_ok.stdout
    qr_bad = run("verify", "--qr", texts[0].replace("h=", "h=0", 1)[:-1], home=home)
    assert qr_bad.returncode == 1 and "Traceback" not in qr_bad.stderr
    # a changed byte
    data = sheet.read_bytes()
    at = data.index(b"stream", len(data) // 2) + 30
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:])
    refused = run("verify", changed, home=home)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    # amend: a reason is required; afterwards the printed sheet is superseded
    no_reason = run("inspection", "amend", "--db", db, inspection, "--reason", " ", home=home)
    assert no_reason.returncode == 1 and "原因" in no_reason.stderr
    amended = run("inspection", "amend", "--db", db, inspection, "--reason", "户主姓名录错", home=home)
    assert amended.returncode == 0 and "第 2 版" in amended.stdout
    old = run("verify", sheet, "--db", db, home=home)
    assert old.returncode == 0 and "已被修订取代" in old.stdout
    with Store.open(db) as store:
        assert store.inspections.get(inspection).status == "draft"
        assert any(e.action == "amend" and e.new["reason"] == "户主姓名录错" for e in store.audit.entries(inspection))


def test_bad_inputs_are_one_sentence(database, tmp_path):
    db, inspection, _ = database
    for args in (["verify", tmp_path / "missing.pdf"], ["verify"], ["sheet", "--db", db, "nope", "-o", tmp_path / "x.pdf"],
                 ["inspection", "amend", "--db", db, inspection, "--reason", "无"],
                 ["verify", "--qr", "hello"]):
        result = run(*args, home=tmp_path / "home")
        assert result.returncode == 1, args
        assert result.stderr.strip() and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_a_sheet_with_an_annotation_added_is_refused_in_one_sentence(database, tmp_path):
    # pyHanko logs why it judged the change illegal, with a traceback; the user sees one sentence
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from sheetkit import signers

    from fieldcheck.ops import signing
    from fieldcheck.signing.keys import DeviceKey

    db, inspection, _ = database
    with Store.open(db) as store:
        key = DeviceKey.load_or_create("laptop1", tmp_path / "keys")
        signing.sign_inspection(store, inspection, signers(), key)
        data = signing.sheet_pdf(store, inspection, key)
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    note = writer.add_object(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Annot"), generic.pdf_name("/Subtype"): generic.pdf_name("/FreeText"),
        generic.pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (100, 600, 300, 640)]),
        generic.pdf_name("/Contents"): generic.TextStringObject("总分 210")}))
    page[generic.pdf_name("/Annots")] = generic.ArrayObject([note])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    annotated = tmp_path / "annotated.pdf"
    annotated.write_bytes(out.getvalue())
    refused = run("verify", annotated, home=tmp_path / "home")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip().splitlines() == [refused.stderr.strip()] and "附加" in refused.stderr
