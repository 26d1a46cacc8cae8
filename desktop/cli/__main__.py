"""``python -m desktop.cli``: the same as ``tongwen-cli``."""

import sys

from desktop.cli import main

sys.exit(main())
