"""The `diplowatch` command: offline enrichment, producing, ingesting feeds, tailing, topics, schemas and the worker."""

from __future__ import annotations

import argparse
import gc
import hashlib
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import orjson

from services.errors import DiplowatchError
from services.settings import Settings, load


def _lines(path: str) -> Iterator[tuple[str, str]]:
    """(where, line) for each line of PATH, or of stdin when PATH is '-'."""
    fh: TextIO = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="surrogateescape")  # noqa: SIM115
    try:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield f"{'stdin' if path == '-' else path}:{n}", line
    finally:
        if fh is not sys.stdin:
            fh.close()


def cmd_enrich(args: argparse.Namespace, settings: Settings) -> int:
    from services.coder import lexicon
    from services.enrich import enrich
    from services.pipeline import InputRejected, parse
    from services.rules import load_rules

    lexicon.use_cache(settings.cache_dir)
    rules = load_rules(args.rules or settings.rules_dir)
    out = sys.stdout.buffer
    failures = 0
    for where, line in _lines(args.path):
        try:
            item = parse(line.encode("utf-8", errors="surrogateescape"), settings.max_message_bytes)
        except InputRejected as r:
            failures += 1
            print(f"{where}: {r.reason}: {r.detail}", file=sys.stderr)
            continue
        article = enrich(item, rules, model=None if args.no_parse else settings.parser_model)
        out.write(article.model_dump_json().encode() + b"\n")
        out.flush()
    return 1 if failures and args.strict else 0


def _items_from(path: str) -> Iterator[tuple[str, bytes]]:
    """(key, value) pairs to produce: JSON lines as they are, a .txt file as one article."""
    p = Path(path)
    if path != "-" and p.is_dir():
        for f in sorted(p.iterdir()):
            if f.suffix in (".txt", ".jsonl", ".json"):
                yield from _items_from(str(f))
        return
    if path != "-" and p.suffix == ".txt":
        body = p.read_text(encoding="utf-8")
        yield p.stem, orjson.dumps({"id": p.stem, "body": body, "title": p.stem})
        return
    if path != "-" and p.suffix == ".json":
        raw = p.read_bytes()
        try:
            key = str(orjson.loads(raw).get("id", p.stem))
        except (orjson.JSONDecodeError, AttributeError):
            key = p.stem
        yield key, raw
        return
    for _, line in _lines(path):
        raw = line.rstrip("\n").encode("utf-8", errors="surrogateescape")
        try:
            key = str(orjson.loads(raw).get("id"))
        except (orjson.JSONDecodeError, AttributeError):
            key = hashlib.sha1(raw).hexdigest()[:16]  # the worker will dead-letter it with the reason
        yield key, raw


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    from services.kafka_admin import ensure_topics, producer

    ensure_topics(settings)
    prod = producer(settings)
    n = 0
    for path in args.paths:
        for key, value in _items_from(path):
            prod.send(args.topic or settings.topics.raw, key=key.encode(), value=value)
            n += 1
    prod.flush()
    prod.close()
    print(f"produced {n} message(s) to {args.topic or settings.topics.raw}", file=sys.stderr)
    return 0


def summary(doc: object) -> str:
    """One readable line for an alert, an event, an enriched article, a dead letter or an input article."""
    if not isinstance(doc, dict):
        return str(doc)
    if "rule_id" in doc:
        return f"{doc['severity']:8s} {doc['rule_id']:30s} {doc['article_id']}: {doc['text'][:90]}"
    if "event_id" in doc:
        tgt = (doc.get("target") or {}).get("code", "-")
        return f"{doc['source']['code']:12s} {doc.get('plover') or doc['cameo']:10s} {tgt:12s} {doc['trigger']}"
    if "reason" in doc:
        return f"{doc['reason']:18s} {doc['topic']}[{doc['partition']}]@{doc['offset']}: {doc['detail'][:80]}"
    if "events" in doc:
        return f"{doc['id']}: {len(doc['events'])} events, {len(doc.get('alerts', []))} alerts"
    if "body" in doc and "id" in doc:  # a NewsItem; body_from is set by the ingest service
        return (f"{str(doc['id'])[:16]:16s} {doc.get('body_from') or '-':7s} {str(doc.get('source') or '-')[:16]:16s} "
                f"{str(doc.get('title') or '')[:80]}")
    return orjson.dumps(doc).decode()


def _since_ms(text: str) -> int:
    """Epoch milliseconds of an ISO 8601 time (UTC if no offset) or of epoch seconds."""
    try:
        return int(float(text) * 1000)
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: not an ISO 8601 time (2026-11-29T13:00:00Z) or epoch "
                                         "seconds") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp() * 1000)


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from services.kafka_admin import consume

    out = sys.stdout.buffer
    messages = consume(settings, args.topic, from_beginning=not args.latest, timeout_s=args.timeout,
                       since_ms=args.since)
    for count, (partition, offset, key, value) in enumerate(messages, 1):
        try:
            doc = orjson.loads(value) if value is not None else None
        except orjson.JSONDecodeError:
            doc = {"raw": (value or b"").decode("utf-8", errors="replace")}
        if args.pretty:
            out.write(summary(doc).encode() + b"\n")
            out.flush()
            if args.max and count >= args.max:
                break
            continue
        if args.meta:
            doc = {"partition": partition, "offset": offset, "key": (key or b"").decode(errors="replace"),
                   "value": doc}
        out.write(orjson.dumps(doc) + b"\n")
        out.flush()
        if args.max and count >= args.max:
            break
    return 0


def cmd_corpus(args: argparse.Namespace, settings: Settings) -> int:
    from services.corpus import read_items

    out = sys.stdout.buffer
    for item in read_items(args.path, args.limit):
        out.write(item.model_dump_json(exclude_none=True).encode() + b"\n")
    return 0


def cmd_rules(args: argparse.Namespace, settings: Settings) -> int:
    from services.enrich import enrich
    from services.models import NewsItem
    from services.rules import RuleError
    from services.rules.engine import compile_rules, read_rule_files
    from services.rules.state import apply, candidates

    try:
        rules = compile_rules(read_rule_files(args.dir, settings.rules_max_bytes))
    except RuleError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    if not rules.rules and not settings.rules_allow_empty:
        print(f"invalid: {args.dir}: no rules enabled (an empty set is refused unless DIPLOWATCH_RULES_ALLOW_EMPTY=1)",
              file=sys.stderr)
        return 1
    if args.action == "validate":
        kinds = ", ".join(sorted({r.kind for r in rules.rules}))
        print(f"ok: {len(rules)} rules ({kinds}), rule-set version {rules.version}")
        return 0
    if args.text is not None:
        items = [NewsItem(id="text", body=args.text)]
    elif args.file:
        raw = Path(args.file).read_text(encoding="utf-8")
        items = ([NewsItem.model_validate_json(raw)] if args.file.endswith(".json")
                 else [NewsItem.model_validate_json(line) for line in raw.splitlines() if line.strip()])
    else:
        print("rules test needs --text or --file", file=sys.stderr)
        return 2
    state: dict[str, object] = {}  # one state across the articles given, as the alerter keeps it
    by_id = rules.by_id
    for item in items:
        article = enrich(item, rules)
        print(f"== {item.id}: {len(article.alerts)} rule(s) matched")
        for c in candidates(by_id, article.alerts, article):
            rule = by_id[c.rule_id]
            fired = apply(rule, c, state)
            verdict = "FIRES" if fired else f"held ({rule.kind}{', dedupe' if rule.dedupe_s else ''})"
            print(f"{verdict:24s} {c.rule_id} [{c.alert.severity}] key={c.key}"
                  + (f" count={fired.window_count}" if fired and fired.window_count else ""))
            for m in c.alert.matches[:6]:
                print(f"    {m.start:>6}-{m.end:<6} {m.why}: {m.text[:80]!r}")
    return 0


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    from services.kafka_admin import ensure_topics

    created = ensure_topics(settings)
    print("created: " + (", ".join(created) if created else "(all existed)"))
    return 0


def cmd_schemas(args: argparse.Namespace, settings: Settings) -> int:
    from services.schemas import check, write

    if args.action == "write":
        for path in write():
            print(path)
        return 0
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def cmd_subscriptions(args: argparse.Namespace, settings: Settings) -> int:
    """Webhook subscriptions on the compacted topic: every worker picks a change up within seconds."""
    from services.compacted import CompactedReader
    from services.kafka_admin import ensure_topics, producer
    from services.models import Subscription
    from services.notifier.subscriptions import SubscriptionError, encode, parse_file

    if args.action in ("validate", "put"):
        if not args.target:
            print(f"subscriptions {args.action} needs a FILE", file=sys.stderr)
            return 2
        try:
            subs = parse_file(Path(args.target), origin="cli")
        except SubscriptionError as exc:
            print(f"invalid: {exc}", file=sys.stderr)
            return 1
        if args.action == "validate":
            print(f"ok: {len(subs)} subscription(s): {', '.join(s.id for s in subs)}")
            return 0
        ensure_topics(settings)
        updates: dict[bytes, bytes | None] = dict(encode(s) for s in subs)
    elif args.action == "delete":
        if not args.target:
            print("subscriptions delete needs an ID", file=sys.stderr)
            return 2
        updates = {args.target.encode(): None}
    else:  # list
        state = CompactedReader(settings, settings.topics.subscriptions, "diplowatch-cli").catch_up()
        for _key, value in sorted(state.items()):
            if value is not None:
                sub = Subscription.model_validate_json(value)
                print(f"{sub.id}\t{sub.url}\t{sub.format}\tmin_severity={sub.filters.min_severity}\t{sub.origin}")
        return 0
    p = producer(settings)
    for key, value in updates.items():
        p.send(settings.topics.subscriptions, key=key, value=value)
    p.flush(timeout=30)
    p.close()
    print(f"{args.action}: {', '.join(k.decode() for k in updates)} on {settings.topics.subscriptions}")
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Poll the feeds file and produce new articles to news.raw (services/ingest)."""
    import asyncio
    import logging

    from services.ingest.feedfile import load_feeds
    from services.ingest.service import run
    from services.ingest.settings import load_settings

    cfg = load_settings()
    feeds = load_feeds(Path(args.feeds or cfg.feeds_file))  # FeedFileError: one line from main(), exit 2
    logging.basicConfig(level=args.loglevel.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("kafka", "aiokafka", "httpx", "httpcore", "trafilatura"):  # the progress lines stay readable
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    port = args.metrics_port if args.metrics_port is not None else cfg.metrics_port
    if port and not args.once:
        from prometheus_client import start_http_server

        start_http_server(port, addr=cfg.metrics_host)
    return asyncio.run(run(settings, cfg, feeds, once=args.once))


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from services.app import build_app
    from services.coder import lexicon
    from services.coder.coder import code_article
    from services.faust_worker import Worker
    from services.kafka_admin import ensure_topics, message_limits
    from services.limits import fit_limit

    ensure_topics(settings)
    outputs = [t for t in settings.topics.all() if t != settings.topics.raw]
    limit = fit_limit(settings.max_output_bytes, message_limits(settings, outputs))
    if limit < settings.max_output_bytes:  # the topics accept less than the setting: every output is cut to it
        print(f"DIPLOWATCH_MAX_OUTPUT_BYTES lowered from {settings.max_output_bytes} to {limit}: the output topics "
              "accept less (max.message.bytes)", file=sys.stderr)
        settings = settings.model_copy(update={"max_output_bytes": limit})
    lexicon.use_cache(settings.cache_dir)
    # the dictionaries, the sentencizer and the parser if one is set, loaded now and not by the first article:
    # seconds of the event loop's time, while the group assigns partitions, left a partition undelivered in
    # the 1-to-3-worker scaling test
    code_article("warm-up", "Japan and Vietnam signed a defence agreement on Monday.", model=settings.parser_model)
    worker = build_app(settings)
    # the tables' changelogs too, led before Faust's consumer subscribes (kafka_admin.ensure_topics says why)
    ensure_topics(settings, changelogs={table.changelog_topic_name: table.partitions or settings.partitions
                                        for table in worker.app.tables.values()})
    worker.control.start_rules()
    # what was built so far (the dictionaries: millions of objects) lives as long as the worker: out of the
    # collector's sight, a full collection no longer walks it (it took ~0.2 s of an article's time;
    # bench/worst_case.py --no-freeze)
    gc.freeze()
    worker.feeds.install(worker.app.web.web_app)  # type: ignore[attr-defined]  # streams end when the server stops
    worker.app.finalize()
    runner = Worker(worker.app, loglevel=args.loglevel, redirect_stdouts=False)
    runner.execute_from_commandline()
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="diplowatch", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("enrich", help="offline: NewsItem JSON lines in, enriched-article JSON lines out")
    p.add_argument("path", nargs="?", default="-")
    p.add_argument("--rules", help="rules file or directory (default: DIPLOWATCH_RULES_DIR)")
    p.add_argument("--strict", action="store_true", help="exit 1 if any input line was rejected")
    p.add_argument("--no-parse", action="store_true", help="code without the dependency parse (word order only), "
                   "whatever DIPLOWATCH_SPACY_MODEL says")
    p.set_defaults(func=cmd_enrich)
    p = sub.add_parser("produce", help="send JSON lines, .json or .txt articles to news.raw")
    p.add_argument("paths", nargs="*", default=["-"])
    p.add_argument("--topic", help="topic (default: news.raw)")
    p.set_defaults(func=cmd_produce)
    p = sub.add_parser("tail", help="print a topic's messages as JSON lines")
    p.add_argument("topic")
    p.add_argument("--latest", action="store_true", help="only messages produced from now on")
    p.add_argument("--since", type=_since_ms,
                   help="only messages stamped at or after this time (ISO 8601, or epoch seconds)")
    p.add_argument("--timeout", type=float, default=None, help="stop after this many idle seconds")
    p.add_argument("--max", type=int, default=0, help="stop after this many messages")
    p.add_argument("--meta", action="store_true", help="wrap each value with partition, offset and key")
    p.add_argument("--pretty", action="store_true", help="one readable line per message instead of JSON")
    p.set_defaults(func=cmd_tail)
    p = sub.add_parser("corpus", help="convert a corpus file (VOA stories, gold sentences) to NewsItem lines")
    p.add_argument("path")
    p.add_argument("--limit", type=int, default=0)
    p.set_defaults(func=cmd_corpus)
    p = sub.add_parser("rules", help="validate rule files, or show which rules fire on a text and why")
    p.add_argument("action", choices=["validate", "test"])
    p.add_argument("dir", help="a rules directory or file")
    p.add_argument("--text")
    p.add_argument("--file", help="an article .json, or NewsItem JSON lines")
    p.set_defaults(func=cmd_rules)
    p = sub.add_parser("subscriptions", help="webhook subscribers: validate or put a file, delete an id, list")
    p.add_argument("action", choices=["validate", "put", "delete", "list"])
    p.add_argument("target", nargs="?", help="a subscriptions YAML file (validate, put) or an id (delete)")
    p.set_defaults(func=cmd_subscriptions)
    p = sub.add_parser("topics", help="create the pipeline's topics if missing")
    p.set_defaults(func=cmd_topics)
    p = sub.add_parser("schemas", help="write or check the JSON Schemas in schemas/")
    p.add_argument("action", choices=["write", "check"])
    p.set_defaults(func=cmd_schemas)
    p = sub.add_parser("ingest", help="poll news feeds and produce each new article to news.raw")
    p.add_argument("--feeds", help="feeds YAML file (default: DIPLOWATCH_INGEST_FEEDS_FILE, deploy/feeds.yaml)")
    p.add_argument("--once", action="store_true", help="one pass over every feed, a summary table, then exit")
    p.add_argument("--metrics-port", type=int, default=None, help="/metrics port (default: "
                   "DIPLOWATCH_INGEST_METRICS_PORT; 0: none)")
    p.add_argument("--loglevel", default="info")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("worker", help="run the stream processor (Faust worker)")
    p.add_argument("--web-port", type=int, default=0)
    p.add_argument("--loglevel", default="info")
    p.set_defaults(func=cmd_worker)
    return ap


def main(argv: list[str] | None = None) -> int:
    """The one place settings are read: from the environment, with the command line's overrides."""
    args = build_parser().parse_args(argv)
    overrides = {"web_port": args.web_port} if getattr(args, "web_port", 0) else {}
    try:
        return int(args.func(args, load(**overrides)) or 0)
    except DiplowatchError as exc:  # a setting, a rule set, a model, a topic: one readable line, no traceback
        print(f"diplowatch: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
