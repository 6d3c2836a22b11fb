"""Readers that turn files, records, URLs and feeds into Documents (or Problems)."""
