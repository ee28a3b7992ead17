"""A bounded load test on loopback: gunicorn with production settings, N clients, T seconds.

    .venv/bin/python benchmarks/load_test.py --clients 8 --seconds 20

It prepares a throwaway SQLite database and static files in a temporary folder, starts
gunicorn on 127.0.0.1 with DEBUG off, and runs the clients in threads until the time is
up. Each client reads pages (home, screener, a stylesheet) and sends consultation
requests the way a browser does (CSRF cookie, form token, Referer). At the end it counts
every request the server accepted (302 to the "sent" page) and looks each one up in the
database. It reports errors and lost requests and exits 1 if there were any. It sends
traffic only to 127.0.0.1, and stops by itself.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|token)" value="([^"]+)"')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(folder):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "mesoinfo.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{folder / 'load.sqlite3'}",
            "STATIC_ROOT": str(folder / "static"),
            # Plain HTTP on loopback stands in for the TLS proxy: the client sends the
            # proxy's header, so cookies stay Secure and CSRF checks stay strict.
            "SECURE_SSL_REDIRECT": "false",
            "PROXY_SSL_HEADER": "X-Forwarded-Proto",
            "CONSULTATION_MIN_FILL_SECONDS": "0",
            "CONSULTATION_RATE_LIMIT": "1000000/h",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


class Client:
    def __init__(self, port, number, deadline, stats):
        self.port, self.number, self.deadline, self.stats = port, number, deadline, stats
        self.cookies = {}
        self.sent = 0

    def request(self, method, path, body=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": f"https://127.0.0.1:{self.port}/en/screener/consultation/",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers, content
        finally:
            conn.close()

    def expect(self, method, path, statuses, body=None):
        self.stats["requests"] += 1
        try:
            status, headers, content = self.request(method, path, body)
        except (OSError, http.client.HTTPException) as error:
            self.stats["errors"].append(f"{method} {path}: {error!r}")
            return None, None
        if status not in statuses:
            self.stats["errors"].append(f"{method} {path}: HTTP {status}")
            return None, None
        return headers, content

    def consult(self):
        _, form = self.expect("GET", "/en/screener/consultation/", {200})
        if form is None:
            return
        fields = dict(HIDDEN.findall(form))
        name = f"Load client {self.number} request {self.sent}"
        self.sent += 1
        data = {
            **fields,
            "name": name,
            "phone": f"+9665{self.number:03d}{self.sent:05d}",
            "email": "",
            "preferred_language": "en",
            "preferred_time": "any",
            "message": "",
            "consent_to_contact": "on",
            "website": "",
        }
        headers, _ = self.expect("POST", "/en/screener/consultation/", {302}, data)
        if headers is None:
            return
        if headers.get("Location", "").endswith("/en/screener/consultation/sent/"):
            self.stats["accepted"].append(name)
        else:
            self.stats["errors"].append(f"consultation not accepted: {headers.get('Location')}")

    def run(self):
        pages = ["/ar/", "/en/", "/ar/screener/", "/en/screener/question/1/"]
        while time.monotonic() < self.deadline:
            for path in pages:
                self.expect("GET", path, {200})
            self.expect("GET", "/static/css/site.css", {200, 404})
            self.consult()


def wait_for(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def run(clients=8, seconds=20, workers=2):
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="mesoinfo-load-") as tmp:
        folder = Path(tmp)
        env = server_env(folder)
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([python, "manage.py", *command], cwd=BASE_DIR, env=env, check=True)  # noqa: S603
        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [
                python,
                "-m",
                "gunicorn",
                "mesoinfo.wsgi",
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{port}",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        stats = {"requests": 0, "errors": [], "accepted": []}
        try:
            wait_for(port, server)
            deadline = time.monotonic() + seconds
            started = time.monotonic()
            threads = [
                threading.Thread(target=Client(port, n, deadline, stats).run)
                for n in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            try:
                _, server_errors = server.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                _, server_errors = server.communicate()
        with sqlite3.connect(folder / "load.sqlite3") as db:
            stored = {row[0] for row in db.execute("SELECT name FROM screener_consultationrequest")}
    lost = sorted(set(stats["accepted"]) - stored)
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": stats["requests"],
        "requests_per_second": round(stats["requests"] / elapsed, 1),
        "consultations_accepted": len(stats["accepted"]),
        "consultations_stored": len(stored),
        "lost": lost,
        "errors": stats["errors"],
        "server_tracebacks": server_errors.decode(errors="replace").count("Traceback"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    args = parser.parse_args()
    report = run(args.clients, args.seconds, args.workers)
    print(json.dumps(report | {"errors": report["errors"][:20]}, indent=1))
    ok = not report["errors"] and not report["lost"] and not report["server_tracebacks"]
    print("OK: no errors, no lost requests" if ok else "FAILED", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
