"""The interactive prompts: the only package that imports questionary and prompt_toolkit."""
