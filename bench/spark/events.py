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


def run_figures(out, executors, input_dir=None):
    """The figures of one run, from its event log and _summary.json. The job has two stages over the
    samples: the compute stage (persistence of each partition, saved to a partition file so that a
    killed driver's work can be resumed: "count at PartitionFiles") and the write stage (the partition
    files read back and written as Parquet). Wall, in-job and both stages' seconds, and the later
    stages' (counts, rejections) together; the compute stage's
    steady-state samples/s and CPU a sample (the tasks after each executor's first) and each
    executor's warm-up (how much longer its first task took than the steady pace gives); the write
    stage's CPU a sample; tasks; input bytes a sample (Spark's input metrics, else the input files'
    sizes: the job reads them itself) and the Parquet bytes written a sample."""
    with open(os.path.join(out, "events-%s" % executors, "wall")) as f:
        _, start, end = f.read().split()
    with open(os.path.join(out, "job-%s" % executors, "_summary.json")) as f:
        summary = json.load(f)
    apps = glob.glob(os.path.join(out, "events-%s" % executors, "eventlog_v2_*"))
    if len(apps) != 1:
        sys.exit("events.py: expected one event log in %s/events-%s, found %d" % (out, executors, len(apps)))
    names, by_stage = {}, {}
    for line in (line for part in sorted(glob.glob(os.path.join(apps[0], "events_*"))) for line in open(part)):
        event = json.loads(line)
        if event["Event"] == "SparkListenerStageSubmitted":
            names[event["Stage Info"]["Stage ID"]] = event["Stage Info"]["Stage Name"]
        elif event["Event"] == "SparkListenerTaskEnd":
            info, metrics = event["Task Info"], event.get("Task Metrics", {})
            by_stage.setdefault(event["Stage ID"], []).append({
                "launch": info["Launch Time"], "finish": info["Finish Time"], "executor": info["Executor ID"],
                "cpu_ms": metrics.get("Executor CPU Time", 0) / 1e6,
                "written": metrics.get("Output Metrics", {}).get("Records Written", 0),
                "bytes_read": metrics.get("Input Metrics", {}).get("Bytes Read", 0),
                "bytes_written": metrics.get("Output Metrics", {}).get("Bytes Written", 0)})
    write = next(t for s, t in sorted(by_stage.items()) if any(task["written"] for task in t))
    compute = next((t for s, t in sorted(by_stage.items()) if names.get(s, "").startswith("count at PartitionFiles")),
                   write)  # jobs without partition files compute while they write
    samples = summary["samples"]
    per_task = samples / len(compute)
    compute.sort(key=lambda task: task["launch"])
    first, steady = {}, []
    for task in compute:  # each executor's first task pays class loading and JIT compilation
        if task["executor"] in first:
            steady.append(task)
        else:
            first[task["executor"]] = task
    nan = float("nan")
    steady_rate, cpu_ms, warmup = nan, nan, nan
    if steady:
        span = (max(t["finish"] for t in steady) - min(t["launch"] for t in steady)) / 1000
        steady_rate = len(steady) * per_task / span
        cpu_ms = sum(t["cpu_ms"] for t in steady) / (len(steady) * per_task)
        pace = sum(t["finish"] - t["launch"] for t in steady) / 1000 / (len(steady) * per_task)
        warmup = sum((t["finish"] - t["launch"]) / 1000 - per_task * pace for t in first.values()) / len(first)
    duration = lambda tasks: (max(t["finish"] for t in tasks) - min(t["launch"] for t in tasks)) / 1000
    # the stages after the write (counting rejected samples and rows, writing the rejections)
    later = sum(duration(t) for t in by_stage.values() if t is not compute and t is not write)
    input_bytes = sum(t["bytes_read"] for t in compute)
    if not input_bytes and input_dir:
        input_bytes = sum(os.path.getsize(os.path.join(input_dir, f)) for f in os.listdir(input_dir))
    return {"executors": int(executors), "samples": samples, "wall_s": float(end) - float(start),
            "job_s": summary["seconds"], "stage_s": (max(t["finish"] for t in write) - compute[0]["launch"]) / 1000,
            "compute_stage_s": duration(compute), "write_stage_s": duration(write), "later_stages_s": later,
            "steady_samples_per_s": steady_rate, "steady_cpu_ms_per_sample": cpu_ms, "warmup_s_per_executor": warmup,
            "write_cpu_ms_per_sample": sum(t["cpu_ms"] for t in write) / samples, "tasks": len(compute),
            "input_bytes_per_sample": input_bytes / samples,
            "output_bytes_per_sample": sum(t["bytes_written"] for t in write) / samples}


def summarize(args):
    runs = [run_figures(args.output, e, args.input_dir) for e in args.executors.split()]
    columns = list(runs[0])
    with open(os.path.join(args.output, "throughput.tsv"), "w") as f:
        f.write("\t".join(columns) + "\n")
        for r in runs:
            f.write("\t".join(str(r[c]) for c in columns) + "\n")
    base = runs[0]
    print("| executors (1 core each) | wall | inside the job | compute + write stages | compute stage | write stage |"
          " steady state (compute) | CPU a sample: compute, write | warm-up per executor |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        def cell(key, unit, faster_if_smaller=True):
            ratio = base[key] / r[key] if faster_if_smaller else r[key] / base[key]
            return "%.1f %s (%.2f×)" % (r[key], unit, ratio)
        print("| %d | %s | %s | %s | %s | %s | %s | %.2f ms, %.2f ms | %.1f s |" % (
            r["executors"], cell("wall_s", "s"), cell("job_s", "s"), cell("stage_s", "s"),
            cell("compute_stage_s", "s"), cell("write_stage_s", "s"),
            cell("steady_samples_per_s", "samples/s", False), r["steady_cpu_ms_per_sample"],
            r["write_cpu_ms_per_sample"], r["warmup_s_per_executor"]))


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
    s.add_argument("--input-dir", help="the input files, for their size when Spark's input metrics have none")
    args = parser.parse_args()
    generate(args) if args.command == "generate" else summarize(args)


if __name__ == "__main__":
    main()
