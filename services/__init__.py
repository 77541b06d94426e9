"""diplowatch: a real-time news event stream (actors, CAMEO/PLOVER events, alerts) over Kafka."""

__version__ = "0.1.0"
