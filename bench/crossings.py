#!/usr/bin/env python3
"""Edge crossings in an SVG, counted three ways, with ../shared/bench/metrics.py.

Usage: bench/crossings.py FILE.svg...   (liutu's or Graphviz dot's SVG)

Never part of CI: it reads the shared benchmark kit, which a user's clone does not have.

metrics.py skips every crossing within PORT_PAD (5 units) of any node box, because
"edges converging on a node's port are not visual crossings". That also skips crossings
where an edge passes close by a node, or meets an edge that ends there, and drawings
differ a lot in how many of those they have. For each file this prints:

  metrics   what metrics.py counts (the issue's measure);
  all       every crossing, near a node or not;
  ports     every crossing except those near a node that both edges end at, which is
            what the margin is meant to forgive;
  near      crossings metrics.py skips, by how many of the two edges end at the nearby
            node (2 = converging on it, 1 = one ends there, 0 = both pass by).
"""
import math
import os
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench")
sys.path.insert(0, os.environ.get("LIUTU_SHARED_BENCH", SHARED))
try:
    import metrics as M  # noqa: E402
except ImportError:
    sys.exit(f"needs metrics.py from the shared benchmark kit (looked in {SHARED}; "
             "set LIUTU_SHARED_BENCH to its folder)")


def crossings(path):
    text = open(path, encoding="utf-8").read()
    root = ET.fromstring(text)
    extract = {"mermaid": M.extract_mermaid, "dot": M.extract_dot}.get(M.detect(root, text))
    if extract is None:
        sys.exit(f"{path}: neither liutu's nor dot's SVG")
    nodes, edges, _ = extract(root)
    boxes = list(nodes) + [M.bbox(e) for e in edges]
    width = max(b[2] for b in boxes) - min(b[0] for b in boxes)
    height = max(b[3] for b in boxes) - min(b[1] for b in boxes)
    cell = max(math.hypot(width, height) / 60.0, 20.0)  # as metrics.py
    node_grid = M.Grid(cell)
    for i, b in enumerate(nodes):
        node_grid.add(b, (i, b))

    def nearest(p):
        return min(range(len(nodes)), key=lambda j: M.point_box_dist(p, nodes[j]))

    # Polylines without zero-length steps, and each one's end nodes, as metrics.py has them.
    lines = []
    for e in edges:
        line = [e[0]]
        line.extend(p for prev, p in zip(e, e[1:]) if p != prev)
        lines.append(line)
    ends = [{nearest(line[0]), nearest(line[-1])} for line in lines]
    segment_grid = M.Grid(cell)
    for ei, line in enumerate(lines):
        for k, (p, q) in enumerate(zip(line, line[1:])):
            segment_grid.add((min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])), (ei, k))

    # Crossing points per pair of edges, merged within 1 unit, as metrics.py does; each
    # with how many of the two edges end at a node whose padded box holds it (None: none).
    points = defaultdict(list)
    for key, bucket in segment_grid.cells.items():
        for a in range(len(bucket)):
            ea, ka = bucket[a]
            for b in range(a + 1, len(bucket)):
                eb, kb = bucket[b]
                if ea == eb:
                    continue
                x = M.polyline_crossing(lines[ea], ka, lines[eb], kb)
                if x is None or (math.floor(x[0] / cell), math.floor(x[1] / cell)) != key:
                    continue
                near = [j for j, box in node_grid.query((x[0] - M.PORT_PAD, x[1] - M.PORT_PAD,
                                                         x[0] + M.PORT_PAD, x[1] + M.PORT_PAD))
                        if M.in_box(x, box, M.PORT_PAD)]
                ending = max(((j in ends[ea]) + (j in ends[eb]) for j in near), default=None)
                pair = points[(min(ea, eb), max(ea, eb))]
                if all(math.hypot(x[0] - y[0], x[1] - y[1]) > 1.0 for y, _ in pair):
                    pair.append((x, ending))
    found = [ending for pair in points.values() for _, ending in pair]
    near = {k: sum(1 for e in found if e == k) for k in (2, 1, 0)}
    return {
        "metrics": sum(1 for e in found if e is None),
        "all": len(found),
        "ports": len(found) - near[2],
        "near": near,
    }


def main(paths):
    if not paths:
        sys.exit(__doc__)
    print("| file | metrics | all | ports | near: both end there / one / none |")
    print("|---|---|---|---|---|")
    for path in paths:
        c = crossings(path)
        n = c["near"]
        print(f"| {path} | {c['metrics']} | {c['all']} | {c['ports']} | {n[2]} / {n[1]} / {n[0]} |")


if __name__ == "__main__":
    main(sys.argv[1:])
