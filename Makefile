# SDG Twinning: `make run` serves the demo, `make test` runs ruff and the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
VENDOR := static/vendor

.PHONY: run test install lint format messages bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/htmx
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images $(VENDOR)/leaflet/
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	touch $@

install: $(VENV)/.installed $(VENDOR)/.installed

# The demo server runs in development mode; production sets SECRET_KEY and leaves DEBUG off.
DEV := DEBUG=true
TOOLS := DJANGO_SETTINGS_MODULE=config.test_settings

run: install
	$(DEV) $(PY) manage.py migrate --no-input
	$(DEV) $(PY) manage.py seed_demo
	@$(DEV) $(PY) manage.py seed_demo --print-logins
	$(DEV) $(VENV)/bin/uvicorn config.asgi:application --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: install lint
	$(TOOLS) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules >/dev/null
	$(VENV)/bin/pytest -n 2 --ignore=tests/e2e
	$(VENV)/bin/pytest tests/e2e

messages: $(VENV)/.installed
	$(TOOLS) $(PY) manage.py makemessages --no-obsolete --no-location -l nl -l fr -l es --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=static --ignore=tests --ignore=bench
	$(TOOLS) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

bench: install
	bench/run.sh

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles db.sqlite3
