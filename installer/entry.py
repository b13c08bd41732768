"""The frozen program's entry point: the same as ``fieldcheck`` (see fieldcheck/__main__.py)."""

import sys

from fieldcheck.__main__ import main

sys.exit(main())
