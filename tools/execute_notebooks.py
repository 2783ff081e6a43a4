#!/usr/bin/env python3
"""Execute notebooks top to bottom, each in a fresh kernel, and write executed copies (and HTML).

Used by `./course run` (all notebooks, HTML; two at a time on a machine with two cores or more) and by the notebook
tests (one notebook per call). With --jobs N, N notebooks run at once, each kernel given OMP_NUM_THREADS = cores / N
(unless OMP_NUM_THREADS is set already); a model two kernels need is trained once (the course library's cache lock).
Needs nbclient and nbconvert: use /usr/bin/python3 on Debian, or the conda env of environment.yml.
"""
import argparse
import csv
import os
from concurrent.futures import ProcessPoolExecutor
import sys
import time
from pathlib import Path

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError
except ImportError as missing:  # pragma: no cover - depends on the machine
    sys.exit(f"execute_notebooks: {missing}. Install Jupyter: on Debian/Ubuntu `apt-get install -y "
             "jupyter-client jupyter-nbconvert python3-nbclient` and use /usr/bin/python3; with conda, "
             "`conda env create -f environment.yml && conda activate quantcourse`.")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebooks", nargs="+", type=Path, help="notebooks to execute, in order")
    parser.add_argument("--out", type=Path, required=True, help="folder for the executed copies")
    parser.add_argument("--html", action="store_true", help="also write an HTML page per notebook")
    parser.add_argument("--kernel", default="java", help="kernelspec name (default: java)")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds one cell may run (default 3600)")
    parser.add_argument("--startup-timeout", type=int, default=120, help="seconds the kernel may take to start")
    parser.add_argument("--jobs", type=int, default=1,
                        help="notebooks run at once (default 1; at most one per core), results reported in order")
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, not {args.jobs}")
    args.jobs = min(args.jobs, os.cpu_count() or 1, len(args.notebooks))
    return args


def write_html(notebook, target):
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter().from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")


def execute(path, args):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name=args.kernel, timeout=args.timeout,
                            startup_timeout=args.startup_timeout,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    error = None
    started = time.monotonic()
    try:
        client.execute()
    except (CellExecutionError, DeadKernelError, TimeoutError, RuntimeError) as failure:
        error = failure
    seconds = time.monotonic() - started
    args.out.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, args.out / path.name)
    if args.html:
        write_html(notebook, args.out / (path.stem + ".html"))
    return seconds, None if error is None else str(error)


def run_all(args):
    """Yields (index, path, (seconds, error)) in the order given, running args.jobs notebooks at once."""
    total = len(args.notebooks)
    if args.jobs == 1:
        for index, path in enumerate(args.notebooks, 1):
            print(f"[{index}/{total}] {path.name} ...", flush=True)
            yield index, path, execute(path, args)
        return
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // args.jobs)))
    print(f"running {args.jobs} notebooks at a time, OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']} per kernel",
          flush=True)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(execute, path, args) for path in args.notebooks]
        for index, (path, future) in enumerate(zip(args.notebooks, futures), 1):
            yield index, path, future.result()


def main():
    args = parse_args()
    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        sys.exit("execute_notebooks: no such notebook: " + ", ".join(missing))
    rows, failed = [], []
    for index, path, (seconds, error) in run_all(args):
        status = "ok" if error is None else "FAILED"
        print(f"[{index}/{len(args.notebooks)}] {path.name} {status} in {seconds:.1f} s", flush=True)
        if error is not None:
            print(error, file=sys.stderr, flush=True)
            failed.append(path.name)
        rows.append({"notebook": path.name, "seconds": f"{seconds:.1f}", "status": status})
    with open(args.out / "notebook-times.csv", "a" if (args.out / "notebook-times.csv").exists() else "w",
              newline="") as times:
        writer = csv.DictWriter(times, fieldnames=["notebook", "seconds", "status"])
        if times.tell() == 0:
            writer.writeheader()
        writer.writerows(rows)
    if failed:
        sys.exit(f"execute_notebooks: {len(failed)} notebook(s) failed: {', '.join(failed)} "
                 f"(the executed copies under {args.out} show the failing cell)")
    print(f"executed {len(rows)} notebook(s) into {args.out}" + (" (with HTML)" if args.html else "")
          + (f", {args.jobs} at a time" if args.jobs > 1 else ""))


if __name__ == "__main__":
    main()
