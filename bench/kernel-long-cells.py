#!/usr/bin/python3
"""Time of declaration-only cells of growing length (each in a fresh kernel): N lines `int vI = I;`.
Writes build/bench/kernel-long-cells.csv (lines,seconds). Target (issue 11): linear; 1,000 lines < 2 s, 10,000 < 20 s.
    flock /tmp/quantcourse-mvn.lock /usr/bin/python3 bench/kernel-long-cells.py 250 500 1000
"""
import csv
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

from jupyter_client.manager import start_new_kernel

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("endurance", os.path.join(HERE, "kernel-endurance.py"))
endurance = importlib.util.module_from_spec(spec)
spec.loader.exec_module(endurance)
OUT = os.path.join(endurance.ROOT, "build", "bench", "kernel-long-cells.csv")


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [250, 500, 1000]
    prefix = tempfile.mkdtemp(prefix="kernel-long-cells-")
    rows = []
    try:
        subprocess.run([endurance.JAVA, "-jar", endurance.JAR, "install", "--prefix", prefix], check=True,
                       stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        for lines in sizes:
            km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
            try:
                endurance.execute(kc, "int warm = 1;")
                cell = "".join("int v%d = %d;\n" % (i, i) for i in range(lines))
                seconds, _ = endurance.execute(kc, cell)
                rows.append((lines, seconds))
                print("%d lines: %.2f s" % (lines, seconds), flush=True)
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["lines", "seconds"])
        writer.writerows([(n, "%.2f" % s) for n, s in rows])
    print("wrote", OUT)


if __name__ == "__main__":
    main()
