"""Grade bands: by threshold (低于80分不合格; 达标/不达标) or by spread (seed 004).

Spread: 优秀 at or above mean + 1 SD, then mean, then mean − 1 SD, 勉励 below; the
edges are computed over the totals given (population SD) and returned so they can be shown.
Seed 004 gives only the two ends ("优秀(≥均值+标准差)至勉励(<均值-标准差)"): the line at the
mean between the middle bands and the population SD (÷ n, not n − 1) are readings, and
``describe`` prints them with the mean and SD, so a county can check or redo them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fieldcheck.engine.numbers import ZERO
from fieldcheck.engine.ranking_spec import Band, BandSpec
from fieldcheck.i18n import t

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Banding:
    method: str
    bands: tuple[Band, ...]  # highest first: a total takes the first band whose minimum it reaches
    mean: Decimal | None = None
    sd: Decimal | None = None
    count: int = 0  # the totals the mean and SD are taken over

    def of(self, total: Decimal) -> str | None:
        for band in self.bands:
            if total >= band.minimum:
                return band.label
        return self.bands[-1].label if self.method == "spread" and self.bands else None

    def describe(self) -> list[str]:
        """The bands as a reader sees them: "优秀 ≥ 94.79", …, "勉励 < 84.25"."""
        out, above = [], None
        for edge in self.edges():
            out.append(f"{edge['label']} ≥ {edge['min']:g}" if edge["min"] is not None else f"{edge['label']} < {above:g}")
            above = edge["min"]
        if self.method == "spread" and self.mean is not None and self.sd is not None:
            mean, sd = f"{self.mean.quantize(CENT)}", f"{self.sd.quantize(CENT)}"
            out.append(t(f"均值 {mean}、标准差 {sd}({self.count} 个已完成单位;总体标准差,除以 {self.count};"
                         f"原文只给优秀、勉励两端,中间两档以均值为界)",
                         f"mean {mean}, SD {sd} ({self.count} finished units; population SD, divided by "
                         f"{self.count}; the text gives only the two ends, the middle bands part at the mean)"))
        return out

    def edges(self) -> list[dict]:
        """The band edges as shown: label and minimum (None for the open bottom band)."""
        out = []
        for i, band in enumerate(self.bands):
            bottom = self.method == "spread" and i == len(self.bands) - 1
            out.append({"label": band.label, "min": None if bottom else float(band.minimum.quantize(CENT))})
        return out


def banding(spec: BandSpec | None, totals: list[Decimal]) -> Banding | None:
    if spec is None:
        return None
    if spec.method == "threshold":
        return Banding("threshold", spec.bands)
    if not totals:
        return Banding("spread", ())
    n = Decimal(len(totals))
    mean = sum(totals, ZERO) / n
    sd = (sum(((x - mean) ** 2 for x in totals), ZERO) / n).sqrt()
    best, good, fair, low = spec.labels
    # the bottom band's minimum is a sentinel below every score; edges() shows it as open
    bands = (Band(mean + sd, best), Band(mean, good), Band(mean - sd, fair), Band(Decimal("-1e9"), low))
    return Banding("spread", bands, mean, sd, len(totals))
