"""Static-site generator and checker for a regional work-based learning catalog."""

from pathlib import Path

__version__ = "0.1.0"

# The package folder (templates live here) and the project folder above it (schemas/, docs/).
PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
