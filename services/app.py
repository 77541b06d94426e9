"""The composition root: where one diplowatch worker is assembled from its settings.

Everything a worker holds is made here and passed to what uses it: the Faust app and its topics, the rule
book and the subscription book, the webhook registry, the agents (enricher, alerter, notifier), the pages
and feeds, and the control loop (rules and subscriptions kept current, /metrics, lag). No module builds a
client, reads the environment or touches disk when it is imported; `diplowatch worker` parses the settings
once, calls `build_app`, and runs what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

import faust

from services import worker
from services.alerter import agent as alerter
from services.enricher import agent as enricher
from services.feed import views as feed
from services.notifier import agent as notifier
from services.notifier.subscriptions import SubscriptionBook
from services.rules.reload import RuleBook
from services.settings import Settings
from services.stream import Streams, make_app


@dataclass
class Diplowatch:
    """A worker, assembled: `app` is the Faust app to run, the rest is what its parts share."""

    settings: Settings
    app: faust.App
    streams: Streams
    rulebook: RuleBook
    book: SubscriptionBook
    registry: notifier.Registry
    enricher: enricher.Enricher
    alerter: alerter.Alerter
    feeds: feed.Feeds
    control: worker.Control


def build_app(settings: Settings) -> Diplowatch:
    app = make_app(settings)
    streams = Streams(app, settings)
    rulebook = RuleBook()
    book = SubscriptionBook()
    registry = notifier.register(app, streams, settings, book)
    return Diplowatch(
        settings=settings, app=app, streams=streams, rulebook=rulebook, book=book, registry=registry,
        enricher=enricher.register(app, streams, settings, rulebook),
        alerter=alerter.register(app, streams, settings, rulebook),
        feeds=feed.register(app, settings),
        control=worker.register(app, settings, rulebook, book, registry),
    )
