# The two commands a user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= $(or $(CONTACTS_DB),data/contacts.duckdb)
PORT   ?= 8501
# Test processes for `make test`, each running whole test files (TEST_WORKERS=0: one process).
TEST_WORKERS ?= 2
# No sign-in (one local user) only while no sign-in is set up in .streamlit/secrets.toml.
AUTH   ?= $(if $(wildcard .streamlit/secrets.toml),,local)

.PHONY: run test demo venv test-venv chromium clean bench

run: venv
	@test -f "$(DB)" || { echo "Building the demo store $(DB) (about a minute, once)..."; $(BIN)/python -m analytics demo --db "$(DB)"; }
	CONTACTS_DB="$(DB)" CONTACTS_AUTH="$(AUTH)" $(BIN)/python -m ui.server \
		--server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

test: test-venv chromium
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

demo: venv
	$(BIN)/python -m analytics demo --db "$(DB)"

venv: $(VENV)/.installed

test-venv: $(VENV)/.test-installed

# Debian's python3 needs python3-venv for `-m venv`; install it when we may.
$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
		rm -rf $(VENV); \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); \
		else echo "Python's venv module is missing. Run: sudo apt-get install -y python3-venv"; exit 1; fi; }

$(VENV)/.installed: requirements.txt $(VENV)/bin/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	@touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install -q -r requirements-test.txt
	@touch $@

# Browser tests drive Debian's Chromium.
chromium:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the browser tests..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else echo "The browser tests need Chromium. Run: sudo apt-get install -y chromium"; exit 1; fi; }

# The scale benchmark (not a test; 1M, 5M and 20M stores, tens of minutes): the tables go to
# benchmarks/results/scale.md and .json. BENCH_ARGS passes options, e.g.
# make bench BENCH_ARGS="--sizes 1M --repeat 3 --no-browser" or "--store-20m PATH".
BENCH_ARGS ?=
bench: test-venv chromium
	$(BIN)/python benchmarks/scale.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
