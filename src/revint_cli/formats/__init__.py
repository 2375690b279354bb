"""The files revint writes and reads back, each one typed model: profile, sheet, debrief."""
