#!/usr/bin/env python3
"""Validate the decision service's OpenAPI document against the spec and the shipped test cases.

    CLAUSIER_OPENAPI_OUT=/tmp/openapi.json swift test --filter OpenAPIDocumentTests
    python3 scripts/validate-openapi.py /tmp/openapi.json [--clausier PATH] [--verbose]

for instance, with the binary swift test built:
    python3 scripts/validate-openapi.py /tmp/openapi.json --clausier "$(swift build --show-bin-path)/clausier"

The document is what `OpenAPIDocument.generate(for:routes:)` (module ClausierHost) makes of the rules in
Rules/ with the decision service's routes (`DecisionServiceRoutes`); the Swift test
`OpenAPIDocumentTests.dumpWhenAsked` writes it to the file named by the environment variable
CLAUSIER_OPENAPI_OUT. This script then checks:

1. the document is valid OpenAPI 3.1 (openapi-spec-validator's `validate`);
2. every `examples` value in it validates against the schema it sits in;
3. every shipped test case in Rules/*.test.yaml that expects a value, not an error: its facts
   validate against its decision's facts schema (found through the decision's path, request
   body and `facts` property), the request `{"as_of", "facts"}` against the request schema, its
   expected value against the decision's value schema, and an answer built from them against
   the decision's answer schema;
4. a few bad inputs, each named in the catalogue's bad-input rules, are rejected by the facts
   schema, and a few unusual but valid ones are accepted. With `--clausier PATH` (the built
   `clausier` binary), each is also run through `clausier eval`, which must agree (exit 1 for
   the bad ones, 0 for the good ones), so the schemas are never stricter than the engine; and a
   few request bodies around the facts are accepted or rejected by the request schemas;
5. with `--clausier PATH`, every shipped test case is also answered by `clausier eval --batch`, and
   each answer (explanation included) must validate against its decision's answer schema, each
   error against the Error schema.

The shipped test cases that expect an error are run through the schemas too. Where the schema
rejects the facts, one of its errors must be about the fact the test expects the rules to blame
(or an object holding it). The rest (requirements such as "closed before recorded") are beyond
JSON Schema and left to the rules; --verbose lists every error case and its verdict.

Schemas are checked as JSON Schema draft 2020-12 with format checking on (date, date-time).
YAML is read the way scripts/validate-schemas.py reads it (YAML 1.2 core schema: 2025-03-07 stays
a string). Prints one line per check and exits 1 on any failure.

Needs the Python packages openapi-spec-validator (0.9), jsonschema (4.x) and PyYAML.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

try:
    from jsonschema import Draft202012Validator
    from openapi_spec_validator import validate as validate_openapi
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as error:  # pragma: no cover
    sys.exit(f"validate-openapi: {error}; install with: python3 -m pip install openapi-spec-validator jsonschema pyyaml")

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_URI = "urn:clausier:openapi"


def _yaml_loader():
    """scripts/validate-schemas.py's YAML reader (libyaml, YAML 1.2 core schema)."""
    spec = importlib.util.spec_from_file_location("validate_schemas", ROOT / "scripts" / "validate-schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load


load_yaml = _yaml_loader()


# --------------------------------------------------------------------------------------------
# The document's schemas as JSON Schema validators
# --------------------------------------------------------------------------------------------

class Schemas:
    """Validators for the schemas of the document, with its `#/components/...` references resolved."""

    def __init__(self, document: dict):
        self.document = document
        self.registry = Registry().with_resource(DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012))

    def validator(self, schema: dict) -> Draft202012Validator:
        return Draft202012Validator(schema, registry=self.registry, format_checker=Draft202012Validator.FORMAT_CHECKER)

    def ref(self, reference: str) -> Draft202012Validator:
        return self.validator({"$ref": DOCUMENT_URI + reference})

    def resolve(self, reference: str) -> dict:
        target = self.document
        for part in reference.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return target

    def decision(self, contract: str, decision: str) -> dict[str, str] | None:
        """The references of a decision's request, facts, answer and value schemas, read from its path."""
        operation = self.document.get("paths", {}).get(f"/contracts/{contract}/decisions/{decision}", {}).get("post")
        if operation is None:
            return None
        request = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        facts = self.resolve(request)["properties"]["facts"]["$ref"]
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        value = next(part["properties"]["value"]["$ref"] for part in self.resolve(answer)["allOf"] if "properties" in part)
        return {"request": request, "facts": facts, "answer": answer, "value": value}


def blamed_facts(error) -> list[str]:
    """The dotted names of the facts a schema error is about: for a missing or unknown key, the key
    under the object at fault; otherwise the value at fault (`incidents.1.closed_at`)."""
    path = [str(p) for p in error.absolute_path]
    keys: list[str] = []
    if error.validator == "required" and isinstance(error.instance, dict):
        keys = [k for k in error.validator_value if k not in error.instance]
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        keys = [k for k in error.instance if k not in error.schema.get("properties", {})]
    return [".".join(path + [k]) for k in keys] if keys else [".".join(path)]


def names_fact(blamed: str, fact: str) -> bool:
    """Whether a schema error about `blamed` is about the fact the rules blame (written
    `incidents[1].closed_at`): the same fact, or an object holding it that is missing or wrong."""
    fact = fact.replace("[", ".").replace("]", "")
    return blamed == fact or (blamed != "" and fact.startswith(blamed + "."))


def errors_of(validator: Draft202012Validator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(instance)]


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------

def check_spec(document: dict) -> bool:
    if document.get("openapi") != "3.1.0":
        print(f"FAIL openapi is {document.get('openapi')!r}, not '3.1.0'")
        return False
    try:
        validate_openapi(document)
    except Exception as error:  # openapi-spec-validator's validation errors
        message = str(error).splitlines()[0]
        print(f"FAIL not a valid OpenAPI 3.1 document: {message[:300]}{' …' if len(message) > 300 else ''}")
        return False
    decisions = [p for p in document["paths"] if p.startswith("/contracts/")]
    print(f"ok   valid OpenAPI 3.1 ({len(document['paths'])} paths, {len(decisions)} decisions, "
          f"{len(document['components']['schemas'])} schemas)")
    return True


def check_examples(schemas: Schemas) -> bool:
    """Every `examples` value validates against the schema it sits in."""
    ok, count = True, 0

    def walk(node, where):
        nonlocal ok, count
        if isinstance(node, dict):
            if isinstance(node.get("examples"), list) and "type" in node:
                bare = {k: v for k, v in node.items() if k != "examples"}
                for example in node["examples"]:
                    count += 1
                    found = errors_of(schemas.validator(bare), example)
                    if found:
                        print(f"FAIL example {example!r} at {where} does not validate: {found[0]}")
                        ok = False
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schemas.document, "#")
    if ok:
        print(f"ok   {count} examples validate against their schemas")
    return ok


def check_test_cases(schemas: Schemas, verbose: bool, collected: list | None = None) -> bool:
    """Checks the shipped cases; appends (file, name, contract, decision, as_of, facts, expects_error) to `collected`."""
    ok = True
    checked = 0
    error_cases = rejected = 0
    for path in sorted((ROOT / "Rules").glob("*.test.yaml")):
        shown = path.relative_to(ROOT)
        data, _ = load_yaml(path.read_text(encoding="utf-8"))
        contract = str(data["contract"])
        file_ok = True
        for case in data["tests"]:
            decision, name = str(case["decision"]), case["name"]
            refs = schemas.decision(contract, decision)
            if refs is None:
                print(f"FAIL {shown}: '{name}': the document has no path for {contract}.{decision}")
                ok = file_ok = False
                continue
            facts = case.get("facts") or {}
            as_of = str(case["as_of"])
            expect = case["expect"]
            if collected is not None:
                collected.append((shown, name, contract, decision, as_of, facts, "error" in expect))
            if "error" in expect:
                error_cases += 1
                fact = expect["error"].get("fact")
                errors = list(schemas.ref(refs["facts"]).iter_errors(facts))
                if errors:
                    rejected += 1
                    named = sorted({n for e in errors for n in blamed_facts(e)})
                    if fact is not None and not any(names_fact(n, str(fact)) for n in named):
                        print(f"FAIL {shown}: '{name}': the schema rejects the facts at {named}, "
                              f"but the rules blame {fact}")
                        ok = file_ok = False
                if verbose:
                    verdict = f"rejected by the schema at {sorted({n for e in errors for n in blamed_facts(e)})}" \
                        if errors else "left to the rules"
                    print(f"     {shown}: '{name}' (error on {fact or '-'}): {verdict}")
                continue
            checked += 1
            value = expect.get("value")
            cites = expect.get("cites") or []
            answer = {
                "contract": contract, "decision": decision, "as_of": as_of, "value": value, "explanation": [],
                "citations": [str(c) for c in cites] if isinstance(cites, list) else [str(cites)],
            }
            for what, reference, instance in [
                ("facts", refs["facts"], facts),
                ("request", refs["request"], {"as_of": as_of, "facts": facts}),
                ("expected value", refs["value"], value),
                ("answer", refs["answer"], answer),
            ]:
                found = errors_of(schemas.ref(reference), instance)
                if found:
                    print(f"FAIL {shown}: '{name}': {what} not valid against {reference}: {found[0]}")
                    ok = file_ok = False
        if file_ok:
            print(f"ok   {shown}: facts, values and answers of its value cases validate")
    if checked == 0:
        print("FAIL found no test cases expecting a value in Rules/*.test.yaml")
        return False
    print(f"ok   {checked} value cases validate; of {error_cases} error cases, the facts schemas already reject "
          f"{rejected}, the rest are left to the rules (requirements beyond JSON Schema)")
    return ok


# (what, contract, decision, facts) -- each breaks a bad-input rule of the catalogue.
SLA = {
    "incident": {
        "recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:15:00+01:00",
        "main_server_down": True, "backup_server_down": True,
    },
    "subscription": {"monthly_fee": "200.00 EUR"},
}
LATE = {"invoice": {"amount": "1000.00 EUR", "due_on": "2025-01-31"}, "legal_interest_rate": "3.15%"}
RETURN = {"termination": {"cause": "client", "notified_on": "2025-03-03", "effective_on": "2025-03-31"}}
MONTHLY = {"incidents": [SLA["incident"]], "subscription": {"monthly_fee": "200.00 EUR"}}


def changed(facts: dict, path: str, value=..., delete: bool = False) -> dict:
    out = copy.deepcopy(facts)
    *parents, last = path.split(".")
    target = out
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if delete:
        del target[last]
    else:
        target[last] = value
    return out


MUST_REJECT = [
    ("a missing required fact", "prospect-it", "sla_penalty", changed(SLA, "incident.closed_at", delete=True)),
    ("a missing required object", "prospect-it", "sla_penalty", changed(SLA, "subscription", delete=True)),
    ("null for a required fact", "prospect-it", "sla_penalty", changed(SLA, "incident.closed_at", None)),
    ("a fact of the wrong JSON type (bool as text)", "prospect-it", "sla_penalty",
     changed(SLA, "incident.main_server_down", "yes")),
    ("a datetime without an offset", "prospect-it", "sla_penalty",
     changed(SLA, "incident.recorded_at", "2025-03-07T10:00:00")),
    ("a datetime without seconds", "prospect-it", "sla_penalty",
     changed(SLA, "incident.recorded_at", "2025-03-07T10:00+01:00")),
    ("money without a currency", "prospect-it", "sla_penalty", changed(SLA, "subscription.monthly_fee", "200.00")),
    ("money in another currency", "prospect-it", "sla_penalty", changed(SLA, "subscription.monthly_fee", "200.00 USD")),
    ("negative money", "prospect-it", "sla_penalty", changed(SLA, "subscription.monthly_fee", "-5.00 EUR")),
    ("money as a number", "prospect-it", "sla_penalty", changed(SLA, "subscription.monthly_fee", 200)),
    ("an unknown fact (a misspelt optional input)", "prospect-it", "late_payment_interest",
     changed(LATE, "invoice.payed_on", "2025-02-10")),
    ("an unknown top-level fact", "prospect-it", "sla_penalty", changed(SLA, "incidents", [])),
    ("a date that does not exist", "prospect-it", "data_return",
     changed(RETURN, "termination.notified_on", "2025-02-30")),
    ("a date not written YYYY-MM-DD", "prospect-it", "data_return",
     changed(RETURN, "termination.notified_on", "03/03/2025")),
    ("a date outside the supported years", "prospect-it", "data_return",
     changed(RETURN, "termination.notified_on", "2300-01-01")),
    ("an enum value outside its list", "prospect-it", "data_return", changed(RETURN, "termination.cause", "fired")),
    ("a negative int", "prospect-it", "user_data_retrieval_fee", {"retrieval": {"years": -1}}),
    ("a fractional int", "prospect-it", "user_data_retrieval_fee", {"retrieval": {"years": 1.5}}),
    ("a percent without %", "prospect-it", "late_payment_interest", changed(LATE, "legal_interest_rate", "3.15")),
    ("a list item with an unknown field", "prospect-it", "sla_monthly_penalty",
     changed(MONTHLY, "incidents.0.closed", "2025-03-07T12:15:00+01:00")),
    ("a list item missing a field", "prospect-it", "sla_monthly_penalty",
     changed(MONTHLY, "incidents.0.main_server_down", delete=True)),
    ("a null list item", "prospect-it", "sla_monthly_penalty", changed(MONTHLY, "incidents", [None])),
    ("facts that are not an object", "prospect-it", "sla_penalty", ["not", "an", "object"]),
    ("null for an object holding only optional inputs", "callkom", "prescription_deadline", {"contract": None}),
]

MUST_ACCEPT = [
    ("null for an optional input", "prospect-it", "late_payment_interest", changed(LATE, "invoice.paid_on", None)),
    ("an optional input given", "prospect-it", "late_payment_interest", changed(LATE, "invoice.paid_on", "2025-02-10")),
    ("an optional date after as_of (reads as absent)", "prospect-it", "late_payment_interest",
     changed(LATE, "invoice.paid_on", "2025-12-31")),
    ("money with more than two decimals", "callkom", "overage_charge",
     {"usage": {"included_minutes": 100, "used_minutes": 130, "overage_rate_per_minute": "0.125 EUR"}}),
    ("money without decimals", "prospect-it", "sla_penalty", changed(SLA, "subscription.monthly_fee", "200 EUR")),
    ("a datetime in UTC (Z) with a fraction of a second", "prospect-it", "sla_penalty",
     changed(SLA, "incident.closed_at", "2025-03-07T11:15:00.5Z")),
    ("an empty list", "prospect-it", "sla_monthly_penalty", changed(MONTHLY, "incidents", [])),
    ("one of two optional inputs left out", "callkom", "prescription_deadline",
     {"contract": {"last_deliverable_on": "2025-01-10"}}),
    ("no facts for a decision without inputs", "service-smtp", "retraction", {}),
]


# (what, contract, decision, request body, valid?) -- the request envelope around the facts.
REQUESTS = [
    ("a request with as_of and facts", "prospect-it", "sla_penalty", {"as_of": "2025-03-10", "facts": SLA}, True),
    ("a request without facts, for a decision that needs none", "service-smtp", "retraction",
     {"as_of": "2025-03-10"}, True),
    ("a request without as_of", "prospect-it", "sla_penalty", {"facts": SLA}, False),
    ("a request without facts, for a decision that needs some", "prospect-it", "sla_penalty",
     {"as_of": "2025-03-10"}, False),
    ("a request with an unknown member", "prospect-it", "sla_penalty",
     {"as_of": "2025-03-10", "facts": SLA, "explain": False}, False),
    ("a request whose as_of is a datetime", "prospect-it", "sla_penalty",
     {"as_of": "2025-03-10T00:00:00+01:00", "facts": SLA}, False),
]


def check_requests(schemas: Schemas) -> bool:
    ok = True
    for what, contract, decision, body, valid in REQUESTS:
        found = errors_of(schemas.ref(schemas.decision(contract, decision)["request"]), body)
        if bool(found) == valid:
            print(f"FAIL the request schema of {contract}.{decision} must {'accept' if valid else 'reject'}: {what}")
            ok = False
        else:
            print(f"ok   {'accepted' if valid else 'rejected'}: {what} ({contract}.{decision})")
    return ok


def run_clausier(binary: str, contract: str, decision: str, facts) -> tuple[int, str]:
    result = subprocess.run(
        [binary, "eval", "--rules", str(ROOT / "Rules"), "--contract", contract, "--decision", decision,
         "--as-of", "2025-03-10", "--facts", "-"],
        input=json.dumps(facts), capture_output=True, text=True, check=False)
    return result.returncode, (result.stdout + result.stderr).strip().splitlines()[0] if (result.stdout + result.stderr).strip() else ""


def check_bad_and_good_inputs(schemas: Schemas, clausier: str | None) -> bool:
    ok = True
    for expected_valid, cases in [(False, MUST_REJECT), (True, MUST_ACCEPT)]:
        for what, contract, decision, facts in cases:
            refs = schemas.decision(contract, decision)
            if refs is None:
                print(f"FAIL no path for {contract}.{decision}")
                ok = False
                continue
            found = errors_of(schemas.ref(refs["facts"]), facts)
            verdict = "accepted" if expected_valid else "rejected"
            if bool(found) == expected_valid:
                detail = f": {found[0]}" if found else ""
                print(f"FAIL must be {verdict} by the facts schema of {contract}.{decision}: {what}{detail}")
                ok = False
                continue
            line = f"ok   {verdict}: {what} ({contract}.{decision})"
            if clausier:
                status, output = run_clausier(clausier, contract, decision, facts)
                if status != (0 if expected_valid else 1):
                    print(f"FAIL clausier eval disagrees (exit {status}: {output}): {what}")
                    ok = False
                    continue
                line += ", as clausier eval"
            print(line)
    return ok


def check_engine_answers(schemas: Schemas, binary: str, cases: list) -> bool:
    """Every shipped case run through `clausier eval --batch`: each answer must validate against its
    decision's answer schema, each error against the Error schema, with the status the document gives."""
    groups: dict = {}
    for case in cases:
        groups.setdefault((case[2], case[3]), []).append(case)
    ok, answers, errors = True, 0, 0
    error_ref = "#/components/schemas/Error"
    for (contract, decision), group in groups.items():
        refs = schemas.decision(contract, decision)
        lines = "".join(json.dumps({"as_of": c[4], "facts": c[5]}) + "\n" for c in group)
        result = subprocess.run(
            [binary, "eval", "--rules", str(ROOT / "Rules"), "--contract", contract, "--decision", decision, "--batch", "-"],
            input=lines, capture_output=True, text=True, check=False)
        outputs = result.stdout.splitlines()
        if len(outputs) != len(group):
            print(f"FAIL clausier eval --batch for {contract}.{decision}: {len(outputs)} lines for {len(group)} cases "
                  f"(exit {result.returncode}: {result.stderr.strip()[:200]})")
            ok = False
            continue
        for (shown, name, *_rest, expects_error), output in zip(group, outputs):
            answer = json.loads(output)
            is_error = "error" in answer
            if is_error != expects_error:
                print(f"FAIL {shown}: '{name}': clausier eval answered {output[:160]}")
                ok = False
                continue
            reference = error_ref if is_error else refs["answer"]
            found = errors_of(schemas.ref(reference), answer)
            if found:
                print(f"FAIL {shown}: '{name}': the engine's {'error' if is_error else 'answer'} does not validate "
                      f"against {reference}: {found[0]}")
                ok = False
            elif is_error:
                errors += 1
            else:
                answers += 1
    if ok:
        print(f"ok   clausier eval: {answers} answers (with explanations) and {errors} errors validate "
              f"against the response schemas")
    return ok


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("document", help="the OpenAPI document (JSON) to validate")
    parser.add_argument("--clausier", help="the built clausier binary, to check the bad and good inputs against the engine")
    parser.add_argument("--verbose", action="store_true", help="list the shipped error cases and what rejects them")
    args = parser.parse_args(argv)

    try:
        document = json.loads(Path(args.document).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"FAIL cannot read {args.document}: {error}")
        return 1
    if not check_spec(document):
        print("openapi: FAILED")
        return 1
    schemas = Schemas(document)
    ok = check_examples(schemas)
    cases: list = []
    ok = check_test_cases(schemas, args.verbose, cases) and ok
    ok = check_bad_and_good_inputs(schemas, args.clausier) and ok
    ok = check_requests(schemas) and ok
    if args.clausier:
        ok = check_engine_answers(schemas, args.clausier, cases) and ok
    print("openapi: document valid, test cases validate" if ok else "openapi: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
