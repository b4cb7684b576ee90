"""``python -m scripts ...`` from the repository root: forwards to the installed engine's CLI."""

import sys

try:
    from social_credit_archive.cli.main import main
except ModuleNotFoundError:  # a checkout whose package is not installed: use the source tree
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from social_credit_archive.cli.main import main

sys.exit(main())
