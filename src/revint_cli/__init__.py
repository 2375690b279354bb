"""revint: a command-line coach for the reverse interview."""

__version__ = "0.1.0"
