"""The Faust app shared by the stream processors of one worker, and the topics they use."""

from __future__ import annotations

import faust

from services import offsets
from services.faust_worker import Worker
from services.limits import RECORD_OVERHEAD
from services.settings import Settings

settings = Settings()

app = faust.App(
    settings.app_id,
    broker=f"kafka://{settings.bootstrap}",
    value_serializer="raw",
    key_serializer="raw",
    store="memory://",
    datadir=str(settings.data_dir),
    web_host=settings.web_host,
    web_bind=settings.web_host,
    web_port=settings.web_port,
    # (Faust's own views, /table/* and /router/* among them, answer without the feed token: the feed's web app
    # answers 404 for them, services/feed/views.py. Switching them off in Faust's settings instead left a
    # partition undelivered in the 1-to-3-worker scaling test, three runs of three.)
    topic_partitions=settings.partitions,
    topic_replication_factor=settings.replication,
    producer_acks=-1,
    producer_max_request_size=max(settings.max_output_bytes + RECORD_OVERHEAD, 1_048_576),
    consumer_auto_offset_reset="earliest",
    broker_commit_every=100,
    broker_commit_interval=1.0,
    table_cleanup_interval=60.0,
    processing_guarantee=settings.processing_guarantee,
    Worker=Worker,
)
offsets.install(app)  # commits never pass an unacknowledged message (services/offsets.py)


def topic(name: str) -> faust.TopicT:
    return app.topic(name, value_type=bytes, key_type=bytes, partitions=settings.partitions)


raw_topic = topic(settings.topics.raw)
out_topics = {name: topic(name) for name in settings.topics.all() if name != settings.topics.raw}
