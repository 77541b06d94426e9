"""The alerter stream processor: alert candidates -> alerts, applying windows, first-seen and dedupe."""
