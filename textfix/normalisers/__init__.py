"""The text normalisers: plain ``str -> str`` functions, one module per family.

Every normaliser is total (never raises on a ``str``), idempotent, conservative (text with
nothing to fix comes back unchanged), linear-time and pure.
"""
