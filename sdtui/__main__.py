"""`python -m sdtui` runs the same command as `sdtui`."""

import sys

from .cli import main

sys.exit(main())
