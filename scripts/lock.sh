#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from pyproject.toml (needs uv: pip install uv).
# requirements/bootstrap.lock (the pinned pip) is kept by hand: bump it with its wheel hash.
# Universal locks: every wheel's hash for every platform, resolved for Python 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
  -o requirements/main.lock --no-header "$@"
uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --extra test \
  -o requirements/test.lock --no-header "$@"
