"""Static-site generator and checker for a regional work-based learning catalog."""

__version__ = "0.1.0"
