"""Shared test set-up: Hypothesis profiles and paths to fixtures and shared corpora."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# The shared folder sits beside the checkout, on developers' machines and in CI alike.
SHARED = ROOT.parent / "shared"

# Example counts per profile: "quick" while editing, "dev" for make test, "ci" in CI. A test with
# its own @settings(max_examples=...) keeps that count in every profile.
settings.register_profile("quick", max_examples=20, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
# CI draws the same examples on every run (derandomize), so a suite that passed on a developer's
# machine with CI=true passes in CI; the random search is the dev profile's, `make fuzz`'s and
# the battery's (fuzz/battery.py) job, and what they find becomes an @example.
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
