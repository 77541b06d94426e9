"""A Faust worker whose fetcher loses messages the ways faust-streaming's does during a rebalance. DROP=n: the
delivery of offset n is abandoned (its callback returns without delivering) while the fetcher still records
the offset as read. JUMP=n: the records at offsets n to n+3 are discarded from one fetch, as Faust's
`getmany` discards a partition's records while it does not count it as active, the Kafka consumer's position
past them. SLOW_SEEK=s: the seek to the committed offsets takes s seconds more once it has moved the
consumer (a broker slow to answer), while the fetcher runs: it does after a restart with state to restore,
which the agent's table gives. Used by test_offsets_reread.py over the real broker; it writes every offset
its agent processes to OUT, one per line.

    DIPLOWATCH_BOOTSTRAP=... TOPIC=... DROP=37 OUT=/tmp/seen python tests/dropping_worker.py worker
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import faust

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from services.offsets import ContiguousCommitConsumer

DROP = int(os.environ.get("DROP", "-1"))
JUMP = int(os.environ.get("JUMP", "-1"))
SLOW_SEEK = float(os.environ.get("SLOW_SEEK", "0"))
OUT = Path(os.environ["OUT"])


class DroppingConsumer(ContiguousCommitConsumer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        deliver = self.callback
        dropped = False

        async def callback(message: Any) -> None:
            nonlocal dropped
            if message.offset == DROP and not dropped:
                dropped = True  # what an interrupted `wait_first(callback(message), suspend_flow)` leaves
                return
            await deliver(message)

        self.callback = callback
        self._discarded = False

    async def _getmany(self, active_partitions: Any, timeout: float) -> Any:
        records = await super()._getmany(active_partitions, timeout)
        if JUMP >= 0 and not self._discarded:
            for tp, batch in records.items():
                kept = [r for r in batch if not JUMP <= r.offset < JUMP + 4]
                if len(kept) != len(batch):
                    self._discarded = True
                    records[tp] = kept
        return records

    async def seek_to_committed(self) -> Any:
        offsets = await super().seek_to_committed()
        if SLOW_SEEK:
            print(f"seek: sleeping {SLOW_SEEK} s", flush=True)
            await asyncio.sleep(SLOW_SEEK)
        return offsets


app = faust.App(os.environ["APP_ID"], broker=f"kafka://{os.environ['DIPLOWATCH_BOOTSTRAP']}", web_enabled=False,
                datadir=os.environ["DATA_DIR"], value_serializer="raw", broker_commit_interval=1.0,
                consumer_auto_offset_reset="earliest")
app.transport.Consumer = DroppingConsumer
topic = app.topic(os.environ["TOPIC"], value_type=bytes, partitions=1)
processed = app.Table("processed", default=int, partitions=1)  # state: a restart restores it first


@app.agent(topic)
async def record(stream: Any) -> None:
    async for event in stream.events():
        processed["count"] += 1
        with OUT.open("a") as fh:
            fh.write(f"{event.message.offset}\n")


if __name__ == "__main__":
    app.main()
