"""`make bench-search`: generate N pages into a throwaway database and measure the search.

Run as ``python -m search.bench [--pages 10000] [--rounds 5]``. The database is a temporary
SQLite file, or ``<name>_bench`` beside the PostgreSQL database of DATABASE_URL; the developer's
own database is never touched. See docs/performance.md for the figures.
"""
