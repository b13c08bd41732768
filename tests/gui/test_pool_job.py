"""The one way the window runs a call off its thread: an answer, a sentence, or a logged bug."""

import logging
import threading

from fieldcheck.errors import UserError
from fieldcheck.gui.errors import log, setup_logging
from fieldcheck.gui.widgets.pool_job import PoolJob
from fieldcheck.i18n import t


def run(qtbot, work):
    job = PoolJob(work)
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as finished:
        job.start()
    assert job.done.is_set()
    return finished.args


def test_the_result_comes_back_on_the_windows_thread_with_progress(qtbot):
    seen = []

    def work(progress):
        progress(1, 2)
        progress(2, 2)
        return threading.current_thread() is not threading.main_thread()

    job = PoolJob(work)
    job.signals.progress.connect(lambda done, total: seen.append((done, total, threading.current_thread())))
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as finished:
        job.start()
    assert finished.args == [True, ""]  # the work ran on a pool thread
    assert [s[:2] for s in seen] == [(1, 2), (2, 2)] and all(s[2] is threading.main_thread() for s in seen)


def test_a_users_error_comes_back_as_its_sentence(qtbot, language):
    language("zh")
    def work(_progress):
        raise UserError(t("同步包已损坏,未导入任何内容", "the bundle is damaged; nothing was imported"))

    assert run(qtbot, work) == [None, "同步包已损坏,未导入任何内容"]


def test_a_bug_is_logged_with_its_traceback_and_said_in_the_users_words(qtbot, caplog, chinese, tmp_path):
    """Not "KeyError: 'missing'" in a Chinese window: a sentence saying where the words went."""
    path = setup_logging(tmp_path)

    def work(_progress):
        return {}["missing"]

    try:
        with caplog.at_level(logging.ERROR, logger="fieldcheck"):
            result, error = run(qtbot, work)
    finally:
        for handler in [h for h in log.handlers if getattr(h, "fieldcheck_log", False)]:
            log.removeHandler(handler)
            handler.close()
    assert result is None
    assert error == f"出错了,FieldCheck 未能完成刚才的操作;详情已记入 {path},请把这个文件发给 FieldCheck 的技术支持。"
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)
    assert "KeyError: 'missing'" in path.read_text(encoding="utf-8")
