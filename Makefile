# Shortcuts for developers; the README's two commands are scripts/run and scripts/test,
# which need nothing but bash on a fresh machine.
.PHONY: run test setup bench

setup:
	bash scripts/setup.sh

run:
	bash scripts/run

test:
	bash scripts/test

bench: setup
	.venv/bin/python -m benchmarks.run_all
