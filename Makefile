# Two commands on a fresh machine: `make demo` and `make test`. Each sets everything up first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# System tools the tests use for real: GnuCOBOL (the COBOL oracle), cloc (the line-count
# reference), bubblewrap (sandbox), git, Chromium (the dashboard's browser tests, headless),
# PostgreSQL (the PostgreSQL ledger's tests start a server of their own).
APT_PACKAGES := gnucobol3 cloc bubblewrap git chromium postgresql
DEMO_LEDGER  := reports/demo/ledger.db

.PHONY: setup system venv demo test test-all lint bench clean

setup: system venv

system:
	@missing=""; \
	command -v cobc  >/dev/null 2>&1 || missing="$$missing gnucobol3"; \
	command -v cloc  >/dev/null 2>&1 || missing="$$missing cloc"; \
	command -v bwrap >/dev/null 2>&1 || missing="$$missing bubblewrap"; \
	command -v git   >/dev/null 2>&1 || missing="$$missing git"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
	  || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "setup: installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
	      || { echo "setup: apt-get install$$missing failed; install them by hand and re-run make" >&2; exit 1; }; \
	  else \
	    echo "setup: missing system tools:$$missing. Install them (Debian/Ubuntu: sudo apt-get install$$missing) and re-run make." >&2; \
	    exit 1; \
	  fi; \
	fi
	@command -v cargo >/dev/null 2>&1 || echo "setup: warning: cargo/rustc not found; translation checks will need a Rust toolchain (https://rustup.rs)" >&2
	@command -v gcc >/dev/null 2>&1 || { echo "setup: gcc not found; install it (sudo apt-get install gcc) and re-run make" >&2; exit 1; }

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) \
	  || { echo "setup: could not create a virtualenv with $(PYTHON); install python3-venv and re-run make" >&2; exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]' \
	  || { echo "setup: pip install failed; check that PyPI is reachable (or set PIP_INDEX_URL) and re-run make" >&2; exit 1; }
	@touch $(STAMP)

demo: setup
	@mkdir -p reports/demo
	$(BIN)/refactor run targets/kvstore.toml --ledger $(DEMO_LEDGER) --report-dir reports/demo
	$(BIN)/refactor run targets/payroll.toml --ledger $(DEMO_LEDGER) --report-dir reports/demo
	COLUMNS=160 $(BIN)/refactor status targets/kvstore.toml --ledger $(DEMO_LEDGER) --units
	COLUMNS=160 $(BIN)/refactor status --ledger $(DEMO_LEDGER)
	$(BIN)/refactor report --ledger $(DEMO_LEDGER) --out reports/demo
	@echo "demo: ledger $(DEMO_LEDGER); report reports/demo/index.html (open it in a browser), reports/demo/summary.md, reports/demo/report.json"

test: setup
	$(BIN)/ruff check refactor tests bench
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

# The slow tests fetch real C and COBOL from the package registries into .cache/.
test-all: setup
	$(BIN)/python -m pytest -n 2 -q -m ''

lint: venv
	$(BIN)/ruff check refactor tests bench

bench: setup
	$(BIN)/python -m bench.scan_bench

clean:
	rm -rf $(VENV) reports/demo .pytest_cache
