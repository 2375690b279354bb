"""Tests of each command module (revint_cli/commands/NAME.py), through the CLI in-process."""
