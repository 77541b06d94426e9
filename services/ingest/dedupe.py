"""The seen-set and the one rule that decides whether an article is new: pure, no Kafka.

Every ingest process reads the same single-partition seen topic in the same order and applies `SeenIndex.apply`
to each claim; the first claim of a URL, a text or a near-identical text wins, in the log's order, so all
processes agree on the winner without talking to each other (Kafka's partition order is the arbiter).
Entries expire `ttl` seconds after their claim, measured on the claims' own clock, so the decision on a
claim does not depend on when a process reads it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from typing import Literal

import orjson
from datasketch import MinHash, MinHashLSH

from services.ingest.fingerprint import decode_signature

Verdict = Literal["new", "url", "content", "near"]
DUPLICATE_KINDS: tuple[Verdict, ...] = ("url", "content", "near")


@dataclass(frozen=True)
class Claim:
    """One record of the seen topic, keyed by `id`: a process meant to produce this article."""

    id: str
    content: str
    signature: str
    owner: str
    at: float
    feed: str = ""

    def encode(self) -> bytes:
        return orjson.dumps(asdict(self))

    @classmethod
    def decode(cls, raw: bytes) -> Claim:
        doc = orjson.loads(raw)
        return cls(id=str(doc["id"]), content=str(doc["content"]), signature=str(doc["signature"]),
                   owner=str(doc["owner"]), at=float(doc["at"]), feed=str(doc.get("feed", "")))


class SeenIndex:
    """URLs, exact texts and MinHash signatures of the articles claimed in the last `ttl` seconds."""

    def __init__(self, ttl: float, threshold: float, num_perm: int) -> None:
        self.ttl = ttl
        self.threshold = threshold
        self.num_perm = num_perm
        self._urls: dict[str, float] = {}  # every claimed id, won or not -> claim time
        self._texts: dict[str, tuple[str, float]] = {}  # content hash -> (id of the winner, time)
        self._signatures: dict[str, tuple[MinHash, float]] = {}  # winner id -> signature, time
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: deque[tuple[float, str, str]] = deque()  # (time, id, content hash) in claim order
        self.clock = 0.0  # the newest claim time applied

    def __len__(self) -> int:
        return len(self._urls)

    def has_url(self, article_id: str) -> bool:
        return article_id in self._urls

    def classify(self, article_id: str, content: str, signature: MinHash) -> Verdict:
        """What this article would be now: new, or a duplicate by url, exact text or near-identical text."""
        if article_id in self._urls:
            return "url"
        if content in self._texts:
            return "content"
        for other in self._lsh.query(signature):
            if signature.jaccard(self._signatures[other][0]) >= self.threshold:
                return "near"
        return "new"

    def apply(self, claim: Claim) -> Verdict:
        """Record a claim read from the seen topic, in topic order; the verdict is the same in every process."""
        self.clock = max(self.clock, claim.at)
        self.expire(self.clock)
        try:
            signature = decode_signature(claim.signature, self.num_perm)
        except ValueError:  # written with another num_perm: comparable by url and exact text only
            signature = MinHash(num_perm=self.num_perm, scheme="affine32")
        verdict = self.classify(claim.id, claim.content, signature)
        self._urls[claim.id] = claim.at
        self._order.append((claim.at, claim.id, claim.content))
        if verdict == "new":
            self._texts[claim.content] = (claim.id, claim.at)
            if claim.id not in self._signatures:
                self._lsh.insert(claim.id, signature)
            self._signatures[claim.id] = (signature, claim.at)
        return verdict

    def expire(self, now: float) -> int:
        """Forget claims older than ttl before `now`; returns how many went."""
        gone = 0
        while self._order and self._order[0][0] < now - self.ttl:
            at, article_id, content = self._order.popleft()
            gone += 1
            if self._urls.get(article_id) == at:
                del self._urls[article_id]
            if self._texts.get(content, ("", -1.0))[1] == at:
                del self._texts[content]
            sig = self._signatures.get(article_id)
            if sig is not None and sig[1] == at:
                del self._signatures[article_id]
                self._lsh.remove(article_id)
        return gone
