import sys

from quickscan_app.cli import main

sys.exit(main())
