"""docker-compose.yml cannot run here (no Docker engine); check it agrees with what the code reads."""

from __future__ import annotations

from typing import Any

import yaml

from services.settings import ENV_VARS, REPO_ROOT, Settings


def _compose() -> dict[str, Any]:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())


def test_services_are_there() -> None:
    services = _compose()["services"]
    assert {"kafka", "worker", "prometheus", "grafana"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"


def test_worker_environment_uses_only_known_settings_and_the_defaults() -> None:
    env = _compose()["services"]["worker"]["environment"]
    unknown = set(env) - set(ENV_VARS)
    assert not unknown, f"compose sets variables the code never reads: {unknown}"
    defaults = Settings()
    for name, topic in zip(("RAW", "ENRICHED", "EVENTS", "ALERTS", "DEADLETTER", "CANDIDATES", "UNDELIVERABLE"),
                           defaults.topics.all(), strict=True):
        assert env[f"DIPLOWATCH_TOPIC_{name}"] == topic
    assert env["DIPLOWATCH_TOPIC_RULES"] == defaults.topics.rules
    assert env["DIPLOWATCH_TOPIC_SUBSCRIPTIONS"] == defaults.topics.subscriptions


def test_worker_reaches_kafka_on_an_advertised_listener() -> None:
    c = _compose()["services"]
    bootstrap = c["worker"]["environment"]["DIPLOWATCH_BOOTSTRAP"]
    assert bootstrap in c["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]


def test_prometheus_scrapes_the_worker_web_port() -> None:
    c = _compose()["services"]
    port = str(c["worker"]["environment"]["DIPLOWATCH_WEB_PORT"])
    assert port in " ".join(c["worker"]["command"])
    prom = yaml.safe_load((REPO_ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    targets = [str(sd.get("port")) for job in prom["scrape_configs"] for sd in job.get("dns_sd_configs", [])]
    assert port in targets
    mounted = " ".join(c["prometheus"]["volumes"] + c["grafana"]["volumes"])
    assert "./deploy/prometheus" in mounted and "./deploy/grafana/provisioning" in mounted


def test_published_ports_are_loopback_only_and_the_worker_is_not_published() -> None:
    """The broker takes writes from anyone who reaches it; the page and feeds need the token but no one else
    should try. "9092:9092" publishes on every interface of the host."""
    services = _compose()["services"]
    published = [str(p) for s in services.values() for p in s.get("ports", [])]
    assert published and all(p.startswith("127.0.0.1:") for p in published), published
    assert "ports" not in services["worker"]


def test_ingest_service_uses_known_settings_and_is_scraped() -> None:
    from services.ingest.settings import PREFIX, IngestSettings

    c = _compose()["services"]
    env = c["ingest"]["environment"]
    known = set(ENV_VARS) | {PREFIX + name.upper() for name in IngestSettings.model_fields}
    assert not set(env) - known, f"compose sets variables the code never reads: {set(env) - known}"
    assert env["DIPLOWATCH_TOPIC_RAW"] == Settings().topics.raw
    assert env["DIPLOWATCH_BOOTSTRAP"] == c["worker"]["environment"]["DIPLOWATCH_BOOTSTRAP"]
    assert "ingest" in " ".join(c["ingest"]["command"]) and "ports" not in c["ingest"]
    prom = yaml.safe_load((REPO_ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    targets = {(name, str(sd.get("port"))) for job in prom["scrape_configs"] for sd in job.get("dns_sd_configs", [])
               for name in sd["names"]}
    assert ("ingest", str(env["DIPLOWATCH_INGEST_METRICS_PORT"])) in targets
