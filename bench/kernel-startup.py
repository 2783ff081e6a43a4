#!/usr/bin/python3
"""Startup time of the Java kernel: from launching the kernel process to its first kernel_info_reply, and to the
first execute result ("1 + 1"). Median of 5 launches; writes build/bench/kernel-startup.csv and prints the numbers.

Run from the repository root after `mvn -pl kernel package` (run it under the shared lock):
    flock /tmp/course-mvn.lock /usr/bin/python3 bench/kernel-startup.py
Target: kernel_info_reply in under 3 s.
"""
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("KERNEL_JAR", os.path.join(ROOT, "kernel", "target", "quantcourse-kernel.jar"))
OUT = os.path.join(ROOT, "build", "bench", "kernel-startup.csv")
RUNS = 5
TARGET_SECONDS = 3.0


def one_launch():
    km = KernelManager(kernel_name="java")
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        msg_id = kc.kernel_info()
        while True:
            reply = kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        info_seconds = time.perf_counter() - started
        reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError("first cell failed: %s" % reply["content"])
        first_result_seconds = time.perf_counter() - started
        return info_seconds, first_result_seconds
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    if not os.path.isfile(JAR):
        sys.exit("No kernel jar at %s; build it with `mvn -pl kernel package`" % JAR)
    prefix = tempfile.mkdtemp(prefix="kernel-bench-")
    try:
        subprocess.run(["java", "-jar", JAR, "install", "--prefix", prefix], check=True, stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        one_launch()  # warm the OS file cache; not counted
        runs = [one_launch() for _ in range(RUNS)]
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    info = statistics.median(r[0] for r in runs)
    first = statistics.median(r[1] for r in runs)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["run", "kernel_info_reply_s", "first_result_s"])
        for i, (a, b) in enumerate(runs, 1):
            writer.writerow([i, "%.3f" % a, "%.3f" % b])
        writer.writerow(["median", "%.3f" % info, "%.3f" % first])
    print("kernel startup, median of %d: kernel_info_reply %.2f s (target < %.1f s), first result of 1 + 1 %.2f s"
          % (RUNS, info, TARGET_SECONDS, first))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
