#!/usr/bin/env bash
# The engine side by side with the anchors a user would otherwise pick (issue 5), in one run:
#   bash benchmarks/anchors/run.sh
# For each pool: our CLI end to end; the enumeration of every feasible pair (which both anchors need);
# SciPy's min_weight_full_bipartite_matching on those pairs; OR-Tools' min-cost flow used directly on
# those pairs. Wall time and peak RSS of each process from /usr/bin/time -v.
# Settings (environment):
#   SIZES="2000x6000 10000x30000"  pools, MENTEESxMENTORS (default policy)
#   SEED=1                         population seed
#   DATA=/tmp/anchors-data         pools and pair files (large: ~12 bytes per feasible pair)
#   OUT=benchmarks/results/anchors.md
#   MAX_GB=16                      skip a case whose estimated peak memory is above this
#   TIME_LIMIT=900                 stop any one process after this many seconds
# Needs /usr/bin/python3 with NumPy and SciPy (Debian: apt-get install python3-scipy python3-numpy).
set -euo pipefail
cd "$(dirname "$0")/../.."

export SIZES="${SIZES:-2000x6000 10000x30000}"
SEED="${SEED:-1}"
DATA="${DATA:-/tmp/anchors-data}"
OUT="${OUT:-benchmarks/results/anchors.md}"
MAX_GB="${MAX_GB:-16}"
TIME_LIMIT="${TIME_LIMIT:-900}"
CLI=src/Matching.Cli/bin/Release/net10.0/match.dll
BENCH=benchmarks/Matching.Benchmarks/bin/Release/net10.0/Matching.Benchmarks.dll
PYTHON=/usr/bin/python3
# Peak bytes per feasible pair, measured at 2000x6000 (SciPy ~60, OR-Tools ~88 incl. the runtime).
SCIPY_BYTES_PER_PAIR=60
ORTOOLS_BYTES_PER_PAIR=90
ROWS="$DATA/rows.txt"
mkdir -p "$DATA"
: > "$ROWS"

dotnet build -c Release Mentoring.sln -nologo -v quiet >&2
"$PYTHON" -c 'import numpy, scipy' || { echo "error: $PYTHON needs numpy and scipy" >&2; exit 2; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
date_start=$(date -u '+%Y-%m-%d %H:%M UTC')

# timed NAME CMD...: runs CMD under /usr/bin/time -v and the time limit; stdout to $work/NAME.out,
# timings to $work/NAME.time; prints "wall_s rss_mb exit" (exit 124 = stopped by the time limit).
timed() {
  local name="$1"; shift
  set +e
  /usr/bin/time -v -o "$work/$name.time" timeout "$TIME_LIMIT" "$@" > "$work/$name.out" 2> "$work/$name.err"
  local code=$?
  set -e
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$name.time")
  echo "$wall $rss $code"
}

field() { tr ' ' '\n' < "$1" | sed -n "s/^$2=//p"; }

for size in $SIZES; do
  mentees="${size%x*}"; mentors="${size#*x}"
  work="$DATA/$size"
  mkdir -p "$work"
  dotnet "$BENCH" generate --mentees "$mentees" --mentors "$mentors" --policy default --seed "$SEED" --out "$work" >&2

  read -r e_wall e_rss e_code < <(timed engine dotnet "$CLI" --people "$work/people.csv" --policy "$work/policy.json" --format json --out "$work/result.json")
  if [ "$e_code" = 0 ]; then
    e_matched=$("$PYTHON" -c 'import json, sys; r = json.load(open(sys.argv[1])); print(r["matched"], r["total"], r["status"], r["run"]["candidatePairs"])' "$work/result.json")
  else
    e_matched="? ? exit-$e_code ?"
  fi
  echo "$size engine: $e_wall s, $e_rss MB, $e_matched" >&2

  read -r p_wall p_rss p_code < <(timed pairs dotnet "$BENCH" pairs --people "$work/people.csv" --policy "$work/policy.json" --out "$work/pairs.json")
  pairs=$(field "$work/pairs.out" pairs)
  echo "$size pairs: $pairs in $p_wall s, $p_rss MB" >&2

  # Estimate each anchor's peak memory from the pair count before running it.
  scipy_gb=$(echo "$pairs * $SCIPY_BYTES_PER_PAIR / 10^9" | bc -l)
  ortools_gb=$(echo "$pairs * $ORTOOLS_BYTES_PER_PAIR / 10^9" | bc -l)
  if (( $(echo "$scipy_gb > $MAX_GB" | bc) )); then
    s_result="skip est-$(printf %.1f "$scipy_gb")GB"
  else
    read -r s_wall s_rss s_code < <(timed scipy "$PYTHON" benchmarks/anchors/scipy_anchor.py "$work/pairs.json")
    s_result="$s_wall $s_rss $s_code $(field "$work/scipy.out" matched) $(field "$work/scipy.out" total) $(field "$work/scipy.out" load_s) $(field "$work/scipy.out" build_s) $(field "$work/scipy.out" solve_s) $(field "$work/scipy.out" status)"
  fi
  echo "$size scipy: $s_result" >&2
  if (( $(echo "$ortools_gb > $MAX_GB" | bc) )); then
    o_result="skip est-$(printf %.1f "$ortools_gb")GB"
  else
    read -r o_wall o_rss o_code < <(timed ortools dotnet "$BENCH" ortools-direct --pairs "$work/pairs.json")
    o_result="$o_wall $o_rss $o_code $(field "$work/ortools.out" matched) $(field "$work/ortools.out" total) $(field "$work/ortools.out" build_s) $(field "$work/ortools.out" solve_s) $(field "$work/ortools.out" status)"
  fi
  echo "$size ortools-direct: $o_result" >&2

  echo "$size|$mentees|$e_wall $e_rss $e_code $e_matched|$p_wall $p_rss $p_code $pairs $(field "$work/pairs.out" bytes)|$s_result|$o_result" >> "$ROWS"
  rm -f "$work/pairs.bin"  # the largest file by far; regenerate with the pairs command
done

"$PYTHON" benchmarks/anchors/report.py "$ROWS" "$date_start" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)" "$(nproc)" "$(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')" \
  "$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { print $2 }' | tail -1)" \
  "$("$PYTHON" -c 'import numpy, scipy; print(f"SciPy {scipy.__version__}, NumPy {numpy.__version__}")')" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$MAX_GB" "$TIME_LIMIT" > "$OUT"
cat "$OUT"
