"""Deciding: which questions (tailor, on the sheet being planned in draft), how well a company fits (fit),
side by side (sidebyside). Data only: every word is the renderers'."""
