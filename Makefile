# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test install install-test setup setup-mode messages system-deps lint browser-deps lock

# DEBUG is off unless the environment says otherwise (settings.py); the development server,
# the test suite and a bare `make setup` turn it on, for themselves and the steps they run
# first. Production sets DEBUG=false in /etc/mesoinfo/env, read before `make setup`.
DEBUG_ORIGIN := $(origin DEBUG)
run test setup: export DEBUG ?= true

# Every package, pip and setuptools included, comes from a lock with its hash (a changed or
# substituted file is refused); the project itself then installs on top, adding nothing.
# Two locks: requirements.lock, what the site runs on (`make run`, production), and
# requirements-test.lock, the same versions and the test tools (`make test`).
# `make lock` writes both again from pyproject.toml.
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock
LOCK_TOOLS := 'pip>=25' 'setuptools>=68'

$(VENV)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --upgrade -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed $(TEST_LOCK)
	$(PY) -m pip install --quiet --require-hashes --upgrade -r $(TEST_LOCK)
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# gettext (msgfmt) for the catalogues, and hunspell with a dictionary per language: search
# never "corrects" a real word into another (search/), and the spelling test reads the
# Arabic pages (tests/content/test_spelling_ar.py). From Debian's packages when missing.
APT_SYSTEM := $(if $(shell command -v msgfmt),,gettext) \
	$(if $(shell command -v hunspell),,hunspell) \
	$(if $(wildcard /usr/share/hunspell/ar.dic),,hunspell-ar) \
	$(if $(wildcard /usr/share/hunspell/en_GB.dic),,hunspell-en-gb)

system-deps:
	@if [ -n "$(strip $(APT_SYSTEM))" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_SYSTEM) >/dev/null; \
	  else echo "Please install: sudo apt-get install $(APT_SYSTEM)" >&2; exit 1; fi; fi

messages: install system-deps
	$(MANAGE) compilemessages --ignore "$(VENV)" -v 0

# Said before the two minutes of installing, so a production machine whose settings were
# not read stops at once (Ctrl-C) instead of setting up a development site.
setup-mode:
	@if [ "$(DEBUG_ORIGIN)" = undefined ] && [ -n "$(filter setup,$(MAKECMDGOALS))" ]; then echo "DEBUG is not set: setting up for\
	 development (DEBUG=true). In production, read the settings first:\
	 set -a; . /etc/mesoinfo/env; set +a" >&2; fi

setup: setup-mode messages
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
# The topology test (tests/integration/test_topology.py) and the Redis cache tests: Debian's
# nginx in front of two app servers, redis-server, and openssl for a throwaway certificate.
# Their services are not started by the install (policy-rc.d): the tests start their own.
APT_TOPOLOGY := $(if $(wildcard /usr/sbin/nginx),,nginx) \
	$(if $(shell command -v redis-server),,redis-server) \
	$(if $(shell command -v openssl),,openssl)
APT_TEST := $(strip $(APT_BROWSER) $(APT_TOPOLOGY))

browser-deps:
	@if [ -n "$(APT_TEST)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    created=; [ -e /usr/sbin/policy-rc.d ] || { created=1; \
	      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }; \
	    apt-get update -qq && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_TEST) >/dev/null; \
	    status=$$?; [ -z "$$created" ] || rm -f /usr/sbin/policy-rc.d; exit $$status; \
	  else echo "Please install: sudo apt-get install $(APT_TEST)" >&2; exit 1; fi; fi
	@[ $(BROWSER_DIR)/node_modules/.package-lock.json -nt $(BROWSER_DIR)/package-lock.json ] || \
	  (cd $(BROWSER_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# The whole suite, on SQLite and on a throwaway PostgreSQL server (.ci/with-postgres
# installs PostgreSQL when it is missing and we are root; otherwise it says so and skips),
# plus a French run that adds a language in settings alone (tests/third_language/).
# .ci/suite says which run does what and why.
test: install-test messages browser-deps
	.ci/suite $(PY)

# Keeps the versions already locked where pyproject.toml allows them; `make lock UPGRADE=1`
# takes the newest allowed. uv resolves for every platform Python 3.11 and 3.12 run on; the
# test lock is held to the runtime lock's versions, so tests run what production runs.
UV_COMPILE = $(VENV)/bin/uv pip compile pyproject.toml - --generate-hashes --universal \
	--python-version 3.11 --custom-compile-command "make lock" --quiet

lock:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet 'uv>=0.9,<1'
	printf '%s\n' $(LOCK_TOOLS) | $(UV_COMPILE) $(if $(UPGRADE),--upgrade) -o $(LOCK)
	printf '%s\n' $(LOCK_TOOLS) | $(UV_COMPILE) --extra test -c $(LOCK) \
	  $(if $(UPGRADE),--upgrade) -o $(TEST_LOCK)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
