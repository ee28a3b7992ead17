"""`manage.py check_deployment` passes against the site as it is, and fails against a
proxy that compresses screener pages or drops a promised header."""

import gzip
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from mesoinfo.management.commands.check_deployment import NoRedirects

HOP_BY_HOP = {"connection", "content-length", "transfer-encoding", "content-encoding"}


def proxy_to(upstream, compress=False, drop=()):
    """A small proxy in front of `upstream`, gzipping HTML when asked to, or dropping
    headers: what a careless front server does."""

    class Proxy(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.forward()

        def do_POST(self):
            self.forward()

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {
                name: value
                for name, value in self.headers.items()
                if name.lower() not in ("host", "accept-encoding", "connection")
            }
            request = urllib.request.Request(  # noqa: S310 (our own loopback server)
                upstream + self.path, data=body, method=self.command, headers=headers
            )
            try:
                answer = urllib.request.build_opener(NoRedirects).open(request, timeout=20)
            except urllib.error.HTTPError as error:
                answer = error
            content = answer.read()
            extra = {}
            asked = "gzip" in (self.headers.get("Accept-Encoding") or "")
            if compress and asked and "text/html" in (answer.headers.get("Content-Type") or ""):
                content, extra = gzip.compress(content), {"Content-Encoding": "gzip"}
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                if name.lower() not in HOP_BY_HOP and name.lower() not in drop:
                    self.send_header(name, value)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def proxy(live_server):
    servers = []

    def start(**kwargs):
        server = proxy_to(live_server.url, **kwargs)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_the_site_as_it_is_passes(live_server, capsys):
    call_command("check_deployment", live_server.url + "/")
    assert "every check passed" in capsys.readouterr().out


def test_a_proxy_that_passes_pages_through_unchanged_passes(proxy):
    call_command("check_deployment", proxy())


def test_a_proxy_that_compresses_screener_pages_fails(proxy):
    with pytest.raises(CommandError, match="came back compressed \\(gzip\\)"):
        call_command("check_deployment", proxy(compress=True))


def test_a_proxy_that_drops_a_promised_header_fails(proxy):
    with pytest.raises(CommandError, match="no X-Content-Type-Options header"):
        call_command("check_deployment", proxy(drop={"x-content-type-options"}))


def test_a_page_whose_size_tells_the_answers_fails(proxy, monkeypatch):
    from screener import middleware
    from screener.templatetags import screener_padding

    monkeypatch.setattr(middleware, "pad_page", lambda response: None)
    monkeypatch.setattr(screener_padding, "pad_to", lambda text, size: text)
    with pytest.raises(CommandError, match="depending on the answers"):
        call_command("check_deployment", proxy())


def test_an_address_that_is_not_a_site_is_refused():
    with pytest.raises(CommandError, match="full address"):
        call_command("check_deployment", "example.org")
