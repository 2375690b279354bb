"""How each word of the vocabulary reads to a person: one label table per vocabulary, translated when shown.

A vocabulary id (`skip-level`, `customer-service`) is data; it reaches a user only through these tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from revint_cli.i18n import N_, _

# Who an interviewer is to the candidate: as a noun ("Sam Lee (manager)"), with its article in a
# sentence ("ask the manager"), and as the wizard describes it.
AUDIENCE_NAME: Mapping[str, str] = {
    "manager": N_("manager"),
    "peer": N_("peer"),
    "hr": N_("HR"),
    "recruiter": N_("recruiter"),
    "skip-level": N_("skip-level manager"),
    "founder": N_("founder"),
    "executive": N_("executive"),
}
AUDIENCE_THE: Mapping[str, str] = {
    "manager": N_("the manager"),
    "peer": N_("the peer"),
    "hr": N_("HR"),
    "recruiter": N_("the recruiter"),
    "skip-level": N_("the skip-level manager"),
    "founder": N_("the founder"),
    "executive": N_("the executive"),
    "interviewer": N_("the interviewer"),
}
AUDIENCE_HELP: Mapping[str, str] = {
    "manager": N_("your future manager"),
    "peer": N_("someone you would work beside"),
    "hr": N_("HR or people team"),
    "recruiter": N_("the recruiter"),
    "skip-level": N_("your manager's manager"),
    "founder": N_("a founder"),
    "executive": N_("an executive"),
}
# Who an interviewer is, as the interviewer describes themselves to the candidate (the brief's wizard).
AUDIENCE_HELP_INTERVIEWER: Mapping[str, str] = {
    "manager": N_("the hiring manager"),
    "peer": N_("someone they would work beside"),
    "hr": N_("HR or people team"),
    "recruiter": N_("the recruiter"),
    "skip-level": N_("their manager's manager"),
    "founder": N_("a founder"),
    "executive": N_("an executive"),
}
STAGE: Mapping[str, str] = {
    "screening": N_("screening call"),
    "interview": N_("interview"),
    "final": N_("final round"),
    "offer": N_("offer call"),
}
SENIORITY: Mapping[str, str] = {
    "junior": N_("junior"),
    "mid": N_("mid-level"),
    "senior": N_("senior"),
    "lead": N_("lead"),
    "manager": N_("manager"),
    "executive": N_("executive"),
}
ROLE_FAMILY: Mapping[str, str] = {
    "engineering": N_("engineering"),
    "product": N_("product"),
    "design": N_("design"),
    "data": N_("data"),
    "sales": N_("sales"),
    "marketing": N_("marketing"),
    "customer-service": N_("customer service"),
    "operations": N_("operations"),
    "people": N_("people and HR"),
    "finance": N_("finance"),
    "clinical": N_("nursing, care and clinical work"),
    "teaching": N_("teaching"),
    "research": N_("research"),
    "legal": N_("legal"),
    "policy": N_("policy and public administration"),
    "consulting": N_("consulting and advice"),
    "trades": N_("skilled trades, kitchen, floor and shift work"),
    "other": N_("other"),
}
SECTOR: Mapping[str, str] = {
    "technology": N_("technology"),
    "healthcare": N_("healthcare and care"),
    "education": N_("education (schools)"),
    "public-sector": N_("public sector and government"),
    "hospitality": N_("hospitality and food"),
    "retail": N_("retail"),
    "research": N_("research and academia"),
    "legal": N_("legal and professional services"),
    "consulting": N_("consulting"),
    "non-profit": N_("non-profit and charities"),
    "logistics": N_("logistics and manufacturing"),
    "finance": N_("finance and banking"),
}
EMPLOYER: Mapping[str, str] = {
    "startup": N_("a startup"),
    "company": N_("an established company"),
    "public-body": N_("a public body"),
    "school": N_("a school"),
    "hospital": N_("a hospital or care provider"),
    "charity": N_("a charity"),
    "partnership": N_("a partnership (a law or accounting firm)"),
    "small-business": N_("a small business"),
}
# The countries whose pay and contract facts revint ships (data/countries.yaml; a test keeps them equal).
COUNTRY: Mapping[str, str] = {
    "BE": N_("Belgium"),
    "DE": N_("Germany"),
    "ES": N_("Spain"),
    "FR": N_("France"),
    "GB": N_("United Kingdom"),
    "NL": N_("Netherlands"),
    "US": N_("United States"),
    "VN": N_("Vietnam"),
}
WORK_MODE: Mapping[str, str] = {"onsite": N_("on site"), "hybrid": N_("hybrid"), "remote": N_("remote")}
FORMAT: Mapping[str, str] = {"in-person": N_("in person"), "video": N_("video call"), "phone": N_("phone call")}
RATING: Mapping[str, str] = {"green": N_("green"), "yellow": N_("yellow"), "red": N_("red")}


# A profile key a person reads ("kind of role"), and the table of its values.
KEY: Mapping[str, str] = {
    "role_family": N_("kind of role"),
    "seniority": N_("level"),
    "sector": N_("sector"),
    "employer": N_("kind of employer"),
    "country": N_("country"),
    "work_mode": N_("way of working"),
    "stage": N_("stage"),
}
VALUES_OF_KEY: Mapping[str, Mapping[str, str]] = {
    "role_family": ROLE_FAMILY,
    "seniority": SENIORITY,
    "sector": SECTOR,
    "employer": EMPLOYER,
    "country": COUNTRY,
    "work_mode": WORK_MODE,
    "stage": STAGE,
}


def of_key(key: str, value: str) -> str:
    """A profile key and its value as a person reads them: "kind of role: Engineering"."""
    return _("{key}: {value}").format(key=label(KEY, key), value=label(VALUES_OF_KEY.get(key, {}), value))


def label(table: Mapping[str, str], value: str) -> str:
    """`value` as a person reads it, in the current language; an id the table does not know as it is."""
    return _(table[value]) if value in table else value


def audience_list(roles: list[str], called: Mapping[str, str] | None = None) -> str:
    """Several audiences in a sentence: "the founder", "the founder or the executive"; `called`, how the
    employer's sector calls some of them ("the ward manager")."""
    own = called or {}
    names = [_("the {role}").format(role=own[r]) if r in own else label(AUDIENCE_THE, r) for r in roles]
    if len(names) <= 1:
        return names[0] if names else label(AUDIENCE_THE, "interviewer")
    return _("{first} or {last}").format(first=", ".join(names[:-1]), last=names[-1])
