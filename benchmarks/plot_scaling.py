#!/usr/bin/env python3
"""Draws time against pool size on log-log axes as a plain SVG (no plotting library needed).

usage: python3 benchmarks/plot_scaling.py benchmarks/results/scaling.tsv docs/scaling.svg
The TSV has a header and rows: series, mentees, seconds (one point each).
"""
import csv
import math
import sys

WIDTH, HEIGHT, MARGIN = 640, 420, 70
COLOURS = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f"]


def main(source: str, target: str) -> None:
    with open(source, newline="", encoding="utf-8") as handle:
        rows = [(r["series"], float(r["mentees"]), float(r["seconds"])) for r in csv.DictReader(handle, delimiter="\t")]
    series = list(dict.fromkeys(r[0] for r in rows))
    xs = [math.log10(r[1]) for r in rows]
    ys = [math.log10(r[2]) for r in rows]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))

    def px(x: float) -> float:
        return MARGIN + (math.log10(x) - x0) / max(x1 - x0, 1) * (WIDTH - 2 * MARGIN)

    def py(y: float) -> float:
        return HEIGHT - MARGIN - (math.log10(y) - y0) / max(y1 - y0, 1) * (HEIGHT - 2 * MARGIN)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" font-size="12">',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>']
    for e in range(x0, x1 + 1):
        x = px(10 ** e)
        out.append(f'<line x1="{x}" y1="{MARGIN}" x2="{x}" y2="{HEIGHT - MARGIN}" stroke="#ddd"/>')
        out.append(f'<text x="{x}" y="{HEIGHT - MARGIN + 18}" text-anchor="middle">10^{e}</text>')
    for e in range(y0, y1 + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{MARGIN}" y1="{y}" x2="{WIDTH - MARGIN}" y2="{y}" stroke="#ddd"/>')
        out.append(f'<text x="{MARGIN - 8}" y="{y + 4}" text-anchor="end">{10 ** e:g} s</text>')
    out.append(f'<text x="{WIDTH / 2}" y="{HEIGHT - 20}" text-anchor="middle">mentees (mentors = 3 × mentees)</text>')
    out.append(f'<text x="18" y="{HEIGHT / 2}" text-anchor="middle" transform="rotate(-90 18 {HEIGHT / 2})">wall time, log scale</text>')
    for i, name in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        points = sorted((m, s) for n, m, s in rows if n == name)
        path = " ".join(f"{px(m):.1f},{py(s):.1f}" for m, s in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for m, s in points:
            out.append(f'<circle cx="{px(m):.1f}" cy="{py(s):.1f}" r="4" fill="{colour}"/>')
        out.append(f'<rect x="{MARGIN + 10}" y="{MARGIN + 10 + 18 * i}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{MARGIN + 28}" y="{MARGIN + 21 + 18 * i}">{name}</text>')
    out.append("</svg>")
    with open(target, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
