"""make loadtest: readers, searchers, editors and approvers at once, with a gunicorn reload."""
