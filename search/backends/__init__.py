"""Wagtail search backends that fold Vietnamese and never let raw user text reach the engine."""
