"""A rule set on the compacted `rules` topic: one message when it fits, gzipped chunks when it does not.

A valid set of 10,000 rules is 3.3 MB of YAML; sent as one message the broker refused it (over
`max.message.bytes`) and the worker stopped. Now the files go inline in the `ruleset` message when that fits
the topic's limit, else as gzip parts under "ruleset.<version>.<n>", sent before a `ruleset` message that
says how many parts and their digest. A reader applies a chunked set only when every part of that version is
there and the digest matches; sizes are checked before and while decompressing (no gzip bomb).
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from pathlib import Path

import orjson
from pydantic import ValidationError

from services.errors import BadRuleSetMessage, problems
from services.models import RuleSetMessage
from services.safe_yaml import excerpt

RULESET_KEY = b"ruleset"
CHUNK_PREFIX = b"ruleset."
MAX_CHUNK_BYTES = 1_000_000  # the producer's request limit is at least 1 MiB


def encode(files: dict[str, bytes], version: str, limit: int) -> dict[bytes, bytes | None]:
    """Key -> value to send in this order (parts first), each value at most `limit` bytes."""
    text = {Path(n).name: raw.decode() for n, raw in files.items()}
    inline = RuleSetMessage(version=version, files=text).model_dump_json().encode()
    if len(inline) <= limit:
        return {RULESET_KEY: inline}
    body = orjson.dumps(text)
    packed = gzip.compress(body, compresslevel=6, mtime=0)  # mtime 0: the same set gives the same parts
    size = max(1, min(limit, MAX_CHUNK_BYTES))
    parts = [packed[i:i + size] for i in range(0, len(packed), size)]
    out: dict[bytes, bytes | None] = {chunk_key(version, n): part for n, part in enumerate(parts)}
    out[RULESET_KEY] = RuleSetMessage(version=version, chunks=len(parts), sha256=hashlib.sha256(packed).hexdigest(),
                                      size=len(body)).model_dump_json().encode()
    return out


def chunk_key(version: str, n: int) -> bytes:
    return CHUNK_PREFIX + f"{version}.{n}".encode()


def parse(value: bytes | None) -> RuleSetMessage:
    if value is None:
        raise BadRuleSetMessage("a tombstone for the rule set (ignored: the active set stays)")
    try:
        return RuleSetMessage.model_validate_json(value)
    except ValidationError as exc:
        errors = problems(exc, root="message", limit=3)
        raise BadRuleSetMessage(f"not a rule-set message ({len(value)} bytes): {excerpt(errors, 300)}") from None


def assemble(msg: RuleSetMessage, parts: dict[bytes, bytes], max_bytes: int) -> dict[str, bytes] | None:
    """The files of a rule-set message (None: parts still missing); BadRuleSetMessage when unusable."""
    if not msg.chunks:
        files = {name: text.encode() for name, text in msg.files.items()}
        if sum(map(len, files.values())) > max_bytes:
            raise BadRuleSetMessage(f"rule set {msg.version} is larger than DIPLOWATCH_RULES_MAX_BYTES={max_bytes}")
        return files
    if msg.size > max_bytes:
        raise BadRuleSetMessage(f"rule set {msg.version} ({msg.size} bytes) is larger than "
                                f"DIPLOWATCH_RULES_MAX_BYTES={max_bytes}")
    keys = [chunk_key(msg.version, n) for n in range(msg.chunks)]
    if any(k not in parts for k in keys):
        return None
    packed = b"".join(parts[k] for k in keys)
    if hashlib.sha256(packed).hexdigest() != msg.sha256:
        raise BadRuleSetMessage(f"rule set {msg.version}: the parts do not match the digest")
    inflate = zlib.decompressobj(wbits=31)  # gzip
    try:
        body = inflate.decompress(packed, max_bytes + 1)
    except zlib.error as exc:
        raise BadRuleSetMessage(f"rule set {msg.version}: not gzip: {exc}") from None
    if len(body) > max_bytes or inflate.unconsumed_tail:
        raise BadRuleSetMessage(f"rule set {msg.version} inflates beyond DIPLOWATCH_RULES_MAX_BYTES={max_bytes}")
    try:
        text = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise BadRuleSetMessage(f"rule set {msg.version}: not JSON: {exc}") from None
    if not isinstance(text, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in text.items()):
        raise BadRuleSetMessage(f"rule set {msg.version}: expected {{file name: YAML text}}")
    return {name: t.encode() for name, t in text.items()}
