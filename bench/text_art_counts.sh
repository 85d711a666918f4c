#!/bin/bash
# What text art spends, summed over charts: crossings (`┼`), box and line corners
# (`┌┐└┘`: boxes and every bend) and rows.
#
# Usage: bench/text_art_counts.sh [LIUTU]   (default: target/release/liutu)
#
# Counts the repository's examples and construct files, and, when ../shared is there,
# the corpus's flowcharts (those Mermaid reads) and the bench charts. Never part of CI:
# it compares builds, it does not judge one.
set -u
cd "$(dirname "$0")/.."
bin=${1:-target/release/liutu}
files=(examples/*.mmd crates/cli/tests/flowchart/*.mmd)
if [ -f ../shared/corpus/manifest.tsv ]; then
  while IFS= read -r f; do files+=("../shared/corpus/$f"); done < <(
    awk -F'\t' '$2 == "flowchart" && $3 == "ok" { print $1 }' ../shared/corpus/manifest.tsv)
  files+=(../shared/bench/cases/*.mmd)
fi
crossings=0 corners=0 rows=0 charts=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  out=$("$bin" "$f" 2>/dev/null) || continue
  crossings=$((crossings + $(grep -o '┼' <<<"$out" | wc -l)))
  corners=$((corners + $(grep -o '[┌┐└┘]' <<<"$out" | wc -l)))
  rows=$((rows + $(wc -l <<<"$out")))
  charts=$((charts + 1))
done
echo "charts $charts  crossings $crossings  corners $corners  rows $rows"
