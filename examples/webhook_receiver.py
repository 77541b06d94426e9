"""A minimal diplowatch webhook receiver (standard library only): verifies the signature, refuses replays,
drops duplicates by alert_id, prints each alert.

    DIPLOWATCH_WEBHOOK_SECRET=... python examples/webhook_receiver.py 8080

It refuses to start without the secret: an empty HMAC key is one anybody can sign with. A request without a
valid signature (missing, malformed, non-ASCII, old) gets 401, a body over 1 MB 413, anything else malformed 400.
Delivery is at least once: after a worker crash an alert can arrive again, with the same alert_id.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

TOLERANCE_S = 300  # refuse requests signed more than 5 minutes ago (replays)
MAX_BODY = 1024 * 1024
MIN_SECRET = 16  # diplowatch refuses shorter subscription secrets too


def verified(secret: bytes, timestamp: str, body: bytes, signature: str) -> bool:
    if not (timestamp.isascii() and timestamp.isdigit()) or abs(time.time() - int(timestamp)) > TOLERANCE_S:
        return False
    if not signature.isascii():  # compare_digest raises on non-ASCII text
        return False
    expected = "v1=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode())


class Handler(BaseHTTPRequestHandler):
    secret: ClassVar[bytes] = b""
    seen: ClassVar[set[str]] = set()

    def _answer(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        self._answer(self._handle())

    def _handle(self) -> int:
        length = self.headers.get("Content-Length", "")
        if not (length.isascii() and length.isdigit()):
            return 400
        if int(length) > MAX_BODY:
            return 413
        body = self.rfile.read(int(length))
        if not verified(self.secret, self.headers.get("X-Diplowatch-Timestamp", ""), body,
                        self.headers.get("X-Diplowatch-Signature", "")):
            return 401
        try:
            doc = json.loads(body)
            alerts = doc.get("alerts", [doc])  # a digest carries {"alerts": [...]}
            for alert in alerts:
                if alert["alert_id"] not in self.seen:
                    self.seen.add(alert["alert_id"])
                    print(f"[{alert['severity']}] {alert['title']}: {alert['text']}", flush=True)
        except (ValueError, AttributeError, KeyError, TypeError):
            return 400
        return 204


def main() -> int:
    secret = os.environ.get("DIPLOWATCH_WEBHOOK_SECRET", "")
    if len(secret) < MIN_SECRET:
        print(f"DIPLOWATCH_WEBHOOK_SECRET must be set to the subscription's secret (at least {MIN_SECRET} "
              "characters); without it anybody could sign requests", file=sys.stderr)
        return 2
    Handler.secret = secret.encode()
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
