# Two commands do all the set-up on a machine with python3 and make: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_OUT := demo-output

.PHONY: demo test lint typecheck pytest bench clean fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,ray,datatrove]"
	touch $@

# The demo also writes the HTML run report, which needs the report extra.
$(VENV)/.installed-report: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[report]"
	touch $@

demo: $(VENV)/.installed-report
	@mkdir -p $(DEMO_OUT)
	$(BIN)/textfix clean fixtures/sample/articles fixtures/sample/articles.jsonl \
		--preset news -o $(DEMO_OUT)/cleaned.jsonl --report $(DEMO_OUT)/report.html --overwrite
	@echo "cleaned records: $(DEMO_OUT)/cleaned.jsonl"
	@echo "run report: $(DEMO_OUT)/report.html"
	@$(BIN)/python -c "import json,sys; [print(json.dumps({k: r[k] for k in ('id', 'metadata') if k in r}, ensure_ascii=False)) for r in map(json.loads, open('$(DEMO_OUT)/cleaned.jsonl', encoding='utf-8'))]"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check textfix tests benchmarks fuzz
	$(BIN)/ruff format --check textfix tests benchmarks fuzz

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	touch $@

# Throughput against ftfy, clean-text and textacy (medians of 5 repeats, one process).
bench: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.throughput $(BENCH_ARGS)

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy --strict textfix

# The tests not marked slow run on PYTEST_WORKERS processes (pytest-xdist; auto: one per core).
# The linear-time guards (marked slow) run in a process of their own, one test at a time, so
# that neither earlier tests nor a parallel neighbour can skew their timings. Hypothesis runs
# HYPOTHESIS_PROFILE's example counts (dev, or ci when CI is set: see tests/conftest.py).
PYTEST_WORKERS ?= auto
pytest: $(VENV)/.installed-dev
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not slow"
	$(BIN)/pytest -m slow

test: lint typecheck pytest

# Fuzz the pipelines with atheris for FUZZ_SECONDS (default 10 minutes); crashes are saved as
# fuzz/crash-* and replayed with `$(BIN)/python fuzz/fuzz_pipeline.py fuzz/crash-<hash>`.
FUZZ_SECONDS ?= 600
$(VENV)/.installed-fuzz: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,fuzz]"
	touch $@

fuzz: $(VENV)/.installed-fuzz
	@mkdir -p fuzz/.corpus
	cd fuzz && ../$(BIN)/python fuzz_pipeline.py .corpus seeds \
		-max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -timeout=60 -rss_limit_mb=4096

clean:
	rm -rf $(VENV) $(DEMO_OUT) .mypy_cache .ruff_cache
