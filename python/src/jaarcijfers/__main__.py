import sys

from jaarcijfers.cli import main

sys.exit(main())
