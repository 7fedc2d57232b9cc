# Two entry points (see README): `make run` and `make test`. Everything else is their plumbing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run test bench mutation system-deps clean

# constraints.txt pins every transitive package to the versions the suite runs with.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# Chromium renders the static chart images (kaleido) and runs the browser tests;
# poppler renders PDFs to PNG in tests; DejaVu gives the PDF report its Unicode font.
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null; \
	fi
	@# PostgreSQL: the tests start a throwaway cluster of their own (tests/support/pg.py); pg_dump/pg_restore back up a shared store.
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; \
	fi

run: $(STAMP) system-deps
	$(BIN)/egov init
	$(BIN)/egov demo --if-empty
	@# Single-user mode makes whoever connects an administrator: it listens on this computer only.
	@ADDR="$${ADDRESS-$$($(BIN)/egov serve-address)}"; \
	if [ "$$ADDR" = "127.0.0.1" ]; then \
		echo "Modo local de un solo usuario: solo este equipo, http://127.0.0.1:$(PORT) (o http://localhost:$(PORT))."; \
		echo "Para servir a un equipo: active el inicio de sesión (egov user add NOMBRE --role admin, o [auth] en .streamlit/secrets.toml) y vuelva a ejecutar make run."; \
	fi; \
	exec $(BIN)/streamlit run app.py --server.port $(PORT) $${ADDR:+--server.address $$ADDR}

# Three workers on two cores: much of the suite waits on servers, browsers and PostgreSQL. A file's tests
# stay on one worker (--dist loadfile): the property test's meta-test counts what its neighbours threw.
test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 3 --dist loadfile

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

# Plants targeted bugs in a private copy and runs the tests chosen for each (tens of minutes; not in `make test`).
mutation: $(STAMP)
	$(BIN)/python scripts/mutation.py

clean:
	rm -rf $(VENV) .pytest_cache
