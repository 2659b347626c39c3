"""Whole-page cache for anonymous visitors (docs/caching.md).

`middleware.PageCacheMiddleware` serves and stores pages; `generation` holds the number every key
carries (bumping it forgets every cached page at once, in every process); `invalidation` bumps it
when something a public page shows is published, unpublished, moved, deleted or edited.
"""
