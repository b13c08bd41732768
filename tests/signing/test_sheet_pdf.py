"""The signed sheet: verify accepts it and refuses every kind of change; pdfsig, pdffonts and a phone agree."""

from __future__ import annotations

import dataclasses
import io
import subprocess

import pypdfium2
import pytest
import zxingcpp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sheetkit import finished_inspection, signers

from fieldcheck.ops import signing
from fieldcheck.reports import sheet
from fieldcheck.reports.sheet_seal import Seal, SealPlace
from fieldcheck.signing import canonical, pdf, qr
from fieldcheck.signing.content import gather
from fieldcheck.signing.keys import DeviceKey, self_signed_certificate
from fieldcheck.store import Store, StoreError


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """A store with two signed inspections, the key, and the first one's signed sheet."""
    folder = tmp_path_factory.mktemp("signed")
    store = Store.open(folder / "fieldcheck.db", device="laptop1", user="李明", daily_backup=False,
                       backup_on_close=False)
    key = DeviceKey.load_or_create("laptop1", folder / "keys")
    first = finished_inspection(store, photos=2)
    second = finished_inspection(store, photos=0, handbook_errors=3, village_name="桃花村")
    signing.sign_inspection(store, first, signers(), key)
    signing.sign_inspection(store, second, signers(2), key)
    data = signing.sheet_pdf(store, first, key)
    yield store, key, first, second, data, folder
    store.close()


def _refused(data: bytes, store=None) -> str:
    with pytest.raises((pdf.SheetInvalid, qr.PayloadInvalid)) as caught:
        signing.verify_sheet(data, store)
    return str(caught.value)


def test_verify_accepts_the_real_sheet(signed):
    store, key, first, _, data, _ = signed
    check = signing.verify_sheet(data, store)
    assert check.device == "laptop1" and check.fingerprint == key.fingerprint and check.key_id == key.key_id
    assert check.inspection_id == first and check.revision == 1
    assert check.content_hash == store.signatures.current(first).content_hash
    assert check.key_known is True and check.standing == "current"
    assert check.summary.startswith("衡阳县/西渡镇/梅花村 ") and check.summary.endswith(" 2026-10-12")


def test_a_changed_byte_is_refused(signed):
    data = signed[4]
    start = data.index(b"stream", len(data) // 3) + 20  # inside a page's or an image's stream, under the signature
    changed = data[:start] + bytes([data[start] ^ 0x01]) + data[start + 1:]
    assert "改动" in _refused(changed)


def test_an_annotation_appended_after_signing_is_refused(signed):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed[4]))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    annot = writer.add_object(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Annot"), generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
        generic.pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (100, 100, 140, 140)]),
        generic.pdf_name("/Contents"): generic.TextStringObject("得分改为 200")}))
    annots = page.get("/Annots", generic.ArrayObject())
    annots.append(annot)
    page[generic.pdf_name("/Annots")] = annots
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    assert "附加" in _refused(out.getvalue())


def test_a_different_key_is_refused(signed, tmp_path):
    store, key, first, _, _, _ = signed
    other = DeviceKey.load_or_create("laptop9", tmp_path / "other")
    content = gather(store, first)
    content_hash = canonical.content_hash(content)
    # the data and QR code of the real key, the PDF signed by another key
    payload = qr.make_payload(content.summary_line, content_hash, key)
    place = SealPlace()
    drawn = sheet.render(content, content_hash=content_hash, seal=Seal(payload, "laptop9", other.key_id,
                                                                             content_hash), place=place)
    forged = pdf.sign_pdf(drawn, other, page=place.page, box=place.box,
                          attachment={"qr": payload, "content": canonical.canonical(content)})
    assert "不同" in _refused(forged) or "密钥" in _refused(forged)
    # a sheet wholly made by another FieldCheck key verifies, but the database does not know that key
    own = signing.signed_pdf(content, content_hash, other)
    check = signing.verify_sheet(own, store)
    assert check.key_known is False and check.fingerprint == other.fingerprint


def _foreign_key(folder) -> DeviceKey:
    """A P-256 key whose certificate is not a FieldCheck one."""
    private = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Someone"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Other Org")])
    template = self_signed_certificate(private, "x")
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(private.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(template.not_valid_before_utc)
            .not_valid_after(template.not_valid_after_utc))
    for ext in template.extensions:
        cert = cert.add_extension(ext.value, ext.critical)
    cert = cert.sign(private, hashes.SHA256())
    folder.mkdir()
    (folder / "device-key.pem").write_bytes(private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (folder / "device-cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return DeviceKey.load_or_create("x", folder)


def test_a_pdf_signed_by_a_foreign_certificate_is_refused(signed, tmp_path):
    store, _, first, _, _, _ = signed
    content = gather(store, first)
    forged = signing.signed_pdf(content, canonical.content_hash(content), _foreign_key(tmp_path / "foreign"))
    assert "FieldCheck" in _refused(forged)


def test_a_payload_copied_from_another_sheet_is_refused(signed):
    store, key, first, second, _, _ = signed
    a, b = gather(store, first), gather(store, second)
    payload_a = qr.make_payload(a.summary_line, canonical.content_hash(a), key)
    place = SealPlace()
    drawn = sheet.render(b, content_hash=canonical.content_hash(b),
                         seal=Seal(payload_a, key.device, key.key_id, canonical.content_hash(a)), place=place)
    copied = pdf.sign_pdf(drawn, key, page=place.page, box=place.box,
                          attachment={"qr": payload_a, "content": canonical.canonical(b)})
    assert "另一份" in _refused(copied)


def test_foreign_and_unsigned_pdfs_are_refused(signed, tmp_path):
    store, _, first, _, _, _ = signed
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "not a sheet")
    canvas.save()
    assert "没有签名" in _refused(out.getvalue())
    assert "不是 PDF" in _refused(b"PK\x03\x04 a zip")
    assert _refused(b"%PDF-1.4\n garbage") == "PDF 已损坏,无法读取;请向签署方要原文件"  # not the reader's English
    content = gather(store, first)
    draft = sheet.render(dataclasses.replace(content, signers=[], draft=True), content_hash="0" * 64)
    assert "没有签名" in _refused(draft)


def test_pdfsig_says_the_signature_is_valid(signed, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(signed[4])
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in out and "Total document signed" in out
    assert "FieldCheck laptop1" in out


def test_the_font_is_embedded_and_no_other_font_is_used(signed, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(signed[4])
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    fonts = lines[2:]
    assert fonts and all("WenQuanYiMicroHei" in line for line in fonts)
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts)  # emb, sub


def _qr_texts(data: bytes, dpi: int = 200) -> list[str]:
    document = pypdfium2.PdfDocument(data)
    found = []
    for page in document:
        image = page.render(scale=dpi / 72).to_pil()
        found += [r.text for r in zxingcpp.read_barcodes(image)]
    return found


def test_the_printed_qr_code_reads_back_and_verifies(signed):
    store, key, first, _, data, _ = signed
    texts = _qr_texts(data)
    assert len(texts) == 1
    payload = qr.check_payload(texts[0])
    assert payload.content_hash == store.signatures.current(first).content_hash
    assert payload.key_id == key.key_id and payload.summary.startswith("衡阳县/西渡镇/梅花村")
    tampered = texts[0].replace(payload.summary, payload.summary.replace(" ", " 1", 1))
    with pytest.raises(qr.PayloadInvalid):
        qr.check_payload(tampered)
    with pytest.raises(qr.PayloadInvalid):
        qr.check_payload("https://example.com/not-ours")


def test_an_amended_revision_verifies_as_superseded(tmp_path):
    with Store.open(tmp_path / "a.db", device="laptop1", user="李明") as store:
        key = DeviceKey.load_or_create("laptop1", tmp_path / "keys")
        inspection = finished_inspection(store, photos=0, handbook_errors=2)
        signing.sign_inspection(store, inspection, signers(), key)
        data = signing.sheet_pdf(store, inspection, key)
        signing.amend(store, inspection, "农户姓名录错")
        check = signing.verify_sheet(data, store)
        assert check.standing == "superseded"
        draft = signing.sheet_pdf(store, inspection, key)
        assert b"/ByteRange" not in draft and _qr_texts(draft, 100) == []


def test_a_reprint_shows_what_was_signed_even_if_the_wording_changed(tmp_path, monkeypatch):
    from fieldcheck.engine import scoring
    from fieldcheck.i18n import Text

    with Store.open(tmp_path / "a.db", device="laptop1", user="李明") as store:
        key = DeviceKey.load_or_create("laptop1", tmp_path / "keys")
        inspection = finished_inspection(store, photos=1, handbook_errors=2)
        revision = signing.sign_inspection(store, inspection, signers(), key)
        first = signing.verify_sheet(signing.sheet_pdf(store, inspection, key), store)
        # a later FieldCheck prints a line more (readings from the engine): the live sheet differs…
        applied = scoring.applied_readings
        monkeypatch.setattr(scoring, "applied_readings", lambda rubric, result: [
            *applied(rubric, result), scoring.AppliedReading("later", Text("2.5.5 按最差一户计", "2.5.5: worst"))])
        assert canonical.content_hash(gather(store, inspection)) != revision.content_hash
        # …but the signed revision reprints as it was signed, and verifies with the same hash
        again = signing.verify_sheet(signing.sheet_pdf(store, inspection, key), store)
        assert again.content_hash == first.content_hash == revision.content_hash and again.standing == "current"
        # a snapshot changed behind FieldCheck's back no longer matches its hash: refused
        store.connection.execute("UPDATE revisions SET content = replace(content, '梅花村', '桃花村')")
        with pytest.raises(StoreError, match="摘要不符"):
            signing.sheet_pdf(store, inspection, key)
