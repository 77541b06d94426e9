"""The Faust worker class diplowatch runs (the pass-through benchmark runs it too, to compare like with like)."""

from __future__ import annotations

import logging

import faust


class Worker(faust.Worker):
    """Faust's worker without its terminal spinner. To spin on every log record, the spinner sets the root
    logger to DEBUG whenever the log level is WARN or above, so every library's debug call builds a record
    that the handlers then drop: 7 % of the worker's main thread in a profile at `--loglevel warn`."""

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        self.spinner = None
