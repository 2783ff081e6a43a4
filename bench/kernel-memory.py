#!/usr/bin/env python3
"""Memory of one student's Java kernel: resident set size (RSS) after a notebook ran top to bottom in it.

For each JVM option set, installs the course kernel with those options into a private prefix (build/bench-jupyter),
runs the notebook in a fresh kernel through nbclient (working directory: the notebook's folder, as in Jupyter), then
reads the kernel process's current RSS and peak RSS (VmRSS, VmHWM in /proc, children included) before shutting it
down. The figures go to stdout and build/bench/kernel-memory.csv. INSTRUCTORS.md reports them.

    /usr/bin/python3 bench/kernel-memory.py notebooks/06_accuracy_vs_bit_width.ipynb \\
        --options default= --options serial=-XX:+UseSerialGC --options "xmx1g-serial=-Xmx1g -XX:+UseSerialGC"

Needs a built kernel (kernel/target/quantcourse-kernel.jar) and, for notebooks 02-06, the trained model in
build/models for the current size knobs (run notebook 04 first), or the run includes the training.
"""
import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIX = ROOT / "build" / "bench-jupyter"
os.environ["JUPYTER_PATH"] = str(PREFIX / "share" / "jupyter")

import nbformat  # noqa: E402  (after JUPYTER_PATH, which jupyter_client reads)
import psutil  # noqa: E402
from nbclient import NotebookClient  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--options", action="append", default=[],
                        help="LABEL=JVM options separated by spaces (repeatable; default: one run without options)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "kernel-memory.csv")
    return parser.parse_args()


def install(name, options):
    command = ["java", "-jar", str(ROOT / "kernel" / "target" / "quantcourse-kernel.jar"), "install",
               "--prefix", str(PREFIX), "--name", name] + [f"--jvm-opt={option}" for option in options]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def memory_mb(pid):
    """(current RSS, peak RSS) of the process and its children, in MiB."""
    processes = [psutil.Process(pid)]
    processes += processes[0].children(recursive=True)
    current = sum(p.memory_info().rss for p in processes)
    peak = 0
    for process in processes:
        with open(f"/proc/{process.pid}/status", encoding="ascii") as status:
            peak += next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) * 1024
    return current / 2**20, peak / 2**20


def measure(notebook_path, name):
    notebook = nbformat.read(notebook_path, as_version=4)
    client = NotebookClient(notebook, kernel_name=name, timeout=3600, startup_timeout=120,
                            resources={"metadata": {"path": str(notebook_path.parent.resolve())}})
    started = time.monotonic()
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        seconds = time.monotonic() - started
        rss, peak = memory_mb(client.km.provisioner.process.pid)
    return seconds, rss, peak


def main():
    args = parse_args()
    runs = [option.split("=", 1) for option in args.options] or [["default", ""]]
    rows = []
    for label, options in runs:
        name = "quantcourse-memory-" + label
        install(name, options.split())
        seconds, rss, peak = measure(args.notebook, name)
        rows.append({"notebook": args.notebook.name, "label": label, "jvm_options": options,
                     "seconds": f"{seconds:.1f}", "rss_mib": f"{rss:.0f}", "peak_rss_mib": f"{peak:.0f}"})
        print(f"{label:>16} [{options}]: {seconds:.1f} s, RSS {rss:.0f} MiB after the notebook, peak {peak:.0f} MiB",
              flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"written {args.out}")


if __name__ == "__main__":
    sys.exit(main())
