#!/usr/bin/env python3
"""Execute notebooks top to bottom, each in a fresh kernel, and write executed copies (and HTML).

Used by `./course run` (all notebooks, HTML) and by the notebook tests (one notebook at a time).
Needs nbclient and nbconvert: use /usr/bin/python3 on Debian, or the conda env of environment.yml.
"""
import argparse
import csv
import os
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
    return parser.parse_args()


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
    return seconds, error


def main():
    args = parse_args()
    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        sys.exit("execute_notebooks: no such notebook: " + ", ".join(missing))
    rows, failed = [], []
    for index, path in enumerate(args.notebooks, 1):
        print(f"[{index}/{len(args.notebooks)}] {path.name} ...", flush=True)
        seconds, error = execute(path, args)
        status = "ok" if error is None else "FAILED"
        print(f"[{index}/{len(args.notebooks)}] {path.name} {status} in {seconds:.1f} s", flush=True)
        if error is not None:
            print(str(error), file=sys.stderr, flush=True)
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
    print(f"executed {len(rows)} notebook(s) into {args.out}" + (" (with HTML)" if args.html else ""))


if __name__ == "__main__":
    main()
