from termlint.cli import entry

entry()
