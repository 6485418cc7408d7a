#!/usr/bin/env bash
# End-to-end test of `report preview`: start it, add a sentence to a chapter's prose, and wait
# until the page it serves has the sentence (the preview rebuilt the report binary in release mode
# and reran that chapter). The chapter file is restored, and the preview stopped, on any exit.
# Needs a release build (make check leaves one); CI runs it after make check.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PREVIEW_PORT:-8765}
chapter=chapters/Dyna.swift
page=site/dyna.html
marker="Preview check $(date +%s)."
scratch=$(mktemp -d)
cp "$chapter" "$scratch/chapter.swift"
preview_pid=""
cleanup() {
  [ -n "$preview_pid" ] && kill "$preview_pid" 2>/dev/null || true
  cp "$scratch/chapter.swift" "$chapter"
  rm -rf "$scratch"
}
trap cleanup EXIT

# The body of a path, empty if it cannot be fetched (read whole, so no early-closed pipe fails it).
fetch() { curl -fsS "http://127.0.0.1:$port/$1" 2>/dev/null || true; }

# Into a scratch output folder (filled from the package's output/ by key), so output/ is untouched.
.build/release/report preview --port "$port" --output "$scratch/output" >"$scratch/preview.log" 2>&1 &
preview_pid=$!
for _ in $(seq 1 240); do [ -n "$(fetch "$page")" ] && break; sleep 0.5; done
served=$(fetch "$page")
grep -qF "/__preview/reload.js" <<<"$served" || { echo "preview-e2e: the page is not served with the reload script"; cat "$scratch/preview.log"; exit 1; }
if grep -qF "$marker" <<<"$served"; then echo "preview-e2e: the marker is there before the edit"; exit 1; fi
before=$(fetch "__preview/changes")

# The sentence goes at the start of the chapter's first paragraph.
awk -v m="$marker" '!done && /Prose\("""$/ { print; print "        " m " \\"; done = 1; next } { print }' "$scratch/chapter.swift" > "$chapter"
start=$(date +%s)
for _ in $(seq 1 600); do
  if grep -qF "$marker" <<<"$(fetch "$page")"; then
    echo "preview-e2e: the served page changed $(( $(date +%s) - start )) s after the edit (changes $before -> $(fetch "__preview/changes"))"
    exit 0
  fi
  sleep 1
done
echo "preview-e2e: the page did not change within 10 minutes"
cat "$scratch/preview.log"
exit 1
