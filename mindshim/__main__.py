import sys

from ._install import main

sys.exit(main())
