"""The rules of tools/slide_tags.py and the course-map extraction of tools/build_site.py, on small notebooks.

Run by SiteInBrowserTest:  python3 -m unittest -v course-tests/src/test/python/test_site_tools.py
"""
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat

TOOLS = Path(__file__).resolve().parents[4] / "tools"
sys.path.insert(0, str(TOOLS))
import build_site  # noqa: E402
import slide_tags  # noqa: E402


def markdown(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def code(lines):
    return {"cell_type": "code", "metadata": {}, "source": "\n".join(f"int x{i} = {i};" for i in range(lines)),
            "outputs": [], "execution_count": None}


class SlideTagRulesTest(unittest.TestCase):

    def test_top_headings_open_slides_and_third_level_headings_open_subslides(self):
        cells = [markdown("# Title\ntext"), code(2), markdown("## Part"), markdown("### Detail"), markdown("more")]
        self.assertEqual(["slide", "-", "slide", "subslide", "-"], slide_tags.slide_types(cells))

    def test_a_cell_that_would_overflow_the_slide_opens_a_subslide(self):
        cells = [markdown("## Part"), code(slide_tags.SLIDE_LINES - 8), code(4), code(2)]
        self.assertEqual(["slide", "-", "subslide", "-"], slide_tags.slide_types(cells))

    def test_a_heading_needs_a_space_and_bold_text_is_not_a_heading(self):
        cells = [markdown("## Part"), markdown("#hashtag"), markdown("**Goals**")]
        self.assertEqual(["slide", "-", "-"], slide_tags.slide_types(cells))

    def test_tagging_twice_changes_nothing_and_keeps_the_file_layout(self):
        notebook = {"cells": [markdown(["# T\n", "x"]), code(3)], "metadata": {"kernelspec": {"name": "java"}},
                    "nbformat": 4, "nbformat_minor": 5}
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "00_t.ipynb"
            path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            first = subprocess.run([sys.executable, str(TOOLS / "slide_tags.py"), str(path)], capture_output=True)
            tagged = path.read_text(encoding="utf-8")
            check = subprocess.run([sys.executable, str(TOOLS / "slide_tags.py"), "--check", str(path)],
                                   capture_output=True, text=True)
            self.assertEqual(0, first.returncode, first.stderr)
            self.assertEqual(0, check.returncode, check.stdout)
            self.assertEqual(tagged, path.read_text(encoding="utf-8"))
            self.assertTrue(tagged.startswith('{\n "cells": [\n  {\n   "cell_type": "markdown"'))
            self.assertEqual({"kernelspec": {"name": "java"}}, json.loads(tagged)["metadata"])

    def test_check_fails_and_names_an_untagged_notebook(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "01_u.ipynb"
            path.write_text(json.dumps({"cells": [markdown("# T")], "metadata": {}, "nbformat": 4,
                                        "nbformat_minor": 5}), encoding="utf-8")
            check = subprocess.run([sys.executable, str(TOOLS / "slide_tags.py"), "--check", str(path)],
                                   capture_output=True, text=True)
            self.assertEqual(1, check.returncode)
            self.assertIn("01_u.ipynb", check.stdout)


class CourseMapTest(unittest.TestCase):

    @staticmethod
    def notebook(*sources):
        return nbformat.from_dict({"cells": [nbformat.v4.new_markdown_cell(s) for s in sources], "metadata": {},
                                   "nbformat": 4, "nbformat_minor": 5})

    def test_a_goals_section_is_taken_up_to_the_next_heading(self):
        nb = self.notebook("# 02 · Topic\n\nIntro.\n\n## Learning goals\n\n- one\n- two\n\n## Next\n\nlater")
        self.assertEqual("- one\n- two", build_site.goals_of(nb))

    def test_bold_goals_line_is_a_goals_section(self):
        nb = self.notebook("# 03 · Topic", "**Goals:** quantize a tensor.\n\n- and pack it")
        self.assertEqual("quantize a tensor.\n\n- and pack it", build_site.goals_of(nb))

    def test_without_goals_the_opening_paragraphs_after_the_title(self):
        nb = self.notebook("# 04 · Topic\n\nFirst paragraph.\n\n```java\ncode\n```\n\nlater")
        self.assertEqual("First paragraph.", build_site.goals_of(nb))
        self.assertEqual("04 · Topic", build_site.title_of(nb, "04_topic"))

    def test_the_last_recorded_time_of_each_notebook_counts(self):
        with tempfile.TemporaryDirectory() as folder:
            times = Path(folder) / "notebook-times.csv"
            times.write_text("notebook,seconds,status\n00_a.ipynb,10.0,FAILED\n00_a.ipynb,75.4,ok\n")
            self.assertEqual({"00_a.ipynb": (75.4, "ok")}, build_site.read_times(times))
        self.assertEqual("1 min 15 s", build_site.duration(75.4))
        self.assertEqual("9 s", build_site.duration(9.2))

    def test_a_page_that_loads_from_a_cdn_or_file_url_fails_the_build(self):
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "p.html").write_text('<script src="file:///usr/share/javascript/x.js"></script>')
            with self.assertRaises(SystemExit) as failure:
                build_site.check_self_contained(Path(folder))
            self.assertIn("file:///usr/share/javascript/x.js", str(failure.exception))


if __name__ == "__main__":
    unittest.main()
