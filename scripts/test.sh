#!/usr/bin/env bash
# The test suite: unit and integration tests, then the shipped rules' own checks and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build
python3 scripts/validate-schemas.py
OPENAPI="$(mktemp -d)/openapi.json"
CLAUSIER_OPENAPI_OUT="$OPENAPI" swift test --skip-build --filter OpenAPIDocumentTests >/dev/null
BIN="$(swift build --show-bin-path)/clausier"
python3 scripts/validate-openapi.py "$OPENAPI" --clausier "$BIN"
# The decision service example: built through the build plugin, tested against a live server on loopback.
swift build --package-path Examples/DecisionService --build-tests
swift test --package-path Examples/DecisionService --skip-build
"$BIN" check --strict Rules
"$BIN" test --coverage --min-coverage 100 Rules
