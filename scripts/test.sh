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
"$BIN" check --strict Rules
"$BIN" test --coverage --min-coverage 100 Rules
