"""``python -m textfix``: the same as the ``textfix`` command."""

from textfix.cli import main

main()
