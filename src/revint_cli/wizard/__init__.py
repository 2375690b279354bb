"""The interactive prompts: the only package that imports questionary and prompt_toolkit.

- `prompts`: a prompt as data (key, message, kind, choices, default, validator), the validators, the state
  of one run (`Given`) and the one loop that asks; no questionary, so commands read the asked keys cheaply.
- `prompter`: `Prompter`, the questionary side (the only module importing it), and `terminal_session`.
- `candidate`: the prep wizard. `outcome`: the debrief wizard. `interviewer`: the brief wizard.
"""
