"""The enricher works in steps: the event loop runs its other tasks (other partitions, /metrics, feeds,
heartbeats) while an article is enriched, and the result is the one `process()` gives in one piece."""

from __future__ import annotations

import asyncio
import time

import orjson
from conftest import SHARED
from defaults import pack

from services import steps
from services.corpus import read_items
from services.models import EnrichedArticle
from services.pipeline import Source, process, process_steps
from services.settings import Settings

SRC = Source("news.raw", 0, 0)


def _story() -> bytes:
    story = next(it for it in read_items(SHARED / "corpus" / "voa_stories.jsonl", limit=5) if len(it.body) > 3000)
    return orjson.dumps({"id": "story", "body": story.body})


def _events(outputs: list) -> list:
    article = EnrichedArticle.model_validate_json(outputs[0].value)
    return [e.model_dump() for e in article.events]


def _ticks_while_enriched(value: bytes, settings: Settings, slice_seconds: float) -> tuple[int, list]:
    """How many times another task ran while the story was enriched, and the outputs."""

    async def scenario() -> tuple[int, list]:
        ticks = 0
        done = False

        async def ticker() -> None:
            nonlocal ticks
            while not done:
                ticks += 1
                await asyncio.sleep(0)

        task = asyncio.create_task(ticker())
        await asyncio.sleep(0)
        start = ticks
        outputs = await steps.run(process_steps(value, None, SRC, settings, pack()), slice_seconds)
        during = ticks - start
        done = True
        await task
        return during, outputs

    return asyncio.run(scenario())


def test_other_tasks_run_between_the_steps_of_an_article() -> None:
    value = _story()
    settings = Settings()
    process(value, None, SRC, settings, pack())  # dictionaries loaded before the count
    during, outputs = _ticks_while_enriched(value, settings, slice_seconds=0)
    sentences = EnrichedArticle.model_validate_json(outputs[0].value).sentences
    # in one piece the ticker would not run at all until the article was done
    assert during >= 10, f"the loop ran other tasks {during} times while a {sentences}-sentence story was enriched"
    assert _events(outputs) == _events(process(value, None, SRC, settings, pack()))


def test_with_the_worker_slice_other_tasks_still_run_while_an_article_is_enriched() -> None:
    value = _story()
    settings = Settings()
    process(value, None, SRC, settings, pack())
    started = time.perf_counter()
    during, outputs = _ticks_while_enriched(value, settings, slice_seconds=steps.SLICE_SECONDS)
    took = time.perf_counter() - started
    # the story takes several slices (tens of ms); the loop gets a turn at least once per slice that ended
    assert took > 2 * steps.SLICE_SECONDS
    assert during >= 1, f"the loop never ran in the {took * 1000:.0f} ms the story took"
    assert _events(outputs) == _events(process(value, None, SRC, settings, pack()))


def test_drain_returns_what_the_steps_return() -> None:
    def work() -> steps.Steps[int]:
        total = 0
        for i in range(5):
            total += i
            yield
        return total

    assert steps.drain(work()) == 10
    assert asyncio.run(steps.run(work())) == 10
