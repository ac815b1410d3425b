# Newsroom Review. `make run` serves the demo; `make serve` serves it as in production;
# `make test` runs the whole suite on PostgreSQL.
PYTHON ?= python3
PORT ?= 8000
BIND ?= 127.0.0.1
VENV := .venv
PY := $(VENV)/bin/python
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run serve test chromium postgres lint bench clean

$(VENV)/.run-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.run-installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# SQLite (db.sqlite3) unless DATABASE_URL is set in the environment.
run: $(VENV)/.run-installed
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py fingerprint
	DEBUG=1 $(PY) manage.py load_demo --feed-port $(PORT)
	@echo "Serving on http://$(BIND):$(PORT)/ with a task worker for batch uploads and a feed runner (Ctrl-C stops all)"
	DEBUG=1 $(PY) manage.py desk_worker --no-reload & worker=$$!; \
	  DEBUG=1 $(PY) manage.py run_feeds & feeds=$$!; \
	  trap 'kill $$worker $$feeds 2>/dev/null' EXIT; \
	  DEBUG=1 $(PY) manage.py runserver $(BIND):$(PORT)

# Production: DEBUG off (newsroom/production.py refuses to start without SECRET_KEY and
# ALLOWED_HOSTS), PostgreSQL at DATABASE_URL, static files collected and served by
# whitenoise, migrations applied, then gunicorn ($${WEB_CONCURRENCY:-2} workers), a task
# worker and a feed runner (manage.py run_feeds), stopped together. Behind a TLS proxy set
# BEHIND_TLS_PROXY=1 (README: Deploying).
serve: $(VENV)/.run-installed
	DJANGO_SETTINGS_MODULE=newsroom.production DATABASE_URL=$(DATABASE_URL) $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=newsroom.production DATABASE_URL=$(DATABASE_URL) $(PY) manage.py migrate --noinput
	@echo "Serving on http://$(BIND):$(PORT)/ under gunicorn, with a task worker and a feed runner (Ctrl-C stops all)"
	export DJANGO_SETTINGS_MODULE=newsroom.production DATABASE_URL=$(DATABASE_URL); \
	  $(PY) manage.py desk_worker --no-reload & worker=$$!; \
	  $(PY) manage.py run_feeds & feeds=$$!; \
	  trap 'kill $$worker $$feeds 2>/dev/null; wait $$worker $$feeds' EXIT INT TERM; \
	  $(VENV)/bin/gunicorn newsroom.wsgi:application --bind $(BIND):$(PORT) \
	    --workers $${WEB_CONCURRENCY:-2} --access-logfile - --error-logfile -

chromium:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

postgres: $(VENV)/.dev-installed
	DATABASE_URL=$(DATABASE_URL) $(PY) scripts/ensure_postgres.py

# axe-core, which the browser tests inject into pages to check accessibility.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: $(VENV)/.dev-installed chromium postgres node_modules/.package-lock.json
	DATABASE_URL=$(DATABASE_URL) $(PY) -m pytest

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy stories newsroom scripts

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache test-artifacts
