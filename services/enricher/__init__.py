"""The enricher stream processor: news.raw -> news.enriched, events.diplomatic, alerts, news.deadletter."""
