"""Boilerplate lines: the rules, their matching, the removal by position, and learning rules."""
