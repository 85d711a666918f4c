#!/usr/bin/env bash
# Runs the fuzz targets with cargo-fuzz (nightly). Never part of CI.
#   fuzz/run.sh [TARGET] [SECONDS]     TARGET: parse | pipeline (default: both), SECONDS per target (default 600)
# Seeds come from the examples, the shared benchmark cases and the shared Mermaid corpus; the
# growing corpus stays in fuzz/corpus/ (not committed). Crashes land in fuzz/artifacts/: copy
# each one to crates/cli/tests/hostile/ once fixed, so the normal test suite keeps it.
set -eu
cd "$(dirname "$0")"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
targets=${1:-"parse pipeline"}
seconds=${2:-600}
for t in $targets; do
  mkdir -p "corpus/$t"
  for f in ../examples/*.mmd ../../shared/bench/cases/*.mmd ../../shared/corpus/*/*.mmd ../crates/cli/tests/hostile/*; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp -n "$f" "corpus/$t/seed-$(echo "$f" | md5sum | cut -c1-12)" 2>/dev/null || true
  done
  cargo +nightly fuzz run "$t" "corpus/$t" -- -dict=mermaid.dict -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1
done
