"""The interviewer's brief: the other side of the table."""
