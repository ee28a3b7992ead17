"""Load benchmark: the site under gunicorn with production settings, on loopback.

    .venv/bin/python benchmarks/run.py [--seconds 10] [--rounds 5] [--connections 8] [--workers 2]

Prepares a throw-away SQLite database (migrate, load_corpus, collectstatic into a
temporary folder), starts gunicorn with DEBUG off, then loads each URL in turn with
wrk (Debian's `wrk`; installed with apt-get when missing and run as root) or, failing
that, a small Python client. Prints requests per second, p50 and p99 latency, each
page's rate as a ratio to the static CSS file's, and the page weight of a first visit.
Not part of the test suite: figures depend on the machine (see benchmarks/README.md).
"""

import argparse
import gzip
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Issue 12's targets: each page's rate as a share of the static file's in the same round.
RATIO_TARGETS = {"article": 0.8, "screener question": 0.3}
WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.3f %.3f %d %d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.status, response.headers, response.read()


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        # A fresh machine (or container) has no package lists yet: fetch them first.
        subprocess.run(["apt-get", "update", "-qq"], check=False)  # noqa: S607
        subprocess.run(  # noqa: S603
            ["apt-get", "install", "-y", "-qq", "wrk"],  # noqa: S607
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            check=False,
        )
    return bool(shutil.which("wrk"))


def load_with_wrk(url, seconds, connections, script):
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script, url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate, p50, p99, count, errors = re.search(
        r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", output
    ).groups()
    return float(rate), float(p50), float(p99), int(count), int(errors)


def load_with_python(url, seconds, connections):
    """A fallback when wrk is missing: keep-alive clients in threads (slower than wrk)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    latencies, errors, stop = [], [0], time.monotonic() + seconds

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", parts.path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                continue
            latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49] * 1000, cuts[98] * 1000, len(latencies), errors[0]


def page_weight(base, path):
    """Bytes a first visit downloads (gzip where the server sends it), by kind of resource.

    Fonts: on an Arabic page, the preloaded face and every face the stylesheet declares
    (both weights, the Arabic letters and the punctuation), so the figure is the upper
    bound; an English page uses the system's fonts and downloads none.
    """
    gz = {"Accept-Encoding": "gzip"}
    _status, headers, body = fetch(base + path, gz)
    if headers.get("Content-Encoding") == "gzip":
        html = gzip.decompress(body).decode()
    else:  # gunicorn does not compress pages; the front proxy does
        html, body = body.decode(), gzip.compress(body)
    weights = {"HTML": len(body), "CSS": 0, "fonts": 0, "JS": 0}
    urls = re.findall(r'<link[^>]+rel="(?:stylesheet|preload)"[^>]+href="([^"]+)"', html)
    urls += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="(?:stylesheet|preload)"', html)
    urls += re.findall(r'<script[^>]+src="([^"]+)"', html)
    arabic = re.search(r'<html[^>]+lang="ar"', html) is not None
    for url in list(urls):
        if url.endswith(".css") and arabic:
            css = fetch(base + url)[2].decode()
            urls += [
                urllib.parse.urljoin(url, font)
                for font in re.findall(r'url\("?([^")]+\.woff2)"?\)', css)
            ]
    for url in dict.fromkeys(urls):
        data = fetch(base + url, gz)[2]
        kind = "CSS" if url.endswith(".css") else "fonts" if ".woff" in url else "JS"
        weights[kind] += len(data)
    weights["total"] = sum(weights.values())
    return weights


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="per URL, over all rounds")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--corpus", help="a corpus folder to load instead of content/corpus (e.g. another checkout)"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="mesoinfo-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
        "STATIC_ROOT": str(work / "static"),
        # The run's own page cache: the default one is shared by every process on the
        # machine (a development server's pages included).
        "CACHE_DIR": str(work / "cache"),
        "LOG_LEVEL": "WARNING",
    }
    print(f"Preparing {work} ...", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    if args.corpus:
        code = "from pathlib import Path; from content.corpus_loader import load_corpus; "
        manage(env, "shell", "-c", code + f"load_corpus(Path({str(args.corpus)!r}))")
    else:
        manage(env, "load_corpus", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    server = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            "mesoinfo.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/ar/")
                break
            except OSError:
                time.sleep(0.1)
        run(base, args)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def find_paths(base):
    html = fetch(base + "/ar/")[2].decode()
    css = re.search(r'href="(/static/css/site\.[^"]*css)"', html).group(1)
    links = re.findall(r'href="(/ar/[^"/]+/[^"/]+/)"', html)
    article = next((p for p in links if "/screener/" not in p), None)
    if article is None:
        sys.exit("No article on the home page: is the corpus in content/corpus/?")
    return {
        "article": article,
        "home": "/ar/",
        "screener question": "/ar/screener/question/1/",
        "static CSS": css,
    }


def run(base, args):
    paths = find_paths(base)
    use_wrk = ensure_wrk()
    script = None
    if use_wrk:
        script = Path(tempfile.mkstemp(suffix=".lua")[1])
        script.write_text(WRK_LUA)
    tool = "wrk" if use_wrk else "python fallback"
    seconds = max(1, args.seconds // args.rounds)
    print(
        f"\nLoad: {tool}, {args.connections} connections, {args.rounds} rounds of {seconds} s "
        f"per URL taken in turn, gunicorn -w {args.workers}, {os.cpu_count()} cores\n"
    )
    for path in paths.values():
        fetch(base + path)  # warm the page cache, as any visitor would
    # Round by round, every URL in turn: the machine's speed drifts over a minute (a shared
    # host), so each page is compared with the static file of its own round.
    rounds = []
    for _round in range(args.rounds):
        results = {}
        for name, path in paths.items():
            if use_wrk:
                results[name] = load_with_wrk(base + path, seconds, args.connections, str(script))
            else:
                results[name] = load_with_python(base + path, seconds, args.connections)
        rounds.append(results)
    print(
        f"{'URL':20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'vs static':>10}  {'per round':>9}"
    )
    for name in paths:
        ratios = [r[name][0] / r["static CSS"][0] for r in rounds]
        ratio = statistics.median(ratios)
        rate, p50, p99 = (statistics.median(r[name][i] for r in rounds) for i in range(3))
        errors = sum(r[name][4] for r in rounds)
        per_round = " ".join(f"{value:.2f}" for value in ratios)
        verdict = ""
        if (target := RATIO_TARGETS.get(name)) is not None:
            verdict = f"  target {target:.2f}: {'met' if ratio >= target else 'MISSED'}"
        print(
            f"{name:20} {rate:9.0f} {p50:8.2f} {p99:8.2f} {errors:7d} {ratio:10.2f}  "
            f"{per_round}{verdict}"
        )
    print("(req/s and latencies: medians of the rounds; vs static: the median round's ratio)")
    print(f"\n(article: {paths['article']})")

    first = fetch(base + paths["article"])[1]
    etag = first.get("ETag")
    status = 0
    try:
        status = fetch(base + paths["article"], {"If-None-Match": etag})[0]
    except urllib.error.HTTPError as error:
        status = error.code
    print(f"Conditional GET of the article with its ETag: {status}")

    print(
        "\nPage weight of a first visit (bytes as sent, gzip; targets: home 50 KB, article 60 KB):"
    )
    english = fetch(base + paths["article"])[2].decode()
    english = re.search(r'<link rel="alternate" hreflang="en" href="[^"]*?(/en/[^"]*)"', english)
    weighed = [("home", "/ar/"), ("article", paths["article"]), ("home-en", "/en/")]
    weighed += [("article-en", english.group(1))] if english else []
    for name, path in weighed:
        w = page_weight(base, path)
        parts = ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in w.items() if k != "total")
        target = 50 if name.startswith("home") else 60
        flag = "" if w["total"] <= target * 1024 else f"  OVER {target} KB"
        print(f"  {name:10} {w['total'] / 1024:6.1f} KB  ({parts}){flag}")
    if script:
        script.unlink()


if __name__ == "__main__":
    main()
