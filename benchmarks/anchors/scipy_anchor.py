#!/usr/bin/python3
"""SciPy anchor: the assignment as SciPy's min_weight_full_bipartite_matching on every feasible pair.

    /usr/bin/python3 benchmarks/anchors/scipy_anchor.py PAIRS.json

Reads the pairs written by `Matching.Benchmarks pairs` (int32 triples mentee, mentor, score and one
int32 capacity per mentor), gives each mentor one column per unit of capacity, weights each edge
K - score with K = maxScore + 1 (so every stored weight is positive: SciPy drops explicit zeros), and
asks SciPy for a minimum-weight matching that covers every mentee. That maximises the total score
only because it matches every mentee: SciPy cannot say "most matched first" when nobody can match
everyone, and then this anchor reports that and stops.

Prints one line of key=value figures: load_s, build_s, solve_s, matched, total, peak RSS.
"""
import json
import os
import resource
import sys
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

CHUNK = 1 << 24  # pairs per vectorised step: bounds the temporaries when building the matrix


def main(sidecar_path):
    sidecar = json.load(open(sidecar_path))
    folder = os.path.dirname(os.path.abspath(sidecar_path))
    mentees, k = sidecar["Mentees"], sidecar["MaxScore"] + 1

    start = time.perf_counter()
    triples = np.fromfile(os.path.join(folder, sidecar["PairsFile"]), dtype="<i4").reshape(-1, 3)
    capacities = np.fromfile(os.path.join(folder, sidecar["CapacitiesFile"]), dtype="<i4").astype(np.int64)
    assert len(triples) == sidecar["Pairs"], "pairs file and sidecar disagree"
    loaded = time.perf_counter()

    # Mentor j owns columns first_column[j] .. first_column[j] + capacity[j] - 1. The pairs come in
    # mentee then mentor order, so each row's columns come out sorted and the CSR arrays can be filled
    # directly, a chunk of pairs at a time, without a COO sort.
    first_column = np.concatenate(([0], np.cumsum(capacities)))
    columns = int(first_column[-1])
    copies = capacities[triples[:, 1]]
    entries = int(copies.sum())
    index_type = np.int32 if max(columns, entries) < 2**31 else np.int64
    indices = np.empty(entries, dtype=index_type)
    data = np.empty(entries, dtype=np.float64)
    at = 0
    for lo in range(0, len(triples), CHUNK):
        part, n = triples[lo:lo + CHUNK], copies[lo:lo + CHUNK]
        size = int(n.sum())
        starts = np.repeat(np.cumsum(n) - n, n)
        indices[at:at + size] = np.repeat(first_column[part[:, 1]], n) + (np.arange(size) - starts)
        data[at:at + size] = np.repeat(k - part[:, 2], n)
        at += size
    indptr = np.zeros(mentees + 1, dtype=index_type)
    np.cumsum(np.bincount(triples[:, 0], weights=copies, minlength=mentees).astype(index_type), out=indptr[1:])
    del triples, copies
    matrix = csr_matrix((data, indices, indptr), shape=(mentees, columns))
    built = time.perf_counter()

    try:
        rows, chosen = min_weight_full_bipartite_matching(matrix)
        status = "full"
    except ValueError as error:  # no matching covers every mentee
        rows, chosen, status = np.array([], dtype=np.int64), np.array([], dtype=np.int64), f"no-full-matching ({error})"
    solved = time.perf_counter()

    weights = np.asarray(matrix[rows, chosen]).ravel() if len(rows) else np.array([])
    matched = len(rows)
    total = int(round(k * matched - weights.sum()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"load_s={loaded - start:.3f} build_s={built - loaded:.3f} solve_s={solved - built:.3f} "
          f"status={status.replace(' ', '_')} entries={entries} columns={columns} matched={matched} total={total} "
          f"peak_rss_mb={peak_mb:.0f}")
    return 0 if status == "full" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
