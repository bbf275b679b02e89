import sys

from workbook.cli.main import main

sys.exit(main())
