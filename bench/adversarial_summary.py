#!/usr/bin/env python3
"""Assembles results/adversarial-training from `bin/topo-submit adversarial` outputs.

    bench/adversarial_summary.py --run DATASET/MODEL OUTPUT_DIR "COMMAND" [--run ...]

For every run: copies its _summary.json, the four jobs' _summary.json files (baseline,
attack-before, adversarial, attack-after) and its own figure into
results/adversarial-training/DATASET-MODEL/; writes results/adversarial-training/summary.json with
`runs` keyed "DATASET/MODEL", each the run's _summary.json plus `dataset` and `command` (the command
line, OUT standing for its --output-dir); draws accuracy_vs_eps.png over all runs with
org.topolayer.spark.AdversarialFigure (classpath: spark-jobs/target, built by bin/topo-submit; or
$TOPO_FIGURE_CP); prints the Markdown rows of the README and docs tables.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "results", "adversarial-training")
PARTS = ["baseline", "attack-before", "adversarial", "attack-after"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", nargs=3, action="append", required=True, metavar=("DATASET/MODEL", "DIR", "COMMAND"))
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    out = {"note": args.note, "runs": {}} if args.note else {"runs": {}}
    summaries = []
    for key, directory, command in args.run:
        if key.count("/") != 1:
            sys.exit("adversarial_summary: --run key '%s' is not DATASET/MODEL" % key)
        dataset, model = key.split("/")
        summary_file = os.path.join(directory, "_summary.json")
        if not os.path.exists(summary_file):
            sys.exit("adversarial_summary: no %s; give the --output-dir of a finished adversarial run" % summary_file)
        s = json.load(open(summary_file))
        if s.get("model") != model or not s.get("input", "").startswith(dataset + " "):
            sys.exit("adversarial_summary: %s is a run of %s on '%s', not %s" % (directory, s.get("model"),
                                                                                 s.get("input"), key))
        run = {"dataset": dataset}
        run.update(s)
        run["command"] = command
        out["runs"][key] = run
        target = os.path.join(RESULTS, dataset + "-" + model)
        os.makedirs(target, exist_ok=True)
        shutil.copy(summary_file, os.path.join(target, "_summary.json"))
        summaries.append(os.path.join(target, "_summary.json"))
        for part in PARTS:
            shutil.copy(os.path.join(directory, part, "_summary.json"), os.path.join(target, part + "_summary.json"))
        figure = os.path.join(directory, "accuracy_vs_eps.png")
        if os.path.exists(figure):
            shutil.copy(figure, os.path.join(target, "accuracy_vs_eps.png"))
    with open(os.path.join(RESULTS, "summary.json"), "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    target = os.path.join(ROOT, "spark-jobs", "target")
    classpath = os.environ.get("TOPO_FIGURE_CP") or ":".join(os.path.join(target, p) for p in
                                                              ["topolayer-spark-jobs.jar", "lib/*", "spark-home/jars/*"])
    subprocess.run(["java", "-Djava.awt.headless=true", "-cp", classpath, "org.topolayer.spark.AdversarialFigure",
                    os.path.join(RESULTS, "accuracy_vs_eps.png")] + summaries, check=True)
    for key, run in out["runs"].items():
        b, a = run["before"], run["after"]
        eps = list(b["accuracy_by_eps"])
        print("| %s `%s` (%d steps) | %.3f → %.3f | %s | %.1f min |" % (
            run["dataset"], run["model"], run["training"]["steps"], b["clean_accuracy"], a["clean_accuracy"],
            " | ".join("%.3f → %.3f" % (b["accuracy_by_eps"][e], a["accuracy_by_eps"][e]) for e in eps),
            run["seconds"]["total"] / 60))
    print("eps:", ", ".join(eps))


if __name__ == "__main__":
    main()
