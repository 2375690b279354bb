"""Companies side by side: the `revint.compare/1` data, a pure function of the fits. Its table and markdown
are `render.compare_md` and `render.compare_table`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from revint_cli.planning.fit import Fit, fit_priorities, rounded

COMPARE_SCHEMA = "revint.compare/1"


def build(priorities: Sequence[str], entries: Sequence[tuple[str, str, str, Fit | None]]) -> dict[str, Any]:
    """`entries`: (company, role, session name, fit or None when not debriefed yet)."""
    weighed = fit_priorities(priorities)
    themes = list(dict.fromkeys([*weighed, *(t for *_, f in entries if f for t in f.themes)]))
    companies = []
    for company, role, session, fit in entries:
        values = fit.themes if fit else {}
        companies.append(
            {
                "company": company,
                "role": role,
                "session": session,
                "fit": {t: rounded(values.get(t)) for t in themes},
                "overall": rounded(fit.overall) if fit else None,
                "unknown": [t for t in weighed if values.get(t) is None],
                "red_flags": [
                    {"question": r.question, "theme": r.theme, "note": r.note} for r in (fit.red_flags if fit else [])
                ],
                "gut": fit.gut if fit else None,
                "debriefed": fit is not None,
            }
        )
    return {"schema": COMPARE_SCHEMA, "priorities": list(priorities), "companies": companies}
