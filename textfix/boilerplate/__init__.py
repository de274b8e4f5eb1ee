"""Boilerplate and noise lines: rule files, matching, and removal with position rules."""
