"""The ingest service: polls news feeds, fetches and extracts article pages, deduplicates, produces NewsItems.

Pure parts (feeds.py, canonical.py, fingerprint.py, dedupe.py, article.py, schedule.py, robots.py, extract.py)
need no network; fetch.py, seen.py, assignment.py and poller.py move bytes; service.py builds the clients.
"""
