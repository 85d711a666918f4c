#!/usr/bin/env python3
"""liutu against Graphviz dot on more graphs than the bench's one per size.

Usage: bench/seeds.py [--sizes 50,200,1000] [--seeds 9] [--liutu target/release/liutu]

The bench has one generated graph per size, and one graph can favour either program by
chance: over several, the sums say which draws fewer crossings. This writes `gen.py`'s
graphs with other seeds (its own seed plus 1,000 × k, for k = 1 … seeds) into a
temporary folder, draws each with liutu and with dot, and prints, per size, the
crossings summed over the graphs: as `metrics.py` counts them (the issue's measure) and
every crossing, near a node or not (see `crossings.py`), and on how many graphs each
program draws fewer by `metrics.py`.

Never part of CI: it needs the shared benchmark kit (`gen.py`, `metrics.py`) beside the
repository, and dot (Debian's `graphviz`), which takes seconds per graph of 1,000 nodes.
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("LIUTU_SHARED_BENCH", HERE.parent.parent / "shared" / "bench"))
sys.path.insert(0, str(HERE))
import crossings as C  # noqa: E402  (it finds metrics.py the same way)


def load_gen():
    path = SHARED / "gen.py"
    if not path.exists():
        sys.exit(f"needs gen.py from the shared benchmark kit (looked in {SHARED}; "
                 "set LIUTU_SHARED_BENCH to its folder)")
    spec = importlib.util.spec_from_file_location("gen", path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


def write_graphs(gen, sizes, seeds, folder):
    """Writes each (size, seed) graph as .mmd and .dot; returns their stems."""
    base = gen.SEED
    stems = []
    for k in range(1, seeds + 1):
        # random_graph reads the module's SEED when called.
        gen.SEED = base + 1000 * k
        for n in sizes:
            labels, edges = gen.random_graph(n)
            stem = folder / f"n{n}-s{k}"
            gen.write_mmd(stem.with_suffix(".mmd"), n, labels, edges)
            gen.write_dot(stem.with_suffix(".dot"), labels, edges)
            stems.append((n, k, stem))
    gen.SEED = base
    return stems


def draw(liutu, stem):
    liutu_svg = f"{stem}.liutu.svg"
    dot_svg = f"{stem}.dot.svg"
    subprocess.run([liutu, f"{stem}.mmd", "-o", liutu_svg], check=True)
    subprocess.run(["dot", "-Tsvg", f"{stem}.dot", "-o", dot_svg], check=True)
    return C.crossings(liutu_svg), C.crossings(dot_svg)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,200,1000")
    parser.add_argument("--seeds", type=int, default=9)
    parser.add_argument("--liutu", default=str(HERE.parent / "target" / "release" / "liutu"))
    args = parser.parse_args()
    if not os.access(args.liutu, os.X_OK):
        sys.exit(f"no liutu at {args.liutu}: `cargo build --release`, or pass --liutu")
    if subprocess.run(["dot", "-V"], capture_output=True).returncode != 0:
        sys.exit("needs Graphviz dot (Debian: apt-get install graphviz)")
    sizes = [int(s) for s in args.sizes.split(",")]
    gen = load_gen()
    with tempfile.TemporaryDirectory() as tmp:
        stems = write_graphs(gen, sizes, args.seeds, Path(tmp))
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = list(pool.map(lambda s: draw(args.liutu, s[2]), stems))
    print("| nodes | graphs | liutu: metrics / all | dot: metrics / all | fewer by metrics: liutu / dot / tie |")
    print("|---|---|---|---|---|")
    for n in sizes:
        rows = [c for (size, _, _), c in zip(stems, counts) if size == n]
        lm = sum(lc["metrics"] for lc, _ in rows)
        la = sum(lc["all"] for lc, _ in rows)
        dm = sum(dc["metrics"] for _, dc in rows)
        da = sum(dc["all"] for _, dc in rows)
        won = sum(lc["metrics"] < dc["metrics"] for lc, dc in rows)
        lost = sum(lc["metrics"] > dc["metrics"] for lc, dc in rows)
        print(f"| {n:,} | {len(rows)} | {lm:,} / {la:,} | {dm:,} / {da:,} | "
              f"{won} / {lost} / {len(rows) - won - lost} |")
    print()
    print("Per graph (metrics.py), liutu against dot:")
    for (n, k, _), (lc, dc) in zip(stems, counts):
        print(f"  {n:>5} nodes, seed +{k}: {lc['metrics']:>5} {dc['metrics']:>5}")


if __name__ == "__main__":
    main()
