"""OrderedAcks: an input is acknowledged only after its outputs, in input order; a failed send stops it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from services.acks import OrderedAcks


@dataclass
class Msg:
    offset: int
    tp: str = "news.raw/0"


@dataclass
class Event:
    message: Msg


@dataclass
class Recorder:
    acked: list[int] = field(default_factory=list)
    crashed: list[BaseException] = field(default_factory=list)

    async def ack(self, event: Event) -> None:
        self.acked.append(event.message.offset)

    async def crash(self, exc: BaseException) -> None:
        self.crashed.append(exc)


def test_acks_follow_outputs_in_input_order() -> None:
    async def run() -> Recorder:
        rec = Recorder()
        acks = OrderedAcks(rec, rec, window=10)
        loop = asyncio.get_running_loop()
        futs = [loop.create_future() for _ in range(3)]
        done: list[int] = []
        await acks.add(Event(Msg(0)), [futs[0]], lambda: done.append(0))
        await acks.add(Event(Msg(1)), [futs[1], futs[2]], lambda: done.append(1))
        await acks.add(Event(Msg(2)), [], lambda: done.append(2))
        await asyncio.sleep(0.01)
        assert rec.acked == []  # nothing acknowledged while the broker has not answered
        futs[2].set_result(None)
        futs[1].set_result(None)
        await asyncio.sleep(0.01)
        assert rec.acked == []  # offset 1 and 2 wait for offset 0: commits never pass an unfinished input
        futs[0].set_result(None)
        await asyncio.sleep(0.01)
        assert rec.acked == [0, 1, 2] and done == [0, 1, 2]
        return rec

    asyncio.run(run())


def test_a_failed_send_stops_acknowledging_and_crashes_the_worker() -> None:
    async def run() -> None:
        rec = Recorder()
        acks = OrderedAcks(rec, rec, window=10)
        loop = asyncio.get_running_loop()
        ok, bad, later = loop.create_future(), loop.create_future(), loop.create_future()
        for n, f in enumerate((ok, bad, later)):
            await acks.add(Event(Msg(n)), [f])
        ok.set_result(None)
        bad.set_exception(RuntimeError("broker gone"))
        later.set_result(None)
        await asyncio.sleep(0.01)
        assert rec.acked == [0]
        assert [str(e) for e in rec.crashed] == ["broker gone"]

    asyncio.run(run())


def test_a_full_window_makes_the_agent_wait() -> None:
    async def run() -> None:
        rec = Recorder()
        acks = OrderedAcks(rec, rec, window=2)
        blocker: Any = asyncio.get_running_loop().create_future()
        for n in range(3):  # the acker takes the first one and waits on it; two more fill the window
            await acks.add(Event(Msg(n)), [blocker])
        fourth = asyncio.ensure_future(acks.add(Event(Msg(3)), []))
        await asyncio.sleep(0.01)
        assert not fourth.done()
        blocker.set_result(None)
        await asyncio.sleep(0.01)
        assert fourth.done() and rec.acked == [0, 1, 2, 3]

    asyncio.run(run())


def test_messages_added_after_a_failure_are_never_acknowledged() -> None:
    # the agent goes on reading while the worker stops: acknowledging what it reads then would let the commit
    # pass the failed message (on a partition with no committed offset yet, nothing else guards it)
    async def run() -> None:
        rec = Recorder()
        acks = OrderedAcks(rec, rec, window=10)
        bad = asyncio.get_running_loop().create_future()
        await acks.add(Event(Msg(0)), [bad])
        bad.set_exception(RuntimeError("broker gone"))
        await asyncio.sleep(0.01)
        await acks.add(Event(Msg(1)), [])
        await acks.add(Event(Msg(2)), [])
        await asyncio.sleep(0.01)
        assert rec.acked == [] and len(rec.crashed) == 1

    asyncio.run(run())


def test_a_refused_output_is_replaced_by_the_fallback_and_the_input_acknowledged() -> None:
    async def run() -> None:
        rec = Recorder()
        loop = asyncio.get_running_loop()
        replaced: list[tuple[int, str]] = []

        async def fallback(event: Event, exc: BaseException) -> list[Any] | None:
            if "too large" not in str(exc):
                return None  # not the message's own fault: stop
            replaced.append((event.message.offset, str(exc)))
            done = loop.create_future()
            done.set_result(None)
            return [done]

        acks = OrderedAcks(rec, rec, window=10, fallback=fallback)
        refused, gone, after = loop.create_future(), loop.create_future(), loop.create_future()
        await acks.add(Event(Msg(0)), [refused])
        await acks.add(Event(Msg(1)), [after])
        refused.set_exception(RuntimeError("message too large"))
        after.set_result(None)
        await asyncio.sleep(0.01)
        assert rec.acked == [0, 1] and replaced == [(0, "message too large")] and rec.crashed == []
        await acks.add(Event(Msg(2)), [gone])
        gone.set_exception(RuntimeError("broker gone"))
        await asyncio.sleep(0.01)
        assert rec.acked == [0, 1] and [str(e) for e in rec.crashed] == ["broker gone"]

    asyncio.run(run())
