"""Documents laid out in each output format."""
