#!/usr/bin/env bash
# Prints the pipeline's speed figures (release build): the dyna experiments alone, a rerun with
# nothing changed, and drawing every figure and both documents. Leaves output/ as it found it.
set -euo pipefail
cd "$(dirname "$0")/.."
report=.build/release/report
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r output "$scratch/output"

best() { sort -n | head -n 1; }

swift build -c release --product benchmarks >/dev/null
.build/release/benchmarks

seconds() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); awk "BEGIN { printf \"%.3f\", ($end - $start) / 1e9 }"; echo; }

echo "all experiments of all chapters, forced, best of 3:"
for _ in 1 2 3; do
  CI=true $report --force --output "$scratch/output" 2>&1 | sed -n 's/.*experiments \([0-9.]*\)s, writing.*/\1/p'
done | best | sed 's/^/  experiments: /; s/$/ s/'

echo "dyna chapter's experiments, forced, best of 5:"
for _ in 1 2 3 4 5; do
  CI=true $report --chapter dyna --force --output "$scratch/output" 2>&1 | sed -n 's/.*experiments \([0-9.]*\)s, writing.*/\1/p'
done | best | sed 's/^/  experiments: /; s/$/ s/'

echo "whole book, nothing changed (process start to exit), best of 5:"
for _ in 1 2 3 4 5; do seconds $report --output "$scratch/output"; done | best | sed 's/^/  no-change rerun: /; s/$/ s/'

echo "rendering all figures and both documents (lock removed), best of 5 (target: under 2 s):"
for _ in 1 2 3 4 5; do
  rm "$scratch/output/report.lock.json"
  CI=true $report --output "$scratch/output" 2>&1 | sed -n 's/.*writing \([0-9.]*\)s, total.*/\1/p'
done | best | sed 's/^/  render + write: /; s/$/ s/'
