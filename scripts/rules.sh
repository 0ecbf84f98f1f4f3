#!/usr/bin/env bash
# The main job: check and test the shipped rules in Rules/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product clausier
BIN="$(swift build --show-bin-path)/clausier"
"$BIN" check --strict Rules
"$BIN" test --coverage --min-coverage 100 Rules
