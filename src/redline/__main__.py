"""``python -m redline``: the same as the ``redline`` command, for environments without scripts on PATH."""

from redline.cli import main

main()
