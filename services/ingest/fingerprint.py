"""Content fingerprints: the exact one (hash of the normalised text) and a MinHash of its word shingles.

The exact hash catches a story republished unchanged under another URL (syndication, AMP copies); the MinHash
catches a story whose wording was edited a little. The threshold is measured by bench/ingest_quality.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5
SCHEME = "affine32"  # 32-bit values, stable across processes and datasketch versions from 2.0
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-case words of the NFKC text: punctuation, quotes and spacing do not change a fingerprint."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    w = words(text)
    if len(w) < size:
        return {" ".join(w).encode("utf-8")} if w else set()
    return {" ".join(w[i:i + size]).encode("utf-8") for i in range(len(w) - size + 1)}


def minhash(text: str, num_perm: int) -> MinHash:
    """Seeded (datasketch's fixed seed 1), so every process computes the same signature for one text."""
    m = MinHash(num_perm=num_perm, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def encode_signature(m: MinHash) -> str:
    """The signature for the seen topic: 32-bit values (datasketch's hash values are below 2**32), base64."""
    return base64.b64encode(np.asarray(m.hashvalues, dtype="<u4").tobytes()).decode("ascii")


def decode_signature(text: str, num_perm: int) -> MinHash:
    values = np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint64)
    if len(values) != num_perm:
        raise ValueError(f"signature has {len(values)} values, expected {num_perm}")
    return MinHash(num_perm=num_perm, hashvalues=values, scheme=SCHEME)
