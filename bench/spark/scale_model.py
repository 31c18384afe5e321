#!/usr/bin/env python3
"""A model of the persistence job's time on E executors, from figures measured on this machine.

  scale_model.py --measured DIR [DIR ...] [--samples N] [--executors "1 2 4 ... 64"]
                 [--read-bandwidth MB_PER_S] [--efficiency F]

Each DIR is the output of bench/spark/throughput.sh (its throughput.tsv: wall, in-job and stage
seconds, steady samples/s, warm-up per executor, tasks, input bytes a sample). The first row of the
first DIR (one executor) gives the parameters; with two DIRs of different sizes the times outside
the stage are fitted as a fixed part plus a part per sample (file listing, output commit), else they
are taken as fixed. The model:

  stage(E) = warm-up + ceil(tasks / E) x (samples a task x seconds a sample) / efficiency,
             and no less than N x input bytes a sample / read bandwidth (a shared store; off unless given)
  wall(E)  = stage(E) + outside(N)    outside = (wall - stage) of the 1-executor run, fitted on N

Tasks grow with the input (Spark packs files into tasks by bytes), so the target's tasks are its
samples over the measured samples a task. It first predicts every measured run from the
one-executor parameters (the check: measured against predicted), then prints the target's table.
Limits: executors are taken as one core each on machines of their own (efficiency 1; the 2-vCPU
machine measures 0.86-0.89 for two, its CPUs sharing a cache); the driver's own limits (task
scheduling beyond ~1 000 tasks a second, listing millions of files) are in the fitted outside part
only as far as the measured sizes show them; no stragglers, no failures.
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
    if not runs or runs[0]["executors"] != 1 or "tasks" not in runs[0]:
        sys.exit("scale_model.py: %s needs a first row of 1 executor with a tasks column; run it again with"
                 " the current bench/spark/throughput.sh --executors \"1 2\"" % path)
    return runs


class Model:
    def __init__(self, runs_by_size, efficiency, read_bandwidth):
        one = runs_by_size[0][0]
        self.warmup = one["warmup_s_per_executor"]
        self.pace = 1.0 / one["steady_samples_per_s"]  # seconds a sample on one executor core
        self.samples_per_task = one["samples"] / one["tasks"]
        self.input_bytes = one["input_bytes_per_sample"]
        self.efficiency = efficiency
        self.read_bandwidth = read_bandwidth
        outside = [(r[0]["samples"], r[0]["wall_s"] - r[0]["stage_s"]) for r in runs_by_size]
        if len(outside) >= 2 and outside[0][0] != outside[-1][0]:
            (n0, t0), (n1, t1) = outside[0], outside[-1]
            self.outside_per_sample = max(0.0, (t1 - t0) / (n1 - n0))
            self.outside_fixed = t0 - self.outside_per_sample * n0
        else:
            self.outside_per_sample, self.outside_fixed = 0.0, outside[0][1]

    def stage(self, samples, executors, efficiency=None):
        tasks = max(1, math.ceil(samples / self.samples_per_task))
        waves = math.ceil(tasks / executors)
        compute = self.warmup + waves * (samples / tasks) * self.pace / (efficiency or self.efficiency)
        if self.read_bandwidth:
            compute = max(compute, samples * self.input_bytes / (self.read_bandwidth * 1e6))
        return compute

    def wall(self, samples, executors, efficiency=None):
        return self.stage(samples, executors, efficiency) + self.outside_fixed + self.outside_per_sample * samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--measured", nargs="+", required=True)
    parser.add_argument("--samples", type=int, default=1_280_000)
    parser.add_argument("--executors", default="1 2 4 8 16 32 64")
    parser.add_argument("--read-bandwidth", type=float, default=0.0, help="MB/s of a shared store (0: no limit)")
    parser.add_argument("--efficiency", type=float, default=1.0)
    args = parser.parse_args()
    runs_by_size = [read_runs(folder) for folder in args.measured]
    model = Model(runs_by_size, args.efficiency, args.read_bandwidth)

    print("Parameters (from the 1-executor run of %s): warm-up %.1f s an executor, %.2f ms a sample, "
          "%.0f samples a task, %.0f input bytes a sample, outside the stage %.1f s + %.3f ms a sample"
          % (args.measured[0], model.warmup, 1e3 * model.pace, model.samples_per_task, model.input_bytes,
             model.outside_fixed, 1e3 * model.outside_per_sample))
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
    print()
    print("Predicted for %d samples (efficiency %.2f%s):" % (
        args.samples, args.efficiency,
        ", shared store at %.0f MB/s" % args.read_bandwidth if args.read_bandwidth else ", no shared-store limit"))
    print()
    print("| executors | stage | wall | speed-up (wall) | samples/s |")
    print("|---|---|---|---|---|")
    base = model.wall(args.samples, 1)
    for e in (int(x) for x in args.executors.split()):
        wall = model.wall(args.samples, e)
        print("| %d | %s | %s | %.1f× | %.0f |" % (e, duration(model.stage(args.samples, e)), duration(wall),
                                                   base / wall, args.samples / wall))


def duration(seconds):
    if seconds < 120:
        return "%.1f s" % seconds
    if seconds < 7200:
        return "%.1f min" % (seconds / 60)
    return "%.1f h" % (seconds / 3600)


if __name__ == "__main__":
    main()
