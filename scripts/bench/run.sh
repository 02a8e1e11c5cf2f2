#!/usr/bin/env bash
# Builds the release binary, then runs the login/memory/cold-start benchmark against it.
# Usage: scripts/bench/run.sh [--json out.json]     (extra arguments go to login-burst.py)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# Another build in the same target dir holds the cargo lock: waiting for it is normal.
cargo build --release -p attune
exec python3 "$repo/scripts/bench/login-burst.py" --binary "$repo/target/release/attune" "$@"
