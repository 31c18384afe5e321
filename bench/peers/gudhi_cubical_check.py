#!/usr/bin/python3
"""GUDHI's cubical complex (pixels or voxels as top cells) on random images and volumes with ties,
for comparison with topolayer's --filtration cubical.

Uses only Debian's python3 with python3-gudhi (3.7.1) and python3-numpy; no downloads.

  gudhi_cubical_check.py cases --output FILE [--images N] [--volumes N] [--seed S]
      writes one line per case: name, sublevel|superlevel, shape (AxB[xC]), the values and
      GUDHI's bars (dim:birth:death, comma-separated, zero-length bars dropped), tab-separated;
      values are small integers (ties everywhere) or floats, exact as repr() prints them.
      CubicalGudhiTest (engine/core) reads this file and compares bar for bar.
  gudhi_cubical_check.py figure --topo BIN --output PNG [--seed S]
      one random image (64x64, ties) and one volume (16^3, ties), diagrams from `BIN diagram
      --filtration cubical` and from GUDHI drawn over each other, with the count of differing bars.

Superlevel diagrams are GUDHI's of the negated input, negated back (births >= deaths, essential
bars die at -inf), as topolayer reports them.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np


def gudhi_bars(values, superlevel, maxdim):
    import gudhi
    sign = -1.0 if superlevel else 1.0
    cc = gudhi.CubicalComplex(top_dimensional_cells=sign * values)
    cc.compute_persistence(homology_coeff_field=2)
    bars = []
    for d in range(maxdim + 1):
        for b, e in cc.persistence_intervals_in_dimension(d):
            if b != e:
                bars.append((d, sign * float(b) + 0.0, sign * float(e) + 0.0))
    return sorted(bars)


def random_input(rng, shape):
    if rng.random() < 0.7:
        return rng.integers(0, 1 + rng.integers(1, 6), size=shape).astype(np.float64)
    return np.round(rng.random(shape), 2)


def fmt(x):
    return "inf" if x == float("inf") else "-inf" if x == float("-inf") else repr(x)


def cases(out, images, volumes, seed):
    rng = np.random.default_rng(seed)
    lines = []
    shapes = [tuple(int(s) for s in rng.integers(1, 13, size=2)) for _ in range(images)]
    shapes += [tuple(int(s) for s in rng.integers(2, 7, size=3)) for _ in range(volumes)]
    for k, shape in enumerate(shapes):
        values = random_input(rng, shape)
        for level in ("sublevel", "superlevel"):
            bars = gudhi_bars(values, level == "superlevel", len(shape) - 1)
            lines.append("\t".join(["case%d" % k, level, "x".join(map(str, shape)),
                                    " ".join(repr(float(v)) for v in values.ravel()),
                                    ",".join("%d:%s:%s" % (d, fmt(b), fmt(e)) for d, b, e in bars)]))
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, out)


def topo_bars(topo, values, maxdim):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "input.npy")
        np.save(path, values)
        text = subprocess.run([topo, "diagram", "--filtration", "cubical", "--input", path, "--maxdim", str(maxdim)],
                              check=True, capture_output=True, text=True).stdout
    bars = []
    for line in text.splitlines():
        d, b, e = line.split("\t")
        bars.append((int(d), float(b), float(e)))
    return sorted(bars)


def figure(topo, out, seed):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    rng = np.random.default_rng(seed)
    inputs = [("image 64x64", rng.integers(0, 32, size=(64, 64)).astype(np.float64) / 32),
              ("volume 16x16x16", rng.integers(0, 32, size=(16, 16, 16)).astype(np.float64) / 32)]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.8))
    for ax, (name, values) in zip(axes, inputs):
        maxdim = values.ndim - 1
        ours, theirs = topo_bars(topo, values, maxdim), gudhi_bars(values, False, maxdim)
        differing = len(set(ours) ^ set(theirs)) if sorted(ours) != sorted(theirs) else 0
        top = 1.1
        for d, colour in zip(range(maxdim + 1), ("tab:blue", "tab:orange", "tab:green")):
            g = [(b, min(e, top)) for dd, b, e in theirs if dd == d]
            o = [(b, min(e, top)) for dd, b, e in ours if dd == d]
            if g:
                ax.scatter(*zip(*g), s=60, facecolors="none", edgecolors=colour, label="GUDHI H%d (%d)" % (d, len(g)))
            if o:
                ax.scatter(*zip(*o), s=12, marker="x", color=colour, label="topolayer H%d (%d)" % (d, len(o)))
        ax.plot([0, top], [0, top], color="grey", lw=0.8)
        ax.axhline(top, color="grey", lw=0.5, ls=":")
        ax.set_title("%s, 32 grey levels (ties): %s" % (name, "identical" if differing == 0 else
                                                          "%d bars differ" % differing), fontsize=10)
        ax.set_xlabel("birth")
        ax.set_ylabel("death (essential at the dotted line)")
        ax.legend(fontsize=7, loc="lower right")
    fig.suptitle("Cubical persistence, sublevel: topolayer (x) over GUDHI 3.7.1 (o)")
    fig.tight_layout()
    tmp = out + ".tmp.png"
    fig.savefig(tmp, dpi=110)
    os.replace(tmp, out)
    print("gudhi_cubical_check: wrote %s" % out, file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["cases", "figure"])
    ap.add_argument("--output", required=True)
    ap.add_argument("--images", type=int, default=300)
    ap.add_argument("--volumes", type=int, default=150)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--topo", help="the topo launcher (figure only), e.g. bin/topo")
    a = ap.parse_args()
    if a.mode == "cases":
        cases(a.output, a.images, a.volumes, a.seed)
    else:
        if not a.topo:
            ap.error("figure needs --topo")
        figure(a.topo, a.output, a.seed)


if __name__ == "__main__":
    main()
