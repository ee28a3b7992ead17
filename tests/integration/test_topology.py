"""The production topology, for real: nginx with the shipped deploy/nginx files in front of
two gunicorn app servers of one release, PostgreSQL and Redis, all on 127.0.0.1.

Debian's nginx runs Debian's stock nginx.conf (which has `gzip on`) with our files in its
conf.d/, snippets/ and sites-enabled/, templated only for ports, paths and the host name
(127.0.0.1 for mesoinfo.example), with a throwaway self-signed certificate. The app servers
run with production settings behind it (TLS at nginx, TRUSTED_PROXY_COUNT=1). Each check
prints its figures. Runs in `make test`'s PostgreSQL run (.ci/with-postgres), on a scratch
database of that server; without PostgreSQL it is skipped.
"""

import html
import http.client
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from tests.production import follows_postgres, load_test_module, production_database
from tests.services import free_port, program, redis_server, stop, wait_for_port

pytestmark = pytest.mark.topology

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY = BASE_DIR / "deploy" / "nginx"
STOCK_CONF = Path("/etc/nginx")
# Consultation requests one address may send per hour while the limit is checked.
LIMIT = 5
PARALLEL_POSTS = 12


# --- HTTP, as a browser through nginx or as nginx to one app server ---------------------


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    started: float = 0.0
    ended: float = 0.0

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def wire_size(self):
        """Bytes of the status line, headers and body as they crossed the connection."""
        head = sum(len(f"{k}: {v}\r\n".encode()) for k, v in self.headers.items())
        return len(f"HTTP/1.1 {self.status} X\r\n") + head + 2 + len(self.body)


@dataclass
class Browser:
    """A client with its own cookies, talking to one port (nginx over TLS, or one app
    server directly with the headers nginx would add)."""

    port: int
    tls: ssl.SSLContext | None = None
    origin: str = ""
    cookies: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def request(self, method, path, data=None, headers=None, timeout=30):
        if self.tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.tls)
            sent = {}
        else:  # straight to an app server: as nginx passes a request on
            conn = http.client.HTTPConnection("127.0.0.1", self.port)
            sent = {
                "Host": "127.0.0.1",
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": "127.0.0.1",
            }
        conn.timeout = timeout
        sent |= {"Accept-Encoding": "identity", "Referer": f"{self.origin}{path}", **self.extra}
        sent |= headers or {}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _eq, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "expires=Thu, 01 Jan 1970" in header or "Max-Age=0" in header:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return Answer(response.status, response.headers, content, started, time.monotonic())

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)


class FormReader(HTMLParser):
    """The fields a browser would send with the form whose id is `form_id`, or else the
    page's first POST form (inputs, checked boxes and radios, selected options,
    textareas)."""

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.done, self.fields = form_id, False, False, []
        self.select = self.textarea = None

    def wanted(self, a):
        if self.form_id:
            return a.get("id") == self.form_id
        return not self.done and a.get("method", "get").lower() == "post"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = self.wanted(a)
        if not self.inside:
            return
        if tag == "input" and "name" in a:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and "name" in a:
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))
        elif tag == "textarea" and "name" in a:
            self.textarea = [a["name"], ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.done = self.done or self.inside
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data


def form_fields(page, form_id=None):
    reader = FormReader(form_id)
    reader.feed(page)
    return reader.fields


def radio_options(page):
    """[(name, value)] of the page's radio buttons, in order."""
    options = []
    for tag in re.findall(r"<input\b[^>]*>", page):
        if re.search(r'\btype="radio"', tag):
            name = re.search(r'\bname="([^"]+)"', tag).group(1)
            options.append((name, html.unescape(re.search(r'\bvalue="([^"]*)"', tag).group(1))))
    return options


# --- The servers ------------------------------------------------------------------------


def certificate(folder):
    """A throwaway self-signed certificate for 127.0.0.1 (openssl); (cert, key)."""
    openssl = program("openssl", "openssl")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(  # noqa: S603 - Debian's openssl, our arguments
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def nginx_tree(root, sites, conf_d=None, snippets=None):
    """An /etc/nginx of our own under `root`: Debian's stock nginx.conf, mime.types,
    proxy_params and enabled modules, with the given files in conf.d/, snippets/ and
    sites-enabled/; every path pointed into `root`. Returns the nginx.conf path."""
    etc, logs, temp = root / "etc", root / "logs", root / "temp"
    for folder in (etc / "conf.d", etc / "snippets", etc / "sites-enabled", logs, temp):
        folder.mkdir(parents=True)
    stock = (STOCK_CONF / "nginx.conf").read_text()
    assert "gzip on;" in stock, "Debian's stock nginx.conf is expected to turn gzip on"
    conf = (
        stock.replace("/etc/nginx/", f"{etc}/")
        .replace("/run/nginx.pid", f"{root}/nginx.pid")
        .replace("/var/log/nginx/", f"{logs}/")
    )
    (etc / "nginx.conf").write_text(conf)
    for name in ("mime.types", "proxy_params"):
        shutil.copy(STOCK_CONF / name, etc / name)
    shutil.copytree(STOCK_CONF / "modules-enabled", etc / "modules-enabled", symlinks=True)
    # Test scaffolding, not configuration: nginx's temporary files in our folder.
    (etc / "conf.d" / "zz-test-temp-paths.conf").write_text(
        "".join(
            f"{kind}_temp_path {temp}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
    )
    for folder, files in (
        ("conf.d", conf_d or {}),
        ("snippets", snippets or {}),
        ("sites-enabled", sites),
    ):
        for name, text in files.items():
            (etc / folder / name).write_text(text.replace("/etc/nginx/", f"{etc}/"))
    if os.geteuid() == 0:  # the stock `user www-data;` runs the workers as www-data
        for folder in (root.parent, root):
            os.chmod(folder, 0o711)  # noqa: S103 - passing through to their temporary files
        shutil.chown(temp, "www-data")
    return etc / "nginx.conf"


def brotli_loaded(conf):
    enabled = Path(conf).parent / "modules-enabled"
    return any("brotli" in p.name or "brotli" in p.read_text() for p in enabled.glob("*"))


def shipped_nginx(root, https_port, http_port, app_ports, cert, key):
    """The deploy/nginx files, templated for ports, paths and the host name only."""

    def template(text):
        text = text.replace("/etc/letsencrypt/live/mesoinfo.example/fullchain.pem", str(cert))
        text = text.replace("/etc/letsencrypt/live/mesoinfo.example/privkey.pem", str(key))
        text = text.replace("/var/log/nginx/", f"{root}/logs/")
        text = text.replace("server_name mesoinfo.example;", "server_name 127.0.0.1;")
        text = text.replace("listen 443 ", f"listen 127.0.0.1:{https_port} ")
        text = text.replace("listen 80", f"listen 127.0.0.1:{http_port}")
        for shipped, port in zip(("10.0.0.11:8000", "10.0.0.12:8000"), app_ports, strict=True):
            text = text.replace(f"server {shipped} ", f"server 127.0.0.1:{port} ")
        assert "10.0.0." not in text, "an app server of the shipped upstream was not templated"
        # IPv6's [::] is not loopback's 127.0.0.1: those listen lines are left out.
        return "".join(line for line in text.splitlines(True) if "listen [::]" not in line)

    conf_d = {"mesoinfo.conf": template((DEPLOY / "conf.d" / "mesoinfo.conf").read_text())}
    snippets = {
        p.name: template(p.read_text())
        for p in (DEPLOY / "snippets").glob("mesoinfo-*.conf")
        if p.name != "mesoinfo-brotli-off.conf"
    }
    site = template((DEPLOY / "sites-available" / "mesoinfo").read_text())
    conf = nginx_tree(root, {"mesoinfo": site}, conf_d, snippets)
    if brotli_loaded(conf):  # as README says: only with the module loaded
        brotli = (DEPLOY / "snippets" / "mesoinfo-brotli-off.conf").read_text()
        (conf.parent / "snippets" / "mesoinfo-brotli-off.conf").write_text(brotli)
    return conf


def stock_nginx(root, port, app_port, cert, key):
    """Debian's stock nginx.conf and proxy_params with a plain TLS site, none of our files."""
    site = f"""server {{
    listen 127.0.0.1:{port} ssl;
    server_name 127.0.0.1;
    ssl_certificate {cert};
    ssl_certificate_key {key};
    location / {{
        proxy_pass http://127.0.0.1:{app_port};
        include /etc/nginx/proxy_params;
    }}
}}
"""
    return nginx_tree(root, {"plain": site})


@contextmanager
def nginx(conf, port):
    binary = program("nginx", "nginx")
    root = conf.parent.parent
    prefix = ["-p", str(root), "-c", str(conf), "-e", str(root / "logs" / "error.log")]
    checked = subprocess.run(  # noqa: S603 - Debian's nginx, our arguments
        [binary, *prefix, "-t", "-q"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, f"nginx -t refused the configuration:\n{checked.stderr}"
    process = subprocess.Popen(  # noqa: S603
        [binary, *prefix, "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process, "nginx", root / "logs" / "error.log")
        yield process
    finally:
        stop(process)


class AppServer:
    """gunicorn (two workers) on a fixed loopback port, in a process group of its own so
    that `kill -9` takes the master and its workers at once, as a machine going down."""

    def __init__(self, name, port, env, folder):
        self.name, self.port, self.env, self.folder = name, port, env, folder
        self.process = None

    def start(self):
        log = (self.folder / f"gunicorn-{self.name}.log").open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our interpreter and gunicorn
            [
                sys.executable, "-m", "gunicorn", "mesoinfo.wsgi", "-w", "2",
                "-b", f"127.0.0.1:{self.port}", "--forwarded-allow-ips", "127.0.0.1",
                "--graceful-timeout", "5", "--access-logfile", str(self.access_log),
                "--access-logformat", "%(m)s %(U)s %(s)s",
            ],
            cwd=BASE_DIR, env=self.env, stdout=subprocess.DEVNULL, stderr=log,
            start_new_session=True,
        )  # fmt: skip
        log.close()
        return self

    def wait(self):
        """Until a worker answers (the port opens before the workers have loaded Django)."""
        wait_for_port(self.port, self.process, f"gunicorn {self.name}", self.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with suppress(OSError, http.client.HTTPException):
                if Browser(self.port).get("/robots.txt", timeout=5).status == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn {self.name} does not answer")

    @property
    def access_log(self):
        return self.folder / f"access-{self.name}.log"

    def served(self, method, path):
        """How many `method path` requests this server has answered (its access log)."""
        if not self.access_log.exists():
            return 0
        return self.access_log.read_text().count(f"{method} {path} ")

    @property
    def log(self):
        return self.folder / f"gunicorn-{self.name}.log"

    def kill(self, sig=signal.SIGKILL):
        if self.process is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        # Its workers too, when the master went first.
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None


@dataclass
class Topology:
    folder: Path
    env: dict
    servers: list
    https_port: int
    http_port: int
    cert: Path
    tls: ssl.SSLContext

    @property
    def origin(self):
        return f"https://127.0.0.1:{self.https_port}"

    def browser(self):
        return Browser(self.https_port, self.tls, self.origin)

    def direct(self, server):
        return Browser(server.port, None, self.origin)

    def manage(self, *args):
        return load_test_module().manage(self.env, *args)

    def restart_app_servers(self, **overrides):
        for server in self.servers:
            server.kill(signal.SIGTERM)
        self.env = {**self.env, **overrides}
        for server in self.servers:
            server.env = self.env
            server.start()
        for server in self.servers:
            server.wait()

    def stored_names(self, prefix):
        code = (
            "import json; from screener.models import ConsultationRequest as C; "
            f"print(json.dumps(list(C.objects.filter(name__startswith={prefix!r})"
            ".values_list('name', flat=True))))"
        )
        return json.loads(self.manage("shell", "-c", code).splitlines()[-1])


@pytest.fixture(scope="module")
def topology():
    if not follows_postgres():
        pytest.skip(
            "the topology test runs on PostgreSQL: DATABASE_URL does not name a PostgreSQL "
            "server (make test runs it under .ci/with-postgres)"
        )
    program("nginx", "nginx")
    program("redis-server", "redis-server")
    load_test = load_test_module()
    with ExitStack() as stack:
        # Not pytest's tmp_path: nginx's workers (www-data, as root) must reach it.
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mesoinfo-topo-")))
        database_url = stack.enter_context(production_database(folder))
        redis_url = stack.enter_context(redis_server(folder / "redis"))
        cert, key = certificate(folder)
        https_port, http_port = free_port(), free_port()
        app_ports = [free_port(), free_port()]
        env = load_test.server_env(
            folder,
            database_url,
            REDIS_URL=redis_url,
            RELEASE_ID="topology-test-release",
            ALLOWED_HOSTS="127.0.0.1",
            CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{https_port}",
            SECURE_SSL_REDIRECT="true",
            PROXY_SSL_HEADER="X-Forwarded-Proto",
            TRUSTED_PROXY_COUNT="1",
            STAFF_OTP_REQUIRED="false",
            CONSULTATION_RATE_LIMIT=f"{LIMIT}/h",
        )
        # As load_test.prepare(), with the static files collected meanwhile.
        with ThreadPoolExecutor(max_workers=1) as pool:
            static = pool.submit(load_test.manage, env, "collectstatic", "--noinput", "-v", "0")
            load_test.manage(env, "migrate", "--noinput", "-v", "0")
            load_test.manage(env, "load_corpus", "-v", "0")
            static.result()
        pairs = zip("AB", app_ports, strict=True)
        servers = [AppServer(name, port, env, folder) for name, port in pairs]
        for server in servers:
            stack.callback(server.kill)
            server.start()
        for server in servers:
            server.wait()
        conf = shipped_nginx(folder / "nginx", https_port, http_port, app_ports, cert, key)
        stack.enter_context(nginx(conf, https_port))
        tls = ssl.create_default_context(cafile=str(cert))
        yield Topology(folder, env, servers, https_port, http_port, cert, tls)


FIGURES = []  # printed at the end of the run (tests/integration/conftest.py)


def report(title, **figures):
    FIGURES.append(f"{title}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))


# --- The checks ----------------------------------------------------------------------


CONSULTATION = "/en/screener/consultation/"


def consultation_data(form_html, name):
    """What a visitor named `name` sends in the consultation form `form_html`."""
    return {
        **dict(form_fields(form_html)),
        "name": name,
        "phone": "+966512345678",
        "email": "",
        "preferred_language": "en",
        "preferred_time": "any",
        "message": "",
        "consent_to_contact": "on",
        "website": "",
    }


def consultation(browser, name):
    """Open the form and send it as a new visitor; the POST's answer."""
    form = browser.get(CONSULTATION)
    assert form.status == 200, form.status
    return browser.post(CONSULTATION, consultation_data(form.text, name))


def accepted(answer):
    return answer.status == 302 and answer.headers.get("Location", "").endswith(
        "/consultation/sent/"
    )


def test_rate_limits_are_shared_and_atomic_behind_nginx(topology):
    """N visitors post at the same instant through nginx, spread over both servers, each
    with a forged X-Forwarded-For: the address limit (one address: nginx replaces the
    header) stores exactly LIMIT of them."""
    if topology.env["CONSULTATION_RATE_LIMIT"] != f"{LIMIT}/h":  # run after the kill test
        topology.restart_app_servers(CONSULTATION_RATE_LIMIT=f"{LIMIT}/h")
    browsers = [topology.browser() for _ in range(PARALLEL_POSTS)]
    forms = []
    for number, browser in enumerate(browsers):
        browser.extra = {"X-Forwarded-For": f"203.0.113.{number + 1}"}
        page = browser.get(CONSULTATION)
        assert page.status == 200
        forms.append(page.text)
    barrier, answers = threading.Barrier(PARALLEL_POSTS), [None] * PARALLEL_POSTS

    def send(number):
        data = consultation_data(forms[number], f"Limit visitor {number}")
        barrier.wait()
        answers[number] = browsers[number].post(CONSULTATION, data)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(PARALLEL_POSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    stored = topology.stored_names("Limit visitor ")
    taken = [a for a in answers if a is not None and accepted(a)]
    report(
        "rate limit",
        posts=PARALLEL_POSTS,
        limit=LIMIT,
        accepted=len(taken),
        stored=len(stored),
        statuses=sorted(a.status for a in answers if a is not None),
    )
    assert len(stored) == LIMIT, (
        f"{len(stored)} requests stored from one address whose limit is {LIMIT}: the count "
        "is not shared and atomic, or a forged X-Forwarded-For was believed"
    )
    assert len(taken) == LIMIT


def test_an_edit_through_server_a_shows_at_once_on_server_b_and_a_staff_session_travels(
    topology,
):
    a, b = topology.servers
    topology.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser('topology', 'topology@example.org', "
        "'a-long-topology-password-42')",
    )
    # B serves, and caches, the English home page with its sections' names.
    visitor_b = topology.direct(b)
    before = visitor_b.get("/en/")
    again = visitor_b.get("/en/")
    assert before.status == again.status == 200
    assert before.headers["ETag"] == again.headers["ETag"]

    # A staff member signs in on A...
    staff_a = topology.direct(a)
    login = staff_a.get("/admin/login/")
    assert login.status == 200, login.status
    signed_in = staff_a.post(
        "/admin/login/",
        {
            **dict(form_fields(login.text, "login-form")),
            "username": "topology",
            "password": "a-long-topology-password-42",
            "next": "/admin/",
        },
    )
    assert signed_in.status == 302, signed_in.text[:2000]
    # ...and the same cookies are a session on B, and through nginx (either server).
    staff_b = topology.direct(b)
    staff_b.cookies = dict(staff_a.cookies)
    index_b = staff_b.get("/admin/")
    staff_nginx = topology.browser()
    staff_nginx.cookies = dict(staff_a.cookies)
    through_nginx = [staff_nginx.get("/admin/").status for _ in range(4)]
    report("staff session", signed_in_on="A", admin_on_B=index_b.status, nginx=through_nginx)
    assert index_b.status == 200 and "/admin/logout/" in index_b.text
    assert through_nginx == [200] * 4

    # The edit, a model save through A's admin: a section's English name.
    listing = staff_a.get("/admin/content/category/")
    change = re.search(r'href="(/admin/content/category/\d+/change/)', listing.text).group(1)
    page = staff_a.get(change)
    fields = form_fields(page.text, "category_form")
    values = dict(fields)
    old_name = values["name_en"]
    assert html.escape(old_name) in before.text
    new_name = f"{old_name} (edited on A)"
    data = [(k, new_name if k == "name_en" else v) for k, v in fields]
    saved = staff_a.post(change, dict(data) | {"_save": "Save"})
    assert saved.status == 302, saved.text[:3000]

    after_b = visitor_b.get("/en/")
    after_nginx = [topology.browser().get("/en/") for _ in range(4)]
    report(
        "edit on A",
        old=old_name,
        new=new_name,
        shown_on_B=html.escape(new_name) in after_b.text,
        shown_through_nginx=sum(html.escape(new_name) in p.text for p in after_nginx),
    )
    assert html.escape(new_name) in after_b.text, "B still served the page cached before"
    assert after_b.headers["ETag"] != before.headers["ETag"]
    assert all(html.escape(new_name) in p.text for p in after_nginx)


def screener_walk(browser, language, pick):
    """Every screener page one visitor sees, answering each question with the option at
    `pick` (0: the first, -1: the last): [(method path, answer)]."""
    seen = []
    answer = browser.get(f"/{language}/screener/")
    seen.append(("GET start", answer))
    path = f"/{language}/screener/question/1/"
    for _ in range(100):
        page = browser.get(path)
        seen.append((f"GET {urlsplit(path).path}", page))
        options = radio_options(page.text)
        if not options:
            break
        name, value = options[pick]
        fields = [(k, v) for k, v in form_fields(page.text) if k != name] + [(name, value)]
        sent = browser.post(path, fields)
        seen.append((f"POST {path}", sent))
        assert sent.status == 302, (path, sent.status)
        path = urlsplit(sent.headers["Location"]).path
    result = browser.get(f"/{language}/screener/result/")
    seen.append(("GET result", result))
    return seen


def test_screener_responses_are_never_compressed_and_one_size(topology):
    languages = ["ar", "en"]
    headers = {"Accept-Encoding": "gzip, br"}
    sizes = {}
    encodings = set()
    for language in languages:
        for pick in (0, -1):
            browser = topology.browser()
            browser.extra = headers
            for step, answer in screener_walk(browser, language, pick):
                encodings.add(answer.headers.get("Content-Encoding"))
                if step.startswith("GET") and answer.status == 200:
                    sizes.setdefault((language, step), set()).add(len(answer.body))
    on_wire = sorted({size for found in sizes.values() for size in found})
    report("screener through our nginx", encodings=encodings, body_sizes=on_wire)
    assert encodings == {None}, f"screener answers were compressed: {encodings}"
    differing = {step: found for step, found in sizes.items() if len(found) > 1}
    assert not differing, f"one page, two sizes by the answers given: {differing}"
    assert len(on_wire) == 1, f"screener pages of {len(on_wire)} sizes: {on_wire}"


def test_other_pages_may_still_be_compressed(topology):
    page = topology.browser().get("/en/", headers={"Accept-Encoding": "gzip, br"})
    report("home page through our nginx", encoding=page.headers.get("Content-Encoding"))
    assert page.status == 200 and page.headers.get("Content-Encoding") == "gzip"


def test_debian_stock_nginx_without_our_files_compresses_the_screener(topology):
    """Why the shipped files matter: stock nginx.conf's `gzip on` with a plain proxy site."""
    port = free_port()
    conf = stock_nginx(
        topology.folder / "stock-nginx", port, topology.servers[1].port, topology.cert,
        topology.folder / "key.pem",
    )  # fmt: skip
    ours = topology.browser().get("/en/screener/", headers={"Accept-Encoding": "gzip, br"})
    with nginx(conf, port):
        stock = Browser(port, topology.tls, topology.origin).get(
            "/en/screener/", headers={"Accept-Encoding": "gzip, br"}
        )
    report(
        "screener through stock nginx",
        encoding=stock.headers.get("Content-Encoding"),
        stock_body=len(stock.body),
        ours_body=len(ours.body),
        stock_wire=stock.wire_size,
        ours_wire=ours.wire_size,
    )
    assert stock.status == 200 and stock.headers.get("Content-Encoding") == "gzip"
    assert ours.headers.get("Content-Encoding") is None and len(stock.body) < len(ours.body)


def test_check_deployment_fails_against_debian_stock_nginx(topology):
    """The self-check tells a clinic whose proxy compresses the screener: it fails there."""
    port = free_port()
    conf = stock_nginx(
        topology.folder / "stock-nginx-check", port, topology.servers[1].port, topology.cert,
        topology.folder / "key.pem",
    )  # fmt: skip
    with nginx(conf, port):
        result = check_deployment(topology, f"https://127.0.0.1:{port}")
    report("check_deployment against stock nginx", exit_status=result.returncode)
    assert result.returncode != 0
    assert "compress" in (result.stdout + result.stderr).lower()


def test_tls_hsts_and_the_catch_all(topology):
    page = topology.browser().get("/en/")
    hsts = page.headers.get_all("Strict-Transport-Security")
    report("HSTS", headers=hsts)
    assert hsts and len(hsts) == 1 and "max-age=31536000" in hsts[0]
    # Any other host: the connection closes without an answer (444), whatever the name.
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        topology.browser().get("/en/", headers={"Host": "evil.example"})
    plain = http.client.HTTPConnection("127.0.0.1", topology.http_port, timeout=10)
    try:  # plain HTTP for the site's name: sent to HTTPS
        plain.request("GET", "/en/", headers={"Host": "127.0.0.1"})
        redirect = plain.getresponse()
        redirect.read()
        assert redirect.status == 301
        assert redirect.headers["Location"] == "https://127.0.0.1/en/"
    finally:
        plain.close()
    plain = http.client.HTTPConnection("127.0.0.1", topology.http_port, timeout=10)
    try:
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            plain.request("GET", "/", headers={"Host": "evil.example"})
            plain.getresponse()
    finally:
        plain.close()


def check_deployment(topology, origin):
    return subprocess.run(  # noqa: S603 - our interpreter and manage.py
        [sys.executable, "manage.py", "check_deployment", origin, "--cafile", str(topology.cert)],
        cwd=BASE_DIR,
        env=topology.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deployment_passes(topology):
    """The deployment self-check (`manage.py check_deployment`) against nginx with the
    shipped files."""
    result = check_deployment(topology, topology.origin)
    report("check_deployment", exit_status=result.returncode)
    print(result.stdout[-3000:], result.stderr[-3000:])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_kill_9_of_one_app_server_mid_load_loses_no_accepted_request(topology):
    topology.restart_app_servers(CONSULTATION_RATE_LIMIT="1000000/h")
    a, _b = topology.servers
    deadline_after_kill = 2.5
    stats = {"requests": 0, "errors": [], "accepted": [], "answers": []}
    lock = threading.Lock()
    stop_at = [time.monotonic() + 60]
    killed_at = [None]

    def client(number):
        sent = 0
        while time.monotonic() < stop_at[0]:
            browser = topology.browser()  # a new visitor for each request
            name = f"Failover client {number} request {sent}"
            sent += 1
            try:
                answer = consultation(browser, name)
            except (OSError, http.client.HTTPException, AssertionError) as error:
                with lock:
                    stats["requests"] += 1
                    stats["errors"].append((time.monotonic(), repr(error)))
                continue
            with lock:
                stats["requests"] += 2
                stats["answers"].append((name, answer))
                if accepted(answer):
                    stats["accepted"].append(name)

    path = CONSULTATION
    served_before = a.served("POST", path)
    threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    # Mid-load: both servers are taking consultation requests when A goes down.
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline and (
        len(stats["accepted"]) < 12 or a.served("POST", path) - served_before < 4
    ):
        time.sleep(0.05)
    by_a = a.served("POST", path) - served_before
    killed_at[0] = time.monotonic()
    a.kill()  # kill -9, master and workers
    stop_at[0] = time.monotonic() + deadline_after_kill
    for thread in threads:
        thread.join(60)

    stored = topology.stored_names("Failover client ")
    accepted_names = set(stats["accepted"])
    lost = sorted(accepted_names - set(stored))
    duplicated = sorted({n for n in stored if stored.count(n) > 1})
    refused = [(n, x) for n, x in stats["answers"] if not accepted(x)]
    in_flight = [
        (n, x)
        for n, x in refused
        # Sent before the kill, or in the tenth of a second the dying server's sockets take
        # to close (a request already written to it is not sent again: it is a POST).
        if x.started <= killed_at[0] + 0.1 and x.ended >= killed_at[0] and x.status in (502, 504)
    ]
    after_kill = [x for _n, x in stats["answers"] if x.started > killed_at[0] + 0.1]
    # An answer A was still sending when it died reaches the visitor cut short (nginx had
    # passed its headers on, so it cannot try B): the same in-flight failure as a 502, and
    # only in the moment after the kill.
    cut = [
        (at, error)
        for at, error in stats["errors"]
        if killed_at[0] <= at <= killed_at[0] + 1.0
        and ("IncompleteRead" in error or "RemoteDisconnected" in error)
    ]
    errors = [e for e in stats["errors"] if e not in cut]
    report(
        "kill -9 mid-load",
        requests=stats["requests"],
        posts_served_by_A_before_kill=by_a,
        accepted=len(accepted_names),
        stored=len(stored),
        lost=len(lost),
        duplicated=len(duplicated),
        failed_in_flight=len(in_flight),
        stored_not_confirmed=len(set(stored) - accepted_names),
        answered_after_kill=f"{sum(accepted(x) for x in after_kill)}/{len(after_kill)}",
        cut_in_flight=len(cut),
        errors=len(errors),
    )
    assert by_a >= 4, "server A took no part in the load before it was killed"
    assert not lost, f"accepted but never stored: {lost}"
    assert not duplicated, f"stored twice (a POST sent again): {duplicated}"
    assert after_kill and all(accepted(x) for x in after_kill), (
        "nginx did not fail over to B: "
        f"{[(x.status, x.headers.get('Location')) for x in after_kill if not accepted(x)][:5]}"
    )
    assert len(refused) == len(in_flight), [(n, x.status) for n, x in refused][:10]
    assert not errors, errors[:5]
