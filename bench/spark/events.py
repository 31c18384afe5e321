#!/usr/bin/env python3
"""Helpers of bench/spark/throughput.sh: the input samples and the summary of Spark event logs.

  events.py generate --count N --points P --output DIR      uniform 2-D clouds in the unit square, CSV
  events.py generate --count N --image-size S --output DIR  S x S float32 .npy images: a smooth field
                                                            of 16 random bumps plus 5 % uniform noise
  events.py summarize --output DIR --executors "1 2"        DIR/throughput.tsv and a Markdown table
"""
import argparse
import glob
import json
import os
import random
import sys


def generate(args):
    os.makedirs(args.output, exist_ok=True)
    pattern = "image*.npy" if args.image_size else "cloud*.csv"
    if len(glob.glob(os.path.join(args.output, pattern))) == args.count:
        return
    if args.image_size:
        generate_images(args)
        return
    rng = random.Random(20261125)
    for i in range(args.count):
        rows = ("%.17g,%.17g" % (rng.random(), rng.random()) for _ in range(args.points))
        path = os.path.join(args.output, "cloud%05d.csv" % i)
        with open(path + ".tmp", "w") as f:
            f.write("\n".join(rows) + "\n")
        os.replace(path + ".tmp", path)


def generate_images(args):
    """Images between a smooth field (few critical points, cheap) and noise (one per pixel, the
    costliest): what natural photographs look like to a level-set filtration."""
    import numpy as np
    rng = np.random.default_rng(20261208)
    size = args.image_size
    y, x = np.mgrid[0:size, 0:size] / size
    for i in range(args.count):
        field = np.zeros((size, size))
        for _ in range(16):
            cy, cx, width, height = rng.random(), rng.random(), 0.05 + 0.2 * rng.random(), rng.normal()
            field += height * np.exp(-((y - cy) ** 2 + (x - cx) ** 2) / (2 * width ** 2))
        field = (field - field.min()) / (np.ptp(field) or 1.0) + 0.05 * rng.random((size, size))
        path = os.path.join(args.output, "image%05d.npy" % i)
        with open(path + ".tmp", "wb") as f:
            np.save(f, field.astype(np.float32))
        os.replace(path + ".tmp", path)


def run_figures(out, executors):
    """Wall, in-job and stage seconds, steady-state samples/s, the steady CPU milliseconds a sample and
    the seconds each executor's first task took beyond the steady pace (its warm-up) of one run."""
    with open(os.path.join(out, "events-%s" % executors, "wall")) as f:
        _, start, end = f.read().split()
    with open(os.path.join(out, "job-%s" % executors, "_summary.json")) as f:
        summary = json.load(f)
    apps = glob.glob(os.path.join(out, "events-%s" % executors, "eventlog_v2_*"))
    if len(apps) != 1:
        sys.exit("events.py: expected one event log in %s/events-%s, found %d" % (out, executors, len(apps)))
    lines = [line for part in sorted(glob.glob(os.path.join(apps[0], "events_*"))) for line in open(part)]
    tasks = []
    for line in lines:
        event = json.loads(line)
        if event["Event"] == "SparkListenerTaskEnd":
            info, metrics = event["Task Info"], event.get("Task Metrics", {})
            written = metrics.get("Output Metrics", {}).get("Records Written", 0)
            if written:  # the persistence stage writes the Parquet rows
                cpu_ms = metrics.get("Executor CPU Time", 0) / 1e6
                io = (metrics.get("Input Metrics", {}).get("Bytes Read", 0),
                      metrics.get("Output Metrics", {}).get("Bytes Written", 0))
                tasks.append((info["Launch Time"], info["Finish Time"], info["Executor ID"], written, cpu_ms) + io)
    tasks.sort()
    stage = (max(t[1] for t in tasks) - tasks[0][0]) / 1000
    first, steady = {}, []
    for task in tasks:  # each executor's first task pays class loading and JIT compilation
        if task[2] in first:
            steady.append(task)
        else:
            first[task[2]] = task
    nan = float("nan")
    steady_rate, cpu_ms, warmup = nan, nan, nan
    if steady:
        span = (max(t[1] for t in steady) - min(t[0] for t in steady)) / 1000
        samples = sum(t[3] for t in steady)
        steady_rate = samples / span
        cpu_ms = sum(t[4] for t in steady) / samples
        pace = sum(t[1] - t[0] for t in steady) / 1000 / samples  # seconds a sample, per executor
        warmup = sum((t[1] - t[0]) / 1000 - t[3] * pace for t in first.values()) / len(first)
    samples = sum(t[3] for t in tasks)
    return {"executors": int(executors), "samples": summary["samples"], "wall_s": float(end) - float(start),
            "job_s": summary["seconds"], "stage_s": stage, "steady_samples_per_s": steady_rate,
            "steady_cpu_ms_per_sample": cpu_ms, "warmup_s_per_executor": warmup, "tasks": len(tasks),
            "input_bytes_per_sample": sum(t[5] for t in tasks) / samples,
            "output_bytes_per_sample": sum(t[6] for t in tasks) / samples}


def summarize(args):
    runs = [run_figures(args.output, e) for e in args.executors.split()]
    columns = ["executors", "samples", "wall_s", "job_s", "stage_s", "steady_samples_per_s",
               "steady_cpu_ms_per_sample", "warmup_s_per_executor", "tasks", "input_bytes_per_sample",
               "output_bytes_per_sample"]
    with open(os.path.join(args.output, "throughput.tsv"), "w") as f:
        f.write("\t".join(columns) + "\n")
        for r in runs:
            f.write("\t".join(str(r[c]) for c in columns) + "\n")
    base = runs[0]
    print("| executors (1 core each) | wall | inside the job | persistence stage | steady state |"
          " CPU a sample (steady) | warm-up per executor |")
    print("|---|---|---|---|---|---|---|")
    for r in runs:
        def cell(key, unit, faster_if_smaller=True):
            ratio = base[key] / r[key] if faster_if_smaller else r[key] / base[key]
            return "%.1f %s (%.2f×)" % (r[key], unit, ratio)
        print("| %d | %s | %s | %s | %s | %.2f ms | %.1f s |" % (
            r["executors"], cell("wall_s", "s"), cell("job_s", "s"), cell("stage_s", "s"),
            cell("steady_samples_per_s", "samples/s", False), r["steady_cpu_ms_per_sample"],
            r["warmup_s_per_executor"]))


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    g = commands.add_parser("generate")
    g.add_argument("--count", type=int, required=True)
    kind = g.add_mutually_exclusive_group(required=True)
    kind.add_argument("--points", type=int)
    kind.add_argument("--image-size", type=int)
    g.add_argument("--output", required=True)
    s = commands.add_parser("summarize")
    s.add_argument("--output", required=True)
    s.add_argument("--executors", required=True)
    args = parser.parse_args()
    generate(args) if args.command == "generate" else summarize(args)


if __name__ == "__main__":
    main()
