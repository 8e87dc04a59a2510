# `make run` and `make test` each set up .venv on first use, then do their job.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup bench train clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "make: $(PY) not found; run 'make PY=python3 ...'"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/wirecoder analyze src/wirecoder/sample/sample-article.txt --published 2024-01-12 --format text

test: $(STAMP)
	$(BIN)/python -m pytest

# rebuilds every shipped model from ../shared/devsets and our annotated articles (fixed seed) and
# prints grouped cross-validated scores on data each model never trained on
train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,train]'
	$(BIN)/python -m wirecoder.train.events_judge
	$(BIN)/python -m wirecoder.train.events_judge_short
	$(BIN)/python -m wirecoder.train.events_args
	$(BIN)/python -m wirecoder.train.speakers
	$(BIN)/python -m wirecoder.train.evaluate --confusion tests/fixtures/heldout6 tests/fixtures/heldout7 ../shared/fixtures

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
