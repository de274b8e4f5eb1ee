"""Metadata extractors: ``str -> (str, dict)``, the text without what was extracted and the
metadata found in it."""
