"""Admin screens: the question inbox (scoped to the unit concerned), per-page feedback, reports."""
