"""Load benchmark: the site under gunicorn with production settings, on loopback, with
the real corpus and with a large synthetic one.

    .venv/bin/python benchmarks/run.py [--seconds 10] [--rounds 5] [--connections 8]
        [--workers 2] [--articles 1000]

For each corpus (the 18 real articles; then those and `--articles` synthetic ones from
benchmarks/corpus.py, 20 revisions each), prepares a throw-away SQLite database (migrate,
load_corpus, collectstatic into a temporary folder), counts each page's database queries
(benchmarks/pages.py), starts gunicorn with DEBUG off, then loads each URL in turn with
wrk (Debian's `wrk`; installed with apt-get when missing and run as root) or, failing
that, a small Python client: the article, home, category, sitemap, screener question,
three searches per language, and the admin's article list and change page (signed in).
Prints the corpora side by side: requests per second, p50 and p99 latency, each page's
rate as a ratio to the static CSS file's, and queries per request; and the page weight
of a first visit. Not part of the test suite: figures depend on the machine (see
benchmarks/README.md).
"""

import argparse
import gzip
import json
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
sys.path.insert(0, str(ROOT))  # run as a script: the project's own modules

from mesoinfo.page_weight import HOME_LIMIT, LIMIT, describe, first_visit  # noqa: E402

PYTHON = sys.executable
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


def load_with_wrk(url, seconds, connections, script, cookie=None):
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script, *headers, url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate, p50, p99, count, errors = re.search(
        r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", output
    ).groups()
    return float(rate), float(p50), float(p99), int(count), int(errors)


def load_with_python(url, seconds, connections, cookie=None):
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
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                conn.request("GET", target, headers={"Cookie": cookie} if cookie else {})
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
    """Bytes a first visit downloads (gzip where the server sends it), by kind of resource,
    counted by mesoinfo/page_weight.py (the weight test counts the same way)."""
    gz = {"Accept-Encoding": "gzip"}
    _status, headers, body = fetch(base + path, gz)
    if headers.get("Content-Encoding") == "gzip":
        html = gzip.decompress(body).decode()
    else:  # gunicorn does not compress pages; the front proxy does
        html, body = body.decode(), gzip.compress(body)

    def load(url):
        return fetch(base + url)[2], len(fetch(base + url, gz)[2])

    return first_visit(html, len(body), load)


def prepare(work, articles, corpus):
    """A database with the corpus (and `articles` synthetic ones); the server's env."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
        "STATIC_ROOT": str(work.parent / "static"),
        # The run's own page cache: the default one is shared by every process on the
        # machine (a development server's pages included).
        "CACHE_DIR": str(work / "cache"),
        "LOG_LEVEL": "WARNING",
        # The admin pages are loaded with a signed-in session made by benchmarks/pages.py;
        # a second factor would need a code per run.
        "STAFF_OTP_REQUIRED": "0",
    }
    work.mkdir(parents=True, exist_ok=True)
    print(f"Preparing {work} ...", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    if corpus:
        code = "from pathlib import Path; from content.corpus_loader import load_corpus; "
        manage(env, "shell", "-c", code + f"load_corpus(Path({str(corpus)!r}))")
    else:
        manage(env, "load_corpus", "-v", "0")
    if articles:
        started = time.monotonic()
        code = f"from benchmarks.corpus import generate; generate({articles})"
        manage(env, "shell", "-c", code)
        print(f"  {articles} synthetic articles in {time.monotonic() - started:.0f} s", flush=True)
    if not (work.parent / "static").exists():
        manage(env, "collectstatic", "--noinput", "-v", "0")
    output = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "-c", "from benchmarks.pages import main; main()"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return env, json.loads(output.strip().splitlines()[-1])


def serve(env, workers):
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            "mesoinfo.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            fetch(base + "/ar/")
            break
        except OSError:
            time.sleep(0.1)
    return server, base


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="per URL, over all rounds")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--articles",
        type=int,
        default=1000,
        help="synthetic articles of the large corpus (benchmarks/corpus.py); 0: skip it",
    )
    parser.add_argument(
        "--corpus", help="a corpus folder to load instead of content/corpus (e.g. another checkout)"
    )
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="mesoinfo-bench-"))
    sizes = [0] + ([args.articles] if args.articles else [])
    runs = {}
    try:
        for extra in sizes:
            env, info = prepare(root / f"corpus-{extra}", extra, args.corpus)
            server, base = serve(env, args.workers)
            try:
                label = f"{18 + extra} articles" if not args.corpus else f"corpus + {extra}"
                runs[label] = (measure(base, info, args), info)
                if extra == 0:
                    weights(base, info["paths"]["article"])
            finally:
                server.terminate()
                server.wait(timeout=10)
        report(runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def measure(base, info, args):
    """{name: (req/s, p50, p99, errors, ratio to the static file)}, medians of the rounds."""
    html = fetch(base + "/ar/")[2].decode()
    css = re.search(r'href="(/static/css/site\.[^"]*css)"', html).group(1)
    # The static file first: measured after the admin's pages, it met their requests still
    # queued in both workers (wrk's timeouts, a rate near zero).
    paths = {"static CSS": css, **info["paths"]}
    headers = {"Cookie": info["cookie"]}
    use_wrk = ensure_wrk()
    script = None
    if use_wrk:
        script = Path(tempfile.mkstemp(suffix=".lua")[1])
        script.write_text(WRK_LUA)
    seconds = max(1, args.seconds // args.rounds)
    print(
        f"Load: {'wrk' if use_wrk else 'python fallback'}, {args.connections} connections, "
        f"{args.rounds} rounds of {seconds} s per URL taken in turn, gunicorn -w "
        f"{args.workers}, {os.cpu_count()} cores",
        flush=True,
    )
    for name, path in paths.items():
        fetch(base + path, headers if name.startswith("admin") else None)  # warm the cache
    # Round by round, every URL in turn: the machine's speed drifts over a minute (a shared
    # host), so each page is compared with the static file of its own round.
    rounds = []
    for _round in range(args.rounds):
        results = {}
        for name, path in paths.items():
            cookie = info["cookie"] if name.startswith("admin") else None
            if use_wrk:
                results[name] = load_with_wrk(
                    base + path, seconds, args.connections, str(script), cookie
                )
            else:
                results[name] = load_with_python(base + path, seconds, args.connections, cookie)
            # Requests still in the workers when the load stopped finish before the next URL.
            time.sleep(min(2.0, results[name][2] / 1000))
        rounds.append(results)
    if script:
        script.unlink()
    for name, path in paths.items():
        if any(r[name][4] or not r[name][3] for r in rounds):
            print(f"  {name} ({path}): failed requests", flush=True)
    found = {}
    for name in paths:
        ratio = statistics.median(r[name][0] / (r["static CSS"][0] or 1) for r in rounds)
        rate, p50, p99 = (statistics.median(r[name][i] for r in rounds) for i in range(3))
        found[name] = (rate, p50, p99, sum(r[name][4] for r in rounds), ratio)
    return found


def report(runs):
    labels = list(runs)
    names = list(next(iter(runs.values()))[0])
    print("\nEach corpus: req/s, p50 and p99 in ms, the rate as a share of the static file's")
    print("in the same round, and database queries per request (as served / rendered afresh).")
    head = f"{'URL':34}" + "".join(f" | {label:^38}" for label in labels)
    if len(labels) == 2:
        head += " | rate ratio"
    print(head)
    sub = f"{'':34}" + " | {:>7} {:>6} {:>6} {:>5} {:>9}".format(
        "req/s", "p50", "p99", "vs st", "queries"
    ) * len(labels)
    print(sub)
    for name in names:
        line = f"{name[:34]:34}"
        for label in labels:
            (rate, p50, p99, errors, ratio), info = runs[label][0][name], runs[label][1]
            served, rendered = info["queries"].get(name, ("-", "-"))
            flag = "!" if errors else " "
            line += (
                f" | {rate:7.0f} {p50:6.1f} {p99:6.1f} {ratio:5.2f} {served:>4}/{rendered:<4}{flag}"
            )
        if len(labels) == 2:
            small, large = (runs[label][0][name][0] for label in labels)
            line += f" | {large / small if small else 0:9.2f}"
        print(line)
    print("(req/s and latencies: medians of the rounds; !: some requests failed;")
    print(" rate ratio: the large corpus's rate over the small one's)")


def weights(base, article):
    first = fetch(base + article)[1]
    etag = first.get("ETag")
    status = 0
    try:
        status = fetch(base + article, {"If-None-Match": etag})[0]
    except urllib.error.HTTPError as error:
        status = error.code
    print(f"Conditional GET of the article with its ETag: {status}")
    print("Page weight of a first visit (bytes as sent, gzip; targets: home 50 KB, article 60 KB):")
    english = fetch(base + article)[2].decode()
    english = re.search(r'<link rel="alternate" hreflang="en" href="[^"]*?(/en/[^"]*)"', english)
    weighed = [("home", "/ar/"), ("article", article), ("home-en", "/en/")]
    weighed += [("article-en", english.group(1))] if english else []
    for name, path in weighed:
        w = page_weight(base, path)
        limit = HOME_LIMIT if name.startswith("home") else LIMIT
        flag = "" if w["total"] <= limit else f"  OVER {limit // 1024} KB"
        print(f"  {name:10} {describe(w)}{flag}")


if __name__ == "__main__":
    main()
