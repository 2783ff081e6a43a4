#!/usr/bin/python3
"""Endurance of the Java kernel: many cells in one session, each defining a class, a lambda and a variable, then
plain `int` cells. Reports per-cell latency (median of a window), retained heap after a full GC, loaded classes and
the kernel's RSS at checkpoints; writes build/bench/kernel-endurance.csv.

Run from the repository root after `mvn -pl kernel package`, under the shared lock:
    flock /tmp/quantcourse-mvn.lock /usr/bin/python3 bench/kernel-endurance.py [CELLS] [PLAIN_CELLS]
Targets (issue 11): median latency at cell 600 within 1.5x of cell 10; retained heap per plain cell under 20 KB.
"""
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("KERNEL_JAR", os.path.join(ROOT, "kernel", "target", "quantcourse-kernel.jar"))
JAVA = os.environ.get("KERNEL_JAVA", "java")
OUT = os.path.join(ROOT, "build", "bench", "kernel-endurance.csv")
WINDOW = 10
PROBE = ("System.gc(); System.gc(); java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()"
         ".getUsed() + \" \" + java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()")


def execute(kc, code):
    """Runs a cell; returns (seconds, text/plain result or None)."""
    started = time.perf_counter()
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=600)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"]["text/plain"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=600)
    if reply["content"]["status"] != "ok":
        raise RuntimeError("cell failed: %s\n%s" % (code, reply["content"]))
    return time.perf_counter() - started, result


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def checkpoint(kc, pid, phase, cell, latencies):
    _, text = execute(kc, PROBE)
    heap, classes = text.strip('"').split()
    return {"phase": phase, "cell": cell, "median_latency_s": "%.3f" % statistics.median(latencies[-WINDOW:]),
            "retained_heap_mb": "%.1f" % (int(heap) / 2 ** 20), "loaded_classes": classes,
            "rss_mb": "%.0f" % rss_mb(pid)}


def rich_cell(i):
    return ("record Item%d(int id, String name) { int twice() { return 2 * id; } }\n"
            "java.util.function.IntUnaryOperator f%d = x -> x + %d;\n"
            "var item%d = new Item%d(%d, \"n%d\");" % (i, i, i, i, i, i, i))


def main():
    cells = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    plain = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    prefix = tempfile.mkdtemp(prefix="kernel-endurance-")
    rows = []
    try:
        subprocess.run([JAVA, "-jar", JAR, "install", "--prefix", prefix], check=True, stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
        pid = km.provisioner.process.pid
        try:
            execute(kc, "int warm = 1;")
            latencies = []
            marks = {10, 100, 300, cells}
            for i in range(1, cells + 1):
                latencies.append(execute(kc, rich_cell(i))[0])
                if i in marks:
                    rows.append(checkpoint(kc, pid, "class+lambda+var", i, latencies))
                    print(rows[-1], flush=True)
            plain_latencies = []
            for i in range(1, plain + 1):
                plain_latencies.append(execute(kc, "int plain%d = %d;" % (i, i))[0])
                if i in (WINDOW, plain):
                    rows.append(checkpoint(kc, pid, "plain int", i, plain_latencies))
                    print(rows[-1], flush=True)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    rich = [r for r in rows if r["phase"] == "class+lambda+var"]
    flat = [r for r in rows if r["phase"] == "plain int"]
    print("latency at cell %s / cell %s: %.2fx (target <= 1.5x)" % (rich[-1]["cell"], rich[0]["cell"],
          float(rich[-1]["median_latency_s"]) / float(rich[0]["median_latency_s"])))
    if len(flat) == 2:
        per_cell = (float(flat[1]["retained_heap_mb"]) - float(flat[0]["retained_heap_mb"])) * 1024 / (plain - WINDOW)
        print("retained heap per plain int cell: %.1f KB (target < 20 KB)" % per_cell)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
