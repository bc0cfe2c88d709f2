#!/usr/bin/env bash
# The contract v2 figures in docs/benchmarks.md ("Contract v2"), from one command:
#   bash benchmarks/contract-v2.sh
# Each case takes a pool from the benchmark generator, adds two v2 columns to it (campus, one of
# four; topics, one to three of six, both fixed by the person's id, so a pool is the same every
# run) and a v2 policy, then times the CLI end to end (max RSS from /usr/bin/time -v).
# Settings (environment): CASES (names below), SEED=1, OUT=benchmarks/results/contract-v2.
set -euo pipefail
cd "$(dirname "$0")/.."

CASES="${CASES:-similar-100k cohort-500 cohort-2k alternatives-2k whatif-10k}"
SEED="${SEED:-1}"
OUT="${OUT:-benchmarks/results/contract-v2}"
CLI=src/Matching.Cli/bin/Release/net10.0/match.dll
BENCH=benchmarks/Matching.Benchmarks/bin/Release/net10.0/Matching.Benchmarks.dll
mkdir -p "$OUT"
dotnet build -c Release src/Matching.Cli/Matching.Cli.csproj -nologo -v quiet >&2
dotnet build -c Release benchmarks/Matching.Benchmarks/Matching.Benchmarks.csproj -nologo -v quiet >&2

# pool NAME MENTEES MENTORS POLICY_PATCH: a generated pool with the v2 columns and the patched policy.
pool() {
  local name=$1 mentees=$2 mentors=$3 patch=$4 dir="$OUT/$1"
  dotnet "$BENCH" generate --mentees "$mentees" --mentors "$mentors" --policy default --seed "$SEED" --out "$dir" >/dev/null
  python3 - "$dir" "$patch" <<'PY'
import csv, hashlib, json, sys
folder, patch = sys.argv[1], json.loads(sys.argv[2])
campuses = ["South Kensington", "White City", "Hammersmith", "Silwood"]
topics = ["racism", "sexism", "disability", "lgbtq", "class", "faith"]
def pick(pid, salt, n): return int(hashlib.sha256(f"{salt}:{pid}".encode()).hexdigest(), 16) % n
with open(f"{folder}/people.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
with open(f"{folder}/people.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(header + ["campus", "topics"])
    for r in body:
        pid = r[0]
        k = 1 + pick(pid, "k", 3)
        chosen = sorted({topics[pick(pid, f"t{i}", len(topics))] for i in range(k)})
        w.writerow(r + [campuses[pick(pid, "c", len(campuses))], ";".join(chosen)])
policy = json.load(open(f"{folder}/policy.json"))
policy.update(patch)
json.dump(policy, open(f"{folder}/policy.json", "w"), indent=2)
PY
}

# run NAME EXTRA_ARGS...: one timed CLI run, its summary line and peak memory.
run() {
  local name=$1; shift
  local dir="$OUT/$name"
  /usr/bin/time -v dotnet "$CLI" --people "$dir/people.csv" --policy "$dir/policy.json" --format json --out "$dir/result.json" "$@" 2> "$dir/time.txt" || true
  local wall rss summary
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
  summary=$(grep -v '^\s' "$dir/time.txt" | grep -v 'Command being timed' | head -1)
  echo "| $name | $* | $wall | $((rss / 1024)) | $summary | $(cut -d' ' -f1-3 /proc/loadavg) |"
}

echo "# Contract v2 run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores"
echo
echo "| case | options | wall (m:ss) | max RSS (MB) | CLI summary | load average |"
echo "| --- | --- | ---: | ---: | --- | --- |"
for case in $CASES; do
  case $case in
    similar-100k) pool "$case" 100000 300000 '{"similarities": {"campus": 2, "topics": 1}}'; run "$case" ;;
    cohort-500) pool "$case" 500 1500 '{"minCoverage": {"disability": 60, "lgbtq": 40}, "maxPairsPerMentorDepartment": 40}'; run "$case" ;;
    cohort-2k) pool "$case" 2000 6000 '{"minCoverage": {"disability": 240, "lgbtq": 160}, "maxPairsPerMentorDepartment": 160}'; run "$case" --time-limit 120 ;;
    alternatives-2k) pool "$case" 2000 6000 '{"similarities": {"topics": 1}}'; run "$case" --alternatives 3 --time-limit 600 ;;
    whatif-10k) pool "$case" 10000 30000 '{"requireSame": ["campus"], "similarities": {"topics": 1}}'; run "$case" --what-if ;;
  esac
done
