"""A real Prometheus (Debian's package) for the tests that check metrics, dashboard queries and alert rules."""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from conftest import free_port, wait_for


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} not found: `make test` installs Debian's prometheus package (make tools)"
    return path


@contextmanager
def prometheus(tmp_path: Path, job: str, target: str, rule_files: list[Path] | None = None) -> Iterator[str]:
    """Prometheus scraping `target` every second (rules evaluated as often); yields its base URL once ready."""
    port = free_port()
    config: dict[str, Any] = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "scrape_configs": [{"job_name": job, "static_configs": [{"targets": [target]}]}],
    }
    if rule_files:
        config["rule_files"] = [str(p) for p in rule_files]
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    with open(tmp_path / "prometheus.log", "wb") as log:
        proc = subprocess.Popen([tool("prometheus"), f"--config.file={tmp_path / 'prometheus.yml'}",
                                 f"--storage.tsdb.path={tmp_path / 'tsdb'}", f"--web.listen-address=127.0.0.1:{port}"],
                                stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            def ready() -> bool:
                try:
                    return urllib.request.urlopen(f"{base}/-/ready", timeout=2).status == 200
                except OSError:
                    return False

            wait_for(ready, 60, "Prometheus to start")
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=30)
