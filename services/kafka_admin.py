"""Topic creation and plain producer/consumer clients (kafka-python), for the CLI and start-up."""

from __future__ import annotations

import time
from collections.abc import Iterator

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic
from kafka.errors import KafkaConnectionError, KafkaTimeoutError, TopicAlreadyExistsError
from kafka.errors import KafkaError as ClientError

from services.errors import KafkaError
from services.settings import SettingError, Settings


def admin(settings: Settings, timeout_s: float = 30.0) -> KafkaAdminClient:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return KafkaAdminClient(bootstrap_servers=settings.bootstrap, client_id="diplowatch-admin")
        except (KafkaConnectionError, KafkaTimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def ensure_topics(settings: Settings, extra: dict[str, int] | None = None,
                  changelogs: dict[str, int] | None = None) -> list[str]:
    """Create the pipeline's topics if missing, and `changelogs` (compacted, name: partitions); returns the
    names created, once the broker's metadata has every partition of them with a leader."""
    wanted = {t: settings.partitions for t in settings.topics.all()}
    wanted.update(extra or {})
    configs = {}
    for name in settings.topics.compacted():  # one ordered history, compacted to the newest per key
        configs[name] = {"cleanup.policy": "compact"}
        wanted[name] = 1
    for name, partitions in (changelogs or {}).items():
        configs[name] = {"cleanup.policy": "compact"}
        wanted[name] = partitions
    client = admin(settings)
    try:
        brokers = len(client.describe_cluster().get("brokers", []))
        if brokers and settings.replication > brokers:
            raise SettingError(f"DIPLOWATCH_REPLICATION={settings.replication}: the cluster at {settings.bootstrap} "
                               f"has {brokers} broker(s); use at most {brokers}")
        existing = set(client.list_topics())
        new = [NewTopic(name=t, num_partitions=n, replication_factor=settings.replication,
                        topic_configs=configs.get(t, {}))
               for t, n in wanted.items() if t not in existing]
        created = []
        for nt in new:
            try:
                client.create_topics([nt])
                created.append(nt.name)
            except TopicAlreadyExistsError:
                pass
        _wait_led(client, {t: wanted[t] for t in created})
        return created
    finally:
        client.close()


def _wait_led(client: KafkaAdminClient, topics: dict[str, int], timeout_s: float = 30.0) -> None:
    """Until the broker's metadata shows each topic with all its partitions led. A topic created just
    before a Faust worker subscribed was once seen with 0 partitions: the alerter's table check then
    failed (PartitionsMismatch) and the agent crashed on every restart."""
    deadline = time.monotonic() + timeout_s
    while topics:
        try:
            described = client.describe_topics(list(topics))
        except ClientError:  # not known yet
            described = []
        led = {d["name"] for d in described
               if not d.get("error_code") and len(d.get("partitions", [])) == topics.get(d["name"])
               and all(p.get("leader_id", -1) >= 0 for p in d["partitions"])}
        topics = {t: n for t, n in topics.items() if t not in led}
        if topics and time.monotonic() > deadline:
            raise KafkaError(f"topics created but not ready after {timeout_s:.0f} s: {', '.join(sorted(topics))}")
        if topics:
            time.sleep(0.1)


def message_limits(settings: Settings, topics: list[str]) -> list[int]:
    """Each topic's `max.message.bytes` as the broker applies it (the topic's own, else the broker's default)."""
    client = admin(settings)
    try:
        described = client.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, t, {"max.message.bytes": None}) for t in topics],
            config_filter="all")
    finally:
        client.close()
    return [int(cfg["max.message.bytes"]["value"]) for cfg in described.get("topic", {}).values()
            if "max.message.bytes" in cfg]


def producer(settings: Settings) -> KafkaProducer:
    return KafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", enable_idempotence=True,
                         linger_ms=5, max_request_size=max(settings.max_message_bytes * 4, 1_048_576),
                         client_id="diplowatch-cli")


def consume(settings: Settings, topic: str, from_beginning: bool = True, timeout_s: float | None = None,
            group: str | None = None, since_ms: int | None = None,
            ) -> Iterator[tuple[int, int, bytes | None, bytes | None]]:
    """(partition, offset, key, value) of every message; stops after timeout_s without a new one.

    since_ms starts each partition at its first message stamped at or after that time (Kafka's time index),
    so a reader sees what one run produced without the topic's history."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap, group_id=group,
        auto_offset_reset="earliest" if from_beginning else "latest", enable_auto_commit=group is not None,
        consumer_timeout_ms=int(timeout_s * 1000) if timeout_s else float("inf"),
        isolation_level="read_committed",
    )
    try:
        if since_ms is None:
            consumer.subscribe([topic])
        else:
            _seek_to_time(consumer, topic, since_ms)
        for msg in consumer:
            yield msg.partition, msg.offset, msg.key, msg.value
    finally:
        consumer.close()


def _seek_to_time(consumer: KafkaConsumer, topic: str, since_ms: int) -> None:
    partitions = consumer.partitions_for_topic(topic)
    if not partitions:
        raise KafkaError(f"topic {topic!r} does not exist on {consumer.config['bootstrap_servers']}")
    tps = [TopicPartition(topic, p) for p in sorted(partitions)]
    consumer.assign(tps)
    found = consumer.offsets_for_times({tp: since_ms for tp in tps})
    ends = consumer.end_offsets(tps)
    for tp in tps:
        hit = found.get(tp)
        consumer.seek(tp, hit.offset if hit is not None else ends[tp])
