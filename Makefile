# The two set-up commands of the README. Both install what is missing (system packages,
# the virtual environment, the project) and then run.
VENV := .venv

.PHONY: run test setup forms translations bench screenshots

setup:
	bash scripts/setup.sh

run: setup
	$(VENV)/bin/fieldcheck

test: setup
	$(VENV)/bin/python -m pytest -q

bench: setup
	$(VENV)/bin/python -m benchmarks.run_all
