"""With production settings the site passes Django's deployment checks and speaks only HTTPS."""

import json

import pytest

from tests.production import manage, production_database, production_env

PROBE = r"""
import json
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
client = Client(HTTP_HOST="mesoinfo.example")
out = {}
plain = client.get("/ar/")
out["plain"] = {"status": plain.status_code, "location": plain.get("Location", "")}
for path in ["/ar/", "/en/screener/consultation/", "/admin/login/"]:
    response = client.get(path, secure=True)
    out[path] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {"secure": bool(c["secure"]), "httponly": bool(c["httponly"])}
            for name, c in response.cookies.items()
        },
    }
print(json.dumps(out))
"""


def test_check_deploy_reports_nothing(tmp_path):
    result = manage(
        production_env(tmp_path / "db.sqlite3"), "check", "--deploy", "--fail-level", "DEBUG"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output, output


def test_production_refuses_to_start_without_a_real_secret(tmp_path):
    env = production_env(tmp_path / "db.sqlite3", SECRET_KEY="short")
    result = manage(env, "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.fixture(scope="module")
def production_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("prod")
    with production_database(folder) as database_url:
        env = production_env(folder / "db.sqlite3", DATABASE_URL=database_url)
        result = manage(env, "shell", "-c", PROBE, timeout=180)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_http_is_redirected_to_https(production_pages):
    assert production_pages["plain"]["status"] == 301
    assert production_pages["plain"]["location"] == "https://mesoinfo.example/ar/"


@pytest.mark.parametrize("path", ["/ar/", "/en/screener/consultation/", "/admin/login/"])
def test_every_page_sends_the_security_headers(production_pages, path):
    page = production_pages[path]
    assert page["status"] == 200
    headers = {name.lower(): value for name, value in page["headers"].items()}
    assert headers["strict-transport-security"] == ("max-age=31536000; includeSubDomains; preload")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["cross-origin-resource-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "camera=()" in headers["permissions-policy"]
    assert "geolocation=()" in headers["permissions-policy"]
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp


@pytest.mark.parametrize("path", ["/en/screener/consultation/", "/admin/login/"])
def test_cookies_are_secure_and_http_only(production_pages, path):
    cookies = production_pages[path]["cookies"]
    # __Host-: HTTPS only, this host alone, the whole site (no subdomain can plant one).
    assert "__Host-csrftoken" in cookies
    for name, flags in cookies.items():
        assert flags == {"secure": True, "httponly": True}, name


def test_production_cookies_carry_the_host_prefix(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_ENGINE, "
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_PATH, s.SESSION_COOKIE_DOMAIN)"
    )
    result = manage(production_env(tmp_path / "db.sqlite3"), "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "django.contrib.sessions.backends.db",
        "True",
        "/",
        "None",
    ]


@pytest.mark.parametrize(
    ("overrides", "warning"),
    [
        ({"STAFF_OTP_REQUIRED": "false"}, "mesoinfo.W001"),
        ({"SITE_URL": "http://localhost:8000"}, "mesoinfo.W002"),
        ({"SITE_URL": "https://localhost:9000"}, "mesoinfo.W002"),
        ({"DEFAULT_FROM_EMAIL": "webmaster@localhost"}, "mesoinfo.W003"),
        ({"SERVER_EMAIL": "root@localhost"}, "mesoinfo.W004"),
    ],
)
def test_check_deploy_warns_about_a_password_alone_and_the_default_site_url(
    tmp_path, overrides, warning
):
    env = production_env(tmp_path / "db.sqlite3", **overrides)
    result = manage(env, "check", "--deploy")
    assert warning in result.stdout + result.stderr


def test_earlier_secret_keys_come_from_the_environment(tmp_path):
    env = production_env(tmp_path / "db.sqlite3", SECRET_KEY_FALLBACKS="old-key-1, old-key-2")
    result = manage(
        env, "shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY_FALLBACKS)"
    )
    assert result.stdout.strip().splitlines()[-1] == "['old-key-1', 'old-key-2']", result.stderr


def test_the_sender_check_names_each_address_left_at_a_default(settings):
    """Review D9: a dev run sent staff e-mail from webmaster@localhost."""
    from mesoinfo.checks import sender_addresses

    settings.DEBUG = False
    settings.DEFAULT_FROM_EMAIL = "webmaster@localhost"
    settings.SERVER_EMAIL = "MesoInfo <alerts@mesoinfo.example>"
    assert [w.id for w in sender_addresses(None)] == ["mesoinfo.W003"]
    settings.DEFAULT_FROM_EMAIL = "mesoinfo@mesoinfo.example"
    settings.SERVER_EMAIL = "root@localhost"
    assert [w.id for w in sender_addresses(None)] == ["mesoinfo.W004"]
    settings.SERVER_EMAIL = "mesoinfo@mesoinfo.example"
    assert sender_addresses(None) == []
