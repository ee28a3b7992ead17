"""The deployment files in deploy/ agree with the README and with the code they start.

tests/integration/test_topology.py runs the nginx files for real; these check what that
test cannot: the environment file, the systemd units and the Caddyfile."""

import configparser
import re
import subprocess
from pathlib import Path

from django.core.management import get_commands, load_command_class

from mesoinfo.jobs import OnceAcrossMachines

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
# Every few minutes: announce_go_live claims each announcement in the database first.
FREQUENT_JOBS = {"announce_go_live"}
DAILY_JOBS = {"purge_personal_data", "backup_site", "send_review_reminders"}


def readme_variables():
    """The variables README's Configuration table lists (first column, in backticks)."""
    section = (ROOT / "README.md").read_text().split("## Configuration", 1)[1].split("\n## ")[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row)}


def env_file_values():
    """deploy/production.env as a shell reads it (`set -a; . file`), as README says."""
    script = f"set -a; . {DEPLOY / 'production.env'}; env -0"
    out = subprocess.run(  # noqa: S603
        ["/bin/sh", "-c", script],
        capture_output=True,
        check=True,
        env={},  # noqa: S607
    ).stdout.decode()
    return dict(item.split("=", 1) for item in out.split("\0") if "=" in item)


def test_the_environment_file_sets_every_variable_the_readme_lists_and_parses_in_a_shell():
    listed = readme_variables()
    assert len(listed) > 30, listed  # the table was found
    values = env_file_values()
    assert sorted(listed - set(values)) == []
    assert values["DEBUG"] == "false"
    assert values["TRUSTED_PROXY_COUNT"] == "1"  # nginx is the one proxy (deploy/nginx)


def test_the_environment_file_holds_placeholders_not_secrets():
    values = env_file_values()
    for name in ("SECRET_KEY", "EMAIL_HOST_PASSWORD"):
        assert "CHANGE-ME" in values[name]
    assert "CHANGE-ME" in values["DATABASE_URL"]
    assert values["BACKUP_AGE_RECIPIENTS"].startswith("age1CHANGE-ME")


def units():
    for path in sorted((DEPLOY / "systemd").iterdir()):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str
        parser.read(path)
        yield path, parser


def test_every_daily_job_has_a_timer_whose_service_runs_it_under_the_lock():
    timed = {}
    for path, unit in units():
        if path.suffix != ".timer":
            continue
        service = path.with_suffix(".service")
        assert service.exists(), f"{path.name} starts a service that is not shipped"
        assert unit["Timer"]["OnCalendar"] and unit["Install"]["WantedBy"] == "timers.target"
        command = dict(units())[service]["Service"]["ExecStart"].split("manage.py ", 1)[1]
        name, *options = command.split()
        timed[name] = options
        if name in FREQUENT_JOBS:
            continue  # claims each item in the database first: safe on every machine
        assert "--daily" in options
    assert set(timed) == DAILY_JOBS | FREQUENT_JOBS
    for name in DAILY_JOBS:
        command = load_command_class(get_commands()[name], name)
        assert isinstance(command, OnceAcrossMachines), f"{name} runs without the job lock"


def test_the_app_service_reads_the_environment_file_and_runs_gunicorn():
    service = dict(units())[DEPLOY / "systemd" / "mesoinfo.service"]["Service"]
    assert service["EnvironmentFile"] == "/etc/mesoinfo/env"
    assert "gunicorn mesoinfo.wsgi" in service["ExecStart"]
    for name in ("GUNICORN_BIND", "GUNICORN_WORKERS", "FORWARDED_ALLOW_IPS"):
        assert f"${{{name}}}" in service["ExecStart"]
        assert name in env_file_values()


def test_caddy_compresses_everything_but_the_screener():
    caddyfile = (DEPLOY / "caddy" / "Caddyfile").read_text()
    nginx_pattern = re.search(
        r"location ~ (\S+) \{", (DEPLOY / "nginx" / "sites-available" / "mesoinfo").read_text()
    ).group(1)
    encode = re.search(r"^\s*encode (\S+) ", caddyfile, re.MULTILINE).group(1)
    matcher = re.search(rf"^\s*{re.escape(encode)} (.+)$", caddyfile, re.MULTILINE).group(1)
    assert matcher == f"not path_regexp {nginx_pattern}", matcher


def make_setup(tmp_path, env):
    """`make setup` with the installing already done (stamps newer than the locks) and each
    manage.py step replaced by printing the DEBUG it would run with."""
    venv = tmp_path / "venv"
    venv.mkdir()
    for stamp in (".installed", ".installed-test"):
        (venv / stamp).touch()
    return subprocess.run(  # noqa: S603
        [  # noqa: S607
            "make",
            "-s",
            "-C",
            str(ROOT),
            "setup",
            f"VENV={venv}",
            "APT_SYSTEM=",
            "MANAGE=printenv DEBUG #",
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **env},
        check=True,
    )


def test_a_bare_make_setup_sets_up_for_development_and_says_so_first(tmp_path):
    done = make_setup(tmp_path, {})
    # compilemessages, migrate, collectstatic and load_corpus all run with DEBUG on.
    assert done.stdout.split() == ["true"] * 4
    assert "DEBUG is not set: setting up for development" in done.stderr
    assert "/etc/mesoinfo/env" in done.stderr


def test_make_setup_keeps_the_debug_the_settings_give(tmp_path):
    done = make_setup(tmp_path, {"DEBUG": "false"})
    assert done.stdout.split() == ["false"] * 4
    assert done.stderr == ""
