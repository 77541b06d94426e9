"""A feed client's queue (services/feed/hub.py), without Kafka: frames, silence, and a client that hung up."""

from __future__ import annotations

import asyncio

import pytest

from services.feed.filters import FeedFilter
from services.feed.hub import HANGUP_CHECK_S, Closed, Subscriber


def _sub(gone: list[bool]) -> Subscriber:
    return Subscriber("events", FeedFilter.from_query("events", {}), 1 << 20, lambda: None, lambda: gone[0])


def test_a_frame_offered_while_waiting_is_returned_and_silence_gives_none() -> None:
    async def run() -> tuple[bytes | None, bytes | None]:
        sub = _sub([False])
        asyncio.get_running_loop().call_later(0.05, sub.offer, 0, 0, b"frame")
        return await sub.next(5), await sub.next(0.05)

    assert asyncio.run(run()) == (b"frame", None)


def test_a_client_that_hung_up_ends_its_stream_before_the_keepalive() -> None:
    # the keep-alive is 15 s of silence: the hang-up must end the wait long before that
    async def run() -> None:
        gone = [False]
        sub = _sub(gone)
        asyncio.get_running_loop().call_later(0.05, gone.__setitem__, 0, True)
        await asyncio.wait_for(sub.next(15), HANGUP_CHECK_S * 3)

    with pytest.raises(Closed):
        asyncio.run(run())
