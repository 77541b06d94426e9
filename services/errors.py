"""The one exception tree of diplowatch, drawn here so a caller can catch by what went wrong:

    DiplowatchError
    ├── InputRejected          an input message refused with a reason (it goes to the dead letters)
    ├── ConfigError            a setting, rule set, subscription, dictionary or model that cannot be used;
    │   │                      says where (variable, file, line, field)
    │   ├── SettingError
    │   ├── RuleError          (and BadRuleSetMessage: a record on the rules topic)
    │   ├── SubscriptionError
    │   ├── DataFileError      the coder's dictionaries
    │   └── ModelNotFound      the spaCy pipeline a setting names
    ├── RequestError           a client's request to the feeds (filter, position)
    ├── DeliveryError          a webhook delivery that failed
    │   ├── PermanentDelivery  not worth trying again (4xx, refused address, too large)
    │   └── RetryableDelivery  worth trying again (timeouts, 5xx, 429)
    └── KafkaError             the cluster cannot do what was asked (a topic missing)

The configuration errors are also ValueErrors (and ModelNotFound a RuntimeError), as they were before the
tree, so code written against the old classes keeps catching them.
"""

from __future__ import annotations

from pydantic import ValidationError


class DiplowatchError(Exception):
    """The root: every error diplowatch raises on purpose."""


class InputRejected(DiplowatchError):
    """An input message that cannot be processed; `reason` is the dead letter's machine-readable reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


class ConfigError(DiplowatchError, ValueError):
    """Configuration that cannot be used; the message says where (variable, or file, line and field)."""


class SettingError(ConfigError):
    """A setting with a value diplowatch cannot use; the message names the variable and what is accepted."""


class RuleError(ConfigError):
    """A rule set refused: the message gives the file, the line and the field."""


class BadRuleSetMessage(ConfigError):
    """A record on the rules topic that is not a rule set this version can read (skipped, never fatal)."""


class SubscriptionError(ConfigError):
    """A webhook subscription refused: the message gives the file or topic record and the field."""


class DataFileError(ConfigError):
    """One of the coder's dictionary files does not match its schema: file, line and field."""


class ModelNotFound(ConfigError, RuntimeError):
    """The spaCy pipeline named by DIPLOWATCH_SPACY_MODEL is not installed or not a pipeline."""


class RequestError(DiplowatchError, ValueError):
    """A feed request a client got wrong (answered 400 with this message)."""


class DeliveryError(DiplowatchError):
    """A webhook delivery that failed."""


class PermanentDelivery(DeliveryError):
    """Trying again would fail the same way: the alert is parked at once."""


class RetryableDelivery(DeliveryError):
    """The subscriber may take it later: tried again with backoff."""


class KafkaError(DiplowatchError):
    """The cluster cannot do what was asked (a topic that does not exist, fewer brokers than replicas)."""


def problems(exc: ValidationError, root: str = "", limit: int | None = None) -> str:
    """A pydantic error as one line: `field.path: message; ...` (`root` names an error of the whole value)."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or root}: {e['msg']}"
                     for e in exc.errors(include_url=False)[:limit])
