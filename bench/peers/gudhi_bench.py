#!/usr/bin/python3
"""GUDHI side of the side-by-side benchmark (bin/topo-peers).

Uses only Debian's python3 with python3-gudhi (3.7.1) and python3-numpy.

  gudhi_bench.py generate --output DIR [--quick] [--shared DIR] [--only KINDS]
      writes the inputs (seeded .npy files) and DIR/cases.tsv, the manifest both drivers read;
      --only rips,alpha_weak,alpha_exact,levelset,cubical keeps those kinds (--shared: rips only)
  gudhi_bench.py run --output DIR [--timeout S] [--budget S]
      runs every case in a fresh child process (so each case's peak memory is its own), writes
      DIR/gudhi/CASE.tsv (diagrams, the topo TSV format) and DIR/gudhi/results.tsv
  gudhi_bench.py case --output DIR --case NAME --budget S
      (internal) one case, result as one JSON line on stdout
  gudhi_bench.py golden --output DIR
      small seeded inputs with ties and duplicates (text files) and GUDHI's diagrams of each
      (NAME.gudhi.tsv), with DIR/cases.tsv: the golden diagrams the engine's build checks
      (engine/cli/src/test/resources/golden, GoldenDiagramsTest)

Timing: time.process_time() (CPU of the whole process, all threads) and wall time around the
whole computation from the loaded input array to the computed diagrams: building the complex
(including any numpy work to build it) and compute_persistence. Median over the runs made within
the budget (at least one). Memory: peak resident set size of the child process
(resource.getrusage(RUSAGE_SELF).ru_maxrss) minus its resident size just before the first run,
i.e. the extra memory the case needed beyond the interpreter, the modules and the input.
Coefficients Z/2 (homology_coeff_field=2) as in topolayer; zero-length bars are dropped
(GUDHI's default min_persistence=0 keeps only bars of positive length).
"""
import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time

import numpy as np

MANIFEST_COLUMNS = ["case", "kind", "family", "size", "input", "maxdim", "threshold",
                    "tl_ref", "ripser_ref", "gudhi_ref"]


# ---------------------------------------------------------------- inputs and manifest

def generate(out, quick, shared, only=None):
    """only: the kinds to keep (rips, alpha_weak, alpha_exact, levelset, cubical), None for all."""
    inputs = os.path.join(out, "inputs")
    os.makedirs(inputs, exist_ok=True)
    rows = []

    def want(*kinds):
        return only is None or any(k in only for k in kinds)

    def row(case, kind, family, size, path, maxdim, threshold="inf", tl="-", ripser="-", gudhi="-"):
        rows.append([case, kind, family, str(size), path, str(maxdim), threshold, tl, ripser, gudhi])

    def uniform2d(n, seed):
        path = os.path.join(inputs, "unif2d_n%d.npy" % n)
        if not os.path.exists(path):
            np.save(path, np.random.default_rng(seed).random((n, 2)))
        return path

    def image(side, seed):
        path = os.path.join(inputs, "noise_%dx%d.npy" % (side, side))
        if not os.path.exists(path):
            np.save(path, np.random.default_rng(seed).random((side, side)))
        return path

    def volume(side, seed):
        path = os.path.join(inputs, "noise_%dx%dx%d.npy" % (side, side, side))
        if not os.path.exists(path):
            np.save(path, np.random.default_rng(seed).random((side, side, side)))
        return path

    # Rips: uniform 2-D clouds (the scaling series), H1
    tl_rips = {100: "4.5 s (fwd+bwd)", 200: "128 s (fwd+bwd)"}
    for n in ([100, 200, 500, 1000] if quick else [100, 200, 500, 1000, 2000]) if want("rips") else []:
        row("rips_unif2d_n%d_d1" % n, "rips", "rips (uniform 2-D, H1)", n, uniform2d(n, 1000 + n), 1,
            tl=tl_rips.get(n, "-"), ripser="1.2-1.4 s" if n == 2000 else "-")
    # Rips: the shared benchmark clouds (Ripser's reference times)
    shared_cases = [("unif2d_2000.txt", 1, "inf", "1.2-1.4 s"),
                    ("sphere_3_192_points.dat", 2, "inf", "0.80 s"),
                    ("o3_1024.txt", 3, "1.8", "2.0 s"),
                    ("torus3d_1000.txt", 2, "1.2", "0.39 s")]
    if quick:
        shared_cases = [c for c in shared_cases if c[0] == "torus3d_1000.txt"]
    if not want("rips"):
        shared_cases = []
    for name, dim, thr, ref in shared_cases:
        path = os.path.join(shared, name)
        if not os.path.exists(path):
            print("gudhi_bench: %s not found, case skipped" % path, file=sys.stderr)
            continue
        base = name.rsplit(".", 1)[0].replace("_points", "")
        copy = os.path.join(inputs, base + ".npy")  # the same doubles for both drivers, one reader
        if not os.path.exists(copy):
            np.save(copy, np.loadtxt(path, ndmin=2))
        n = len(np.load(copy))
        row("rips_%s_d%d%s" % (base, dim, "" if thr == "inf" else "_t" + thr), "rips", "rips (shared clouds)",
            n, copy, dim, thr, ripser=ref)
    # sparse Rips: large uniform 2-D clouds with a threshold (about 1.1 M and 5 M edges), H0+H1
    sparse_cases = [(100000, "0.008")] if quick else [(100000, "0.008"), (1000000, "0.00178")]
    sparse_cases = sparse_cases if want("rips") else []
    for n, thr in sparse_cases:
        row("rips_sparse_unif2d_n%d_t%s" % (n, thr), "rips", "sparse rips (uniform 2-D, threshold, H1)", n,
            uniform2d(n, 4000 + n), 1, thr)
    # alpha, weak and exact, uniform 2-D points
    sizes = [5000, 10000, 30000] if quick else [5000, 10000, 30000, 100000]
    for n in sizes if want("alpha_weak") else []:
        row("alpha_weak_n%d" % n, "alpha_weak", "weak alpha (2-D)", n, uniform2d(n, 2000 + n), 1,
            tl="0.76 s (fwd+bwd)" if n == 5000 else "-")
    for n in sizes if want("alpha_exact") else []:
        row("alpha_exact_n%d" % n, "alpha_exact", "alpha (2-D)", n, uniform2d(n, 2000 + n), 1,
            gudhi={10000: "0.34 s", 100000: "5.0 s"}.get(n, "-"))
    # lower-star (Freudenthal) on uniform-noise images
    sides = [28, 64, 256] if quick else [28, 64, 256, 512, 1024]
    for s in sides if want("levelset") else []:
        row("levelset_%dx%d" % (s, s), "levelset", "lower-star image (Freudenthal)", s * s, image(s, 3000 + s), 1,
            tl={28: "5.9 ms (fwd+bwd)", 256: "1.36 s (fwd+bwd)"}.get(s, "-"),
            gudhi="25.8 s" if s == 1024 else "-")
    # cubical complexes, pixels (voxels) as top cells: uniform-noise images (the level-set cases' inputs)
    # and volumes, H0 up to the top dimension
    for s in ([256] if quick else [256, 512, 1024]) if want("cubical") else []:
        row("cubical_%dx%d" % (s, s), "cubical", "cubical image (pixels as top cells)", s * s, image(s, 3000 + s), 1)
    for s in ([32] if quick else [32, 64]) if want("cubical") else []:
        row("cubical_%dx%dx%d" % (s, s, s), "cubical", "cubical volume (voxels as top cells)", s ** 3,
            volume(s, 5000 + s), 2)
    with open(os.path.join(out, "cases.tsv"), "w") as f:
        f.write("\t".join(MANIFEST_COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("gudhi_bench: %d cases, inputs in %s" % (len(rows), inputs), file=sys.stderr)


def read_manifest(out):
    with open(os.path.join(out, "cases.tsv")) as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def load(path):
    return np.load(path) if path.endswith(".npy") else np.loadtxt(path, ndmin=2)


# ---------------------------------------------------------------- the computations

def rips(points, maxdim, threshold):
    """Rips as GUDHI recommends it for speed: edges only, edge collapse (Glisse-Pritam, keeps the
    diagrams), then expansion. The edge length is capped at the enclosing radius (min over points
    of the largest distance; beyond it the complex is a cone, so no bar lives past it), the same
    shortcut Ripser and topolayer take; for large clouds with a threshold (the sparse cases) the
    n x n distances are not formed and the cap is the threshold, as topolayer's sparse path does."""
    import gudhi
    if len(points) > 20000 and threshold != float("inf"):
        cap = threshold
    else:
        sq = np.einsum("ij,ij->i", points, points)
        d2 = np.maximum(sq[:, None] + sq[None, :] - 2.0 * points @ points.T, 0.0)
        enclosing = float(np.sqrt(d2.max(axis=1).min()))
        del d2
        cap = min(threshold, enclosing)
    st = gudhi.RipsComplex(points=points, max_edge_length=cap).create_simplex_tree(max_dimension=1)
    for _ in range(100):
        before = st.num_simplices()
        st.collapse_edges(nb_iterations=1)
        if st.num_simplices() == before:
            break
    st.expansion(maxdim + 1)
    st.compute_persistence(homology_coeff_field=2, persistence_dim_max=False)
    return st


def alpha_exact(points):
    import gudhi
    st = gudhi.AlphaComplex(points=points).create_simplex_tree()
    st.compute_persistence(homology_coeff_field=2, persistence_dim_max=False)
    return st


def alpha_weak(points):
    """GUDHI 3.7 has no weak alpha (DelaunayComplex arrived later): take the Delaunay simplices of
    AlphaComplex without values, value each by its longest edge, rebuild with insert_batch."""
    import gudhi
    delaunay = gudhi.AlphaComplex(points=points).create_simplex_tree(default_filtration_value=True)
    edges, triangles = [], []
    for simplex, _ in delaunay.get_skeleton(2):
        if len(simplex) == 2:
            edges.append(simplex)
        elif len(simplex) == 3:
            triangles.append(simplex)
    del delaunay
    edges = np.array(edges, dtype=np.int64).reshape(-1, 2)
    triangles = np.array(triangles, dtype=np.int64).reshape(-1, 3)

    def length(a, b):
        return np.sqrt(((points[a] - points[b]) ** 2).sum(axis=1))

    st = gudhi.SimplexTree()
    st.insert_batch(np.arange(len(points))[None, :], np.zeros(len(points)))
    st.insert_batch(edges.T, length(edges[:, 0], edges[:, 1]))
    t = triangles
    st.insert_batch(t.T, np.maximum(np.maximum(length(t[:, 0], t[:, 1]), length(t[:, 1], t[:, 2])),
                                    length(t[:, 0], t[:, 2])))
    st.compute_persistence(homology_coeff_field=2, persistence_dim_max=False)
    return st


def levelset(image):
    """The Freudenthal triangulation of docs/design.md §2 in a SimplexTree, lower-star values:
    vertices, then edges, then triangles, each inserted at the max of its vertices."""
    import gudhi
    h, w = image.shape
    idx = np.arange(h * w, dtype=np.int64).reshape(h, w)
    v = image.ravel().astype(np.float64)
    st = gudhi.SimplexTree()
    st.insert_batch(idx.reshape(1, -1), v)
    for a, b in ((idx[:, :-1], idx[:, 1:]), (idx[:-1, :], idx[1:, :]), (idx[:-1, :-1], idx[1:, 1:])):
        a, b = a.ravel(), b.ravel()
        st.insert_batch(np.stack([a, b]), np.maximum(v[a], v[b]))
    for a, b, c in ((idx[:-1, :-1], idx[:-1, 1:], idx[1:, 1:]), (idx[:-1, :-1], idx[1:, :-1], idx[1:, 1:])):
        a, b, c = a.ravel(), b.ravel(), c.ravel()
        st.insert_batch(np.stack([a, b, c]), np.maximum(np.maximum(v[a], v[b]), v[c]))
    st.compute_persistence(homology_coeff_field=2, persistence_dim_max=False)
    return st


def cubical(image):
    """GUDHI's cubical complex with the pixels (voxels) as top cells, topolayer's --filtration cubical
    (not the Freudenthal level sets: pixels sharing a corner are connected)."""
    import gudhi
    cc = gudhi.CubicalComplex(top_dimensional_cells=image)
    cc.compute_persistence(homology_coeff_field=2)
    return cc


def compute(case, data):
    kind, maxdim = case["kind"], int(case["maxdim"])
    if kind == "rips":
        return rips(data, maxdim, float(case["threshold"]))
    if kind == "alpha_exact":
        return alpha_exact(data)
    if kind == "alpha_weak":
        return alpha_weak(data)
    if kind == "levelset":
        return levelset(data)
    if kind == "cubical":
        return cubical(data)
    raise ValueError("unknown kind " + kind)


def golden(out):
    """Small inputs with ties (integer-valued images, points on a grid, a duplicated point) and
    GUDHI's diagrams of each, written as text so that a test reads them without numpy."""
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(2026)
    cases = []

    def save(name, array, kind, maxdim, threshold="inf"):
        path = os.path.join(out, name + ".txt")
        np.savetxt(path, array, fmt="%.17g", delimiter=" ")
        data = np.loadtxt(path, ndmin=2)  # exactly what the engine will read
        case = {"kind": kind, "maxdim": maxdim, "threshold": threshold}
        write_diagrams(compute(case, data), maxdim, os.path.join(out, name + ".gudhi.tsv"))
        cases.append([name, kind, name + ".txt", str(maxdim), threshold])

    for i in range(3):
        save("levelset_ties_%d" % i, rng.integers(0, 4, size=(9 + i, 7)).astype(float), "levelset", 1)
    save("levelset_real", rng.random((12, 11)), "levelset", 1)
    grid = np.array([[x, y] for x in range(5) for y in range(4)], dtype=float)  # equal distances everywhere
    save("rips_grid", grid, "rips", 2)
    cloud = rng.random((30, 2))
    cloud[7] = cloud[3]  # a duplicated point
    save("rips_cloud", cloud, "rips", 2)
    save("rips_cloud_threshold", cloud, "rips", 1, "0.3")
    save("rips_3d", rng.random((24, 3)), "rips", 2)
    save("alpha_exact_cloud", rng.random((40, 2)), "alpha_exact", 1)
    save("alpha_weak_cloud", rng.random((40, 2)), "alpha_weak", 1)
    # cubical complexes (pixels/voxels as top cells), with a generator of their own so the cases
    # above keep their inputs; the volume goes through .npy (text holds 2-D arrays only)
    cubical_rng = np.random.default_rng(2027)
    save("cubical_ties", cubical_rng.integers(0, 4, size=(9, 7)).astype(float), "cubical", 1)
    save("cubical_real", cubical_rng.random((12, 11)), "cubical", 1)
    volume = cubical_rng.integers(0, 4, size=(5, 4, 6)).astype(float)
    np.save(os.path.join(out, "cubical_volume_ties.npy"), volume)
    write_diagrams(cubical(volume), 2, os.path.join(out, "cubical_volume_ties.gudhi.tsv"))
    cases.append(["cubical_volume_ties", "cubical", "cubical_volume_ties.npy", "2", "inf"])
    with open(os.path.join(out, "cases.tsv"), "w") as f:
        f.write("case\tkind\tinput\tmaxdim\tthreshold\n")
        for c in cases:
            f.write("\t".join(c) + "\n")


def write_diagrams(result, maxdim, path):
    lines = []
    for dim in range(maxdim + 1):
        bars = result.persistence_intervals_in_dimension(dim)
        for b, d in sorted((float(b), float(d)) for b, d in np.asarray(bars).reshape(-1, 2)):
            if d == b:
                continue
            lines.append("%d\t%s\t%s\n" % (dim, repr(b), "inf" if d == float("inf") else repr(d)))
    with open(path + ".part", "w") as f:
        f.writelines(lines)
    os.replace(path + ".part", path)


def rss_now_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def run_case(out, name, budget):
    case = next(c for c in read_manifest(out) if c["case"] == name)
    data = load(case["input"])
    import gudhi  # noqa: F401  (imported before the baseline)
    before = rss_now_kb()
    cpu, wall = [], []
    result = None
    while True:
        result = None
        c0, w0 = time.process_time(), time.perf_counter()
        result = compute(case, data)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
        if len(cpu) >= 5 or sum(cpu) + cpu[-1] > budget:  # CPU budget: machine load does not change the runs
            break
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    os.makedirs(os.path.join(out, "gudhi"), exist_ok=True)
    write_diagrams(result, int(case["maxdim"]), os.path.join(out, "gudhi", name + ".tsv"))
    print(json.dumps({"case": name, "status": "ok", "runs": len(cpu), "cpu_s": statistics.median(cpu),
                      "wall_s": statistics.median(wall), "cold_cpu_s": cpu[0],
                      "peak_mb": (peak - before) / 1024.0, "rss_mb": peak / 1024.0}))


def run_all(out, timeout, budget, memory_gb):
    import gudhi
    cases = read_manifest(out)
    os.makedirs(os.path.join(out, "gudhi"), exist_ok=True)
    results = []
    print("gudhi_bench: GUDHI %s, numpy %s, python %s; timeout %g s per case" % (
        gudhi.__version__, np.__version__, sys.version.split()[0], timeout), file=sys.stderr)

    def limit():
        # memory cap, and the time limit in CPU seconds (SIGXCPU), so machine load does not decide it
        cap = int(memory_gb * 2 ** 30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        resource.setrlimit(resource.RLIMIT_CPU, (int(timeout), int(timeout) + 5))

    for case in cases:
        name = case["case"]
        t0 = time.perf_counter()
        try:
            p = subprocess.run([sys.executable, os.path.abspath(__file__), "case", "--output", out, "--case", name,
                                "--budget", str(budget)], capture_output=True, text=True,
                               preexec_fn=limit, timeout=10 * timeout)
            lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
            if p.returncode == 0 and lines:
                r = json.loads(lines[-1])
            else:
                err = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
                if p.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
                    r = {"case": name, "status": "timeout > %g s CPU" % timeout}
                else:
                    if "MemoryError" in p.stderr or "bad_alloc" in p.stderr:
                        err = "out of memory (> %g GB)" % memory_gb
                    r = {"case": name, "status": "failed: " + err[:120]}
        except subprocess.TimeoutExpired:
            r = {"case": name, "status": "timeout > %g s wall" % (10 * timeout)}
        results.append(r)
        print("gudhi_bench: %-32s %-10s %s (%.1f s)" % (
            name, r["status"], "%.4g s CPU" % r["cpu_s"] if "cpu_s" in r else "", time.perf_counter() - t0),
            file=sys.stderr)
    with open(os.path.join(out, "gudhi", "results.tsv"), "w") as f:
        f.write("case\tstatus\truns\tcpu_s\twall_s\tcold_cpu_s\tpeak_mb\n")
        for r in results:
            f.write("\t".join([r["case"], r["status"]] + [str(r.get(k, "")) for k in
                                                           ("runs", "cpu_s", "wall_s", "cold_cpu_s", "peak_mb")]) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["generate", "run", "case", "golden"])
    ap.add_argument("--output", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--shared", help="Ripser's benchmark clouds (generate only)")
    ap.add_argument("--case")
    ap.add_argument("--only", help="generate only: comma-separated kinds to keep"
                    " (rips, alpha_weak, alpha_exact, levelset, cubical)")
    ap.add_argument("--timeout", type=float, default=300.0, help="CPU seconds per case (wall limit: 10 times that)")
    ap.add_argument("--budget", type=float, default=3.0, help="seconds of repeated runs per case (at least one run)")
    ap.add_argument("--memory-gb", type=float, default=6.0)
    a = ap.parse_args()
    if a.mode == "generate":
        only = a.only.split(",") if a.only else None
        if not a.shared and (only is None or "rips" in only):
            ap.error("generate needs --shared DIR: the folder with Ripser's benchmark clouds")
        generate(a.output, a.quick, a.shared, only)
    elif a.mode == "golden":
        golden(a.output)
    elif a.mode == "run":
        run_all(a.output, a.timeout, a.budget, a.memory_gb)
    else:
        run_case(a.output, a.case, a.budget)


if __name__ == "__main__":
    main()
