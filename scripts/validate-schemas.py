#!/usr/bin/env python3
"""Validate the rule and test files against the editor schemas in schema/.

    scripts/validate-schemas.py [PATH ...]

Checks that both schemas are valid JSON Schema (draft 2020-12), then validates
every rule file in Rules/ (*.yaml, not *.test.yaml) and Tests/Fixtures/conflict/
against schema/clausier-rules.schema.json and every Rules/*.test.yaml against
schema/clausier-tests.schema.json, then checks that a few deliberately wrong
documents embedded below are rejected (and a few unusual but valid ones
accepted), so that the schemas stay strict enough to flag misspellings. Extra
PATHs (files or directories) are validated too, by the same naming rule.

Prints one line per file and exits 1 on any failure.

YAML is read the way an editor's YAML language server reads it (YAML 1.2 core
schema): 2019-01-01 and 09:00 stay strings; true/false, numbers and null are
typed; keys are always text; duplicate keys are an error, as in Clausier.

Needs the Python packages jsonschema (4.x) and PyYAML.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

try:
    import yaml
    from jsonschema import Draft202012Validator
except ImportError as error:  # pragma: no cover
    sys.exit(f"validate-schemas: {error}; install with: python3 -m pip install jsonschema pyyaml")

ROOT = Path(__file__).resolve().parent.parent
RULES_SCHEMA = ROOT / "schema" / "clausier-rules.schema.json"
TESTS_SCHEMA = ROOT / "schema" / "clausier-tests.schema.json"


# --------------------------------------------------------------------------------------------
# YAML as the language server sees it (YAML 1.2 core schema)
# --------------------------------------------------------------------------------------------

# libyaml, the parser Clausier itself uses: PyYAML's pure-Python scanner stops a plain scalar at
# '?' inside { }, and so cannot read {type: date?, counts: only_if_past}.
_BaseLoader = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
if _BaseLoader is None:  # pragma: no cover
    sys.exit("validate-schemas: PyYAML is built without libyaml; reinstall it: python3 -m pip install --force-reinstall pyyaml")


class CoreLoader(_BaseLoader):
    """libyaml with the YAML 1.2 core resolvers: no timestamps, no yes/no booleans, no
    sexagesimal numbers; mapping keys stay the text written; duplicate keys are errors."""


CoreLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
]:
    CoreLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _construct_int(loader: CoreLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    return int(text, 16) if text.startswith("0x") else int(text, 10)


def _construct_mapping(loader: CoreLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    result: dict = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be text, not a list or a mapping", key_node.start_mark)
        key = key_node.value
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' is written twice", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


CoreLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
CoreLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load(text: str):
    """The document as data, and its node tree (for line numbers)."""
    return yaml.load(text, Loader=CoreLoader), yaml.compose(text, Loader=CoreLoader)


def locate(node, path, at_key: bool = False) -> str:
    """line:column of the node at a JSON path (of its key, with at_key), or of its nearest ancestor."""
    mark = node.start_mark if node is not None else None
    for index, step in enumerate(path):
        key = None
        if isinstance(node, yaml.MappingNode):
            key, node = next(((k, v) for k, v in node.value if k.value == step), (None, None))
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
        if node is None:
            break
        mark = key.start_mark if key is not None and at_key and index == len(path) - 1 else node.start_mark
    return f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------

def validator(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def problems(v: Draft202012Validator, data) -> list:
    """The errors to show: under a failed choice (anyOf), the errors of the
    alternative the document most likely meant, so that a misspelled key deep in a 'cases' block is
    reported at that key rather than as 'not valid under any of the given schemas'."""
    found = [leaf for e in v.iter_errors(data) for leaf in leaves(e, v.schema)]
    return list({(tuple(map(str, e.absolute_path)), describe(e)): e for e in found}.values())


def leaves(error, root) -> list:
    """The errors under a failed anyOf/oneOf, taken from the alternative that fits best: one of the
    right kind (mapping, list, text), then the one declaring most of the keys written, then the one
    with fewest errors."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    by_alternative: dict = {}
    for sub in error.context:
        by_alternative.setdefault(sub.relative_schema_path[0], []).append(sub)
    alternatives = error.schema[error.validator]

    def score(index):
        errors = by_alternative[index]
        wrong_kind = any(e.validator == "type" and list(e.absolute_path) == list(error.absolute_path) for e in errors)
        schema = local(alternatives[index], root)
        declared = {k for k, v in schema.get("properties", {}).items() if v is not False}
        matched = len(declared & set(error.instance)) if isinstance(error.instance, dict) else 0
        return (wrong_kind, -matched, len(errors))

    best = min(by_alternative, key=score)
    return [leaf for sub in by_alternative[best] for leaf in leaves(sub, root)]


def local(schema, root):
    """A schema with its local $ref followed."""
    while isinstance(schema, dict) and str(schema.get("$ref", "")).startswith("#/"):
        target = root
        for part in schema["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        schema = target
    return schema if isinstance(schema, dict) else {}


def unknown_keys(error) -> list[str]:
    """The keys an additionalProperties: false error is about."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    declared = error.schema.get("properties", {})
    return [key for key in error.instance if key not in declared]


def describe(error) -> str:
    """The error in the words of the schema where it has some."""
    where = error.absolute_path
    unknown = unknown_keys(error)
    if unknown:
        known = [k for k, v in error.schema.get("properties", {}).items() if v is not False]
        close = difflib.get_close_matches(unknown[0], known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{unknown[0]}'{hint}; the keys here are: {', '.join(known)}"
    if error.validator == "pattern" and isinstance(error.schema, dict) and "patternErrorMessage" in error.schema:
        return f"{error.instance!r}: {error.schema['patternErrorMessage']}"
    if error.validator is None or error.message.startswith("False schema does not allow"):
        key = where[-1] if where else "this"
        return f"'{key}' is not allowed here"
    return error.message


def messages(error) -> list[str]:
    """Every message of an error and of the alternatives under it, with their paths."""
    out = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}", describe(error)]
    for sub in error.context or []:
        out += messages(sub)
    return out


def check_file(path: Path, v: Draft202012Validator, kind: str) -> bool:
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        data, tree = load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        print(f"FAIL {shown} ({kind}): cannot read: {error}".replace("\n", " "))
        return False
    errors = problems(v, data)
    if not errors:
        print(f"ok   {shown} ({kind})")
        return True
    print(f"FAIL {shown} ({kind}): {len(errors)} problem(s)")
    located = []
    for error in errors:
        unknown = unknown_keys(error)[:1]
        path = list(error.absolute_path) + unknown
        line, column = map(int, locate(tree, path, at_key=bool(unknown)).split(":"))
        located.append((line, column, "/".join(map(str, path)) or "(top)", describe(error)))
    for line, column, where, message in sorted(located)[:20]:
        print(f"     {shown}:{line}:{column}: at {where}: {message}")
    return False


def is_test_file(path: Path) -> bool:
    return path.name.endswith(".test.yaml") or path.name.endswith(".test.yml")


def yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


# --------------------------------------------------------------------------------------------
# Documents the schemas must reject, and unusual ones they must accept
# --------------------------------------------------------------------------------------------

HEADER = """\
contract:
  id: sample
  title: Sample contract
  source: sample.txt
  effective: 2025-01-01
  timezone: Europe/Paris
  currency: EUR
  holidays: FR
"""

# (what, schema, document, a fragment the error must mention)
MUST_REJECT = [
    ("an unknown key in a decision ('cite' for 'cites')", "rules", HEADER + """\
decisions:
  deadline:
    cite: art. 1
    inputs: {notice.sent_on: date}
    returns: date
    value: notice.sent_on + 15 days
""", "'cite' was unexpected"),
    ("a tier row with an unknown key ('than' for 'then')", "rules", HEADER + """\
decisions:
  rate:
    cites: art. 2
    inputs: {outage: duration}
    returns: percent
    value:
      tiers:
        of: outage
        boundaries: lower_inclusive
        rows:
          - {from: 0 hours, to: 1 hour, then: 0%}
          - {from: 1 hour, than: 25%}
""", "'than' was unexpected"),
    ("a case with both 'when' and 'otherwise'", "rules", HEADER + """\
decisions:
  open:
    cites: art. 3
    inputs: {flag: bool}
    returns: bool
    value:
      cases:
        - when: flag
          otherwise: true
""", "False schema does not allow"),
    ("a case without 'then'", "rules", HEADER + """\
decisions:
  open:
    cites: art. 3
    inputs: {flag: bool}
    returns: bool
    value:
      cases:
        - when: flag
        - otherwise: false
""", "'then' is a required property"),
    ("an unknown key next to 'cases'", "rules", HEADER + """\
decisions:
  open:
    cites: art. 3
    inputs: {flag: bool}
    returns: bool
    value:
      cases:
        - otherwise: false
      cite: art. 3
""", "'cite' was unexpected"),
    ("an unknown key in the header ('timezon')", "rules", HEADER.replace("timezone:", "timezon:") + """\
decisions:
  fee:
    returns: money
    value: 0 EUR
""", "'timezon' was unexpected"),
    ("an unknown top-level key ('decision' for 'decisions')", "rules", HEADER + """\
decision:
  fee:
    returns: money
    value: 0 EUR
""", "'decision' was unexpected"),
    ("a misspelled type ('dat')", "rules", HEADER + """\
decisions:
  deadline:
    inputs: {notice.sent_on: dat}
    returns: date
    value: notice.sent_on + 15 days
""", "does not match"),
    ("an unknown 'counts'", "rules", HEADER + """\
decisions:
  paid:
    inputs:
      invoice.paid_on: {type: date?, counts: sometimes}
    returns: bool
    value: exists(invoice.paid_on)
""", "'sometimes' is not one of"),
    ("'for_each' without 'as'", "rules", HEADER + """\
decisions:
  total:
    inputs:
      payments:
        list: {amount: money}
    returns: money
    require:
      - for_each: payments
        that: payment.amount > 0 EUR
        fact: payments.amount
        message: a payment is not positive
    value: sum(payments, p => p.amount)
""", "'as' is a required property"),
    ("exclusions without 'granted'", "rules", HEADER + """\
decisions:
  refund:
    inputs: {lead.fake: bool}
    returns: {decision: enum(yes, no), reason: enum(fake, no_ground)}
    value:
      grounds:
        - {when: lead.fake, reason: fake}
      refused: no
      no_ground: no_ground
""", "'granted' is a required property"),
    ("a provision without 'cites'", "rules", HEADER + """\
terms:
  retention:
    provisions:
      - value: 6 months
decisions:
  fee:
    returns: money
    value: 0 EUR
""", "'cites' is a required property"),
    ("a tier table without 'boundaries'", "rules", HEADER + """\
decisions:
  rate:
    inputs: {outage: duration}
    returns: percent
    value:
      tiers:
        of: outage
        rows:
          - {from: 0 hours, then: 0%}
""", "'boundaries' is a required property"),
    ("an empty value", "rules", HEADER + """\
decisions:
  fee:
    returns: money
    value:
""", "None is not valid"),
    ("a test with an unknown key ('expected' for 'expect')", "tests", """\
contract: sample
tests:
  - name: a fee
    decision: fee
    as_of: 2025-01-01
    expected:
      value: "0.00 EUR"
""", "'expected' was unexpected"),
    ("an unknown key in 'expect' ('cite')", "tests", """\
contract: sample
tests:
  - name: a fee
    decision: fee
    as_of: 2025-01-01
    expect:
      value: "0.00 EUR"
      cite: [art. 1]
""", "'cite' was unexpected"),
    ("an unknown key in 'error' ('facts')", "tests", """\
contract: sample
tests:
  - name: bad input
    decision: fee
    as_of: 2025-01-01
    expect:
      error: {facts: invoice.amount}
""", "'facts' was unexpected"),
    ("'expect' without 'value' or 'error'", "tests", """\
contract: sample
tests:
  - name: a fee
    decision: fee
    as_of: 2025-01-01
    expect:
      cites: art. 1
""", "is not valid under any of the given schemas"),
    ("a test without 'as_of'", "tests", """\
contract: sample
tests:
  - name: a fee
    decision: fee
    expect: {value: "0.00 EUR"}
""", "'as_of' is a required property"),
]

MUST_ACCEPT = [
    ("unusual but valid rules: numbers and booleans as text, list?, money(USD), upper_inclusive, nested records", "rules", """\
contract:
  id: sample_2
  title: 2025
  source: 11
  effective: 2025-01-01
  timezone: UTC
  currency: USD
  holidays: FR
  rounding: half_even
  months: clamp_to_month_end
terms:
  notice:
    provisions:
      - {value: 30 days, cites: 12, says: thirty days}
      - {value: 30 days, cites: [art. 13]}
definitions:
  double:
    params: {amount: money(USD)}
    returns: money(USD)
    value: amount * 2
decisions:
  sample:
    title: true
    cites: [11, art. 12]
    inputs:
      a.flag: bool
      a.count: {type: int}
      items:
        list?: {amount: money, kind: "enum(x, y)"}
      nested: {inner: {when: date?}}
    returns:
      band: int
      flags: list of bool
      list: {list: int}
      deep: {open: bool}
    require:
      - {that: a.count >= 0, fact: a.count, message: never negative}
    let:
      n: 42
    value:
      band:
        tiers:
          of: a.count
          boundaries: upper_inclusive
          cites: art. 1
          because: tiers
          rows:
            - {from: 0, to: 10, then: 1}
            - {from: 10, then: 2, cites: 2, because: more}
      flags: [true, a.flag, false]
      list:
        list: [1, 2]
      deep:
        open:
          cases:
            - when: a.flag
              then: true
            - otherwise: false
              because: closed
""", None),
    ("unusual but valid tests: null and numeric values, error with only a message, a scalar cites", "tests", """\
contract: sample
tests:
  - name: 42
    decision: sample
    as_of: 2025-01-01
    expect:
      value: null
      cites: art. 1
  - name: an error
    decision: sample
    as_of: 2025-01-01
    facts: {a: {count: -1}}
    expect:
      error: {message: negative}
""", None),
]


def self_checks(validators: dict[str, Draft202012Validator]) -> bool:
    ok = True
    for what, kind, text, fragment in MUST_REJECT:
        data, _ = load(text)
        errors = list(validators[kind].iter_errors(data))
        found = [m for e in errors for m in messages(e)]
        if not errors:
            print(f"FAIL must be rejected, was accepted: {what}")
            ok = False
        elif not any(fragment in m for m in found):
            print(f"FAIL must be rejected for '{fragment}', was rejected for: {found[:3]}: {what}")
            ok = False
        else:
            print(f"ok   rejected: {what}")
    for what, kind, text, _ in MUST_ACCEPT:
        data, tree = load(text)
        errors = problems(validators[kind], data)
        if errors:
            print(f"FAIL must be accepted: {what}")
            for error in errors:
                print(f"     {locate(tree, error.absolute_path)}: {describe(error)}")
            ok = False
        else:
            print(f"ok   accepted: {what}")
    return ok


def main(argv: list[str]) -> int:
    validators = {}
    for kind, path in [("rules", RULES_SCHEMA), ("tests", TESTS_SCHEMA)]:
        try:
            validators[kind] = validator(path)
        except Exception as error:  # a schema that does not load or is not valid JSON Schema
            print(f"FAIL {path.relative_to(ROOT)}: not a valid JSON Schema: {error}".split("\n")[0])
            return 1
        print(f"ok   {path.relative_to(ROOT)} (valid JSON Schema, draft 2020-12)")

    files = [p for p in yaml_files(ROOT / "Rules")]
    files += yaml_files(ROOT / "Tests" / "Fixtures" / "conflict")
    for extra in argv:
        files += yaml_files(Path(extra).resolve())
    if not any(is_test_file(p) for p in files) or not any(not is_test_file(p) for p in files):
        print("FAIL found no rule files or no test files to validate")
        return 1

    ok = True
    for path in files:
        kind = "tests" if is_test_file(path) else "rules"
        ok = check_file(path, validators[kind], kind) and ok
    ok = self_checks(validators) and ok
    print("schemas: all files valid" if ok else "schemas: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
