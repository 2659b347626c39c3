"""make bench: the production stack on loopback under wrk (docs/performance.md)."""
