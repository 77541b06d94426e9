"""Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>", so a receiver can check origin and refuse replays.

Receivers verify with `verify()` (or the same four lines in their own language): recompute the HMAC with the
shared secret, compare in constant time, and refuse timestamps older than a few minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Diplowatch-Signature"
TIMESTAMP_HEADER = "X-Diplowatch-Timestamp"
SCHEME = "v1"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"{SCHEME}={mac}"


def verify(secret: str, timestamp: str, body: bytes, signature: str, tolerance_s: float = 300,
           now: float | None = None) -> bool:
    """True when the signature matches and the timestamp is recent (a replay of an old request fails)."""
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs((time.time() if now is None else now) - ts) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, ts, body), signature)


def headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    ts = int(time.time() if now is None else now)
    return {TIMESTAMP_HEADER: str(ts), SIGNATURE_HEADER: sign(secret, ts, body),
            "Content-Type": "application/json"}
