"""The test suite's settings: the project's own, on a developer's footing (DEBUG=true in
the environment, as `make run` sets it), so that no SECRET_KEY is needed. Subprocesses
that play production set DEBUG=false and a key themselves (tests/hardening/production.py)."""

import os

os.environ.setdefault("DEBUG", "true")

from mesoinfo.settings import *  # noqa: E402,F403
