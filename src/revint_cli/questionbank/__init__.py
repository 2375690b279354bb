"""The question bank: its models, the layering of bank files, and the cache of parsed banks."""
