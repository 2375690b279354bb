#!/bin/sh
# How the files here were written, by the first release (revint.sheet/1), from this folder:
#   REVINT_HOME=$(mktemp -d) REVINT=/path/to/first-release/bin/revint sh make.sh
# The session it leaves in $REVINT_HOME/sessions/umbrella-platform-engineer and globex-platform-engineer beside it are ../sheet1/sessions.
set -e
here=$(cd "$(dirname "$0")" && pwd)
r="$REVINT --no-default-bank --bank $here/bank.yaml"
work=$(mktemp -d)
cd "$work"
$r prep --answers "$here/round1.yaml" -o round1.md 2>/dev/null
$r debrief umbrella-platform-engineer --answers "$here/debrief-1.yaml" >/dev/null 2>&1
$r prep --next-round umbrella-platform-engineer --no-input -o round2.md --set minutes=20 \
  --set 'interviewers=[{role: peer}]' 2>/dev/null
sed 's/^company: Umbrella/company: Globex/' "$here/round1.yaml" > globex.yaml
$r prep --answers globex.yaml -o globex.md 2>/dev/null
sed 's/rating: red/rating: green/' "$here/debrief-1.yaml" > globex-debrief.yaml
$r debrief globex-platform-engineer --answers globex-debrief.yaml >/dev/null 2>&1
for round in 1 2; do
  for fmt in md html; do
    $r sheet umbrella-platform-engineer --round $round --format $fmt -o - > "$here/round$round.$fmt"
    $r sheet umbrella-platform-engineer --round $round --format $fmt --compact -o - > "$here/round$round-compact.$fmt"
  done
done
$r compare umbrella-platform-engineer globex-platform-engineer --format md > "$here/compare.md"
COLUMNS=80 TERM=dumb NO_COLOR=1 $r compare umbrella-platform-engineer globex-platform-engineer > "$here/compare.txt"
COLUMNS=80 TERM=dumb NO_COLOR=1 $r sessions > "$here/sessions.txt"
