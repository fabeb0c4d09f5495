"""``python -m qa``: see :mod:`qa.cli`."""

import sys

from .cli import main

sys.exit(main())
