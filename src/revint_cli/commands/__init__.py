"""One module per command, each a `run` function that does the work and returns what it shows (a
`console.Shown`); `cli.py` declares the options and prints. A new command gets a module here and a few
lines in `cli.py`.
"""
