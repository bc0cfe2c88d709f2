"""Writes benchmarks/results/anchors.md from the rows benchmarks/anchors/run.sh collects (called by run.sh)."""
import os
import sys

rows_path, date, load_start, load_end, cpu, cores, memory, dotnet, scipy, commit, max_gb, time_limit = sys.argv[1:]


def stopped(code):
    return f"stopped after {time_limit} s" if code == "124" else f"failed (exit {code})"


def anchor(parts, names):
    """(cell, wall, matched, total) for one anchor's fields, or the reason it was skipped."""
    if parts[0] == "skip":
        return f"skipped: estimated peak {parts[1][4:]} > {max_gb} GB", None, None, None
    wall, rss, code, matched, total, *split = parts
    status = split[-1]
    phases = " / ".join(split[:-1])
    if code != "0":
        note = stopped(code) if code == "124" else f"{stopped(code)}, {status}"
        return f"{note} ({float(wall):.1f} s, {rss} MB)", None, None, None
    return f"{float(wall):.2f} s, {rss} MB ({names}: {phases} s)", float(wall), matched, total


print(f"""# Anchors: the engine beside SciPy and OR-Tools used directly

Issue 5: the engine side by side, in the same run, with the tools a user would otherwise pick.
Repeat with `SIZES="{os.environ.get('SIZES', '')}" bash benchmarks/anchors/run.sh` (settings at the top of the script).

- date: {date}; commit: {commit}
- machine: {cpu}, {cores} cores; memory {memory}; .NET {dotnet}; {scipy}
- load average (1/5/15 min) at start: {load_start}; at end: {load_end}. The machine is shared with
  other work running at the same time, so wall times carry noise; each figure is one run.
- pools: `generate --policy default --seed 1` (MENTEESxMENTORS).

What each column runs (each a separate process, wall time and maximum RSS from `/usr/bin/time -v`):

- **engine**: our CLI end to end, `match --people --policy --format json --out` (load, solve, explain,
  write). It never builds all pairs: it prices candidates and proves optimality with duals.
- **pair enumeration**: `Matching.Benchmarks pairs`, which loads the same files and writes every
  feasible (mentee, mentor, score) with the library's own rule and score code (2 threads). Both
  anchors need all pairs, so a user of either must pay this step too; the "incl. pairs" columns add it.
- **SciPy**: `benchmarks/anchors/scipy_anchor.py`: `scipy.sparse.csgraph.min_weight_full_bipartite_matching`
  on a CSR matrix with one column per unit of mentor capacity and weight `maxScore + 1 - score`.
  A minimum-weight *full* matching maximises the total only because every mentee can be matched in
  these pools (SciPy raises an error otherwise: it cannot express "most matched first", so on a pool
  where not everyone can be matched this anchor does not apply). Phases: load / build matrix / solve.
- **OR-Tools direct**: `Matching.Benchmarks ortools-direct`: one `Google.OrTools.Graph.MinCostFlow`
  with every feasible pair as an arc (cost -score), each mentor to the sink with its capacity,
  `SolveMaxFlowWithMinCost`. Phases: read pairs and build / solve.
- A case whose peak memory, estimated from the pair count (SciPy ~60, OR-Tools ~90 bytes per
  feasible pair, measured at 2000x6000), would exceed {max_gb} GB is skipped; any process is stopped
  after {time_limit} s.
- **agree**: matched and total of each anchor that ran equal the engine's.

| pool | feasible pairs (file) | engine | pair enumeration | SciPy | SciPy incl. pairs | OR-Tools direct | OR-Tools incl. pairs | agree |
| --- | ---: | --- | --- | --- | ---: | --- | ---: | --- |""")

for line in open(rows_path):
    size, mentees, engine, pairs, scipy_fields, ortools_fields = line.rstrip("\n").split("|")
    e_wall, e_rss, e_code, e_matched, e_total, e_status, e_candidates = engine.split()
    p_wall, p_rss, p_code, p_count, p_bytes = (pairs.split() + ["?"] * 5)[:5]
    engine_cell = (f"{float(e_wall):.2f} s, {e_rss} MB ({e_matched}/{mentees} matched, total {e_total}, {e_status}, {e_candidates} candidate pairs)"
                   if e_code == "0" else f"{stopped(e_code)} ({float(e_wall):.1f} s, {e_rss} MB)")
    pairs_cell = f"{float(p_wall):.2f} s, {p_rss} MB" if p_code == "0" else stopped(p_code)
    pairs_wall = float(p_wall) if p_code == "0" else None
    cells, verdicts = [], []
    for fields, names in ((scipy_fields, "load / build / solve"), (ortools_fields, "build / solve")):
        cell, wall, matched, total = anchor(fields.split(), names)
        cells += [cell, f"{wall + pairs_wall:.2f} s" if wall is not None and pairs_wall is not None else "–"]
        if wall is not None:
            verdicts.append(e_code == "0" and (matched, total) == (e_matched, e_total))
    agree = "–" if not verdicts else ("yes" if all(verdicts) else "**NO**")
    size_mb = f"{int(p_bytes) / 1e6:,.0f} MB" if p_bytes.isdigit() else "?"
    print(f"| {size} | {int(p_count):,} ({size_mb}) | {engine_cell} | {pairs_cell} | {' | '.join(cells)} | {agree} |")
