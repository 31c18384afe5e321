#!/usr/bin/env python3
"""A model of the persistence job's time on E executors, from figures measured on this machine.

  scale_model.py --measured DIR [DIR ...] [--samples N] [--executors "1 2 4 ... 64"]
                 [--read-bandwidth MB_PER_S] [--efficiency F]

Each DIR is the output of bench/spark/throughput.sh (its throughput.tsv, from Spark's event log:
wall, in-job and stage seconds, the compute stage's steady samples/s and each executor's warm-up,
the write stage's seconds, tasks, input and output bytes a sample). The one-executor row of the
first DIR gives the parameters; with a second DIR of another size the time outside the stages
(JVM and driver start, listing the input, the summary, the commit) is fitted as a fixed part plus a
part per sample, else it is taken as fixed. The model, for N samples on E one-core executors:

  stage(E) = warm-up + ceil(tasks / E) x samples a task x (compute + write seconds a sample) / efficiency,
             and no less than N x (input + output bytes a sample) / bandwidth of a shared store (if given)
  wall(E)  = stage(E) + outside(N)

The job's tasks are slices of its input, so the target's tasks are its samples over the measured
samples a task. It first predicts every measured run from those parameters (with each run's own
measured efficiency: its steady speed-up over its executor count; with two sizes the one-executor runs
are fitted exactly, so the two-executor runs are the check), then prints the target's table.
Limits: executors are one core each on machines of their own (efficiency 1 unless given; the
2-vCPU machine measures 0.9-1.0 for two, its CPUs sharing a cache); the driver's costs per sample
(listing files, scheduling tasks) are in the fitted outside part only as far as the measured sizes
show them, and a driver handling 1.28 M files or thousands of tasks may do worse; no stragglers,
no failures, the same images as the measured ones (a field of bumps plus noise: see events.py).
"""
import argparse
import csv
import math
import os
import sys


def read_runs(folder):
    path = os.path.join(folder, "throughput.tsv")
    try:
        with open(path) as f:
            runs = [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f, delimiter="\t")]
    except OSError as e:
        sys.exit("scale_model.py: cannot read %s (%s); run bench/spark/throughput.sh --output %s first"
                 % (path, e.strerror, folder))
    if not runs or runs[0]["executors"] != 1 or "later_stages_s" not in runs[0]:
        sys.exit("scale_model.py: %s needs a first row of 1 executor with a tasks column; run it again with"
                 " the current bench/spark/throughput.sh --executors \"1 2\"" % path)
    return runs


def fit(points):
    """(fixed, per sample) of a line through the first and last (samples, seconds); per sample >= 0."""
    (n0, t0), (n1, t1) = points[0], points[-1]
    slope = max(0.0, (t1 - t0) / (n1 - n0))
    return t0 - slope * n0, slope


class Model:
    def __init__(self, runs_by_size, efficiency, read_bandwidth):
        ones = [runs[0] for runs in runs_by_size]
        one = ones[0]
        self.samples_per_task = one["samples"] / one["tasks"]
        self.bytes = one["input_bytes_per_sample"] + one["output_bytes_per_sample"]
        self.efficiency = efficiency
        self.read_bandwidth = read_bandwidth
        outside = [(r["samples"], r["wall_s"] - r["compute_stage_s"] - r["write_stage_s"] - r["later_stages_s"])
                   for r in ones]
        if len(ones) >= 2 and ones[0]["samples"] != ones[-1]["samples"]:
            # each stage: a fixed part (an executor's warm-up, the stage's start) and a part per sample
            self.stages = [fit([(r["samples"], r[key]) for r in ones])
                           for key in ("compute_stage_s", "write_stage_s", "later_stages_s")]
            self.outside = fit(outside)
        else:
            self.stages = [(one["warmup_s_per_executor"], 1.0 / one["steady_samples_per_s"]),
                           (0.0, one["write_stage_s"] / one["samples"]), (one["later_stages_s"], 0.0)]
            self.outside = (outside[0][1], 0.0)

    def stage(self, samples, executors, efficiency=None):
        tasks = max(1, math.ceil(samples / self.samples_per_task))
        per_executor = math.ceil(tasks / executors) * samples / tasks
        seconds = sum(fixed + per_executor * per_sample / (efficiency or self.efficiency)
                      for fixed, per_sample in self.stages)
        if self.read_bandwidth:
            seconds = max(seconds, samples * self.bytes / (self.read_bandwidth * 1e6))
        return seconds

    def wall(self, samples, executors, efficiency=None):
        return self.stage(samples, executors, efficiency) + self.outside[0] + self.outside[1] * samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--measured", nargs="+", required=True)
    parser.add_argument("--samples", type=int, default=1_280_000)
    parser.add_argument("--executors", default="1 2 4 8 16 32 64")
    parser.add_argument("--read-bandwidth", type=float, default=0.0,
                        help="MB/s that a shared store reads and writes (0: no limit)")
    parser.add_argument("--efficiency", type=float, default=1.0)
    args = parser.parse_args()
    runs_by_size = [read_runs(folder) for folder in args.measured]
    model = Model(runs_by_size, args.efficiency, args.read_bandwidth)

    print("Parameters (from the 1-executor runs of %s), each a fixed part + a part a sample: compute stage "
          "%.1f s + %.2f ms, write stage %.1f s + %.2f ms, later stages %.1f s + %.2f ms, outside the stages "
          "(driver) %.1f s + %.3f ms; %.0f samples a task, %.0f bytes read and written a sample"
          % ((" and ".join(args.measured),) + sum(((f, 1e3 * p) for f, p in model.stages), ())
             + (model.outside[0], 1e3 * model.outside[1], model.samples_per_task, model.bytes)))
    print()
    print("Check against the measured runs (efficiency: the measured steady speed-up over executors):")
    print()
    print("| run | executors | stage measured | stage predicted | wall measured | wall predicted |")
    print("|---|---|---|---|---|---|")
    for folder, runs in zip(args.measured, runs_by_size):
        one = runs[0]
        for r in runs:
            measured_efficiency = r["steady_samples_per_s"] / (one["steady_samples_per_s"] * r["executors"])
            stage = model.stage(r["samples"], int(r["executors"]), measured_efficiency)
            wall = model.wall(r["samples"], int(r["executors"]), measured_efficiency)
            print("| %s, %d samples | %d (efficiency %.2f) | %.1f s | %.1f s (%+.0f %%) | %.1f s | %.1f s (%+.0f %%) |" % (
                os.path.basename(os.path.normpath(folder)), r["samples"], r["executors"], measured_efficiency,
                r["stage_s"], stage, 100 * (stage / r["stage_s"] - 1), r["wall_s"], wall, 100 * (wall / r["wall_s"] - 1)))
    for driver_per_sample in (True, False):
        print()
        print("Predicted for %d samples (efficiency %.2f, %s, %s):" % (
            args.samples, args.efficiency,
            "shared store at %.0f MB/s" % args.read_bandwidth if args.read_bandwidth else "no shared-store limit",
            "the driver's time outside the stages growing %.3f ms a sample, as fitted" % (1e3 * model.outside[1])
            if driver_per_sample else "the driver's time outside the stages held at its fixed part"))
        print()
        print("| executors | stage | wall | speed-up (wall) | samples/s |")
        print("|---|---|---|---|---|")
        saved = model.outside
        if not driver_per_sample:
            model.outside = (saved[0], 0.0)
        base = model.wall(args.samples, 1)
        for e in (int(x) for x in args.executors.split()):
            wall = model.wall(args.samples, e)
            print("| %d | %s | %s | %.1f× | %.0f |" % (e, duration(model.stage(args.samples, e)), duration(wall),
                                                       base / wall, args.samples / wall))
        model.outside = saved


def duration(seconds):
    if seconds < 120:
        return "%.1f s" % seconds
    if seconds < 7200:
        return "%.1f min" % (seconds / 60)
    return "%.1f h" % (seconds / 3600)


if __name__ == "__main__":
    main()
