PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test lint bench install install-test clean screenshots

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test,spark]'

DEMO_DB ?= demo.db

demo: install
	$(BIN)/newsgraph extract examples/ --published 2023-09-04 --format table
	$(BIN)/newsgraph ingest examples/ --published 2023-09-04 --db $(DEMO_DB)
	$(BIN)/newsgraph actor Russia --db $(DEMO_DB)
	@echo
	@echo "Explore it in your browser: $(BIN)/newsgraph serve $(DEMO_DB)   (then open http://127.0.0.1:8001)"

test: install-test
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

# the README's explorer screenshots, taken by the browser tests on their fixture store
screenshots: install-test
	$(BIN)/python -m pytest -q tests/browser
	for page in overview events-role actor-russia cluster article source; do \
		cp tests/browser/artifacts/$$page.png docs/screenshots/; done

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
