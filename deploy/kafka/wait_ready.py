#!/usr/bin/env python3
"""Wait until a Kafka broker answers a Metadata request with at least one broker (stdlib only).

Used by broker.sh before the project's virtualenv exists. Metadata v4 is in every broker since 1.0 and
still served by 4.x (KIP-896 removed only v0-v3).
"""
import argparse
import os
import socket
import struct
import sys
import time


def metadata_ok(host: str, port: int) -> bool:
    client = b"diplowatch-wait"
    body = struct.pack(">hhih", 3, 4, 1, len(client)) + client + struct.pack(">ib", -1, 0)
    with socket.create_connection((host, port), timeout=3) as s:
        s.sendall(struct.pack(">i", len(body)) + body)
        head = s.recv(4, socket.MSG_WAITALL)
        if len(head) < 4:
            return False
        (size,) = struct.unpack(">i", head)
        resp = s.recv(size, socket.MSG_WAITALL)
    corr, _throttle, n_brokers = struct.unpack(">iii", resp[:12])
    return corr == 1 and n_brokers >= 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--pid", type=int, help="give up at once if this process exits")
    a = ap.parse_args()
    deadline = time.monotonic() + a.timeout
    while time.monotonic() < deadline:
        if a.pid and not os.path.exists(f"/proc/{a.pid}"):
            return 1
        try:
            if metadata_ok(a.host, a.port):
                return 0
        except OSError:
            pass
        time.sleep(0.5)
    return 1


if __name__ == "__main__":
    sys.exit(main())
