"""Webhook subscribers: alerts from the `alerts` topic pushed to HTTP receivers, at least once."""
