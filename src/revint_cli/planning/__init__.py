"""Deciding: which questions (tailor), how well a company fits (fit), side by side (sidebyside)."""
