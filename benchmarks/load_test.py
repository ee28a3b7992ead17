"""A bounded load test on loopback: gunicorn with production settings, N clients, T seconds.

    .venv/bin/python benchmarks/load_test.py --clients 8 --seconds 20

It prepares a throwaway database (migrate, the article corpus) and static files in a
temporary folder, starts gunicorn on 127.0.0.1 with DEBUG off, and runs the clients in
threads until the time is up. The database is an SQLite file, or, when DATABASE_URL
names a PostgreSQL server, a fresh database on that server, dropped at the end. Each
client reads pages (home, screener, articles, the stylesheet) and sends consultation
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
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|token)" value="([^"]+)"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/static/css/site\.[^"]*css)"')
ARTICLE_LINK = r'href="(/{language}/[^"/?#]+/[^"/?#]+/)"'
# The site's languages (settings.LANGUAGES) as every page lists them for crawlers.
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href=')
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres(url, database):
    import psycopg

    parts = urlsplit(url)
    target = urlunsplit(parts._replace(scheme="postgresql", path="/" + database))
    return psycopg.connect(target, autocommit=True)


@contextmanager
def scratch_database(folder):
    """A database URL for one run, never the one DATABASE_URL names itself.

    SQLite (the default): a file in `folder`. When DATABASE_URL names a PostgreSQL
    server: a new, empty database on that server, dropped afterwards, so the run
    exercises PostgreSQL without touching the database the URL points at.
    """
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in POSTGRES_SCHEMES:
        yield f"sqlite:///{Path(folder) / 'site.sqlite3'}"
        return
    from psycopg import OperationalError, sql

    home = urlsplit(url).path.lstrip("/") or "postgres"
    name = f"{home[:30]}_scratch_{secrets.token_hex(4)}"
    try:
        connection = _postgres(url, home)
    except OperationalError:  # the URL's own database may not exist yet
        home = "postgres"
        connection = _postgres(url, home)
    with connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(url)._replace(path="/" + name))
    finally:
        with _postgres(url, home) as connection:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            connection.execute(drop.format(sql.Identifier(name)))


def server_env(folder, database_url, **overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PYTEST_")) and k != "REDIS_URL"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "mesoinfo.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(folder / "static"),
            # The run's own cache: the site's default one is shared by every process on
            # the machine, and would hold pages and rate limits from other runs.
            "CACHE_DIR": str(folder / "cache"),
            # Plain HTTP on loopback stands in for the TLS proxy: the client sends the
            # proxy's header, so cookies stay Secure and CSRF checks stay strict.
            "SECURE_SSL_REDIRECT": "false",
            "PROXY_SSL_HEADER": "X-Forwarded-Proto",
            "CONSULTATION_MIN_FILL_SECONDS": "0",
            "CONSULTATION_RATE_LIMIT": "1000000/h",
            "CONSULTATION_SITE_LIMIT": "1000000/h",
            "CONSULTATION_VISITOR_LIMIT": "1000000/h",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(overrides)
    return env


def manage(env, *args, timeout=300, cwd=BASE_DIR):
    """Run manage.py with `env` (in checkout `cwd`); its output, or an error that shows what
    went wrong."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def prepare(env):
    """Tables, the article corpus and the static files, as `make setup` does."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_corpus", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")


class Server:
    def __init__(self, port, log, access_log):
        self.port, self.log, self.access_log = port, log, access_log

    def log_text(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def served_by(self):
        """[(worker pid, request line)] from the access log, in order."""
        if not self.access_log.exists():
            return []
        lines = self.access_log.read_text(errors="replace").splitlines()
        return [tuple(line.split(" ", 1)) for line in lines if " " in line]


@contextmanager
def gunicorn(env, folder, workers=2, cwd=BASE_DIR):
    """gunicorn on a free loopback port, running the code in `cwd`, stopped (and waited for)
    on the way out.

    Its error log goes to gunicorn.log in `folder`, its access log (each line: the
    worker's pid and the request line) to access.log.
    """
    port = free_port()
    log, access_log = Path(folder) / "gunicorn.log", Path(folder) / "access.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "mesoinfo.wsgi",
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{port}",
                "--access-logfile",
                str(access_log),
                "--access-logformat",
                "%(p)s %(r)s",
            ],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    server = Server(port, log, access_log)
    try:
        wait_for(port, process, server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(port, process, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped while starting:\n{server.log_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def get(port, path, headers=None):
    """One plain GET on loopback, as the TLS proxy would pass it on: (status, headers, text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", quote(path, safe="/%?=&"), headers={"X-Forwarded-Proto": "https"})
        response = conn.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def site_languages(port):
    """The language codes of settings.LANGUAGES, as the default home page names them."""
    status, headers, html = get(port, "/")
    if 300 <= status < 400:
        status, headers, html = get(port, urlsplit(headers["Location"]).path)
    if status != 200:
        raise RuntimeError(f"the home page answered {status}")
    return [code for code in ALTERNATE.findall(html) if code != "x-default"]


def site_paths(port):
    """The stylesheet and an article in each language, as the home pages link them."""
    paths = {"articles": []}
    for language in site_languages(port):
        status, _headers, html = get(port, f"/{language}/")
        if status != 200:
            raise RuntimeError(f"/{language}/ answered {status}")
        paths["stylesheet"] = STYLESHEET.search(html).group(1)
        articles = re.compile(ARTICLE_LINK.format(language=re.escape(language)))
        links = [p for p in articles.findall(html) if "/screener/" not in p]
        if not links:
            raise RuntimeError(f"no article linked from /{language}/: was the corpus loaded?")
        paths["articles"].append(links[0])
    return paths


class Client:
    def __init__(self, port, number, deadline, stats, paths):
        self.port, self.number, self.deadline, self.stats = port, number, deadline, stats
        self.paths = paths
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
            # Post/Redirect/Get: the confirmation is its own page, with the reference.
            self.expect("GET", "/en/screener/consultation/sent/", {200})
            # The next request comes from a new visitor: this browser has "already sent".
            for cookie in ("screener", "__Host-screener"):
                self.cookies.pop(cookie, None)
        else:
            self.stats["errors"].append(f"consultation not accepted: {headers.get('Location')}")

    def run(self):
        pages = [
            "/ar/",
            "/en/",
            *self.paths["articles"],
            "/ar/screener/",
            "/en/screener/question/1/",
        ]
        while time.monotonic() < self.deadline:
            for path in pages:
                self.expect("GET", path, {200})
            self.expect("GET", self.paths["stylesheet"], {200})
            self.consult()


STORED_NAMES = (
    "import json; from screener.models import ConsultationRequest as C; "
    "print(json.dumps(list(C.objects.values_list('name', flat=True))))"
)


def run(clients=8, seconds=20, workers=2):
    with tempfile.TemporaryDirectory(prefix="mesoinfo-load-") as tmp:
        folder = Path(tmp)
        with scratch_database(folder) as database_url:
            env = server_env(folder, database_url)
            prepare(env)
            stats = {"requests": 0, "errors": [], "accepted": []}
            with gunicorn(env, folder, workers) as server:
                paths = site_paths(server.port)
                deadline = time.monotonic() + seconds
                started = time.monotonic()
                threads = [
                    threading.Thread(target=Client(server.port, n, deadline, stats, paths).run)
                    for n in range(clients)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                elapsed = time.monotonic() - started
            server_errors = server.log_text()
            stored = set(json.loads(manage(env, "shell", "-c", STORED_NAMES).splitlines()[-1]))
    lost = sorted(set(stats["accepted"]) - stored)
    return {
        "database": urlsplit(database_url).scheme,
        "clients": clients,
        "seconds": round(elapsed, 1),
        "pages": ["/ar/", "/en/", *paths["articles"], paths["stylesheet"]],
        "requests": stats["requests"],
        "requests_per_second": round(stats["requests"] / elapsed, 1),
        "consultations_accepted": len(stats["accepted"]),
        "consultations_stored": len(stored),
        "lost": lost,
        "errors": stats["errors"],
        "server_tracebacks": server_errors.count("Traceback"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    args = parser.parse_args()
    report = run(args.clients, args.seconds, args.workers)
    print(json.dumps(report | {"errors": report["errors"][:20]}, indent=1, ensure_ascii=False))
    ok = not report["errors"] and not report["lost"] and not report["server_tracebacks"]
    print("OK: no errors, no lost requests" if ok else "FAILED", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
