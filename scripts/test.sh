#!/usr/bin/env bash
# The test suite: unit and integration tests, then the shipped rules' own checks and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build
python3 scripts/validate-schemas.py
BIN="$(swift build --show-bin-path)/clausier"
"$BIN" check --strict Rules
"$BIN" test --coverage --min-coverage 100 Rules
