"""A minimal diplowatch webhook receiver (standard library only): verifies the signature, refuses replays,
drops duplicates by alert_id, prints each alert.

    DIPLOWATCH_WEBHOOK_SECRET=... python examples/webhook_receiver.py 8080

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

SECRET = os.environ.get("DIPLOWATCH_WEBHOOK_SECRET", "").encode()
TOLERANCE_S = 300  # refuse requests signed more than 5 minutes ago (replays)
seen: set[str] = set()


def verified(timestamp: str, body: bytes, signature: str) -> bool:
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_S:
        return False
    expected = "v1=" + hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not verified(self.headers.get("X-Diplowatch-Timestamp", ""), body,
                        self.headers.get("X-Diplowatch-Signature", "")):
            self.send_response(401)
            self.end_headers()
            return
        doc = json.loads(body)
        for alert in doc.get("alerts", [doc]):  # a digest carries {"alerts": [...]}
            if alert["alert_id"] not in seen:
                seen.add(alert["alert_id"])
                print(f"[{alert['severity']}] {alert['title']}: {alert['text']}", flush=True)
        self.send_response(204)
        self.end_headers()


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8080), Handler).serve_forever()
