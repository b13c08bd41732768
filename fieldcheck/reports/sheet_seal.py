"""The signed sheet's device seal: the signature area with the QR code, the device and its key id.

``render`` draws it in the signature block and notes where (``SealPlace``), so that the PDF
signature field (``ops.signing``) lies over it.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldcheck.reports.sheet_style import FONT, MM
from fieldcheck.signing.qr import matrix


@dataclass
class SealPlace:
    """Where the device's signature area was drawn: the page (0-based) and the box in points."""

    page: int = -1
    box: tuple[float, float, float, float] = (0, 0, 0, 0)


@dataclass(frozen=True)
class Seal:
    """What the signature area of a signed sheet shows: the QR text and the device's key."""

    payload: str
    device: str
    key_id: str
    content_hash: str


def seal_box(seal: Seal, place: SealPlace):
    """The device's signature area as a flowable (its class is made on first use: reportlab is lazy)."""
    return _seal_class()(seal, place)


_SEAL_CLASS = None


def _seal_class():
    global _SEAL_CLASS
    if _SEAL_CLASS is not None:
        return _SEAL_CLASS
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.platypus import Flowable  # lazy: reportlab

    class _SealBox(Flowable):
        """The device's signature area: the QR code, the device and its key id; the PDF field lies over it."""

        def __init__(self, seal: Seal, place: SealPlace):
            super().__init__()
            self.seal, self.place = seal, place
            self.modules = matrix(seal.payload)
            self.module = 0.55 * MM
            self.width = 38 * MM
            self.height = len(self.modules) * self.module + 4 * self.module + 14 * MM

        def wrap(self, available_width, available_height):
            return self.width, self.height

        def draw(self):
            c = self.canv
            n = len(self.modules)
            side = (n + 4) * self.module
            x0 = (self.width - side) / 2 + 2 * self.module
            y0 = self.height - side + 2 * self.module
            c.saveState()
            c.setFillColor(colors.black)
            path = c.beginPath()
            for r, row in enumerate(self.modules):  # a run of dark modules is one rectangle: a smaller, faster PDF
                k = 0
                while k < n:
                    if row[k]:
                        start = k
                        while k < n and row[k]:
                            k += 1
                        path.rect(x0 + start * self.module, y0 + (n - 1 - r) * self.module,
                                  (k - start) * self.module, self.module)
                    else:
                        k += 1
            c.drawPath(path, stroke=0, fill=1)
            c.setFont(FONT, 6.5)
            y = y0 - 2 * self.module - 8
            for text in ("本机电子签章(扫码核验)", f"设备:{self.seal.device}"[:22], f"密钥:{self.seal.key_id}",
                         f"摘要:{self.seal.content_hash[:16]}"):
                c.drawCentredString(self.width / 2, y, text)
                y -= 8
            c.setStrokeColor(colors.grey)
            c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            c.restoreState()
            x, y = c.absolutePosition(0, 0)
            self.place.page = c.getPageNumber() - 1
            self.place.box = (x, y, x + self.width, y + self.height)

    _SEAL_CLASS = _SealBox
    return _SEAL_CLASS
