"""``python -m fieldcheck``: the same as the ``fieldcheck`` command."""

import sys

from fieldcheck.cli import main

sys.exit(main())
