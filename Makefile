# Two commands for a newcomer:  `make run` (the demo site on SQLite)  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast lint format bench-search e2e clean serve bench loadtest backup restore

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed
	$(PY) manage.py compile_catalogues

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench-search: install
	$(PY) -m search.bench $(BENCH_ARGS)

# The production stack on this machine: gunicorn (workers from the core count, whitenoise) and the
# background-task worker; settings from the environment (docs/deployment.md).
serve: install
	$(PY) -m ops.serve

# Demo + 10,000 generated pages in a throwaway database, the production stack on loopback, wrk
# (docs/performance.md). DATABASE_URL=postgres://… measures on PostgreSQL.
bench: install
	$(PY) -m ops.bench $(BENCH_ARGS)

# 60 s of 50 readers and searchers while editors save and approvers publish, gunicorn HUP mid-run.
loadtest: install
	$(PY) -m ops.loadtest $(LOADTEST_ARGS)

# One archive of the database and media under backups/; its path is the last line printed.
backup: install
	$(PY) manage.py backup_site

# Into an empty database (a deleted SQLite file, or a PostgreSQL database without rows).
restore: install
	@test -n "$(FILE)" || (echo "Dùng: make restore FILE=backups/cchc-….tar.gz" && exit 2)
	$(PY) manage.py restore_site "$(FILE)"

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
