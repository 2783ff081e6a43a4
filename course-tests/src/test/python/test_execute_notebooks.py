"""Tests of tools/execute_notebooks.py on tiny notebooks run by the python3 kernel (ipykernel, Debian's Jupyter)."""
import csv
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[4]
TOOL = ROOT / "tools" / "execute_notebooks.py"


def notebook(path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, path)
    return path


def run_tool(*args, env=None):
    return subprocess.run([sys.executable, str(TOOL), *map(str, args), "--kernel", "python3"],
                          capture_output=True, text=True, env=env, timeout=300)


def threads_seen(executed):
    nb = nbformat.read(executed, as_version=4)
    return "".join(o.get("text", "") for o in nb.cells[0].outputs).strip()


class ExecuteNotebooksTest(unittest.TestCase):

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="execute-notebooks-"))
        self.env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
        self.show_threads = "import os; print(os.environ.get('OMP_NUM_THREADS', 'unset'))"

    def test_two_jobs_run_every_notebook_report_in_order_and_give_each_kernel_its_share_of_the_cores(self):
        names = ["01_a.ipynb", "02_b.ipynb", "03_c.ipynb"]
        paths = [notebook(self.dir / n, self.show_threads, "import time; time.sleep(0.5)") for n in names]
        result = run_tool(*paths, "--out", self.dir / "out", "--jobs", "2", env=self.env)
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        reported = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("[")]
        self.assertEqual(names, reported)
        with open(self.dir / "out" / "notebook-times.csv", newline="") as times:
            self.assertEqual(names, [row["notebook"] for row in csv.DictReader(times)])
        expected = str(max(1, (os.cpu_count() or 1) // min(2, os.cpu_count() or 1)))
        if (os.cpu_count() or 1) >= 2:
            for n in names:
                self.assertEqual(expected, threads_seen(self.dir / "out" / n), n)

    def test_a_failing_notebook_fails_the_run_and_the_others_still_execute(self):
        good = notebook(self.dir / "01_good.ipynb", self.show_threads)
        bad = notebook(self.dir / "02_bad.ipynb", "raise ValueError('broken on purpose')")
        result = run_tool(good, bad, "--out", self.dir / "out", "--jobs", "2", env=self.env)
        self.assertNotEqual(0, result.returncode)
        self.assertIn("02_bad.ipynb", result.stderr)
        self.assertIn("broken on purpose", result.stderr)
        self.assertTrue((self.dir / "out" / "01_good.ipynb").is_file())
        self.assertTrue((self.dir / "out" / "02_bad.ipynb").is_file(), "the failing copy shows the failing cell")

    def test_one_job_leaves_the_threads_alone(self):
        nb = notebook(self.dir / "01_alone.ipynb", self.show_threads)
        result = run_tool(nb, "--out", self.dir / "out", env=self.env)
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertEqual("unset", threads_seen(self.dir / "out" / "01_alone.ipynb"))

    def test_jobs_below_one_is_an_error_that_says_so(self):
        nb = notebook(self.dir / "01_x.ipynb", "1")
        result = run_tool(nb, "--out", self.dir / "out", "--jobs", "0", env=self.env)
        self.assertEqual(2, result.returncode)
        self.assertIn("--jobs must be at least 1", result.stderr)


if __name__ == "__main__":
    unittest.main()
