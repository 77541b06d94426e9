"""One composition root: importing diplowatch builds nothing, and `build_app` assembles a worker from the
settings it is given, without reading the environment."""

from __future__ import annotations

import json
import subprocess
import sys

from services.settings import REPO_ROOT, Settings, Topics

# run in a fresh interpreter: an audit hook sees every file opened and every socket made while importing
_PROBE = r"""
import json, pkgutil, importlib, sys
touched = []
def hook(event, args):
    if event == "open" and args and isinstance(args[0], str):
        path = args[0]
        if not path.endswith((".py", ".pyc", ".so", ".pth")) and "__pycache__" not in path \
                and "/lib/python" not in path and not path.startswith(("/proc", "/dev", "/etc")) \
                and ".egg-info" not in path and ".dist-info" not in path and "__editable__" not in path:  # packaging
            touched.append(path)
    elif event in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):
        touched.append(event)  # (urllib3 binds a socket at import to probe IPv6: a library's, and no traffic)
sys.addaudithook(hook)
import services
names = sorted(m.name for m in pkgutil.walk_packages(services.__path__, "services."))
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "touched": touched}))
"""


def test_importing_every_module_opens_no_file_and_connects_nowhere() -> None:
    run = subprocess.run([sys.executable, "-c", _PROBE], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "DIPLOWATCH_PARTITIONS": "not-read-at-import"})
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert "services.app" in out["modules"] and "services.worker" in out["modules"]
    assert out["touched"] == []


def test_build_app_uses_the_settings_it_is_given() -> None:
    from services.app import build_app

    settings = Settings(app_id="composition-check", partitions=3, web_port=7123,
                        topics=Topics(raw="c.raw", candidates="c.candidates", alerts="c.alerts"))
    worker = build_app(settings)
    app = worker.app
    assert app.conf.id == "composition-check" and app.conf.web_port == 7123
    read = {agent.channel.get_topic_name() for agent in app.agents.values()}
    assert read == {"c.raw", "c.candidates", "c.alerts"}
    assert {t.name for t in app.tables.values()} == {"rule-state", "sent-alerts"}
    assert worker.enricher.rulebook is worker.rulebook is worker.alerter.rulebook
    # two workers built side by side share nothing (a module-level app could not do this)
    other = build_app(settings.model_copy(update={"app_id": "composition-other"}))
    assert other.app is not app and other.rulebook is not worker.rulebook
