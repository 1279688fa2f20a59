#!/usr/bin/env bash
# A checkout made without symbolic links (git's core.symlinks=false, as on Windows without
# developer mode) must build: git holds no link and one Tauri config, and the app's crate compiles
# from such a clone (its build script copies the top-level tauri.conf.json to where
# generate_context! and the Tauri CLI read it).
# Checks what is committed (HEAD), the way CI's fresh clone sees it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
links=$(git ls-files -s | awk '$1 == "120000" { print $4 }')
if [ -n "$links" ]; then
  echo "Symbolic links in git (they break on Windows checkouts): $links" >&2
  exit 1
fi
configs=$(git ls-files | grep -E '(^|/)(tauri(\.[a-z]+)?\.conf\.json5?|Tauri\.toml)$' || true)
if [ "$configs" != "tauri.conf.json" ]; then
  echo "git must hold one Tauri config, tauri.conf.json at the top; it holds: $configs" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q -c core.symlinks=false "$root" "$work/repo"
# The same target folder: the dependencies are already built; only Alongside's crates are checked.
(cd "$work/repo" && CARGO_TARGET_DIR="$root/target" cargo check -q -p alongside-app)
echo "A checkout without symbolic links builds."
