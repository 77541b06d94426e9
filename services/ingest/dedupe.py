"""The seen-set and the one rule that decides whether an article is new: pure, no Kafka.

Every ingest process reads the same single-partition seen topic in the same order and applies `SeenIndex.apply`
to each record; the first claim of a URL, a text or a near-identical text wins, in the log's order, so all
processes agree on the winner without talking to each other (Kafka's partition order is the arbiter). The
winner produces the article, then writes a `done` record. A winning claim with no `done` after `lease`
seconds was left by a process that died in between: it no longer counts, and the next claim of that article
wins, so a crash loses nothing (at the price of a duplicate if a process stalls longer than the lease).
Entries expire `ttl` seconds after their claim. Every time in the rule is a claim's own time, so the
decision on a claim does not depend on when or where it is read.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass, replace
from typing import Literal

import orjson
from datasketch import MinHash, MinHashLSH

from services.ingest.fingerprint import SCHEME, decode_signature

Verdict = Literal["new", "url", "content", "near"]
CLOCK_SKEW = 300.0  # seconds the ingest hosts' clocks may differ; wall-clock expiry stays this far behind


@dataclass(frozen=True)
class Claim:
    """One record of the seen topic, keyed by `id`: a process means to produce this article (state "claim"),
    or has produced it (state "done", the same fields)."""

    id: str
    content: str
    signature: str
    owner: str
    at: float
    feed: str = ""
    state: Literal["claim", "done"] = "claim"

    def encode(self) -> bytes:
        return orjson.dumps(asdict(self))

    def done(self) -> Claim:
        return replace(self, state="done")

    @classmethod
    def decode(cls, raw: bytes) -> Claim:
        doc = orjson.loads(raw)
        return cls(id=str(doc["id"]), content=str(doc["content"]), signature=str(doc["signature"]),
                   owner=str(doc["owner"]), at=float(doc["at"]), feed=str(doc.get("feed", "")),
                   state="done" if doc.get("state") == "done" else "claim")


@dataclass
class _Winner:
    at: float
    owner: str
    content: str
    signature: MinHash
    done: bool = False


class SeenIndex:
    """URLs, exact texts and MinHash signatures of the articles claimed in the last `ttl` seconds."""

    def __init__(self, ttl: float, threshold: float, num_perm: int, lease: float = 600.0) -> None:
        self.ttl = ttl
        self.threshold = threshold
        self.num_perm = num_perm
        self.lease = lease
        self._urls: dict[str, float] = {}  # every claimed id, won or not -> claim time
        self._winners: dict[str, _Winner] = {}
        self._texts: dict[str, str] = {}  # content hash -> id of the winner
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: deque[tuple[float, str]] = deque()  # (claim time, id) in claim order
        self.clock = 0.0  # the newest claim time applied

    def __len__(self) -> int:
        return len(self._urls)

    def _live(self, article_id: str, now: float) -> bool:
        """A winner counts while it is done or within its lease; a loser's URL always counts."""
        w = self._winners.get(article_id)
        return w is None or w.done or now - w.at <= self.lease

    def has_url(self, article_id: str, now: float) -> bool:
        return article_id in self._urls and self._live(article_id, now)

    def classify(self, article_id: str, content: str, signature: MinHash, now: float) -> Verdict:
        """What this article would be at time `now`: new, or a duplicate by url, exact text or near text."""
        if self.has_url(article_id, now):
            return "url"
        if (other := self._texts.get(content)) is not None and self._live(other, now):
            return "content"
        for other in self._lsh.query(signature):
            w = self._winners[other]
            if self._live(other, now) and signature.jaccard(w.signature) >= self.threshold:
                return "near"
        return "new"

    def apply(self, claim: Claim) -> Verdict | None:
        """Record a record read from the seen topic, in topic order: the verdict of a claim (the same in every
        process), None for a done record."""
        if claim.state == "done":
            w = self._winners.get(claim.id)
            if w is not None and w.owner == claim.owner and w.at == claim.at:
                w.done = True
            return None
        self.clock = max(self.clock, claim.at)
        self.expire(self.clock)
        try:
            signature = decode_signature(claim.signature, self.num_perm)
        except ValueError:  # written with another num_perm: comparable by url and exact text only
            signature = MinHash(num_perm=self.num_perm, scheme=SCHEME)
        verdict = self.classify(claim.id, claim.content, signature, claim.at)
        self._urls[claim.id] = claim.at
        self._order.append((claim.at, claim.id))
        if verdict == "new":
            self._forget_winner(claim.id)  # an abandoned claim of the same article
            self._winners[claim.id] = _Winner(claim.at, claim.owner, claim.content, signature)
            self._texts[claim.content] = claim.id
            self._lsh.insert(claim.id, signature)
        return verdict

    def _forget_winner(self, article_id: str) -> None:
        w = self._winners.pop(article_id, None)
        if w is not None:
            if self._texts.get(w.content) == article_id:
                del self._texts[w.content]
            self._lsh.remove(article_id)

    def expire_idle(self, wall_clock: float) -> int:
        """Expiry between claims (the memory is bounded even when no claim arrives), kept CLOCK_SKEW behind
        so it forgets nothing a claim from a host with a slower clock would still find."""
        return self.expire(wall_clock - CLOCK_SKEW)

    def expire(self, now: float) -> int:
        """Forget claims older than ttl before `now`; returns how many went."""
        gone = 0
        while self._order and self._order[0][0] < now - self.ttl:
            at, article_id = self._order.popleft()
            gone += 1
            if self._urls.get(article_id) == at:
                del self._urls[article_id]
            w = self._winners.get(article_id)
            if w is not None and w.at == at:
                self._forget_winner(article_id)
        return gone
