"""Power cuts: a child process writes findings (and photos) and is killed with SIGKILL at random moments.

Afterwards the database must pass integrity_check, every finding the child reported as
committed must be there with its audit row, and every referenced photo must be whole.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fieldcheck.engine import catalog
from fieldcheck.store import Store
from fieldcheck.store.integrity import check

ROUNDS = 24
ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import io, sys
from PIL import Image
from fieldcheck.store import Store

path, inspection, round_no = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = Store.open(path, device=f"crash{round_no}", daily_backup=False, backup_on_close=False)
n = 0
while True:
    n += 1
    finding = store.findings.add(inspection, "2.1.4", note=f"round {round_no} finding {n}")
    if n % 5 == 0:  # a photo now and then, so that kills also land in the middle of photo writes
        buf = io.BytesIO()
        Image.new("RGB", (640, 480), ((round_no * 37) % 256, n % 256, 90)).save(buf, "JPEG", quality=90)
        store.photos.add(finding.id, buf.getvalue())
    print(finding.id, flush=True)
"""


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path):
    path = tmp_path / "field.db"
    with Store.open(path, device="setup", backup_on_close=False) as store:
        inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=None,
                                             assessee_name="梅花村", inspectors=["李明"], date="2026-11-20")
    rng = random.Random(20261122)
    reported: list[str] = []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for round_no in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), inspection, str(round_no)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        lines: list[str] = []
        started = threading.Event()

        def read(stream=child.stdout, out=lines, flag=started):
            for line in stream:
                out.append(line.strip())
                flag.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if not started.wait(20):
            child.kill()
            pytest.fail("the writer never committed a finding: " + child.stderr.read())
        time.sleep(rng.uniform(0.0, 0.25))  # the power goes at a random moment
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join(5)
        child.stderr.close()
        assert child.returncode == -signal.SIGKILL, "the child ended on its own: it must have failed"
        reported.extend(l for l in lines if l)
    assert len(reported) > ROUNDS  # the kills landed while writing, not before it began

    report = check(path)  # read-only: integrity_check, foreign keys, every photo's hash
    assert report.ok, report.problems
    with Store.open(path, device="verify", backup_on_close=False) as store:
        conn = store.connection
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {f.id for f in store.findings.of(inspection)}
        missing = [fid for fid in reported if fid not in stored]
        assert missing == []
        # a change and its audit row are one transaction: never one without the other
        audited = {a.entity_id for a in store.audit.entries(inspection) if a.entity == "finding" and a.action == "create"}
        assert audited == stored
        for photo_sha, in conn.execute("SELECT DISTINCT sha256 FROM photos"):
            assert store.photos.path(photo_sha).is_file()
