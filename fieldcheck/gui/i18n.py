"""The window's language: Qt translators for Chinese, English as the source language.

Convention (shared by every module in fieldcheck/gui, decided for the whole window):

* UI strings are written in **English** in the code, always through ``self.tr("...")`` in a
  QObject subclass (or ``QCoreApplication.translate("Context", "...")`` elsewhere), and in
  English in the Designer forms under ``ui/``. Chinese comes from Qt Linguist catalogues.
* One catalogue per top-level piece of ``fieldcheck/gui``: the module ``fieldcheck/gui/X.py``
  (or the package ``fieldcheck/gui/X/``) together with the form ``ui/X.ui`` when there is one
  has its translations in ``resources/translations/X_zh_CN.ts``; a form with no module of its
  name gets its own ``<form>_zh_CN.ts``. So each helper edits only the catalogues of the
  modules it owns. Fill the ``<translation>`` elements (Qt Linguist, or by hand) and leave no
  entry ``type="unfinished"``: tests/gui/test_i18n.py fails on an untranslated string.
* ``python scripts/build_ui.py`` regenerates everything generated: the forms in
  ``fieldcheck/gui/forms/`` (pyside6-uic), the .ts catalogues (pyside6-lupdate, which keeps
  existing translations) and the compiled .qm files (pyside6-lrelease). Generated outputs are
  committed; tests/test_ui_generated.py fails when they are stale.
* The language is chosen as: the setting saved from the settings dialog ("zh" or "en"), else
  ``FIELDCHECK_LANG``, else the system locale (Chinese locale → Chinese, anything else →
  English). The choice is also exported as ``FIELDCHECK_LANG`` so that messages from the
  domain code (``fieldcheck.lang.t``, e.g. a StoreError) speak the same language as the window.
"""
