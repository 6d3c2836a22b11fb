#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from pyproject.toml (needs uv: pip install uv).
# requirements/bootstrap.lock (the pinned pip) is kept by hand: bump it with its wheel hash.
# Universal locks: every wheel's hash for every platform, resolved for Python 3.11.
# The existing pins are kept (uv prefers the versions already in each lock); pass --upgrade to move.
# main.lock is what the README installs: the base package plus the web and cluster extras, so every
# command it shows works; test.lock adds the test tools (and PostgreSQL's driver, in the test extra).
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
  --extra web --extra cluster -o requirements/main.lock --no-header "$@"
uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
  --extra web --extra cluster --extra test -o requirements/test.lock --no-header "$@"
