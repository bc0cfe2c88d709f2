#!/usr/bin/env bash
# Repeats every figure in docs/benchmarks.md:
#   bash benchmarks/run.sh
# Settings (environment):
#   SIZES="1000x3000 2000x6000"  pools to run, MENTEESxMENTORS (also used by the BenchmarkDotNet suites)
#   POLICIES="default"           policies for the CLI end-to-end runs (default, strict, fairness)
#   SHAPES="mix"                 population shapes (mix, dense, sparse, skewed, capacity, tall; see PopulationShape.cs)
#   LARGE=""                     extra pools run with the mix and the default policy only, e.g. LARGE=1000000x3000000
# Issue 13's full set in one command:
#   SIZES="10000x30000 100000x300000" SHAPES="mix dense sparse skewed capacity tall" POLICIES="default strict fairness" \
#     LARGE=1000000x3000000 RUNS=3 BDN=0 bash benchmarks/run.sh
#   RUNS=5                       timed CLI runs per pool (median reported)
#   SEED=1                       population seed
#   OUT=benchmarks/results       where pools, raw outputs and summary.md go
#   BDN=1                        0 skips the BenchmarkDotNet suites (they take the longest)
set -euo pipefail
cd "$(dirname "$0")/.."

export SIZES="${SIZES:-1000x3000 2000x6000}"
POLICIES="${POLICIES:-default}"
SHAPES="${SHAPES:-mix}"
LARGE="${LARGE:-}"
RUNS="${RUNS:-5}"
SEED="${SEED:-1}"
OUT="${OUT:-benchmarks/results}"
BDN="${BDN:-1}"
CLI=src/Matching.Cli/bin/Release/net10.0/match.dll
BENCH=benchmarks/Matching.Benchmarks/bin/Release/net10.0/Matching.Benchmarks.dll
SUMMARY="$OUT/summary.md"
mkdir -p "$OUT/pools" "$OUT/raw"

dotnet build -c Release src/Matching.Cli/Matching.Cli.csproj -nologo -v quiet
dotnet build -c Release benchmarks/Matching.Benchmarks/Matching.Benchmarks.csproj -nologo -v quiet

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

{
  echo "# Benchmark run"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores"
  echo "- memory: $(free -h | awk '/^Mem:/ { print $2 }')"
  echo "- .NET: $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { print $2 }' | tail -1)"
  echo "- load average at start (other work on the box skews timings): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## CLI end to end (\`match --people --policy --format json --out\`, $RUNS runs, median; max RSS from /usr/bin/time -v)"
  echo
  echo "| pool | shape | policy | people | median wall (s) | min–max (s) | max RSS (MB) | matched/mentees | total | status | candidate pairs | pricing rounds | solves | in-process split: load / solve / write (s) |"
  echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |"
} > "$SUMMARY"

# One pool: generate it, time the CLI, measure its peak memory and split, add a row to the summary.
run_pool() {
  local size="$1" shape="$2" policy="$3"
  local mentees="${size%x*}" mentors="${size#*x}"
  local pool raw match times wall range rss_kb split
  pool="$OUT/pools/$size-$shape-$policy"
  raw="$OUT/raw/$size-$shape-$policy"
  dotnet "$BENCH" generate --mentees "$mentees" --mentors "$mentors" --policy "$policy" --shape "$shape" --seed "$SEED" --out "$pool"
  match=(dotnet "$CLI" --people "$pool/people.csv" --policy "$pool/policy.json" --format json --out "$raw.result.json")

  # Wall time: hyperfine when installed, else a plain loop; one warm-up run either way.
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$raw.hyperfine.json" "${match[*]}" >&2
    times=$(python3 -c 'import json,sys; print("\n".join(str(t) for t in json.load(open(sys.argv[1]))["results"][0]["times"]))' "$raw.hyperfine.json")
  else
    "${match[@]}" 2>/dev/null
    times=$(for _ in $(seq "$RUNS"); do
      start=$(date +%s.%N); "${match[@]}" 2>/dev/null; end=$(date +%s.%N)
      echo "$end - $start" | bc
    done)
  fi
  wall=$(echo "$times" | median)
  range=$(echo "$times" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f–%.2f", lo, hi }')

  # Peak memory of the whole process, start to exit.
  /usr/bin/time -v "${match[@]}" 2> "$raw.time.txt"
  rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$raw.time.txt")

  # Time split inside one process (first run in that process, so it includes JIT).
  dotnet "$BENCH" measure --people "$pool/people.csv" --policy "$pool/policy.json" | tee "$raw.measure.txt" >&2
  split=$(tr ' ' '\n' < "$raw.measure.txt" | awk -F= '/^(load_s|solve_s|write_s)=/ { printf "%s%s", sep, $2; sep = " / " }')

  python3 - "$raw.result.json" "$size" "$shape" "$policy" "$wall" "$range" "$rss_kb" "$split" >> "$SUMMARY" <<'PY'
import json, sys
path, size, shape, policy, wall, span, rss_kb, split = sys.argv[1:]
result = json.load(open(path))
run = result["run"]
print(f"| {size} | {shape} | {policy} | {run['people']} | {float(wall):.2f} | {span} | {int(rss_kb) / 1024:.0f} | "
      f"{result['matched']}/{run['mentees']} | {result['total']} | {result['status']} | {run['candidatePairs']} | "
      f"{run['pricingRounds']} | {run['solves']} | {split} |")
PY
}

for size in $SIZES; do
  for shape in $SHAPES; do
    for policy in $POLICIES; do
      run_pool "$size" "$shape" "$policy"
    done
  done
done

for size in $LARGE; do
  run_pool "$size" mix default
done

if [ "$BDN" = "1" ]; then
  dotnet "$BENCH" --filter "*" --artifacts "$OUT/bdn" >&2
  for report in "$OUT"/bdn/results/*-report-github.md; do
    { echo; echo "## BenchmarkDotNet: $(basename "$report" -report-github.md)"; echo; cat "$report"; } >> "$SUMMARY"
  done
fi

echo >> "$SUMMARY"
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$SUMMARY"
cat "$SUMMARY"
