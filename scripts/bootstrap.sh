#!/usr/bin/env bash
# Installs what Clausier needs to build on a fresh Debian machine: the system libyaml.
set -euo pipefail
if ! pkg-config --exists yaml-0.1 2>/dev/null; then
    echo "bootstrap: installing libyaml-dev and pkg-config" >&2
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libyaml-dev pkg-config >/dev/null
fi
# The schema check of the test suite validates rule files with Python's jsonschema and PyYAML.
if ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
    echo "bootstrap: installing jsonschema and PyYAML" >&2
    python3 -m pip install -q 'jsonschema>=4.18' pyyaml
fi
