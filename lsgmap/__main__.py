import sys

from lsgmap.cli import main

sys.exit(main())
