# Shortcuts for developers; the README's two commands are scripts/run and scripts/test,
# which need nothing but bash on a fresh machine.
.PHONY: run test setup bench forms screenshots installer

setup:
	bash scripts/setup.sh

run:
	bash scripts/run

test:
	bash scripts/test

bench: setup
	.venv/bin/python -m benchmarks.run_all

# Regenerate the compiled Designer forms and the .qm translations (committed, marked generated).
forms: setup
	.venv/bin/python scripts/build_ui.py

# Screenshots of the real window and every view (scripts/shots/), under Xvfb, zh and en, 1366x768 and 1920x1080,
# into out/screenshots; `--only GROUP...` for some: .venv/bin/python scripts/screenshots.py --only leader
screenshots: setup
	.venv/bin/python scripts/screenshots.py

# The Linux installer (installer/out/fieldcheck-<version>-linux-<arch>.tar.xz); see installer/build.
installer:
	bash installer/build
