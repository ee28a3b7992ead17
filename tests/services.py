"""Debian's servers the multi-machine tests start on loopback (redis-server, nginx).

A missing program skips the test only when we are not root; as root (CI, where the
Makefile's test dependencies install them from Debian) it fails: a skip there would hide
that the production set-up was never tried.
"""

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

SBIN = ("/usr/sbin", "/sbin", "/usr/bin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def program(name, package):
    """The path of Debian's `name` (from `package`); skips, or fails as root, without it."""
    found = shutil.which(name) or next(
        (str(Path(d) / name) for d in SBIN if (Path(d) / name).exists()), None
    )
    if found:
        return found
    message = f"{name} is not installed (apt-get install {package}; make test does it as root)"
    if os.geteuid() == 0:
        pytest.fail(message)
    pytest.skip(message)


def wait_for_port(port, process, what, log=None, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = Path(log).read_text(errors="replace")[-3000:] if log else ""
            raise RuntimeError(f"{what} stopped while starting:\n{text}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not start on 127.0.0.1:{port}")


def stop(process, seconds=10):
    """Stop a process we started, and wait for it (kill it if it will not go)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def redis_server(folder):
    """Debian's redis-server on a free loopback port, in memory only, as production keeps
    it (noeviction: a rate-limit count is never evicted). Yields its URL."""
    binary = program("redis-server", "redis-server")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / "redis.log"
    process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, our arguments
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--protected-mode",
            "yes",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
            "--maxmemory-policy",
            "noeviction",
            "--logfile",
            str(log),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, process, "redis-server", log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)
