# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test install setup messages system-deps lint browser-deps lock

# DEBUG is off unless the environment says otherwise (settings.py); the development server
# and the test suite turn it on, for themselves and the steps they run first.
run test: export DEBUG ?= true

# Every package, pip and setuptools included, comes from requirements.lock with its hash
# (a changed or substituted file is refused); the project itself then installs on top,
# adding nothing. `make lock` writes the lock again from pyproject.toml.
LOCK := requirements.lock
LOCK_TOOLS := 'pip>=25' 'setuptools>=68'

$(VENV)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --upgrade -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

# gettext (msgfmt) for the catalogues; installed from Debian's packages when missing.
system-deps:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext >/dev/null; \
	  else echo "Please install gettext (msgfmt): sudo apt-get install gettext" >&2; exit 1; fi; }
	@# Hunspell and a dictionary per language: search never "corrects" a real word.
	@test -e /usr/share/hunspell/ar.dic -a -e /usr/share/hunspell/en_GB.dic \
	  -a -n "$$(command -v hunspell)" || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq hunspell hunspell-ar hunspell-en-gb >/dev/null; \
	  else echo "Please install: sudo apt-get install hunspell hunspell-ar hunspell-en-gb" >&2; \
	  exit 1; fi; }

messages: install system-deps
	$(MANAGE) compilemessages --ignore "$(VENV)" -v 0

setup: messages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) collectstatic --noinput -v 0
	$(MANAGE) load_corpus

run: setup
	@echo ""
	@echo "MesoInfo: http://127.0.0.1:8000/  (Arabic /ar/, English /en/)"
	@echo "Admin:    http://127.0.0.1:8000/admin/"
	@echo "Create a staff user first with: $(MANAGE) createsuperuser"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:8000

# The browser tests' tools, from Debian's packages and the npm registry only: Chromium
# (driven by Playwright through its executable path; Playwright never downloads a browser),
# Node.js and npm, Java for the Nu HTML Checker, and tests/browser/package-lock.json's
# axe-core, vnu-jar and lighthouse (install scripts off: vnu-jar's would fetch a Java).
BROWSER_DIR := tests/browser
APT_BROWSER := $(if $(shell command -v chromium),,chromium) \
	$(if $(shell command -v node),,nodejs) $(if $(shell command -v npm),,npm) \
	$(if $(shell command -v java),,default-jre-headless)

browser-deps:
	@if [ -n "$(strip $(APT_BROWSER))" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_BROWSER) >/dev/null; \
	  else echo "Please install: sudo apt-get install $(APT_BROWSER)" >&2; exit 1; fi; fi
	@[ $(BROWSER_DIR)/node_modules/.package-lock.json -nt $(BROWSER_DIR)/package-lock.json ] || \
	  (cd $(BROWSER_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# The suite runs twice: on SQLite, then on a throwaway PostgreSQL server (.ci/with-postgres
# installs PostgreSQL when it is missing and we are root; otherwise it says so and skips).
test: messages browser-deps
	mkdir -p test-artifacts/screenshots
	$(PY) -m pytest
	.ci/with-postgres $(PY) -m pytest -p no:cacheprovider -m "not load"

# Keeps the versions already locked where pyproject.toml allows them; `make lock UPGRADE=1`
# takes the newest allowed. uv resolves for every platform Python 3.11 and 3.12 run on.
lock:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet 'uv>=0.9,<1'
	printf '%s\n' $(LOCK_TOOLS) | $(VENV)/bin/uv pip compile pyproject.toml - --extra test \
	  --generate-hashes --universal --python-version 3.11 $(if $(UPGRADE),--upgrade) \
	  --custom-compile-command "make lock" --quiet -o $(LOCK)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
