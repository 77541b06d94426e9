"""Webhook pieces without Kafka: subscription files and filters, signatures, outbound address checks."""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from services.models import Alert, Subscription
from services.notifier.delivery import backoff, payload
from services.notifier.outbound import Refused, allowed_networks, check_addresses, guarded_client
from services.notifier.signing import headers, verify
from services.notifier.subscriptions import SubscriptionBook, SubscriptionError, parse_file, wants
from services.settings import REPO_ROOT

ALERT = Alert(alert_id="a1", rule_id="cn-coast-guard-weapons-law", severity="high", title="Coast guard law",
              text="China's coast guard law", article_id="x", tags=["maritime", "china"],
              actors=["CHNCOP", "JPNGOVMIL"], plover_types=["ACCUSE"], created_at=datetime(2026, 11, 29, tzinfo=UTC))


def _sub(**filters: object) -> Subscription:
    return Subscription(id="s", url="https://example.org/h", secret="s" * 16, filters=filters)  # type: ignore[arg-type]


def test_the_shipped_example_file_validates_and_so_do_its_commented_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = REPO_ROOT / "deploy" / "subscriptions.yaml"
    assert parse_file(shipped) == []  # empty by default: compose mounts it, and it must not fail
    # what a user gets by uncommenting the examples, as the file's header says
    lines = shipped.read_text().splitlines()
    uncommented = [ln[1:] if ln.startswith("#  ") else ln.replace("subscriptions: []", "subscriptions:")
                   for ln in lines if ln.startswith("#  ") or not ln.startswith("#")]
    (tmp_path / "s.yaml").write_text("\n".join(uncommented) + "\n")
    monkeypatch.setenv("MARITIME_DESK_SECRET", "m" * 24)
    monkeypatch.setenv("OPS_SLACK_SECRET", "o" * 24)
    subs = parse_file(tmp_path / "s.yaml")
    assert [(x.id, x.format, x.filters.min_severity) for x in subs] == [
        ("maritime-desk", "json", "medium"), ("ops-slack", "slack", "high")]


def test_file_errors_name_the_entry_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "s.yaml"
    f.write_text("subscriptions:\n  - {id: ok, url: 'https://a.example/h', secret: env:HOOK_SECRET}\n"
                 "  - {id: bad, url: 'https://a.example/h', secret: 0123456789abcdef, filters: {min_severity: huge}}\n")
    monkeypatch.setenv("HOOK_SECRET", "from-the-environment-123")
    with pytest.raises(SubscriptionError, match=r"subscriptions\[1\] \(id bad\): filters.min_severity"):
        parse_file(f)
    f.write_text("subscriptions:\n  - {id: ok, url: 'https://a.example/h', secret: env:HOOK_SECRET}\n")
    assert parse_file(f)[0].secret == "from-the-environment-123"
    monkeypatch.delenv("HOOK_SECRET")
    with pytest.raises(SubscriptionError, match="HOOK_SECRET is not set"):
        parse_file(f)
    f.write_text("subscriptions:\n  - {id: a, url: 'https://a.example/h', secret: 0123456789abcdef}\n"
                 "  - {id: a, url: 'https://b.example/h', secret: 0123456789abcdef}\n")
    with pytest.raises(SubscriptionError, match="duplicate subscription ids: a"):
        parse_file(f)


@pytest.mark.parametrize(("filters", "wanted"), [
    ({}, True),
    ({"min_severity": "high"}, True),
    ({"min_severity": "critical"}, False),
    ({"rules": ["other"]}, False),
    ({"tags": ["maritime"]}, True),
    ({"tags": ["trade"]}, False),
    ({"countries": ["JPN"]}, True),
    ({"countries": ["VNM"]}, False),
    ({"plover_types": ["ACCUSE", "COERCE"]}, True),
    ({"plover_types": ["AID"]}, False),
    ({"min_severity": "medium", "countries": ["CHN"], "tags": ["china"]}, True),
])
def test_filters(filters: dict[str, object], wanted: bool) -> None:
    assert wants(_sub(**filters), ALERT) is wanted


def test_signature_verifies_and_refuses_tampering_and_replays() -> None:
    body = ALERT.model_dump_json().encode()
    h = headers("s" * 16, body, now=1_800_000_000)
    ts, sig = h["X-Diplowatch-Timestamp"], h["X-Diplowatch-Signature"]
    assert sig.startswith("v1=") and verify("s" * 16, ts, body, sig, now=1_800_000_010)
    assert not verify("s" * 16, ts, body.replace(b"high", b"low!"), sig, now=1_800_000_010)
    assert not verify("t" * 16, ts, body, sig, now=1_800_000_010)
    assert not verify("s" * 16, ts, body, sig, now=1_800_000_000 + 301)  # replayed 5 minutes later
    assert not verify("s" * 16, "yesterday", body, sig)


def test_private_addresses_are_refused_unless_allowed() -> None:
    for addr in ("10.1.2.3", "192.168.0.1", "127.0.0.1", "169.254.169.254", "::1", "fd00::1", "0.0.0.0"):
        with pytest.raises(Refused, match="non-public"):
            check_addresses("h", [addr], [])
    check_addresses("h", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"], [])
    check_addresses("h", ["127.0.0.1"], allowed_networks("127.0.0.0/8, ::1/128"))
    with pytest.raises(Refused):
        check_addresses("h", ["127.0.0.1", "10.0.0.1"], allowed_networks("127.0.0.0/8"))  # every address counts
    with pytest.raises(ValueError, match="not a network"):
        allowed_networks("localhost")


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    sub = Subscription(id="s", url="https://e.org", secret="s" * 16, backoff_initial_seconds=1, backoff_max_seconds=8)
    for attempt, step in [(1, 1), (2, 2), (3, 4), (4, 8), (9, 8)]:
        waits = [backoff(sub, attempt) for _ in range(200)]
        assert step / 2 <= min(waits) and max(waits) <= step and len(set(waits)) > 1


def test_payload_formats() -> None:
    assert json.loads(payload(_sub(), [ALERT]))["alert_id"] == "a1"
    slack = json.loads(payload(Subscription(id="s", url="https://e.org", secret="s" * 16, format="slack"), [ALERT]))
    assert set(slack) == {"text"} and "[HIGH] Coast guard law" in slack["text"]
    digest = Subscription(id="s", url="https://e.org", secret="s" * 16, batch_seconds=10)
    assert [a["alert_id"] for a in json.loads(payload(digest, [ALERT, ALERT]))["alerts"]] == ["a1", "a1"]


def test_an_unexpected_error_parks_the_alert_and_the_subscriber_keeps_going() -> None:
    import asyncio

    from services.notifier.delivery import Job, Subscriber

    class Broken:  # an HTTP client with a bug in it, not a failing receiver
        def build_request(self, *args: object, **kwargs: object) -> None:
            return None

        async def send(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("boom")

    parked: list[tuple[str, str]] = []
    acked: list[str] = []

    async def park(sub: Subscription, alert: Alert, reason: str, attempts: int, first_at: datetime) -> None:
        parked.append((alert.alert_id, reason))

    async def scenario() -> None:
        sub = Subscription(id="s", url="http://127.0.0.1:9/h", secret="s" * 16)
        s = Subscriber(sub, Broken(), park)  # type: ignore[arg-type]
        task = asyncio.get_running_loop().create_task(s.run())
        for n in ("a1", "a2"):
            async def done(n: str = n) -> None:
                acked.append(n)
            await s.put(Job(ALERT.model_copy(update={"alert_id": n}), done))
        for _ in range(100):
            if len(acked) == 2:
                break
            await asyncio.sleep(0.05)
        s.removed = True
        await asyncio.wait_for(task, 5)

    asyncio.run(scenario())
    assert [a for a, _ in parked] == ["a1", "a2"] and all("internal error: RuntimeError: boom" in r for _, r in parked)
    assert acked == ["a1", "a2"]


class _Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_client_connects_only_to_the_addresses_it_checked() -> None:
    """DNS rebinding: the name is public when checked before the attempt and loopback when the client connects;
    the client refuses the second. With loopback allowed, the same client reaches a real local server."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    async def loopback(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    async def scenario() -> tuple[int, str]:
        url = f"http://hooks.example.org:{port}/in"
        check_addresses("hooks.example.org", await rebinding("hooks.example.org", port), [])  # public: passes
        async with guarded_client([], rebinding) as client:
            with pytest.raises(Refused, match=r"non-public address 127\.0\.0\.1"):
                await client.post(url, content=b"{}")
        async with guarded_client(allowed_networks("127.0.0.0/8"), loopback) as client:
            resp = await client.post(url, content=b"{}")
        return resp.status_code, resp.request.headers["host"]

    try:
        status, host = asyncio.run(scenario())
    finally:
        server.shutdown()
    assert status == 204 and host == f"hooks.example.org:{port}"  # the URL's name is kept for Host (and TLS)


def test_an_alias_bomb_in_a_subscription_is_refused_with_a_short_error(tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text("".join(["a: &a lollollollollollollollol\n"]
                         + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(7)]
                         + ["subscriptions:\n  - {id: *h, url: 'https://a.example/h', secret: 0123456789abcdef}\n"]))
    with pytest.raises(SubscriptionError, match="aliases") as e:  # before: a 72 MB message naming the id
        parse_file(f)
    assert len(str(e.value)) < 600


def test_an_empty_file_does_not_delete_the_file_subscriptions_unless_allowed(tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text("subscriptions:\n  - {id: desk, url: 'https://a.example/h', secret: 0123456789abcdef}\n")
    book, sent = SubscriptionBook(), []
    book.check_file(f, sent.append)
    assert list(book.current) == ["desk"]
    f.write_text("subscriptions: []\n")
    book.check_file(f, sent.append)
    assert list(book.current) == ["desk"] and len(sent) == 1  # before: a tombstone for desk on every worker
    f.write_text("subscriptions: []  # really\n")
    book.check_file(f, sent.append, allow_empty=True)
    assert book.current == {} and sent[-1] == {b"desk": None}


def test_a_topic_record_whose_key_is_not_its_id_is_skipped() -> None:
    book = SubscriptionBook()
    sub = Subscription(id="desk", url="https://a.example/h", secret="0123456789abcdef")
    book.apply({b"x" * 100_000: sub.model_dump_json().encode(), b"other": sub.model_dump_json().encode()})
    assert book.current == {}


def test_subscriptions_cli_refuses_bad_files(tmp_path: Path) -> None:
    """`diplowatch subscriptions validate` only reads the file: no broker needed."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"subscriptions": [{"id": "x", "url": "ftp://example.org", "secret": "short"}]}))
    out = subprocess.run([sys.executable, "-m", "services.cli", "subscriptions", "validate", str(bad)],
                         env={**os.environ, "DIPLOWATCH_BOOTSTRAP": "127.0.0.1:1"}, cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "subscriptions[0] (id x)" in out.stderr and "url" in out.stderr and "secret" in out.stderr
