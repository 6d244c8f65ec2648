#!/usr/bin/env bash
# Prints one "N passed, N failed, N skipped" line summed over every TRX file in a folder.
set -euo pipefail
passed=0 failed=0 total=0 executed=0
for f in "$1"/*.trx; do
  [ -e "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  total=$((total + $(get total)))
  executed=$((executed + $(get executed)))
done
echo "$passed passed, $failed failed, $((total - executed)) skipped"
