"""``python -m medcoder_careers``: the command line."""

from ._cli import main

raise SystemExit(main())
