#!/usr/bin/env bash
# One autograding test of GitHub Classroom: exits 0 when `./course grade --self` (run by an earlier step) found the
# exercise given as $1 (e.g. 02-keras-convnet/3) solved; otherwise prints its mark and exits 1.
set -euo pipefail
exercise="${1:?usage: solved.sh LESSON/EXERCISE [grades.csv]}"
csv="${2:-artifacts/grades/self/grades.csv}"
[ -f "$csv" ] || { echo "$csv is missing: run ./course grade --self first"; exit 1; }
# grades.csv: learner, one column per exercise (marks never contain commas), points, max_points, reason
mark=$(awk -F, -v id="$exercise" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == id) c = i } NR == 2 && c { print $c }' "$csv")
[ -n "$mark" ] || { echo "$exercise is not an exercise in $csv"; exit 1; }
echo "$exercise: $mark"
[ "$mark" = solved ]
