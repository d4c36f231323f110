"""termlint: an editorial linter for the prose of Markdown files."""

__version__ = "0.1.0"
