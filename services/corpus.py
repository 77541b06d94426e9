"""Turn the shared corpora (VOA stories, gold sentences) into NewsItems, for `make up`, tests and benchmarks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from services.models import NewsItem


def read_items(path: str | Path, limit: int = 0) -> Iterator[NewsItem]:
    """NewsItems from a corpus file: VOA-style (`text`, `published`), gold (`text`, `date`) or NewsItem lines."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit and n >= limit:
                return
            if not line.strip():
                continue
            r = json.loads(line)
            if "body" in r:
                yield NewsItem.model_validate(r)
                continue
            published = r.get("published") or (r["date"] + "T00:00:00Z" if len(r.get("date") or "") == 10
                                                and r["date"] != "2000-01-01" else None)
            yield NewsItem(id=str(r["id"]), body=r["text"], title=r.get("title") or None, url=r.get("url"),
                           source="voa" if "published" in r else None, language="en",
                           published_at=published)
